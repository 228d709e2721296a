#pragma once
// What the candidates view's effects call. Implemented over SQLite in sqlite_service.hpp; views and changes
// are audited by the db functions it calls (ids only in the log).
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "db/match_reviews.hpp"
#include "db/result.hpp"
#include "db/staff.hpp"
#include "kiosk/staff/candidates/state.hpp"
#include "kiosk/text/layout.hpp"

namespace kk::staff {

class CandidatesService {
public:
    virtual ~CandidatesService() = default;
    // Every candidate with what the list shows and searches, by id.
    virtual db::Result<std::vector<CandidateSummary>> list() = 0;
    // The profile of candidate `id`; writes the audit entry candidate.view by `actor`. nullopt: no such one.
    virtual db::Result<std::optional<CandidateDetail>> open(std::int64_t id, const db::StaffActor& actor) = 0;
    // The same without an audit entry: showing the open profile again after a change made in it.
    virtual db::Result<std::optional<CandidateDetail>> reread(std::int64_t id) = 0;
    // Marks candidate_skills row `skill_id` verified (audited by the store).
    virtual db::Result<bool> verify_skill(std::int64_t skill_id, db::SkillVerification how,
                                          const db::StaffActor& actor) = 0;
    // Erases candidate `id` and everything of theirs (GDPR; audited as "candidate #id erased by X").
    virtual db::Result<bool> erase(std::int64_t id, const db::StaffActor& actor) = 0;
    // Writes `rows` as CSV into the export directory; returns the file.
    virtual db::Result<std::filesystem::path> export_list(const std::vector<CandidateSummary>& rows) = 0;
    // Renders the German CV of candidate `resume_code` as PDF into the export directory (mode 0600).
    virtual db::Result<std::filesystem::path> save_cv_pdf(const std::string& resume_code, std::int64_t id) = 0;
    // The CV's first page `width_px` wide; empty when it cannot be rendered.
    virtual text::Bitmap cv_page(const std::string& resume_code, int width_px) = 0;
};

}  // namespace kk::staff
