// kioskctl init (catalog), import-vacancies with the catalog resolver, skills search/stats, import-esco: the
// real binary on real files.
#include <catch2/catch.hpp>
#include <fstream>
#include <nlohmann/json.hpp>

#include "db/sqlite.hpp"
#include "db/store.hpp"
#include "tests/support/process.hpp"
#include "tests/support/temp_dir.hpp"

using namespace kk;

namespace {

test::ProcessResult kioskctl(std::vector<std::string> args) {
    args.insert(args.begin(), KK_KIOSKCTL_BIN);
    return test::run_process(args);
}

std::string init_db(const test::TempDir& dir) {
    const std::string db = (dir / "k.db").string();
    const auto init = kioskctl({"init", "--db", db});
    REQUIRE(init.exit_code == 0);
    CHECK(init.out.find("catalog loaded:") != std::string::npos);
    return db;
}

}  // namespace

TEST_CASE("kioskctl init loads the catalog once", "[cli][catalog]") {
    test::TempDir dir;
    const std::string db = init_db(dir);
    const auto again = kioskctl({"init", "--db", db});
    CHECK(again.exit_code == 0);
    CHECK(again.out.find("catalog already up to date") != std::string::npos);
}

TEST_CASE("import-vacancies resolves German skills to catalog skills, nonsense stays text",
          "[cli][catalog]") {
    test::TempDir dir;
    const std::string db = init_db(dir);
    std::ofstream(dir / "v.csv", std::ios::binary)
        << "referenz;arbeitgeber;titel;plz;ort;pflichtkenntnisse;wunschkenntnisse\n"
           "L-1;Lager Meyer;Lagerhelfer;26789;Leer;Gabelstaplerfahren, Staplerschein;Xyzzqw blorf\n";
    const auto imported = kioskctl({"import-vacancies", "--db", db, (dir / "v.csv").string()});
    INFO(imported.out << imported.err);
    REQUIRE(imported.exit_code == 0);

    auto store = db::Store::open(dir / "k.db");
    REQUIRE(store);
    db::Statement select(store->connection(),
                         "SELECT vs.text, coalesce(s.code, ''), vs.confidence FROM vacancy_skills AS vs "
                         "LEFT JOIN skills AS s ON s.id = vs.skill_id ORDER BY vs.kind DESC, vs.position");
    std::vector<std::tuple<std::string, std::string, double>> rows;
    while (select.step())
        rows.emplace_back(select.column_text(0), select.column_text(1), select.column_double(2));
    REQUIRE(rows.size() == 3);
    CHECK(std::get<0>(rows[0]) == "Gabelstaplerfahren");
    CHECK(std::get<1>(rows[0]) == "operate_forklift");
    CHECK(std::get<2>(rows[0]) > 0.9);
    CHECK(std::get<1>(rows[1]) == "operate_forklift");
    CHECK(std::get<2>(rows[1]) > 0.9);
    CHECK(std::get<0>(rows[2]) == "Xyzzqw blorf");
    CHECK(std::get<1>(rows[2]).empty());
    CHECK(std::get<2>(rows[2]) == 0.0);
}

TEST_CASE("kioskctl skills search prints id, label, German label and score", "[cli][catalog]") {
    test::TempDir dir;
    const std::string db = init_db(dir);
    const auto found = kioskctl({"skills", "search", "--db", db, "--lang", "uk", "--top", "2", "зварювання"});
    REQUIRE(found.exit_code == 0);
    CHECK(found.out.rfind("welding\tЗварювання\tSchweißen\t1.000\n", 0) == 0);

    const auto json =
        kioskctl({"skills", "search", "--db", db, "--lang", "de", "--json", "Gabelstapler", "fahren"});
    REQUIRE(json.exit_code == 0);
    const auto list = nlohmann::json::parse(json.out);
    REQUIRE(!list.empty());
    CHECK(list[0]["id"] == "operate_forklift");
    CHECK(list[0]["label_de"] == "Gabelstapler fahren");

    CHECK(kioskctl({"skills", "search", "--db", db, "--lang", "xx", "Schweißen"}).exit_code == 2);
    CHECK(kioskctl({"skills", "search", "--db", db, "--lang", "xx", "Schweißen"})
              .err.find("unknown language") != std::string::npos);
    CHECK(kioskctl({"skills", "search", "--db", db, "--lang", "de", " "}).err.find("TEXT is empty") !=
          std::string::npos);
    const auto missing =
        kioskctl({"skills", "search", "--db", (dir / "nope.db").string(), "--lang", "de", "x"});
    CHECK(missing.exit_code == 2);
    CHECK(missing.err.find("does not exist") != std::string::npos);
    CHECK(kioskctl({"skills", "search", "--db", db, "--lang", "de", "Qqqxxzzz"}).out == "no skill matches\n");
}

TEST_CASE("kioskctl skills stats counts labels per language", "[cli][catalog]") {
    test::TempDir dir;
    const std::string db = init_db(dir);
    const auto stats = kioskctl({"skills", "stats", "--db", db, "--json"});
    REQUIRE(stats.exit_code == 0);
    const auto j = nlohmann::json::parse(stats.out);
    CHECK(j["skills"].get<int>() >= 400);
    CHECK(j["languages"].size() == 17);
    CHECK(kioskctl({"skills", "stats", "--db", db}).out.find("\nde\t") != std::string::npos);
}

TEST_CASE("kioskctl import-esco reports what it merged and refuses a wrong directory", "[cli][catalog]") {
    test::TempDir dir;
    const std::string db = init_db(dir);
    std::filesystem::create_directories(dir / "esco");
    std::ofstream(dir / "esco" / "skills_en.csv", std::ios::binary)
        << "conceptUri,skillType,preferredLabel,altLabels\n"
           "http://data.europa.eu/esco/skill/0000-x,knowledge,tractor history,\"old tractors\"\n";
    const auto imported = kioskctl({"import-esco", "--db", db, (dir / "esco").string()});
    INFO(imported.err);
    REQUIRE(imported.exit_code == 0);
    CHECK(imported.out.find("skills: 1 read, 1 new") != std::string::npos);
    const auto found = kioskctl({"skills", "search", "--db", db, "--lang", "en", "tractor histroy"});
    CHECK(found.out.rfind("http://data.europa.eu/esco/skill/0000-x\ttractor history\t\t", 0) == 0);

    const auto wrong = kioskctl({"import-esco", "--db", db, dir.path().string()});
    CHECK(wrong.exit_code == 2);
    CHECK(wrong.err.find("no ESCO CSV file") != std::string::npos);
}
