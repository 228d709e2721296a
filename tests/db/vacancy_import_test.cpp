#include "db/vacancy_import.hpp"

#include <sys/stat.h>

#include <catch2/catch.hpp>
#include <algorithm>
#include <fstream>
#include <iterator>
#include <map>
#include <sstream>

#include "db/vacancies.hpp"
#include "db/vacancy_export.hpp"
#include "tests/support/files.hpp"
#include "tests/support/temp_dir.hpp"

using namespace kk::db;

namespace {

const std::filesystem::path kFixtures = std::filesystem::path(KK_TEST_SOURCE_DIR) / "tests" / "fixtures" / "csv";

void write_bytes(const std::filesystem::path& p, const std::string& bytes) {
    std::ofstream(p, std::ios::binary) << bytes;
}

std::int64_t count(Store& store, const char* sql) {
    Statement s(store.connection(), sql);
    return s.step() ? s.column_int(0) : -1;
}

Store open_store(const std::filesystem::path& path) {
    auto store = Store::open(path);
    REQUIRE(store);
    return std::move(*store);
}

ImportReport import(Store& store, const std::filesystem::path& file, ImportOptions options = {}) {
    auto report = import_vacancies(store, file, options);
    REQUIRE(report);
    return *report;
}

const std::string kHeader =
    "referenz;arbeitgeber;titel;plz;ort;pflichtkenntnisse;wunschkenntnisse;deutschniveau;sprachfoerderung;"
    "fuehrerschein;arbeitszeit;beschreibung;kontakt;gueltig_bis\n";

}  // namespace

TEST_CASE("a Windows-1252 Excel file imports with umlauts intact and is idempotent", "[db][import]") {
    kk::test::TempDir dir;
    Store store = open_store(dir / "k.db");
    const auto first = import(store, kFixtures / "win1252_semicolon.csv");
    CHECK(import_exit_code(first) == 0);
    CHECK(first.encoding == "Windows-1252");
    CHECK(first.read == 3);
    CHECK(first.inserted == 3);
    CHECK(first.committed);
    REQUIRE(first.warnings.size() == 1);  // 1067 -> 01067
    CHECK(first.warnings[0].line == 2);

    auto all = list_vacancies(store);
    REQUIRE(all);
    REQUIRE(all->size() == 3);
    const Vacancy& b1 = (*all)[0];
    CHECK(b1.fields.employer == "Bäckerei Müller");
    CHECK(b1.fields.postcode == "01067");
    CHECK(b1.fields.required_skills == std::vector<std::string>{"Brötchen backen", "Kundenberatung"});
    CHECK(b1.fields.hours == std::vector<std::string>{"part_time"});
    CHECK(b1.fields.valid_until == std::optional<std::string>("2030-12-31"));
    REQUIRE(b1.required_skills.size() == 2);
    CHECK_FALSE(b1.required_skills[0].skill_id);
    CHECK(b1.required_skills[0].confidence == 0.0);
    const Vacancy& b2 = (*all)[1];
    CHECK(b2.fields.required_skills == std::vector<std::string>{"Torten verzieren", "Schokolade, Kuvertüre"});
    CHECK(b2.fields.description == "Süßwaren; Gebäck");
    const Vacancy& m7 = (*all)[2];
    CHECK(m7.fields.employer == "Maßwerk GmbH");
    CHECK(m7.fields.driving_licence == std::vector<std::string>{"B", "CE"});
    CHECK(count(store, "SELECT COUNT(*) FROM employers") == 2);

    const auto second = import(store, kFixtures / "win1252_semicolon.csv");
    CHECK(import_exit_code(second) == 0);
    CHECK(second.inserted == 0);
    CHECK(second.updated == 0);
    CHECK(second.unchanged == 3);
    CHECK(count(store, "SELECT COUNT(*) FROM vacancies") == 3);
    CHECK(count(store, "SELECT COUNT(*) FROM vacancy_skills") == 6);
}

