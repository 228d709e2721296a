// Migration 6 (the kiosk flow's answers) on a version-5 file holding a candidate, and the new fields through
// upsert_candidate/load_candidate.
#include <catch2/catch.hpp>

#include "db/candidates.hpp"
#include "db/migrations.hpp"
#include "db/store.hpp"
#include "tests/support/temp_dir.hpp"

using namespace kk::db;

namespace {

constexpr char kVersion5CandidateSql[] = R"sql(
    INSERT INTO candidates (id, resume_code, ui_language, given_name, family_name, consent_at, consent_text_version,
                            consent_language, created_at, updated_at)
        VALUES (7, 'K7Q2-9XWM', 'ar', 'Amal', 'Haddad', '2026-01-01T00:00:00Z', 'v1', 'ar', '2026-01-01T00:00:00Z',
                '2026-01-01T00:00:00Z');
    INSERT INTO work_experiences (candidate_id, position, title, language, employer, country)
        VALUES (7, 0, 'طباخ', 'ar', 'Restaurant Dimashq', 'SY');
    INSERT INTO educations (candidate_id, position, kind, language) VALUES (7, 0, 'school', 'ar');
)sql";

CandidateRecord minimal(std::string code) {
    CandidateRecord r;
    r.resume_code = std::move(code);
    r.ui_language = "ar";
    r.family_name = "Haddad";
    r.consent_at = "2026-01-01T00:00:00Z";
    r.consent_text_version = "v1";
    r.consent_language = "ar";
    return r;
}

}  // namespace

TEST_CASE("migration 6 keeps a version-5 candidate and adds name_own, draft_step and years", "[db][migrations]") {
    kk::test::TempDir dir;
    {
        Connection c = Connection::open(dir / "v5.db");
        migrate_to(c, 5);
        c.exec(kVersion5CandidateSql);
        Statement v(c, "PRAGMA user_version");
        REQUIRE(v.step());
        REQUIRE(v.column_int(0) == 5);
        // The version-5 schema has none of the new columns.
        CHECK_THROWS(c.exec("UPDATE candidates SET name_own = 'x'"));
    }
    auto store = Store::open(dir / "v5.db");
    REQUIRE(store);
    REQUIRE(store->schema_version() == latest_migration());
    auto loaded = load_candidate(*store, "K7Q2-9XWM");
    REQUIRE(loaded);
    REQUIRE(*loaded);
    const CandidateRecord& r = **loaded;
    CHECK(r.given_name == "Amal");
    CHECK(r.name_own.empty());
    CHECK_FALSE(r.draft_step);  // unknown for drafts saved before version 6
    REQUIRE(r.experiences.size() == 1);
    CHECK(r.experiences[0].title == "طباخ");
    CHECK(r.experiences[0].employer == "Restaurant Dimashq");
    CHECK(r.experiences[0].country == "SY");
    CHECK_FALSE(r.experiences[0].years);
    REQUIRE(r.educations.size() == 1);
    CHECK_FALSE(r.educations[0].years);

    // The migrated file takes the new fields, and its CHECKs hold.
    CandidateRecord updated = r;
    updated.name_own = "أمل حداد";
    updated.draft_step = "skills";
    updated.experiences[0].years = 6;
    updated.educations[0].years = 9;
    REQUIRE(upsert_candidate(*store, updated));
    auto again = load_candidate(*store, "K7Q2-9XWM");
    REQUIRE(again);
    REQUIRE(*again);
    CHECK(**again == updated);
    Connection& c = store->connection();
    CHECK_THROWS(c.exec("UPDATE candidates SET draft_step = 'welcome' WHERE id = 7"));
    CHECK_THROWS(c.exec("UPDATE work_experiences SET years = -1 WHERE candidate_id = 7"));
    CHECK_THROWS(c.exec("UPDATE educations SET years = 41 WHERE candidate_id = 7"));
    Statement fk(c, "SELECT COUNT(*) FROM pragma_foreign_key_check");
    REQUIRE(fk.step());
    CHECK(fk.column_int(0) == 0);
}

TEST_CASE("a candidate's own-script name, step and years round-trip, an unknown step stays unknown", "[db]") {
    kk::test::TempDir dir;
    auto store = Store::open(dir / "k.db");
    REQUIRE(store);
    CandidateRecord r = minimal("ACDE-FGHJ");
    r.name_own = "ሰላም ተስፋይ";
    r.draft_step = "education";
    CandidateExperience free_text;
    free_text.title = "Schweißer auf Baustellen";
    free_text.language = "de";
    free_text.employer = "Bau GmbH";
    free_text.country = "ER";
    free_text.years = 12;
    r.experiences.push_back(free_text);
    CandidateEducation school;
    school.kind = "school";
    school.language = "ti";
    school.years = 8;
    r.educations.push_back(school);
    REQUIRE(upsert_candidate(*store, r));
    auto loaded = load_candidate(*store, "ACDE-FGHJ");
    REQUIRE(loaded);
    REQUIRE(*loaded);
    CHECK(**loaded == r);

    CandidateRecord unknown = minimal("KMNP-QRTW");
    REQUIRE(upsert_candidate(*store, unknown));
    auto loaded_unknown = load_candidate(*store, "KMNP-QRTW");
    REQUIRE(loaded_unknown);
    REQUIRE(*loaded_unknown);
    CHECK_FALSE((*loaded_unknown)->draft_step);
    CHECK((*loaded_unknown)->name_own.empty());
    CandidateRecord bad = minimal("WXY3-4679");
    bad.draft_step = "welcome";  // not a step a draft can be left on
    CHECK_FALSE(upsert_candidate(*store, bad));
}
