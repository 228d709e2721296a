#include <catch2/catch.hpp>
#include <fstream>

#include "db/candidate_import.hpp"
#include "db/candidates.hpp"
#include "db/catalog.hpp"
#include "tests/support/files.hpp"
#include "tests/support/temp_dir.hpp"

using namespace kk;

namespace {

db::Store catalog_store(const kk::test::TempDir& dir) {
    auto store = db::Store::open(dir / "k.db");
    REQUIRE(store);
    REQUIRE(db::ensure_shipped_catalog(*store, KK_TEST_LOCALE_DIR));
    return std::move(*store);
}

const std::string kGood =
    R"({"ref": "AB12", "given_name": "Yusuf", "family_name": "Haddad", "ui_lang": "ar", "postcode": "34497", )"
    R"("max_commute_km": 25, "mobility": ["car", "bike"], "driving_licence": ["B"], "foreign_licence_only": true, )"
    R"("languages": [{"code": "ar", "level": "native"}, {"code": "de", "level": "A2"}], )"
    R"("skills": [{"text": "Mauern errichten", "lang": "de"}, {"id": "mix_mortar"}, {"text": "xqzvv wobble", "lang": "de"}], )"
    R"("experience": [{"title": "Maurer", "lang": "de", "from": "2015-03", "to": "2021-08", "employer": "Bau Haddad", "country": "SY"}], )"
    R"("availability": ["full_time", "shifts"]})";

}  // namespace

TEST_CASE("a JSONL candidate is stored with resolved skills, licences, languages and consent", "[db]") {
    kk::test::TempDir dir;
    auto store = catalog_store(dir);
    auto report = db::import_candidates(store, kk::test::write_file(dir / "c.jsonl", kGood + "\n"));
    REQUIRE(report);
    CHECK(report->inserted == 1);
    CHECK(report->skills_resolved == 1);
    CHECK(report->skills_unresolved == 1);
    CHECK(db::candidate_import_exit_code(*report) == 0);
    auto loaded = db::load_candidate(store, "AB12");
    REQUIRE(loaded);
    REQUIRE(*loaded);
    const db::CandidateRecord& c = **loaded;
    CHECK(c.given_name == "Yusuf");
    CHECK(c.postcode == "34497");
    CHECK(c.max_commute_km == 25);
    CHECK(c.car);
    CHECK(c.bike);
    CHECK_FALSE(c.public_transport);
    CHECK(c.licence_classes == std::vector<std::string>{"B"});
    CHECK(c.foreign_licence_unconverted);
    REQUIRE(c.languages.size() == 2);  // sorted by language code
    CHECK(c.languages[0].language == "ar");
    CHECK(c.languages[0].level == "native");
    CHECK(c.languages[1].level == "A2");
    REQUIRE(c.skills.size() == 3);
    CHECK(c.skills[0].skill_code == "lay_bricks");
    CHECK(c.skills[0].free_text == "Mauern errichten");
    CHECK(c.skills[1].skill_code == "mix_mortar");
    CHECK_FALSE(c.skills[2].skill_code);
    REQUIRE(c.experiences.size() == 1);
    CHECK(c.experiences[0].occupation_code == "bricklayer");
    CHECK(c.experiences[0].end_month == "2021-08");
    CHECK(c.hours == std::vector<std::string>{"full_time", "shift"});
    CHECK(c.shift_work);
    CHECK_FALSE(c.consent_at.empty());
    CHECK(c.consent_language == "ar");
    CHECK(c.status == "complete");
}