TEST_CASE("a changed row updates its vacancy, --replace closes what the file no longer lists", "[db][import]") {
    kk::test::TempDir dir;
    Store store = open_store(dir / "k.db");
    write_bytes(dir / "v1.csv", kHeader + "A-1;Firma;Helfer;10115;Berlin;Lager;;;;;;;;\n"
                                          "A-2;Firma;Fahrer;10115;Berlin;Fahren;;;;;;;;\n"
                                          "A-3;Firma;Koch;10115;Berlin;Kochen;;;;;;;;\n"
                                          "Z-1;Andere;Maler;10115;Berlin;Malen;;;;;;;;\n");
    CHECK(import(store, dir / "v1.csv").inserted == 4);

    // A-1 changed, A-2 missing, A-3 rejected (bad postcode): only A-2 closes, Andere's vacancy stays.
    write_bytes(dir / "v2.csv", kHeader + "A-1;FIRMA;Helfer/in;10115;Berlin;Lager, Kasse;;;;;;;;\n"
                                          "A-3;Firma;Koch;XXXXX;Berlin;Kochen;;;;;;;;\n");
    const auto delta = import(store, dir / "v2.csv", {.dry_run = true, .strict = false, .replace = true});
    CHECK(delta.updated == 1);
    CHECK(delta.closed == 1);
    CHECK_FALSE(delta.committed);
    CHECK(count(store, "SELECT COUNT(*) FROM vacancies WHERE status = 'open'") == 4);  // dry run wrote nothing

    const auto replaced = import(store, dir / "v2.csv", {.dry_run = false, .strict = false, .replace = true});
    CHECK(import_exit_code(replaced) == 3);
    CHECK(replaced.updated == 1);
    CHECK(replaced.closed == 1);
    CHECK(replaced.rejected == 1);
    auto all = list_vacancies(store);
    REQUIRE(all);
    std::map<std::string, std::string> status;
    for (const auto& v : *all) status[v.fields.reference] = v.status;
    CHECK(status == std::map<std::string, std::string>{{"A-1", "open"}, {"A-2", "closed"}, {"A-3", "open"}, {"Z-1", "open"}});
    const auto a1 = std::find_if(all->begin(), all->end(), [](const Vacancy& v) { return v.fields.reference == "A-1"; });
    REQUIRE(a1 != all->end());
    CHECK(a1->fields.title == "Helfer/in");
    CHECK(a1->fields.employer == "Firma");  // employer names match case-insensitively; the first spelling stays
    CHECK(a1->fields.required_skills == std::vector<std::string>{"Lager", "Kasse"});

    // Without --replace the file is a delta; listing A-2 again reopens it.
    write_bytes(dir / "v3.csv", kHeader + "A-2;Firma;Fahrer;10115;Berlin;Fahren;;;;;;;;\n");
    const auto reopened = import(store, dir / "v3.csv");
    CHECK(reopened.updated == 1);
    CHECK(count(store, "SELECT COUNT(*) FROM vacancies WHERE status = 'open'") == 4);
}

TEST_CASE("every kind of invalid row is rejected with its physical line and column, valid rows import",
          "[db][import]") {
    kk::test::TempDir dir;
    Store store = open_store(dir / "k.db");
    const auto report = import(store, kFixtures / "invalid_rows.csv");
    CHECK(import_exit_code(report) == 3);
    CHECK(report.read == 19);  // line 22 is an empty Excel row
    CHECK(report.inserted == 3);
    CHECK(report.rejected == 16);
    std::vector<std::pair<std::uint64_t, std::string>> got;
    for (const auto& r : report.rejections) got.emplace_back(r.line, r.problem.column);
    const std::vector<std::pair<std::uint64_t, std::string>> expected = {
        {3, "referenz"},       {4, "arbeitgeber"},   {5, "titel"},         {7, "plz"},
        {8, "pflichtkenntnisse"}, {9, "deutschniveau"}, {10, "sprachfoerderung"}, {11, "fuehrerschein"},
        {12, "arbeitszeit"},   {13, "gueltig_bis"},  {14, "#15"},          {15, "titel"},
        {16, "referenz"},      {17, "titel"},        {19, "referenz"},     {20, "gueltig_bis"}};
    CHECK(got == expected);
    CHECK_THAT(report.rejections[12].problem.reason_en, Catch::Contains("line 2"));
    CHECK_THAT(report.rejections[12].problem.reason_de, Catch::Contains("Zeile 2"));
    CHECK(count(store, "SELECT COUNT(*) FROM vacancies") == 3);
}

TEST_CASE("line numbers count quoted line breaks", "[db][import]") {
    kk::test::TempDir dir;
    Store store = open_store(dir / "k.db");
    const auto report = import(store, kFixtures / "quoted_newlines.csv");
    REQUIRE(report.rejections.size() == 1);
    CHECK(report.rejections[0].line == 7);
    CHECK(report.rejections[0].problem.column == "plz");
    auto all = list_vacancies(store);
    REQUIRE(all);
    REQUIRE(all->size() == 2);
    CHECK((*all)[0].fields.description == "Zeile eins\nZeile zwei\nZeile drei");
    CHECK((*all)[1].fields.description == "ein \"Zitat\" und\nein Umbruch");
}

TEST_CASE("strict mode imports nothing when a row is rejected", "[db][import]") {
    kk::test::TempDir dir;
    Store store = open_store(dir / "k.db");
    const auto report = import(store, kFixtures / "invalid_rows.csv", {.dry_run = false, .strict = true, .replace = false});
    CHECK(import_exit_code(report) == 2);
    CHECK(report.rejected == 16);
    CHECK(report.inserted == 0);
    CHECK_FALSE(report.committed);
    CHECK(count(store, "SELECT COUNT(*) FROM vacancies") == 0);
    CHECK(count(store, "SELECT COUNT(*) FROM employers") == 0);
}

