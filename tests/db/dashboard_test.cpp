#include "db/dashboard.hpp"

#include <catch2/catch.hpp>
#include <sstream>

#include "tests/support/temp_dir.hpp"

using namespace kk::db;

namespace {

const std::chrono::sys_days kToday = std::chrono::sys_days{std::chrono::year{2026} / 11 / 21};

// Area 10: vacancies 1 (forklift req, picking opt, "Staplerschein" text req), 2 (forklift req, twice),
// 3 expired, 4 closed. Area 20: vacancy 5 (welding req, "Stapler-Schein" text opt).
// Candidates: 7 in 10 (forklift), 8 in 10 (picking, "staplerschein"), 9 in 20 (forklift, welding), 10 no
// postcode.
constexpr char kFixtureSql[] = R"sql(
    INSERT INTO skills (id, code) VALUES (1, 'forklift'), (2, 'picking'), (3, 'welding');
    INSERT INTO skill_labels (skill_id, language, preferred) VALUES (1, 'de', 'Gabelstapler fahren'),
                                                                    (2, 'de', 'Kommissionieren');
    INSERT INTO employers (id, name, name_key, created_at) VALUES (1, 'Firma', 'firma', '2026-01-01T00:00:00Z');
    INSERT INTO vacancies (id, employer_id, reference, title, postcode, valid_until, status, fingerprint,
                           created_at, updated_at)
        VALUES (1, 1, 'R1', 'Lager', '10115', NULL, 'open', 0, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),
               (2, 1, 'R2', 'Lager', '10245', '2026-11-21', 'open', 0, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),
               (3, 1, 'R3', 'Lager', '10115', '2026-11-20', 'open', 0, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),
               (4, 1, 'R4', 'Lager', '10115', NULL, 'closed', 0, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),
               (5, 1, 'R5', 'Schweißer', '20095', NULL, 'open', 0, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');
    UPDATE vacancies SET required_skills = '[["Gabelstapler",1,1],["Staplerschein",null,0]]',
                         optional_skills = '[["Kommissionieren",2,1]]' WHERE id = 1;
    UPDATE vacancies SET required_skills = '[["Stapler",1,1],["Gabelstapler fahren",1,1]]' WHERE id = 2;
    UPDATE vacancies SET required_skills = '[["Gabelstapler",1,1]]' WHERE id = 3;
    UPDATE vacancies SET required_skills = '[["Schweißen",3,1]]' WHERE id = 4;
    UPDATE vacancies SET required_skills = '[["Schweißen",3,1]]', optional_skills = '[["STAPLERSCHEIN",null,0]]'
        WHERE id = 5;
    INSERT INTO candidates (id, resume_code, ui_language, postcode, consent_at, consent_text_version,
                            consent_language, created_at, updated_at)
        VALUES (7, 'A', 'de', '10117', '2026-01-01', 'v1', 'de', '2026-01-01', '2026-01-01'),
               (8, 'B', 'de', '10999', '2026-01-01', 'v1', 'de', '2026-01-01', '2026-01-01'),
               (9, 'C', 'de', '20097', '2026-01-01', 'v1', 'de', '2026-01-01', '2026-01-01'),
               (10, 'D', 'de', NULL, '2026-01-01', 'v1', 'de', '2026-01-01', '2026-01-01');
    INSERT INTO candidate_skills (candidate_id, skill_id, free_text, language) VALUES
        (7, 1, NULL, 'de'), (8, 2, NULL, 'de'), (8, NULL, 'staplerschein', 'de'), (9, 1, NULL, 'de'),
        (9, 3, NULL, 'de'), (10, NULL, '=HYPERLINK("x")', 'de');
)sql";

const SkillDemand* find(const std::vector<SkillDemand>& skills, const std::string& key) {
    for (const auto& s : skills) {
        if (s.key == key) return &s;
    }
    return nullptr;
}

}  // namespace

TEST_CASE("the district dashboard counts demand against supply per skill", "[db][dashboard]") {
    kk::test::TempDir dir;
    auto store = Store::open(dir / "k.db");
    REQUIRE(store);
    store->connection().exec(kFixtureSql);
    const auto board = skill_gap_dashboard(*store, "", kToday);
    REQUIRE(board);
    CHECK(board->open_vacancies == 3);  // 1, 2 (valid through today), 5
    CHECK(board->candidates == 4);
    REQUIRE(board->skills.size() == 5);
    CHECK(board->skills[0].key == "forklift");
    CHECK(board->skills[0].label == "Gabelstapler fahren");
    CHECK(board->skills[0].vacancies == 2);  // vacancy 2 lists it twice: counted once
    CHECK(board->skills[0].required == 2);
    CHECK(board->skills[0].candidates == 2);
    const SkillDemand* text = find(board->skills, "text:staplerschein");
    REQUIRE(text);
    CHECK(text->label == "Staplerschein");
    CHECK(text->vacancies == 2);  // vacancies 1 and 5, folded case
    CHECK(text->required == 1);
    CHECK(text->candidates == 1);
    const SkillDemand* welding = find(board->skills, "welding");
    REQUIRE(welding);
    CHECK(welding->label == "welding");  // no German label: the code
    CHECK(welding->vacancies == 1);      // the closed vacancy 4 does not count
    CHECK(find(board->skills, "picking")->gap() == 0);
    // Supply without demand is listed too, with a negative gap.
    REQUIRE(find(board->skills, "text:hyperlink x"));
    CHECK(board->gaps.size() == 1);
    CHECK(board->gaps[0].key == "text:staplerschein");
    CHECK(board->gaps[0].gap() == 1);
}