TEST_CASE("every kind of bad JSONL line is rejected with its line number, the rest imported", "[db]") {
    kk::test::TempDir dir;
    auto store = catalog_store(dir);
    const std::vector<std::pair<std::string, std::string>> bad = {
        {"{not json", "not valid JSON"},
        {"[1, 2]", "not a JSON object"},
        {R"({"given_name": "No Ref"})", "'ref'"},
        {R"({"ref": 7})", "'ref' must be a string"},
        {R"({"ref": "P1", "postcode": "3449"})", "postcode"},
        {R"({"ref": "P2", "max_commute_km": -5})", "max_commute_km"},
        {R"({"ref": "P3", "mobility": ["plane"]})", "mobility"},
        {R"({"ref": "P4", "driving_licence": ["Z"]})", "licence class"},
        {R"({"ref": "P5", "foreign_licence_only": "yes"})", "foreign_licence_only"},
        {R"({"ref": "P6", "languages": [{"code": "de", "level": "B3"}]})", "level"},
        {R"({"ref": "P7", "skills": [{"id": "no_such_skill"}]})", "not in the catalog"},
        {R"({"ref": "P8", "skills": [{"uri": "http://data.europa.eu/esco/skill/nope"}]})", "not in the catalog"},
        {R"({"ref": "P9", "skills": [{"colour": "blue"}]})", "'text', 'uri' or 'id'"},
        {R"({"ref": "P10", "experience": [{"title": "Maurer", "from": "2015-13"}]})", "YYYY-MM"},
        {R"({"ref": "P11", "experience": [{"title": "Maurer", "from": "2020-01", "to": "2019-01"}]})", "ends before"},
        {R"({"ref": "P12", "availability": ["sometimes"]})", "availability"},
        {R"({"ref": "P13", "skills": "Mauern"})", "must be an array"},
        {kGood, "appears earlier"},
    };
    std::string file = kGood + "\n\n";  // line 1 good, line 2 blank
    for (const auto& [line, reason] : bad) file += line + "\n";
    auto report = db::import_candidates(store, kk::test::write_file(dir / "c.jsonl", file));
    REQUIRE(report);
    CHECK(report->inserted == 1);
    CHECK(report->rejected == bad.size());
    REQUIRE(report->rejections.size() == bad.size());
    for (std::size_t i = 0; i < bad.size(); ++i) {
        INFO(bad[i].first << " -> " << report->rejections[i].reason);
        CHECK(report->rejections[i].line == i + 3);
        CHECK(report->rejections[i].reason.find(bad[i].second) != std::string::npos);
    }
    CHECK(db::candidate_import_exit_code(*report) == 3);
    auto codes = db::list_candidate_codes(store);
    REQUIRE(codes);
    CHECK(*codes == std::vector<std::string>{"AB12"});

    auto all_bad = db::import_candidates(store, kk::test::write_file(dir / "bad.jsonl", "{nope\n"));
    REQUIRE(all_bad);
    CHECK(db::candidate_import_exit_code(*all_bad) == 2);
}

TEST_CASE("re-importing a ref updates that candidate, the same line again changes nothing", "[db]") {
    kk::test::TempDir dir;
    auto store = catalog_store(dir);
    REQUIRE(db::import_candidates(store, kk::test::write_file(dir / "a.jsonl", kGood + "\n")));
    auto same = db::import_candidates(store, kk::test::write_file(dir / "b.jsonl", kGood + "\n"));
    REQUIRE(same);
    CHECK(same->unchanged == 1);
    const std::string changed =
        R"({"ref": "AB12", "given_name": "Yusuf", "postcode": "34454", "driving_licence": ["B", "CE"], )"
        R"("skills": [{"text": "Gabelstapler fahren", "lang": "de"}]})";
    auto update = db::import_candidates(store, kk::test::write_file(dir / "c.jsonl", changed + "\n"));
    REQUIRE(update);
    CHECK(update->updated == 1);
    auto loaded = db::load_candidate(store, "AB12");
    REQUIRE((loaded && *loaded));
    CHECK((*loaded)->postcode == "34454");
    CHECK((*loaded)->licence_classes == std::vector<std::string>{"B", "CE"});
    REQUIRE((*loaded)->skills.size() == 1);
    CHECK((*loaded)->skills[0].skill_code == "operate_forklift");
    CHECK((*loaded)->experiences.empty());
    db::Statement rows(store.connection(), "SELECT COUNT(*) FROM candidates");
    REQUIRE(rows.step());
    CHECK(rows.column_int(0) == 1);
}

TEST_CASE("resume codes use only the unambiguous alphabet and are unique in the store", "[db]") {
    std::mt19937_64 random(42);
    for (int i = 0; i < 200; ++i) {
        const std::string code = db::generate_resume_code(random);
        REQUIRE(code.size() == 9);
        CHECK(code[4] == '-');
        for (std::size_t k = 0; k < code.size(); ++k) {
            if (k != 4) CHECK(db::kResumeCodeAlphabet.find(code[k]) != std::string_view::npos);
        }
    }
    kk::test::TempDir dir;
    auto store = db::Store::open(dir / "k.db");
    REQUIRE(store);
    auto code = db::new_resume_code(*store);
    REQUIRE(code);
    db::CandidateRecord r;
    r.resume_code = *code;
    auto missing_consent = db::upsert_candidate(*store, r);
    CHECK_FALSE(missing_consent);
    r.consent_at = "2026-11-21T10:00:00Z";
    r.consent_text_version = "v1";
    r.consent_language = "de";
    auto stored = db::upsert_candidate(*store, r);
    REQUIRE(stored);
    CHECK(*stored == db::UpsertOutcome::inserted);
    auto next = db::new_resume_code(*store);
    REQUIRE(next);
    CHECK(*next != *code);
}