TEST_CASE("file-level problems import nothing and say why", "[db][import]") {
    kk::test::TempDir dir;
    Store store = open_store(dir / "k.db");
    struct Case {
        const char* file;
        const char* says;
        std::optional<std::uint64_t> offset;
    };
    for (const Case& c : {Case{"empty.csv", "empty", std::nullopt},
                          Case{"missing_column.csv", "\"postcode\" is missing", std::nullopt},
                          Case{"invalid_bytes.csv", "at byte 264", 264},
                          Case{"invalid_windows1252.csv", "at byte 212", 212},
                          Case{"does_not_exist.csv", "cannot open", std::nullopt}}) {
        INFO(c.file);
        const auto report = import(store, kFixtures / c.file);
        CHECK(import_exit_code(report) == 2);
        REQUIRE(report.file_errors.size() == 1);
        CHECK_THAT(report.file_errors[0].reason_en, Catch::Contains(c.says));
        CHECK_FALSE(report.file_errors[0].reason_de.empty());
        CHECK(report.file_errors[0].byte_offset == c.offset);
        CHECK(report.inserted == 0);
    }
    // The rows before the invalid byte were valid, yet none of them is in the database.
    CHECK(count(store, "SELECT COUNT(*) FROM vacancies") == 0);
    CHECK(count(store, "SELECT COUNT(*) FROM audit_log") == 0);
}

TEST_CASE("a header-only file imports nothing and succeeds, every-row-rejected is exit 2", "[db][import]") {
    kk::test::TempDir dir;
    Store store = open_store(dir / "k.db");
    const auto header_only = import(store, kFixtures / "header_only.csv");
    CHECK(import_exit_code(header_only) == 0);
    CHECK(header_only.read == 0);
    write_bytes(dir / "bad.csv", kHeader + "A-1;Firma;Helfer;1;Berlin;Lager;;;;;;;;\n");
    CHECK(import_exit_code(import(store, dir / "bad.csv")) == 2);
}

TEST_CASE("an unterminated quote rejects that row only", "[db][import]") {
    kk::test::TempDir dir;
    Store store = open_store(dir / "k.db");
    const auto report = import(store, kFixtures / "unterminated_quote.csv");
    CHECK(import_exit_code(report) == 3);
    CHECK(report.inserted == 1);
    REQUIRE(report.rejections.size() == 1);
    CHECK(report.rejections[0].line == 3);
    CHECK_THAT(report.rejections[0].problem.reason_en, Catch::Contains("not closed"));
}

TEST_CASE("export then import gives the same vacancies, with formulas neutralised in the file", "[db][import]") {
    kk::test::TempDir dir;
    Store source = open_store(dir / "a.db");
    for (const char* f : {"win1252_semicolon.csv", "utf8_bom_comma.csv", "utf16le_bom_tab.csv", "quoted_newlines.csv",
                          "formulas.csv", "invalid_rows.csv"}) {
        (void)import(source, kFixtures / f);
    }
    // A closed vacancy is not exported.
    source.connection().exec("UPDATE vacancies SET status = 'closed' WHERE reference = 'OK-2'");
    auto exported = export_vacancies(source, dir / "out.csv");
    REQUIRE(exported);
    CHECK(*exported == 12);
    const std::string bytes = kk::test::read_bytes(dir / "out.csv");
    CHECK(bytes.rfind("\xEF\xBB\xBFreferenz;arbeitgeber;titel;plz;", 0) == 0);
    CHECK(bytes.find("\r\n'=1+2;'@Firma;'-Helfer/in;10115;") != std::string::npos);
    CHECK(bytes.find(";''Zitat am Anfang;'-49 30 123;") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(dir / "out.csv.partial"));

    Store target = open_store(dir / "b.db");
    const auto report = import(target, dir / "out.csv");
    CHECK(import_exit_code(report) == 0);
    CHECK(report.inserted == 12);
    auto open_fields = [](Store& s) {
        auto all = list_vacancies(s, VacancyFilter::open_only);
        REQUIRE(all);
        std::vector<VacancyFields> out;
        for (const auto& v : *all) out.push_back(v.fields);
        return out;
    };
    const auto before = open_fields(source);
    const auto after = open_fields(target);
    REQUIRE(before.size() == after.size());
    for (std::size_t i = 0; i < before.size(); ++i) {
        INFO(before[i].reference);
        CHECK(before[i] == after[i]);
    }
    // And importing the export into the source changes nothing.
    const auto again = import(source, dir / "out.csv");
    CHECK(again.unchanged == 12);
    CHECK(again.updated == 0);
}

namespace {
class FixedResolver final : public SkillResolver {
public:
    SkillResolution resolve(std::string_view text, std::string_view language) const override {
        if (text == "Lager" && language == "de") return {.skill_id = 7, .confidence = 0.9};
        return {};
    }
};
}  // namespace

TEST_CASE("skills keep the employer's words plus what a resolver makes of them", "[db][import]") {
    kk::test::TempDir dir;
    Store store = open_store(dir / "k.db");
    store.connection().exec("INSERT INTO skills (id, code) VALUES (7, 'warehouse')");
    write_bytes(dir / "v.csv", kHeader + "A-1;Firma;Helfer;10115;Berlin;Lager, Kasse;;;;;;;;\n");
    const FixedResolver resolver;
    ImportOptions options;
    options.resolver = &resolver;
    CHECK(import(store, dir / "v.csv", options).inserted == 1);
    auto all = list_vacancies(store);
    REQUIRE(all);
    REQUIRE((*all)[0].required_skills.size() == 2);
    CHECK((*all)[0].required_skills[0].text == "Lager");
    CHECK((*all)[0].required_skills[0].skill_id == std::optional<std::int64_t>(7));
    CHECK((*all)[0].required_skills[0].confidence == Approx(0.9));
    CHECK_FALSE((*all)[0].required_skills[1].skill_id);
}

