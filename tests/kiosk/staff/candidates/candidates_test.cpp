// The candidates view headless against a real store: search, filters and sort; opening a profile (audited,
// CV preview uploaded and released); skill verification; the review workflow through the matches panel;
// exports; erase for admins only.
#include <sys/stat.h>

#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>

#include "db/audit.hpp"
#include "db/match_reviews.hpp"
#include "db/sqlite.hpp"
#include "kiosk/staff/matches/panel.hpp"
#include "tests/kiosk/staff/candidates/candidates_desk.hpp"

using namespace kk;

namespace {

using Codes = std::vector<std::string>;

std::string read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

unsigned mode_of(const std::filesystem::path& path) {
    struct stat st {};
    REQUIRE(::stat(path.c_str(), &st) == 0);
    return st.st_mode & 0777u;
}

std::int64_t count_of(db::Store& store, const char* sql, std::int64_t id) {
    db::Statement select(store.connection(), sql);
    select.bind(1, id);
    REQUIRE(select.step());
    return select.column_int(0);
}

}  // namespace

TEST_CASE("the candidate list narrows by search text, status and UI language, and sorts by column", "[staff][candidates]") {
    test::CandidatesDesk desk;
    REQUIRE(desk.state().loaded);
    CHECK(desk.state().all.size() == 6);
    CHECK(desk.shown() == Codes{"KK-F", "KK-E", "KK-A", "KK-B", "KK-C", "KK-D"});  // by family name, then code
    CHECK(desk.f.has_target("candidates.row." + std::to_string(desk.id_of("KK-E"))));

    desk.f.click(staff::kCandidateSearchField);
    desk.f.type("haddad");
    desk.f.frame();  // the typed text applies after the frame that read it
    CHECK(desk.shown() == Codes{"KK-E"});
    CHECK_FALSE(desk.f.has_target("candidates.row." + std::to_string(desk.id_of("KK-A"))));
    desk.clear_field();
    desk.f.type("35066");
    CHECK(desk.shown() == Codes{"KK-C", "KK-D"});
    desk.clear_field();
    desk.f.type("maurer");  // the occupation in the person's own words
    CHECK(desk.shown() == Codes{"KK-E"});
    desk.clear_field();
    desk.f.type("kk-b");
    CHECK(desk.shown() == Codes{"KK-B"});
    desk.clear_field();
    desk.f.frame();

    desk.f.click("candidates.status.incomplete");
    CHECK(desk.shown() == Codes{"KK-E"});
    desk.f.click("candidates.status.complete");
    CHECK(desk.shown().size() == 5);
    desk.f.click("candidates.status.all");

    desk.f.click("candidates.language");  // cycles through the languages present: ar first
    CHECK(desk.state().language == "ar");
    CHECK(desk.shown() == Codes{"KK-E"});
    desk.f.click("candidates.language");
    CHECK(desk.state().language == "de");
    CHECK(desk.shown().size() == 5);
    desk.f.click("candidates.language");
    CHECK(desk.state().language.empty());

    desk.f.click("candidates.sort.postcode");
    CHECK(desk.shown() == Codes{"KK-E", "KK-A", "KK-B", "KK-F", "KK-C", "KK-D"});
    desk.f.click("candidates.sort.postcode");  // again: the other way round
    CHECK(desk.shown().front() == "KK-C");
    CHECK(desk.shown().back() == "KK-E");
}

TEST_CASE("opening a candidate writes an audit entry with ids only and shows the CV preview until closed",
          "[staff][candidates]") {
    test::CandidatesDesk desk;
    const std::int64_t id = desk.id_of("KK-E");
    desk.open("KK-E");
    CHECK(desk.state().detail->record.phone == "+49 151 2345678");
    CHECK(desk.state().detail->experience_labels.size() == 1);
    auto audit = db::read_audit(desk.f.store());
    REQUIRE(audit);
    REQUIRE_FALSE(audit->empty());
    const db::AuditEntry& last = audit->back();
    CHECK(last.action == "candidate.view");
    CHECK(last.actor == "anna");
    CHECK(last.subject_id == id);
    CHECK(last.detail.find("Haddad") == std::string::npos);
    CHECK(last.detail.find("Yusuf") == std::string::npos);

    CHECK(desk.module->preview_candidate() == id);
    CHECK(desk.uploader.live == 1);
    CHECK(desk.f.has_target("candidates.pdf"));
    desk.f.click("candidates.back");
    desk.f.frame();
    CHECK(desk.module->preview_candidate() == 0);
    CHECK(desk.uploader.live == 0);

    desk.open("KK-E");  // every view is logged
    auto again = db::read_audit(desk.f.store());
    REQUIRE(again);
    CHECK(again->size() == audit->size() + 1);
}

