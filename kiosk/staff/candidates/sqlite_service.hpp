#pragma once
// The candidates view over the SQLite store (db/candidates, db/audit, db/match_reviews, db/data_protection)
// and the CV renderer (kk::cv through kiosk/app/cv_printer).
#include <chrono>
#include <filesystem>
#include <functional>

#include "db/store.hpp"
#include "kiosk/staff/candidates/service.hpp"

namespace kk::staff {

class SqliteCandidates final : public CandidatesService {
public:
    using Clock = std::function<db::TimePoint()>;
    SqliteCandidates(db::Store& store, std::filesystem::path bundle_dir, std::filesystem::path export_dir,
                     Clock clock = [] { return std::chrono::system_clock::now(); })
        : store_(store), bundle_dir_(std::move(bundle_dir)), export_dir_(std::move(export_dir)), clock_(std::move(clock)) {}

    db::Result<std::vector<CandidateSummary>> list() override;
    db::Result<std::optional<CandidateDetail>> open(std::int64_t id, const db::StaffActor& actor) override;
    db::Result<std::optional<CandidateDetail>> reread(std::int64_t id) override;
    db::Result<bool> verify_skill(std::int64_t skill_id, db::SkillVerification how, const db::StaffActor& actor) override;
    db::Result<bool> erase(std::int64_t id, const db::StaffActor& actor) override;
    db::Result<std::filesystem::path> export_list(const std::vector<CandidateSummary>& rows) override;
    db::Result<std::filesystem::path> save_cv_pdf(const std::string& resume_code, std::int64_t id) override;
    text::Bitmap cv_page(const std::string& resume_code, int width_px) override;

private:
    db::Store& store_;
    std::filesystem::path bundle_dir_;
    std::filesystem::path export_dir_;
    Clock clock_;
};

}  // namespace kk::staff