TEST_CASE("an import is audited, the audit log refuses UPDATE and DELETE", "[db][import]") {
    kk::test::TempDir dir;
    Store store = open_store(dir / "k.db");
    (void)import(store, kFixtures / "win1252_semicolon.csv");
    (void)import(store, kFixtures / "win1252_semicolon.csv", {.dry_run = true, .strict = false, .replace = false});
    REQUIRE(count(store, "SELECT COUNT(*) FROM audit_log") == 1);
    CHECK_THROWS_WITH(store.connection().exec("UPDATE audit_log SET actor = 'x'"), Catch::Contains("append-only"));
    CHECK_THROWS_WITH(store.connection().exec("DELETE FROM audit_log"), Catch::Contains("append-only"));
    CHECK(count(store, "SELECT COUNT(*) FROM audit_log WHERE actor = 'kioskctl'") == 1);
}

TEST_CASE("the database file stays private (0600) through imports", "[db][import]") {
    kk::test::TempDir dir;
    const auto path = dir / "k.db";
    Store store = open_store(path);
    (void)import(store, kFixtures / "win1252_semicolon.csv");  // a first import: through a rollback journal
    CHECK_FALSE(std::filesystem::exists(path.string() + "-journal"));
    (void)import(store, kFixtures / "win1252_semicolon.csv");  // through the WAL
    for (const auto& p : {path, std::filesystem::path(path.string() + "-wal")}) {
        struct stat st {};
        REQUIRE(stat(p.c_str(), &st) == 0);
        CHECK((st.st_mode & 0777) == 0600);
    }
}

namespace {
// Answers like a catalog would and counts how often it is asked.
class CountingResolver final : public SkillResolver {
public:
    SkillResolution resolve(std::string_view text, std::string_view) const override {
        ++calls;
        ++calls_for[std::string(text)];
        if (text == "Lager") return {.skill_id = 7, .confidence = 0.9};
        if (text.starts_with("Stapler")) return {.skill_id = 8, .confidence = 0.5 + 0.01 * static_cast<double>(text.size())};
        return {};
    }
    mutable int calls = 0;
    mutable std::map<std::string, int> calls_for;
};
}  // namespace

TEST_CASE("the import asks the resolver once per distinct skill text and stores exactly its answers",
          "[db][import]") {
    kk::test::TempDir dir;
    Store store = open_store(dir / "k.db");
    store.connection().exec("INSERT INTO skills (id, code) VALUES (7, 'warehouse'), (8, 'forklift')");
    std::string csv = kHeader;
    for (int i = 0; i < 60; ++i) {
        csv += "R-" + std::to_string(i) + ";Firma " + std::to_string(i % 3) + ";Helfer;10115;Berlin;Lager, Kasse, Stapler " +
               std::to_string(i % 4) + ";Lager;;;;;;;\n";
    }
    write_bytes(dir / "v.csv", csv);
    const CountingResolver resolver;
    ImportOptions options;
    options.resolver = &resolver;
    CHECK(import(store, dir / "v.csv", options).inserted == 60);
    // Distinct texts: Lager, Kasse, Stapler 0..3.
    CHECK(resolver.calls == 6);
    for (const auto& [text, n] : resolver.calls_for) CHECK(n == 1);

    const CountingResolver reference;  // what each text resolves to without any cache
    auto all = list_vacancies(store);
    REQUIRE(all);
    REQUIRE(all->size() == 60);
    std::size_t checked = 0;
    for (const auto& v : *all) {
        REQUIRE(v.required_skills.size() == 3);
        REQUIRE(v.optional_skills.size() == 1);
        for (const auto* list : {&v.required_skills, &v.optional_skills}) {
            for (const auto& skill : *list) {
                const SkillResolution expected = reference.resolve(skill.text, "de");
                CHECK(skill.skill_id == expected.skill_id);
                CHECK(skill.confidence == Approx(expected.confidence));
                ++checked;
            }
        }
    }
    CHECK(checked == 240);

    // Importing the same file again writes nothing, so it asks nothing. A changed row is encoded where it is
    // written (not in a first import): only its new text is asked for, and stored as answered.
    const CountingResolver again;
    options.resolver = &again;
    CHECK(import(store, dir / "v.csv", options).unchanged == 60);
    CHECK(again.calls == 0);
    write_bytes(dir / "changed.csv", kHeader + "R-5;Firma 2;Helfer;10115;Berlin;Lager, Stapler 77;;;;;;;;\n");
    CHECK(import(store, dir / "changed.csv", options).updated == 1);
    CHECK(again.calls == 2);
    all = list_vacancies(store);
    REQUIRE(all);
    const auto r5 = std::find_if(all->begin(), all->end(), [](const Vacancy& v) { return v.fields.reference == "R-5"; });
    REQUIRE(r5 != all->end());
    REQUIRE(r5->required_skills.size() == 2);
    CHECK(r5->required_skills[1].text == "Stapler 77");
    CHECK(r5->required_skills[1].skill_id == std::optional<std::int64_t>(8));
    CHECK(r5->required_skills[1].confidence == Approx(0.5 + 0.01 * 10));
}

