#pragma once
// The matches panel over the SQLite store: the engine of `kioskctl match` (catalog labels → SkillIndex →
// load_match_data → Scorer → MatchIndex), built once and kept until refresh(), plus the review functions of
// db/match_reviews.hpp. Building it takes about 1.5 s on the full ESCO catalog: after warm_up() it is built
// on a worker thread with a connection of its own (again after each refresh()), so the desk does not freeze
// on its first match; without warm_up() the first query builds it.
#include <chrono>
#include <filesystem>
#include <functional>
#include <future>
#include <memory>
#include <optional>

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
    // Starts building the engine on a worker thread from the database file at `database` (the file `store`
    // was opened from), and again after every refresh().
    void warm_up(const std::filesystem::path& database);
    db::Result<db::MatchReview> propose(std::int64_t candidate_id, std::int64_t vacancy_id, double score,
                                        const db::StaffActor& actor) override;
    db::Result<db::MatchReview> change_status(std::int64_t review_id, db::ReviewStatus to, std::string_view reason,
                                              const db::StaffActor& actor) override;
    db::Result<db::MatchReview> add_note(std::int64_t review_id, std::string_view note,
                                         const db::StaffActor& actor) override;
    db::Result<std::filesystem::path> export_csv(const std::vector<MatchRow>& rows, std::string_view stem) override;

    // How many times the engine was built (a test checks that clicks do not rebuild it), and how many of those
    // builds ran on the worker thread.
    int builds() const { return builds_; }
    int background_builds() const { return background_builds_; }

private:
    struct Engine;
    db::Result<Engine*> engine();
    static db::Result<std::unique_ptr<Engine>> build_engine(db::Store& store, db::TimePoint now);
    std::future<db::Result<std::unique_ptr<Engine>>> start_build(const std::filesystem::path& database);

    db::Store& store_;
    std::filesystem::path export_dir_;
    Clock clock_;
    std::unique_ptr<Engine> engine_;
    int builds_ = 0;
    int background_builds_ = 0;
    std::optional<std::filesystem::path> database_;  // set by warm_up()
    // Last: a std::async future waits for its worker when destroyed, before anything it would outlive.
    std::future<db::Result<std::unique_ptr<Engine>>> warming_;
};

}  // namespace kk::staff
