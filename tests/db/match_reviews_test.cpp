#include "db/match_reviews.hpp"

#include <catch2/catch.hpp>

#include "db/audit.hpp"
#include "db/migrations.hpp"
#include "tests/support/temp_dir.hpp"

using namespace kk::db;
using namespace std::chrono_literals;

namespace {

const TimePoint kT0 = *parse_utc_timestamp("2026-11-21T10:00:00Z");

constexpr char kFixtureSql[] = R"sql(
    INSERT INTO employers (id, name, name_key, created_at) VALUES (1, 'Firma', 'firma', '2026-01-01T00:00:00Z');
    INSERT INTO vacancies (id, employer_id, reference, title, postcode, fingerprint, created_at, updated_at)
        VALUES (1, 1, 'R1', 'Helfer', '10115', 0, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),
               (2, 1, 'R2', 'Koch', '10115', 0, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');
    INSERT INTO skills (id, code) VALUES (1, 'forklift');
    INSERT INTO candidates (id, resume_code, ui_language, given_name, consent_at, consent_text_version,
                            consent_language, created_at, updated_at)
        VALUES (5, 'K7Q2-9XWM', 'uk', 'Olena', '2026-01-01T00:00:00Z', 'v1', 'uk', '2026-01-01T00:00:00Z',
                '2026-01-01T00:00:00Z');
    INSERT INTO candidate_skills (id, candidate_id, skill_id, language) VALUES (9, 5, 1, 'uk');
)sql";

StaffActor add_staff(Store& store, const char* name) {
    Statement insert(store.connection(),
                     "INSERT INTO staff_users (username, role, password_hash, created_at, updated_at) "
                     "VALUES (?, 'staff', 'x', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')");
    insert.bind(1, name).run();
    return StaffActor{.id = store.connection().last_insert_rowid(), .username = name};
}

std::vector<std::string> actions(Store& store) {
    std::vector<std::string> out;
    const auto audit = read_audit(store);
    REQUIRE(audit);
    for (const auto& e : *audit) out.push_back(e.action + " " + e.actor + " " + e.detail);
    return out;
}

}  // namespace

TEST_CASE("a match moves through the workflow, every change is recorded and audited", "[db][review]") {
    kk::test::TempDir dir;
    auto store = Store::open(dir / "k.db");
    REQUIRE(store);
    store->connection().exec(kFixtureSql);
    const StaffActor anna = add_staff(*store, "anna");
    const StaffActor bernd = add_staff(*store, "bernd");

    const auto id = propose_match(*store, 5, 1, 0.82, anna, kT0);
    REQUIRE(id);
    CHECK(*propose_match(*store, 5, 1, 0.85, anna, kT0 + 1min) == *id);  // same pair: same review, new score
    CHECK(get_review(*store, *id)->score == Approx(0.85));

    auto contacted =
        change_review_status(*store, *id, ReviewStatus::contacted, "", "angerufen", anna, kT0 + 1h);
    REQUIRE(contacted);
    CHECK(contacted->status == ReviewStatus::contacted);
    CHECK(contacted->status_changed_by == std::optional<std::string>("anna"));
    CHECK(contacted->status_changed_at == "2026-11-21T11:00:00Z");

    // Skipping the interview is not allowed.
    const auto skip = change_review_status(*store, *id, ReviewStatus::hired, "", "", anna, kT0 + 2h);
    REQUIRE_FALSE(skip);
    CHECK(skip.error().find("eingestellt") != std::string::npos);

    REQUIRE(change_review_status(*store, *id, ReviewStatus::interview, "", "", bernd, kT0 + 2h));
    const auto hired = change_review_status(*store, *id, ReviewStatus::hired, "", "", bernd, kT0 + 3h);
    REQUIRE(hired);
    CHECK(hired->status_changed_by == std::optional<std::string>("bernd"));
    // Final.
    CHECK_FALSE(change_review_status(*store, *id, ReviewStatus::rejected, "zu spät", "", bernd, kT0 + 4h));

    const auto events = review_events(*store, *id);
    REQUIRE(events);
    REQUIRE(events->size() == 4);
    CHECK((*events)[0].status == ReviewStatus::proposed);
    CHECK((*events)[1].note == "angerufen");
    CHECK((*events)[1].staff_username == std::optional<std::string>("anna"));
    CHECK((*events)[3].status == ReviewStatus::hired);
    CHECK((*events)[3].at == "2026-11-21T13:00:00Z");

    CHECK(actions(*store) == std::vector<std::string>{
                                 "review.propose anna candidate #5 vacancy #1",
                                 "review.status anna proposed -> contacted",
                                 "review.status bernd contacted -> interview",
                                 "review.status bernd interview -> hired",
                             });
}