TEST_CASE("new and known employers in one file: repeats rejected with the first line, many skills kept in order",
          "[db][import]") {
    kk::test::TempDir dir;
    Store store = open_store(dir / "k.db");
    write_bytes(dir / "v1.csv", kHeader + "K-1;Bekannt;Koch;10115;Berlin;Kochen;;;;;;;;\n");
    REQUIRE(import(store, dir / "v1.csv").inserted == 1);

    // Twelve skills keep their order; "Neu" had no vacancies, "Bekannt" had one.
    const std::string many = "S1|S2|S3|S4|S5|S6|S7|S8|S9|S10|S11|S12";
    write_bytes(dir / "v2.csv", kHeader + "N-1;Neu;Maler;10115;Berlin;" + many + ";O1, O2;;;;;;;\n" +  // line 2
                                    "K-1;Bekannt;Koch;10115;Berlin;Kochen;;;;;;;;\n" +                // line 3
                                    "N-2;Neu;Fahrer;10115;Berlin;Fahren;;;;;;;;\n" +                  // line 4
                                    "N-1;NEU;Maler;10115;Berlin;Malen;;;;;;;;\n" +                    // line 5
                                    "K-1;bekannt;Koch;10115;Berlin;Kochen;;;;;;;;\n" +                // line 6
                                    "K-2;Bekannt;Bäcker;10115;Berlin;Backen;;;;;;;;\n");              // line 7
    const auto report = import(store, dir / "v2.csv", {.dry_run = false, .strict = false, .replace = true});
    CHECK(report.inserted == 3);
    CHECK(report.unchanged == 1);
    CHECK(report.rejected == 2);
    CHECK(report.closed == 0);
    REQUIRE(report.rejections.size() == 2);
    CHECK(report.rejections[0].line == 5);
    CHECK_THAT(report.rejections[0].problem.reason_en, Catch::Contains("line 2"));
    CHECK(report.rejections[1].line == 6);
    CHECK_THAT(report.rejections[1].problem.reason_en, Catch::Contains("line 3"));

    auto all = list_vacancies(store);
    REQUIRE(all);
    const auto n1 = std::find_if(all->begin(), all->end(), [](const Vacancy& v) { return v.fields.reference == "N-1"; });
    REQUIRE(n1 != all->end());
    CHECK(n1->fields.title == "Maler");  // the repeat on line 5 changed nothing
    std::vector<std::string> texts;
    for (const auto& s : n1->required_skills) texts.push_back(s.text);
    CHECK(texts == std::vector<std::string>{"S1", "S2", "S3", "S4", "S5", "S6", "S7", "S8", "S9", "S10", "S11", "S12"});
    CHECK(n1->fields.optional_skills == std::vector<std::string>{"O1", "O2"});
    CHECK(count(store, "SELECT COUNT(*) FROM vacancy_skills") == 12 + 2 + 1 + 1 + 1);

    // The same file again: nothing new, the same two repeats rejected.
    const auto again = import(store, dir / "v2.csv", {.dry_run = false, .strict = false, .replace = true});
    CHECK(again.inserted == 0);
    CHECK(again.unchanged == 4);
    CHECK(again.rejected == 2);
    CHECK(count(store, "SELECT COUNT(*) FROM vacancy_skills") == 17);
}

TEST_CASE("a long file keeps every row's line, outcome and order across the reading thread's batches",
          "[db][import]") {
    kk::test::TempDir dir;
    Store store = open_store(dir / "k.db");
    // 5000 rows (many batches, more than the queue holds), every 700th without a postcode, every 1000th a
    // repeat of the row before it; each row takes two physical lines (a quoted line break in its description).
    std::string csv = kHeader;
    std::vector<std::uint64_t> expected_rejections;
    std::uint64_t line = 2;
    for (int i = 0; i < 5000; ++i) {
        const bool no_postcode = i % 700 == 699;
        const bool repeat = i % 1000 == 999;
        const int ref = repeat ? i - 1 : i;
        if (no_postcode || repeat) expected_rejections.push_back(line);
        csv += "R-" + std::to_string(ref) + ";Firma " + std::to_string(ref % 7) + ";Helfer;" +
               (no_postcode ? "" : "10115") + ";Berlin;Lager " + std::to_string(ref % 5) +
               ";;;;;;\"erste\nzweite\";;\n";
        line += 2;
    }
    write_bytes(dir / "long.csv", csv);
    const auto report = import(store, dir / "long.csv");
    CHECK(report.read == 5000);
    CHECK(report.rejected == expected_rejections.size());
    CHECK(report.inserted == 5000 - expected_rejections.size());
    std::vector<std::uint64_t> lines;
    for (const auto& r : report.rejections) lines.push_back(r.line);
    CHECK(lines == expected_rejections);
    CHECK(count(store, "SELECT COUNT(*) FROM vacancies") == static_cast<std::int64_t>(report.inserted));
}

