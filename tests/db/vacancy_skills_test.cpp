// How a vacancy's skills are stored since migration 7: two JSON arrays in the vacancy's row, read back as
// VacancySkill lists and through the vacancy_skills view.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "db/migrations.hpp"
#include "db/store.hpp"
#include "db/vacancies.hpp"
#include "db/vacancy_import.hpp"
#include "tests/support/files.hpp"
#include "tests/support/temp_dir.hpp"

using namespace kk::db;

namespace {

const std::string kHeader = "referenz;arbeitgeber;titel;plz;pflichtkenntnisse;wunschkenntnisse\n";

// Resolves two spellings, with a confidence that has no short decimal form.
class TwoSkills final : public SkillResolver {
public:
    SkillResolution resolve(std::string_view text, std::string_view) const override {
        if (text == "Gabelstapler") return {.skill_id = 7, .confidence = 1.0 / 3.0};
        if (text == "Schweißen") return {.skill_id = 8, .confidence = 1.0};
        return {};
    }
};

std::vector<std::string> texts(const std::vector<VacancySkill>& skills) {
    std::vector<std::string> out;
    for (const auto& s : skills) out.push_back(s.text);
    return out;
}

std::vector<std::string> rows(Connection& c, const char* sql) {
    Statement s(c, sql);
    std::vector<std::string> out;
    while (s.step()) out.push_back(s.column_text(0));
    return out;
}

}  // namespace

TEST_CASE("skills with quotes, commas and backslashes come back exactly, resolved or not", "[db][import]") {
    kk::test::TempDir dir;
    auto store = Store::open(dir / "k.db");
    REQUIRE(store);
    store->connection().exec("INSERT INTO skills (id, code) VALUES (7, 'forklift'), (8, 'welding')");
    // Quoted fields: a bar-separated list whose items hold a comma, quotes and backslashes (a line break in a
    // skill is refused by the row's validation).
    kk::test::write_file(dir / "v.csv", kHeader + R"(R-1;Firma;Lager;10115;"Gabelstapler|Ofen ""Typ A"", groß|)"
                                                  R"(C:\Pfad\x";"Schweißen, \""roh\""")" "\n");
    const TwoSkills resolver;
    ImportOptions options;
    options.resolver = &resolver;
    auto report = import_vacancies(*store, dir / "v.csv", options);
    REQUIRE(report);
    for (const auto& r : report->rejections) UNSCOPED_INFO("line " << r.line << ": " << r.problem.reason_en);
    for (const auto& e : report->file_errors) UNSCOPED_INFO(e.reason_en);
    REQUIRE(report->inserted == 1);

    auto all = list_vacancies(*store);
    REQUIRE(all);
    REQUIRE(all->size() == 1);
    const Vacancy& v = all->front();
    CHECK(texts(v.required_skills) ==
          std::vector<std::string>{"Gabelstapler", "Ofen \"Typ A\", groß", "C:\\Pfad\\x"});
    CHECK(texts(v.optional_skills) == std::vector<std::string>{"Schweißen", "\\\"roh\\\""});
    CHECK(v.fields.required_skills == texts(v.required_skills));
    REQUIRE(v.required_skills[0].skill_id == std::optional<std::int64_t>(7));
    CHECK(v.required_skills[0].confidence == 1.0 / 3.0);  // exactly: the stored decimal reads back the same
    CHECK_FALSE(v.required_skills[1].skill_id);
    CHECK(v.required_skills[1].confidence == 0.0);
    CHECK(v.optional_skills[0].skill_id == std::optional<std::int64_t>(8));

    Connection& c = store->connection();
    CHECK(rows(c, "SELECT json_valid(required_skills) AND json_valid(optional_skills) FROM vacancies") ==
          std::vector<std::string>{"1"});
    CHECK(rows(c, "SELECT kind || ' ' || position || ' ' || text || ' ' || coalesce(skill_id, '-') FROM "
                  "vacancy_skills ORDER BY kind DESC, position") ==
          std::vector<std::string>{"required 0 Gabelstapler 7", "required 1 Ofen \"Typ A\", groß -",
                                   "required 2 C:\\Pfad\\x -", "optional 0 Schweißen 8",
                                   "optional 1 \\\"roh\\\" -"});

    // Unchanged on a second import, and the text survives an update of the row.
    report = import_vacancies(*store, dir / "v.csv", options);
    REQUIRE(report);
    CHECK(report->unchanged == 1);
    kk::test::write_file(dir / "v2.csv", kHeader + "R-1;Firma;Lager;10115;\"Ofen \"\"Typ B\"\"\";\n");
    report = import_vacancies(*store, dir / "v2.csv", options);
    REQUIRE(report);
    CHECK(report->updated == 1);
    all = list_vacancies(*store);
    REQUIRE(all);
    CHECK(texts(all->front().required_skills) == std::vector<std::string>{"Ofen \"Typ B\""});
    CHECK(all->front().optional_skills.empty());
}

TEST_CASE("migration 7 moves version-6 skill rows into their vacancy, in order, and keeps the view", "[db][migrations]") {
    kk::test::TempDir dir;
    {
        Connection c = Connection::open(dir / "v6.db");
        migrate_to(c, 6);
        c.exec(R"sql(
            INSERT INTO skills (id, code) VALUES (7, 'forklift');
            INSERT INTO employers (id, name, name_key, created_at) VALUES (1, 'Firma', 'firma', '2026-01-01T00:00:00Z');
            INSERT INTO vacancies (id, employer_id, reference, title, postcode, fingerprint, created_at, updated_at)
                VALUES (1, 1, 'R1', 'Lager', '10115', 0, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),
                       (2, 1, 'R2', 'Büro', '10115', 0, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');
            INSERT INTO vacancy_skills (vacancy_id, kind, position, text, skill_id, confidence) VALUES
                (1, 'required', 1, 'Kasse "alt"', NULL, 0), (1, 'required', 0, 'Gabelstapler', 7, 0.75),
                (1, 'optional', 0, 'Schweißen', NULL, 0);
        )sql");
    }
    auto store = Store::open(dir / "v6.db");
    REQUIRE(store);
    REQUIRE(store->schema_version() == latest_migration());
    auto all = list_vacancies(*store);
    REQUIRE(all);
    REQUIRE(all->size() == 2);
    const Vacancy& r1 = (*all)[0].fields.reference == "R1" ? (*all)[0] : (*all)[1];
    const Vacancy& r2 = (*all)[0].fields.reference == "R1" ? (*all)[1] : (*all)[0];
    CHECK(texts(r1.required_skills) == std::vector<std::string>{"Gabelstapler", "Kasse \"alt\""});
    CHECK(r1.required_skills[0].skill_id == std::optional<std::int64_t>(7));
    CHECK(r1.required_skills[0].confidence == Approx(0.75));
    CHECK(texts(r1.optional_skills) == std::vector<std::string>{"Schweißen"});
    CHECK(r2.required_skills.empty());  // a vacancy without skills gets empty arrays
    CHECK(r2.optional_skills.empty());
    Connection& c = store->connection();
    CHECK(rows(c, "SELECT type FROM sqlite_schema WHERE name = 'vacancy_skills'") == std::vector<std::string>{"view"});
    CHECK(rows(c, "SELECT COUNT(*) FROM vacancy_skills") == std::vector<std::string>{"3"});
    CHECK(rows(c, "PRAGMA integrity_check") == std::vector<std::string>{"ok"});
}