TEST_CASE("a postcode area counts only its own vacancies and candidates", "[db][dashboard]") {
    kk::test::TempDir dir;
    auto store = Store::open(dir / "k.db");
    REQUIRE(store);
    store->connection().exec(kFixtureSql);
    CHECK(*postcode_areas(*store, 2) == std::vector<std::string>{"10", "20"});
    const auto berlin = skill_gap_dashboard(*store, "10", kToday);
    REQUIRE(berlin);
    CHECK(berlin->open_vacancies == 2);
    CHECK(berlin->candidates == 2);
    CHECK(find(berlin->skills, "forklift")->candidates == 1);
    CHECK(find(berlin->skills, "welding") == nullptr);
    REQUIRE(berlin->gaps.size() == 1);
    CHECK(berlin->gaps[0].key == "forklift");  // two vacancies, one candidate
    const auto hamburg = skill_gap_dashboard(*store, "200", kToday);
    REQUIRE(hamburg);
    CHECK(hamburg->open_vacancies == 1);
    CHECK(find(hamburg->skills, "welding")->gap() == 0);
}

TEST_CASE("the dashboard CSV neutralises formulas", "[db][dashboard]") {
    kk::test::TempDir dir;
    auto store = Store::open(dir / "k.db");
    REQUIRE(store);
    store->connection().exec(kFixtureSql);
    std::ostringstream out;
    write_dashboard_csv({*skill_gap_dashboard(*store, "", kToday)}, out);
    const std::string csv = out.str();
    CHECK(csv.rfind("\xEF\xBB\xBF"
                    "bereich;art;schluessel;bezeichnung;stellen;davon_pflicht;kandidaten;luecke;erreichbare_"
                    "treffer\r\n",
                    0) == 0);
    CHECK(csv.find("Landkreis;skill;forklift;Gabelstapler fahren;2;2;2;0;\r\n") != std::string::npos);
    CHECK(csv.find("\"'=HYPERLINK(\"\"x\"\")\"") != std::string::npos);
    CHECK(csv.find(";=HYPERLINK") == std::string::npos);
}

TEST_CASE("occupations are ranked by the matcher's reachable matches", "[db][dashboard]") {
    kk::test::TempDir dir;
    auto store = Store::open(dir / "k.db");
    REQUIRE(store);
    store->connection().exec(kFixtureSql);
    auto board = skill_gap_dashboard(*store, "", kToday);
    REQUIRE(board);
    REQUIRE(add_reachable_occupations(*store, *board, nullptr, kToday, 0.5));
    // No postcode centroids: distances unknown, so nobody is blocked. "Lager": vacancy 2 requires only the
    // forklift that candidates 7 and 9 have (score 0.7 + optional); vacancy 1 also requires "Staplerschein",
    // so 7 covers half (0.35) and 8 (Staplerschein + optional picking) about 0.47, both below 0.5.
    // "Schweißer" (5) requires welding, which only 9 has. The expired and closed vacancies are not ranked.
    REQUIRE(board->occupations.size() == 2);
    CHECK(board->occupations[0].key == "title:Lager");
    CHECK(board->occupations[0].vacancies == 2);
    CHECK(board->occupations[0].reachable_matches == 2);
    CHECK(board->occupations[0].candidates == 2);
    CHECK(board->occupations[1].label == "Schweißer");
    CHECK(board->occupations[1].reachable_matches == 1);

    auto hamburg = skill_gap_dashboard(*store, "20", kToday);
    REQUIRE(add_reachable_occupations(*store, *hamburg, nullptr, kToday, 0.5));
    REQUIRE(hamburg->occupations.size() == 1);
    CHECK(hamburg->occupations[0].key == "title:Schweißer");

    std::ostringstream out;
    write_dashboard_csv({*board}, out);
    CHECK(out.str().find("Landkreis;beruf;title:Lager;Lager;2;;2;;2\r\n") != std::string::npos);
}