TEST_CASE("a database error halfway through a long file rolls everything back and stops the reader",
          "[db][import]") {
    kk::test::TempDir dir;
    Store store = open_store(dir / "k.db");
    // A trigger standing in for a full disk or a broken file: the 3000th vacancy cannot be written.
    store.connection().exec("CREATE TRIGGER fail_halfway BEFORE INSERT ON vacancies WHEN NEW.reference = 'R-2999' "
                            "BEGIN SELECT RAISE(ABORT, 'disk full'); END");
    std::string csv = kHeader;
    for (int i = 0; i < 20000; ++i) csv += "R-" + std::to_string(i) + ";Firma;Helfer;10115;Berlin;Lager;;;;;;;;\n";
    write_bytes(dir / "long.csv", csv);
    auto report = import_vacancies(store, dir / "long.csv", {});
    REQUIRE_FALSE(report);
    CHECK_THAT(report.error(), Catch::Contains("disk full"));
    CHECK(count(store, "SELECT COUNT(*) FROM vacancies") == 0);
    CHECK(count(store, "SELECT COUNT(*) FROM audit_log") == 0);
    // The first import had dropped the table's indexes to build them at the end; the rollback restored them.
    CHECK(count(store, "SELECT COUNT(*) FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'vacancies' "
                       "AND name IN ('vacancies_identity', 'vacancies_status_postcode')") == 2);
    // The store is still usable: without the trigger the same file imports completely.
    store.connection().exec("DROP TRIGGER fail_halfway");
    CHECK(import(store, dir / "long.csv").inserted == 20000);
}

TEST_CASE("a first import checks its vacancies' employers once at the end and commits no dangling one",
          "[db][import]") {
    kk::test::TempDir dir;
    Store store = open_store(dir / "k.db");
    // Standing in for a bug that would bind a wrong employer id: each new employer disappears at once.
    store.connection().exec("CREATE TEMP TRIGGER lose_employer AFTER INSERT ON main.employers "
                            "BEGIN DELETE FROM employers WHERE id = NEW.id; END");
    std::string csv = kHeader;
    for (int i = 0; i < 3000; ++i) {
        csv += "R-" + std::to_string(i) + ";Firma " + std::to_string(i % 7) + ";Helfer;10115;Berlin;Lager;;;;;;;;\n";
    }
    write_bytes(dir / "v.csv", csv);
    // A first import does not check row by row; its check before the commit names the missing employer.
    auto first = import_vacancies(store, dir / "v.csv", {});
    REQUIRE_FALSE(first);
    CHECK_THAT(first.error(), Catch::Contains("employer") && Catch::Contains("does not exist"));
    CHECK(count(store, "SELECT COUNT(*) FROM vacancies") == 0);
    CHECK(count(store, "SELECT COUNT(*) FROM audit_log") == 0);
    // A dry run fails the same way. Foreign keys are on again for everything after either.
    CHECK(count(store, "PRAGMA foreign_keys") == 1);
    auto dry = import_vacancies(store, dir / "v.csv", {.dry_run = true, .strict = false, .replace = false});
    REQUIRE_FALSE(dry);
    CHECK_THAT(dry.error(), Catch::Contains("does not exist"));
    CHECK(count(store, "PRAGMA foreign_keys") == 1);
    CHECK_THROWS_WITH(store.connection().exec("INSERT INTO vacancies (employer_id, reference, title, postcode, "
                                              "fingerprint, created_at, updated_at) VALUES (99, 'x', 'x', '10115', "
                                              "0, 'now', 'now')"),
                      Catch::Contains("FOREIGN KEY"));

    // Any later import checks row by row, as always: the first row fails.
    store.connection().exec("DROP TRIGGER lose_employer");
    write_bytes(dir / "one.csv", kHeader + "A-1;Andere;Helfer;10115;Berlin;Lager;;;;;;;;\n");
    REQUIRE(import(store, dir / "one.csv").inserted == 1);
    store.connection().exec("CREATE TEMP TRIGGER lose_employer AFTER INSERT ON main.employers "
                            "BEGIN DELETE FROM employers WHERE id = NEW.id; END");
    auto later = import_vacancies(store, dir / "v.csv", {});
    REQUIRE_FALSE(later);
    CHECK_THAT(later.error(), Catch::Contains("FOREIGN KEY"));
    CHECK(count(store, "SELECT COUNT(*) FROM vacancies") == 1);

    // Without the stand-in the first file imports completely.
    store.connection().exec("DROP TRIGGER lose_employer");
    CHECK(import(store, dir / "v.csv").inserted == 3000);
    CHECK(count(store, "SELECT COUNT(*) FROM pragma_foreign_key_check") == 0);
}

namespace {

std::vector<std::string> vacancy_indexes(Store& store) {
    Statement s(store.connection(),
                "SELECT name || ': ' || sql FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'vacancies' "
                "ORDER BY name");
    std::vector<std::string> out;
    while (s.step()) out.push_back(s.column_text(0));
    return out;
}

}  // namespace

