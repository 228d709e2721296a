#include "kiosk/staff/candidates/sqlite_service.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <map>

#include "cv/render.hpp"
#include "db/audit.hpp"
#include "db/candidates.hpp"
#include "db/cv_profile.hpp"
#include "db/data_protection.hpp"
#include "db/sqlite.hpp"
#include "db/timestamps.hpp"
#include "kiosk/app/cv_printer.hpp"
#include "kiosk/staff/matches/csv_export.hpp"
#include "matcher/normalise.hpp"

namespace kk::staff {
namespace {

static constexpr char kListSql[] =
    "SELECT id, resume_code, status, ui_language, given_name, family_name, COALESCE(postcode, ''), city, updated_at "
    "FROM candidates ORDER BY id";
// Each experience's German occupation label, else the person's own words.
static constexpr char kOccupationsSql[] =
    "SELECT w.candidate_id, COALESCE(l.preferred, w.title) FROM work_experiences AS w "
    "LEFT JOIN occupation_labels AS l ON l.occupation_id = w.occupation_id AND l.language = 'de' "
    "ORDER BY w.candidate_id, w.position";
static constexpr char kReviewStatusesSql[] =
    "SELECT DISTINCT candidate_id, status FROM match_reviews ORDER BY candidate_id, status";
static constexpr char kCodeSql[] = "SELECT resume_code FROM candidates WHERE id = ?";
static constexpr char kExperienceLabelsSql[] =
    "SELECT COALESCE(l.preferred, '') FROM work_experiences AS w "
    "LEFT JOIN occupation_labels AS l ON l.occupation_id = w.occupation_id AND l.language = 'de' "
    "WHERE w.candidate_id = ? ORDER BY w.position";
static constexpr char kSkillsSql[] =
    "SELECT cs.id, COALESCE(l.preferred, cs.free_text, ''), cs.source, COALESCE(cs.verification, ''), "
    "COALESCE(u.username, ''), COALESCE(cs.verified_at, '') FROM candidate_skills AS cs "
    "LEFT JOIN skill_labels AS l ON l.skill_id = cs.skill_id AND l.language = 'de' "
    "LEFT JOIN staff_users AS u ON u.id = cs.verified_by "
    "WHERE cs.candidate_id = ? ORDER BY cs.id";

}  // namespace

db::Result<std::vector<CandidateSummary>> SqliteCandidates::list() {
    using R = db::Result<std::vector<CandidateSummary>>;
    try {
        std::vector<CandidateSummary> rows;
        std::map<std::int64_t, std::size_t> by_id;
        db::Statement select(store_.connection(), kListSql);
        while (select.step()) {
            CandidateSummary c;
            c.id = select.column_int(0);
            c.resume_code = select.column_text(1);
            c.status = select.column_text(2);
            c.ui_language = select.column_text(3);
            c.given_name = select.column_text(4);
            c.family_name = select.column_text(5);
            c.postcode = select.column_text(6);
            c.city = select.column_text(7);
            c.updated_at = select.column_text(8);
            by_id[c.id] = rows.size();
            rows.push_back(std::move(c));
        }
        db::Statement occupations(store_.connection(), kOccupationsSql);
        while (occupations.step()) {
            const auto it = by_id.find(occupations.column_int(0));
            if (it != by_id.end()) rows[it->second].occupations.push_back(occupations.column_text(1));
        }
        db::Statement reviews(store_.connection(), kReviewStatusesSql);
        while (reviews.step()) {
            const auto it = by_id.find(reviews.column_int(0));
            if (it != by_id.end()) rows[it->second].review_statuses.push_back(reviews.column_text(1));
        }
        for (CandidateSummary& c : rows) {
            std::string haystack = c.given_name + " " + c.family_name + " " + c.resume_code + " " + c.postcode + " " + c.city;
            for (const auto& o : c.occupations) haystack += " " + o;
            c.search_key = matcher::fold_for_matching(haystack);
            c.name_key = matcher::fold_for_matching(c.family_name + " " + c.given_name);
        }
        return R::ok(std::move(rows));
    } catch (const db::Error& e) {
        return R::fail(e.what());
    }
}

db::Result<std::optional<CandidateDetail>> SqliteCandidates::reread(std::int64_t id) {
    using R = db::Result<std::optional<CandidateDetail>>;
    std::string code;
    CandidateDetail detail;
    detail.id = id;
    try {
        db::Statement select(store_.connection(), kCodeSql);
        select.bind(1, id);
        if (!select.step()) return R::ok(std::nullopt);
        code = select.column_text(0);
        db::Statement labels(store_.connection(), kExperienceLabelsSql);
        labels.bind(1, id);
        while (labels.step()) detail.experience_labels.push_back(labels.column_text(0));
        db::Statement skills(store_.connection(), kSkillsSql);
        skills.bind(1, id);
        while (skills.step()) {
            detail.skills.push_back(CandidateSkillView{.id = skills.column_int(0),
                                                       .label = skills.column_text(1),
                                                       .verified = skills.column_text(2) == "verified",
                                                       .verified_how = skills.column_text(3),
                                                       .verified_by = skills.column_text(4),
                                                       .verified_at = skills.column_text(5)});
        }
    } catch (const db::Error& e) {
        return R::fail(e.what());
    }
    auto record = db::load_candidate(store_, code);
    if (!record) return R::fail(record.error());
    if (!*record) return R::ok(std::nullopt);
    detail.record = std::move(**record);
    return R::ok(std::move(detail));
}

db::Result<std::optional<CandidateDetail>> SqliteCandidates::open(std::int64_t id, const db::StaffActor& actor) {
    using R = db::Result<std::optional<CandidateDetail>>;
    auto detail = reread(id);
    if (!detail || !*detail) return detail;
    // The view is logged before anything is shown: no profile on screen without its audit entry.
    auto audited = db::audit_candidate_view(store_, actor.username, id, clock_());
    if (!audited) return R::fail(audited.error());
    return detail;
}

db::Result<bool> SqliteCandidates::verify_skill(std::int64_t skill_id, db::SkillVerification how,
                                                const db::StaffActor& actor) {
    return db::verify_candidate_skill(store_, skill_id, how, actor, clock_());
}

db::Result<bool> SqliteCandidates::erase(std::int64_t id, const db::StaffActor& actor) {
    auto report = db::erase_candidate(store_, id, actor.username, clock_());
    if (!report) return db::Result<bool>::fail(report.error());
    return db::Result<bool>::ok(true);
}

db::Result<std::filesystem::path> SqliteCandidates::export_list(const std::vector<CandidateSummary>& rows) {
    // Column names are stable codes (a data file, not UI text).
    const CsvRow header{"resume_code", "given_name", "family_name", "status", "ui_language", "postcode",
                        "city", "occupations", "review_statuses", "updated_at"};
    std::vector<CsvRow> cells;
    for (const CandidateSummary& c : rows) {
        std::string occupations, reviews;
        for (const auto& o : c.occupations) occupations += (occupations.empty() ? "" : ", ") + o;
        for (const auto& r : c.review_statuses) reviews += (reviews.empty() ? "" : ", ") + r;
        cells.push_back({c.resume_code, c.given_name, c.family_name, c.status, c.ui_language, c.postcode, c.city,
                         occupations, reviews, c.updated_at});
    }
    return write_csv_export(export_dir_, "kandidaten", header, cells, clock_());
}

db::Result<std::filesystem::path> SqliteCandidates::save_cv_pdf(const std::string& resume_code, std::int64_t id) {
    using R = db::Result<std::filesystem::path>;
    auto record = db::load_candidate(store_, resume_code);
    if (!record) return R::fail(record.error());
    if (!*record) return R::fail("no candidate #" + std::to_string(id));
    std::error_code ec;
    std::filesystem::create_directories(export_dir_, ec);
    if (ec) return R::fail("cannot create " + export_dir_.string() + ": " + ec.message());
    // Named by id, not by name: the file name shows in listings and logs.
    const std::filesystem::path file = export_path(export_dir_, "lebenslauf-" + std::to_string(id), "pdf", clock_());
    // Created 0600 first: the renderer then writes into a file only its owner can read.
    const int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) return R::fail("cannot write " + file.string());
    ::close(fd);
    const std::string today = db::utc_timestamp(clock_()).substr(0, 10);
    const db::StoreCatalogLabels labels(store_);
    const auto rendered = cv::render_cv_pdf(db::to_cv_profile(**record, today), labels, bundle_dir_, file);
    if (!rendered) {
        std::filesystem::remove(file, ec);
        return R::fail("the CV could not be rendered");
    }
    return R::ok(file);
}

text::Bitmap SqliteCandidates::cv_page(const std::string& resume_code, int width_px) {
    kiosk::CvPrinter printer(store_, bundle_dir_);
    return printer.first_page(resume_code, width_px);
}

}  // namespace kk::staff
