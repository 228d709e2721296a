#pragma once
// The matches panel over the SQLite store: the engine of `kioskctl match` (catalog labels → SkillIndex →
// load_match_data → Scorer → MatchIndex), built once on first use and kept until refresh() (building it takes
// about 1.5 s on the full ESCO catalog), plus the review functions of db/match_reviews.hpp.
#include <chrono>
#include <filesystem>
#include <functional>
#include <memory>

#include "db/store.hpp"
#include "kiosk/staff/matches/service.hpp"

namespace kk::staff {

class SqliteMatches final : public MatchesService {
public:
    using Clock = std::function<db::TimePoint()>;
    SqliteMatches(db::Store& store, std::filesystem::path export_dir,
                  Clock clock = [] { return std::chrono::system_clock::now(); });
    ~SqliteMatches() override;

    db::Result<std::vector<MatchRow>> for_candidate(std::int64_t candidate_id, std::size_t top) override;
    db::Result<std::vector<MatchRow>> for_vacancy(std::int64_t vacancy_id, std::size_t top) override;
    void refresh() override;
    db::Result<db::MatchReview> propose(std::int64_t candidate_id, std::int64_t vacancy_id, double score,
                                        const db::StaffActor& actor) override;
    db::Result<db::MatchReview> change_status(std::int64_t review_id, db::ReviewStatus to, std::string_view reason,
                                              const db::StaffActor& actor) override;
    db::Result<db::MatchReview> add_note(std::int64_t review_id, std::string_view note,
                                         const db::StaffActor& actor) override;
    db::Result<std::filesystem::path> export_csv(const std::vector<MatchRow>& rows, std::string_view stem) override;

    // How many times the engine was built (a test checks that clicks do not rebuild it).
    int builds() const { return builds_; }

private:
    struct Engine;
    db::Result<Engine*> engine();

    db::Store& store_;
    std::filesystem::path export_dir_;
    Clock clock_;
    std::unique_ptr<Engine> engine_;
    int builds_ = 0;
};

}  // namespace kk::staff