TEST_CASE("a first import builds the indexes at the end: the same indexes, the repeats rejected, in file order",
          "[db][import]") {
    kk::test::TempDir dir;
    Store store = open_store(dir / "k.db");
    const auto indexes = vacancy_indexes(store);
    REQUIRE(indexes.size() == 2);

    // 3000 rows, the reference column last. Every 2nd row lacks a title (1500 rejections, more than are
    // listed), every 7th valid row repeats an earlier reference of its employer: those repeats are only found
    // when the identity index is built, after all rows were read.
    const std::string header = "arbeitgeber;titel;plz;pflichtkenntnisse;Referenz\n";
    std::string csv = header;
    std::vector<std::uint64_t> rejected_lines;
    std::vector<std::uint64_t> repeat_lines;
    int repeats = 0;
    for (int i = 0; i < 3000; ++i) {
        const std::uint64_t line = static_cast<std::uint64_t>(i) + 2;
        const bool untitled = i % 2 == 1;
        const bool repeat = !untitled && i % 7 == 0 && i > 0;
        const int ref = repeat ? i - 2 : i;  // row i - 2 was imported (even, not a repeat), same employer
        if (untitled || repeat) rejected_lines.push_back(line);
        if (repeat) {
            repeat_lines.push_back(line);
            ++repeats;
        }
        csv += "Firma " + std::to_string(i % 2) + ";" + (untitled ? "" : "Helfer") + ";10115;Lager;R-" +
               std::to_string(ref) + "\n";
    }
    write_bytes(dir / "first.csv", csv);
    const auto report = import(store, dir / "first.csv");
    CHECK(report.read == 3000);
    CHECK(report.rejected == rejected_lines.size());
    CHECK(report.inserted == 3000 - rejected_lines.size());
    CHECK(static_cast<std::int64_t>(report.inserted) == count(store, "SELECT COUNT(*) FROM vacancies"));
    // Listed: the first 1000 rejections by line, whichever way they were found; the rest counted.
    REQUIRE(report.rejections.size() == 1000);
    CHECK(report.rejections_not_listed == rejected_lines.size() - 1000);
    for (std::size_t k = 0; k < report.rejections.size(); ++k) {
        INFO(k);
        REQUIRE(report.rejections[k].line == rejected_lines[k]);
    }
    const auto repeat = std::find_if(report.rejections.begin(), report.rejections.end(),
                                     [&](const RowReport& r) { return r.line == repeat_lines[0]; });
    REQUIRE(repeat != report.rejections.end());
    CHECK(repeat->problem.column == "Referenz");  // the reference column, wherever it stands
    CHECK(repeat->problem.reason_en == "employer and reference already appear on line " +
                                           std::to_string(repeat_lines[0] - 2));
    CHECK(repeats > 100);

    // The first row of each repeat stayed, and the indexes are back exactly as the schema has them.
    CHECK(count(store, "SELECT COUNT(*) FROM vacancies WHERE reference = 'R-0'") == 1);
    CHECK(count(store, "SELECT COUNT(*) FROM (SELECT 1 FROM vacancies GROUP BY employer_id, reference "
                       "HAVING COUNT(*) > 1)") == 0);
    CHECK(vacancy_indexes(store) == indexes);
    CHECK(count(store, "SELECT COUNT(*) FROM pragma_integrity_check WHERE integrity_check <> 'ok'") == 0);
    CHECK_THROWS(store.connection().exec("INSERT INTO vacancies (employer_id, reference, title, postcode, fingerprint, "
                                         "created_at, updated_at) SELECT employer_id, reference, 't', '10115', 0, "
                                         "'now', 'now' FROM vacancies LIMIT 1"));

    // The next import meets a non-empty table: row by row, with the same outcome for the same file.
    const auto again = import(store, dir / "first.csv");
    CHECK(again.inserted == 0);
    CHECK(again.unchanged == report.inserted);
    CHECK(again.rejected == report.rejected);
    CHECK(vacancy_indexes(store) == indexes);
}

TEST_CASE("a first import that writes nothing leaves the table's indexes as they were", "[db][import]") {
    kk::test::TempDir dir;
    Store store = open_store(dir / "k.db");
    const auto indexes = vacancy_indexes(store);
    write_bytes(dir / "v.csv", kHeader + "R-1;Firma;Koch;10115;Berlin;Kochen;;;;;;;;\n" +
                                   "R-1;Firma;Koch;10115;Berlin;Kochen;;;;;;;;\n");
    const auto dry = import(store, dir / "v.csv", {.dry_run = true});
    CHECK(dry.inserted == 1);
    CHECK(dry.rejected == 1);
    CHECK_FALSE(dry.committed);
    const auto strict = import(store, dir / "v.csv", {.dry_run = false, .strict = true});
    CHECK(strict.rejected == 1);
    CHECK_FALSE(strict.committed);
    CHECK(count(store, "SELECT COUNT(*) FROM vacancies") == 0);
    CHECK(vacancy_indexes(store) == indexes);
}