TEST_CASE("a skill is marked verified through the detail view, by the logged-in user", "[staff][candidates]") {
    test::CandidatesDesk desk;
    desk.open("KK-E");
    REQUIRE(desk.state().detail->skills.size() == 1);
    const auto skill = desk.state().detail->skills.front();
    CHECK_FALSE(skill.verified);
    const std::string key = std::to_string(skill.id);
    desk.f.click("candidates.verify." + key);
    desk.f.click("candidates.verify." + key + ".myskills");
    REQUIRE(desk.state().detail);
    const auto& shown = desk.state().detail->skills.front();
    CHECK(shown.verified);
    CHECK(shown.verified_how == "myskills");
    CHECK(shown.verified_by == "anna");
    CHECK(count_of(desk.f.store(),
                   "SELECT COUNT(*) FROM candidate_skills WHERE id = ? AND source = 'verified' AND "
                   "verification = 'myskills' AND verified_by IS NOT NULL",
                   skill.id) == 1);
    CHECK_FALSE(desk.f.has_target("candidates.verify." + key));
}

TEST_CASE("a status change in the matches panel lands in match_reviews with the user and its history",
          "[staff][candidates][matches]") {
    test::CandidatesDesk desk;
    desk.open("KK-C");
    const auto& rows = desk.state().matches.rows;
    REQUIRE_FALSE(rows.empty());
    CHECK(rows.front().reference == "B-1");
    const std::string key = staff::match_key(rows.front());
    const std::int64_t candidate = rows.front().candidate_id;

    desk.f.click("candidates.matches.propose." + key);
    REQUIRE(desk.state().matches.rows.front().review);
    CHECK(desk.state().matches.rows.front().review->status == db::ReviewStatus::proposed);
    CHECK_FALSE(desk.f.has_target("candidates.matches.status.hired." + key));  // one step at a time
    desk.f.click("candidates.matches.status.contacted." + key);
    desk.f.click("candidates.matches.status.interview." + key);

    auto reviews = db::reviews_for_candidate(desk.f.store(), candidate);
    REQUIRE(reviews);
    REQUIRE(reviews->size() == 1);
    const db::MatchReview& review = reviews->front();
    CHECK(review.status == db::ReviewStatus::interview);
    CHECK(review.status_changed_by == "anna");
    CHECK(review.status_changed_at == db::utc_timestamp(desk.f.now));
    auto events = db::review_events(desk.f.store(), review.id);
    REQUIRE(events);
    REQUIRE(events->size() >= 2);
    CHECK(events->back().status == db::ReviewStatus::interview);
    CHECK(events->back().staff_username == "anna");
    CHECK((*events)[events->size() - 2].status == db::ReviewStatus::contacted);

    desk.f.click("candidates.matches.note." + key);
    desk.f.click("candidates.matches.note");
    desk.f.type("Termin am Montag");
    desk.f.click("candidates.matches.note_save");
    auto noted = db::get_review(desk.f.store(), review.id);
    REQUIRE(noted);
    CHECK(noted->notes.find("Termin am Montag") != std::string::npos);
    CHECK(desk.state().matches.rows.front().review->notes == noted->notes);

    // "Stelle öffnen" shows the vacancy of the card in the vacancies view.
    const std::int64_t vacancy = desk.state().matches.rows.front().vacancy_id;
    desk.f.click("candidates.matches.open." + key);
    CHECK(desk.f.app().state().view == staff::View::Vacancies);
    CHECK(desk.f.app().state().vacancies.selected == vacancy);
    desk.f.click("tab.candidates");

    // Back in the list, the match status filter knows the new status.
    desk.f.click("candidates.back");
    desk.f.frame();
    desk.f.click("candidates.review");
    CHECK(desk.state().review == "interview");
    CHECK(desk.shown() == std::vector<std::string>{"KK-C"});
}