TEST_CASE("a rejection needs a reason, which stays out of the audit log", "[db][review]") {
    kk::test::TempDir dir;
    auto store = Store::open(dir / "k.db");
    REQUIRE(store);
    store->connection().exec(kFixtureSql);
    const StaffActor anna = add_staff(*store, "anna");
    const auto id = propose_match(*store, 5, 2, 0.4, anna, kT0);
    REQUIRE(id);
    CHECK_FALSE(change_review_status(*store, *id, ReviewStatus::rejected, "", "", anna, kT0));
    const auto rejected = change_review_status(*store, *id, ReviewStatus::rejected,
                                               "Olena hat keine Arbeitserlaubnis", "", anna, kT0);
    REQUIRE(rejected);
    CHECK(rejected->rejection_reason == "Olena hat keine Arbeitserlaubnis");
    REQUIRE(add_review_note(*store, *id, "Olena ruft zurück", anna, kT0 + 1min));
    CHECK(get_review(*store, *id)->notes.find("Olena ruft zurück") != std::string::npos);
    for (const auto& line : actions(*store)) CHECK(line.find("Olena") == std::string::npos);
    CHECK(reviews_for_candidate(*store, 5)->size() == 1);
    CHECK(reviews_for_vacancy(*store, 2)->front().id == *id);
    CHECK(reviews_for_vacancy(*store, 1)->empty());
}

TEST_CASE("review statuses parse from codes and German words", "[db][review]") {
    CHECK(parse_review_status("Vorstellungsgespräch") == ReviewStatus::interview);
    CHECK(parse_review_status("vorstellungsgespraech") == ReviewStatus::interview);
    CHECK(parse_review_status("abgelehnt") == ReviewStatus::rejected);
    CHECK(parse_review_status("hired") == ReviewStatus::hired);
    CHECK_FALSE(parse_review_status("vielleicht"));
    CHECK(review_transition_allowed(ReviewStatus::proposed, ReviewStatus::contacted));
    CHECK_FALSE(review_transition_allowed(ReviewStatus::proposed, ReviewStatus::interview));
    CHECK(review_transition_allowed(ReviewStatus::interview, ReviewStatus::withdrawn));
}

TEST_CASE("staff mark a candidate's skill verified, saying how", "[db][review]") {
    kk::test::TempDir dir;
    auto store = Store::open(dir / "k.db");
    REQUIRE(store);
    store->connection().exec(kFixtureSql);
    const StaffActor anna = add_staff(*store, "anna");
    REQUIRE(verify_candidate_skill(*store, 9, SkillVerification::myskills, anna, kT0));
    CHECK_FALSE(verify_candidate_skill(*store, 99, SkillVerification::myskills, anna, kT0));
    Statement row(store->connection(),
                  "SELECT source, verification, verified_by, verified_at FROM candidate_skills WHERE id = 9");
    REQUIRE(row.step());
    CHECK(row.column_text(0) == "verified");
    CHECK(row.column_text(1) == "myskills");
    CHECK(row.column_int(2) == *anna.id);
    CHECK(row.column_text(3) == "2026-11-21T10:00:00Z");
    const auto audit = read_audit(*store);
    REQUIRE(audit->size() == 1);
    CHECK(audit->front().action == "skill.verify");
    CHECK(audit->front().subject_id == std::optional<std::int64_t>(5));
    CHECK(parse_skill_verification("Probearbeit") == SkillVerification::trial_work);
}

TEST_CASE("migration 4 keeps reviews and their events and admits the interview status", "[db][migrations]") {
    kk::test::TempDir dir;
    {
        Connection c = Connection::open(dir / "v3.db");
        migrate_to(c, 3);
        c.exec(kFixtureSql);
        c.exec(R"sql(
            INSERT INTO staff_users (id, username, role, password_hash, created_at, updated_at)
                VALUES (1, 'anna', 'staff', 'x', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');
            INSERT INTO match_reviews (id, candidate_id, vacancy_id, score, status, status_changed_by,
                                       status_changed_at, notes, created_at)
                VALUES (3, 5, 1, 0.5, 'contacted', 1, '2026-01-02T00:00:00Z', 'Notiz', '2026-01-02T00:00:00Z');
            INSERT INTO match_review_events (id, review_id, status, staff_user_id, at, note)
                VALUES (4, 3, 'proposed', 1, '2026-01-02T00:00:00Z', ''),
                       (6, 3, 'contacted', 1, '2026-01-03T00:00:00Z', 'angerufen');
        )sql");
    }
    auto store = Store::open(dir / "v3.db");
    REQUIRE(store);
    REQUIRE(store->schema_version() >= 4);
    const auto review = get_review(*store, 3);
    REQUIRE(review);
    CHECK(review->status == ReviewStatus::contacted);
    CHECK(review->notes == "Notiz");
    CHECK(review->status_changed_by == std::optional<std::string>("anna"));
    const auto events = review_events(*store, 3);
    REQUIRE(events->size() == 2);
    CHECK((*events)[1].note == "angerufen");
    REQUIRE(change_review_status(*store, 3, ReviewStatus::interview, "", "",
                                 StaffActor{.id = 1, .username = "anna"}, kT0));
    Statement fk(store->connection(), "SELECT COUNT(*) FROM pragma_foreign_key_check");
    REQUIRE(fk.step());
    CHECK(fk.column_int(0) == 0);
    // The cascade from candidates still reaches the rebuilt tables.
    store->connection().exec("DELETE FROM candidates WHERE id = 5");
    Statement left(
        store->connection(),
        "SELECT (SELECT COUNT(*) FROM match_reviews) + (SELECT COUNT(*) FROM match_review_events)");
    REQUIRE(left.step());
    CHECK(left.column_int(0) == 0);
}