namespace {

std::uintmax_t size_or_zero(const std::filesystem::path& p) {
    std::error_code ec;
    const auto size = std::filesystem::file_size(p, ec);
    return ec ? 0 : size;
}

std::string journal_mode(Store& store) {
    Statement mode(store.connection(), "PRAGMA journal_mode");
    return mode.step() ? mode.column_text(0) : std::string();
}

std::string generated_rows(int rows) {
    std::string csv = kHeader;
    for (int i = 0; i < rows; ++i) {
        csv += "G-" + std::to_string(i) + ";Firma " + std::to_string(i % 7) + ";Helfer;10115;Berlin;";
        csv += "Lager " + std::to_string(i % 13) + ";Kasse;A2;ja;B;Vollzeit;\"Schicht\nbetrieb\";;\n";
    }
    return csv;
}

}  // namespace

TEST_CASE("a first import alone with the database writes through a rollback journal, else through the WAL",
          "[db][import]") {
    kk::test::TempDir dir;
    write_bytes(dir / "v.csv", generated_rows(3000));

    // Alone: SQLite leaves WAL mode for the import and returns to it; nothing went through the WAL.
    const auto alone_path = dir / "alone.db";
    Store alone = open_store(alone_path);
    CHECK(import(alone, dir / "v.csv").inserted == 3000);
    CHECK(size_or_zero(alone_path.string() + "-wal") == 0);
    CHECK_FALSE(std::filesystem::exists(alone_path.string() + "-journal"));
    CHECK(journal_mode(alone) == "wal");
    CHECK(count(alone, "SELECT COUNT(*) FROM pragma_integrity_check WHERE integrity_check <> 'ok'") == 0);
    // What the bulk load changed for a while is back: synchronous=NORMAL, no sorting threads, the import's
    // page cache.
    CHECK(count(alone, "PRAGMA synchronous") == 1);
    CHECK(count(alone, "PRAGMA threads") == 0);
    CHECK(count(alone, "PRAGMA cache_size") == -32768);
    // Later writes go through the WAL again.
    alone.connection().exec("UPDATE vacancies SET status = 'closed' WHERE reference = 'G-1'");
    CHECK(size_or_zero(alone_path.string() + "-wal") > 0);

    // With another connection open (the kiosk, say), the import stays in WAL mode and that connection reads
    // the rows the moment they are committed.
    const auto shared_path = dir / "shared.db";
    Store shared = open_store(shared_path);
    Store other = open_store(shared_path);
    CHECK(count(other, "SELECT COUNT(*) FROM vacancies") == 0);
    CHECK(import(shared, dir / "v.csv").inserted == 3000);
    CHECK(size_or_zero(shared_path.string() + "-wal") > 3000 * 100);  // every row went through it
    CHECK(journal_mode(shared) == "wal");
    CHECK(count(other, "SELECT COUNT(*) FROM vacancies") == 3000);

    // A dry run writes nothing, whichever way.
    const auto dry_path = dir / "dry.db";
    Store dry = open_store(dry_path);
    CHECK(import(dry, dir / "v.csv", {.dry_run = true}).inserted == 3000);
    CHECK(journal_mode(dry) == "wal");
    CHECK(count(dry, "SELECT COUNT(*) FROM vacancies") == 0);
}

TEST_CASE("a first import reports a repeat with the line of the first row however far apart they are",
          "[db][import]") {
    kk::test::TempDir dir;
    Store store = open_store(dir / "k.db");
    // Descriptions of 1, 300 and 20000 lines: the lines a first import keeps for its rows step by one, two
    // and three bytes. Then more rows than one run of kept lines holds, then a repeat of each first row.
    std::string csv = kHeader;
    std::uint64_t line = 2;
    std::map<std::string, std::uint64_t> first_line;
    for (const int lines : {1, 300, 20000, 1}) {
        const std::string reference = "R-" + std::to_string(lines) + "-" + std::to_string(line);
        first_line[reference] = line;
        const std::string breaks(static_cast<std::size_t>(lines - 1), '\n');
        csv += reference + ";Firma;Helfer;10115;;Lager;;;;;;\"" + breaks + "Schicht\";;\n";
        line += static_cast<std::uint64_t>(lines);
    }
    for (int i = 0; i < 1500; ++i, ++line) {
        csv += "F-" + std::to_string(i) + ";Firma;Helfer;10115;;Lager;;;;;;;;\n";
    }
    std::map<std::uint64_t, std::uint64_t> expected;  // line of a repeat -> line of its first row
    for (const auto& [reference, first] : first_line) {
        csv += reference + ";Firma;Koch;10115;;Lager;;;;;;;;\n";
        expected[line++] = first;
    }
    write_bytes(dir / "v.csv", csv);

    const auto report = import(store, dir / "v.csv", {.dry_run = false, .strict = false, .replace = true});
    CHECK(report.inserted == 1504);
    CHECK(report.closed == 0);  // --replace on an empty table: nothing is missing
    REQUIRE(report.rejections.size() == expected.size());
    for (const auto& r : report.rejections) {
        INFO(r.line);
        REQUIRE(expected.count(r.line) == 1);
        CHECK(r.problem.reason_en ==
              "employer and reference already appear on line " + std::to_string(expected[r.line]));
    }
    // The first rows stayed, with their titles.
    CHECK(count(store, "SELECT COUNT(*) FROM vacancies WHERE status = 'open' AND title = 'Helfer'") == 1504);
}