TEST_CASE("a rejection needs a reason the staff types", "[staff][candidates][matches]") {
    test::CandidatesDesk desk;
    desk.open("KK-C");
    REQUIRE_FALSE(desk.state().matches.rows.empty());
    const std::string key = staff::match_key(desk.state().matches.rows.front());
    desk.f.click("candidates.matches.propose." + key);
    const std::int64_t review = desk.state().matches.rows.front().review->id;

    desk.f.click("candidates.matches.reject." + key);
    desk.f.click("candidates.matches.reject_confirm");
    CHECK(desk.state().matches.message_key == "staff.matches.reason_required");
    CHECK(db::get_review(desk.f.store(), review)->status == db::ReviewStatus::proposed);

    desk.f.click("candidates.matches.reason");
    desk.f.type("Kein Interesse an Teilzeit");
    desk.f.click("candidates.matches.reject_confirm");
    auto stored = db::get_review(desk.f.store(), review);
    REQUIRE(stored);
    CHECK(stored->status == db::ReviewStatus::rejected);
    CHECK(stored->rejection_reason == "Kein Interesse an Teilzeit");
    CHECK(stored->status_changed_by == "anna");
    CHECK_FALSE(desk.f.has_target("candidates.matches.reject." + key));  // final
}

TEST_CASE("only admins see the erase button, and erasing after confirmation removes the candidate", "[staff][candidates]") {
    {
        test::CandidatesDesk staff_desk("anna");
        staff_desk.open("KK-E");
        CHECK_FALSE(staff_desk.f.has_target("candidates.erase"));
        staff_desk.f.app().apply(staff::CandidatesAction{staff::AskErase{}});
        staff_desk.f.app().apply(staff::CandidatesAction{staff::ConfirmErase{}});  // refused below the UI too
        CHECK(staff_desk.state().message_key == "staff.candidates.admin_only");
        auto still = db::load_candidate(staff_desk.f.store(), "KK-E");
        REQUIRE(still);
        CHECK(still->has_value());
    }
    test::CandidatesDesk desk("admin");
    const std::int64_t id = desk.id_of("KK-E");
    desk.open("KK-E");
    REQUIRE(desk.f.has_target("candidates.erase"));
    CHECK_FALSE(desk.f.has_target("candidates.erase_confirm"));
    desk.f.click("candidates.erase");
    REQUIRE(desk.f.has_target("candidates.erase_confirm"));
    desk.f.click("candidates.erase_confirm");
    CHECK_FALSE(desk.state().detail);
    CHECK(desk.state().open_id == 0);
    auto gone = db::load_candidate(desk.f.store(), "KK-E");
    REQUIRE(gone);
    CHECK_FALSE(gone->has_value());
    const Codes left = desk.shown();
    CHECK(std::find(left.begin(), left.end(), "KK-E") == left.end());
    CHECK(left.size() == 5);
    auto audit = db::read_audit(desk.f.store());
    REQUIRE(audit);
    CHECK(audit->back().action == "candidate.erase");
    CHECK(audit->back().subject_id == id);
    desk.f.frame();
    CHECK(desk.uploader.live == 0);
}

TEST_CASE("the candidate list, the matches and the CV are exported into the export directory", "[staff][candidates]") {
    test::CandidatesDesk desk;
    desk.f.click("candidates.export");
    REQUIRE(desk.state().message_key == "staff.candidates.saved");
    const std::filesystem::path list = desk.state().message_detail;
    CHECK(list.parent_path() == desk.exports());
    const std::string csv = read_file(list);
    CHECK(csv.rfind("\xEF\xBB\xBF", 0) == 0);
    CHECK(csv.find("KK-E;Yusuf;Haddad;incomplete;ar;34454") != std::string::npos);
    CHECK(csv.find("\"'=HYPERLINK(\"\"http://x.example\"\")\"") != std::string::npos);
    CHECK(csv.find(";=HYPERLINK") == std::string::npos);
    CHECK(mode_of(list) == 0600u);

    desk.open("KK-C");
    desk.f.click("candidates.matches.export");
    REQUIRE(desk.state().matches.message_key == "staff.matches.exported");
    const std::string matches = read_file(desk.state().matches.message_detail);
    CHECK(matches.rfind("\xEF\xBB\xBF", 0) == 0);
    CHECK(matches.find("B-1") != std::string::npos);
    CHECK(matches.find("Kunden beraten") != std::string::npos);

    desk.f.click("candidates.pdf");
    REQUIRE(desk.state().message_key == "staff.candidates.saved");
    const std::filesystem::path pdf = desk.state().message_detail;
    CHECK(pdf.extension() == ".pdf");
    CHECK(read_file(pdf).rfind("%PDF", 0) == 0);
    CHECK(mode_of(pdf) == 0600u);
}
