#include <catch2/catch.hpp>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "db/catalog.hpp"
#include "db/postcodes.hpp"
#include "tests/support/process.hpp"
#include "tests/support/temp_dir.hpp"
#include "tests/cli/run_kioskctl.hpp"

using namespace kk;

namespace {

using test::kioskctl;

const char kVacancies[] =
    "referenz;arbeitgeber;titel;plz;ort;pflichtkenntnisse;wunschkenntnisse;deutschniveau;sprachfoerderung;"
    "fuehrerschein;arbeitszeit\n"
    "M-1;Bau Korbach GmbH;Maurer/in;34497;Korbach;Mauern errichten, Mörtel mischen;Verputzen;A2;ja;;Vollzeit\n"
    "M-9;Bau Weser KG;Maurer/in;37671;Höxter;Mauern errichten, Mörtel mischen;;A2;ja;;Vollzeit\n"
    "K-1;Spedition Korbach;Berufskraftfahrer/in CE;34497;Korbach;Lkw fahren, Ladung sichern;;A2;ja;CE;Vollzeit\n"
    "G-1;Hotel Arolsen;Küchenhilfe;34454;Bad Arolsen;Geschirr spülen;;A1;ja;;Teilzeit\n";

const char kCandidates[] =
    R"({"ref": "BRICK", "given_name": "Yusuf", "family_name": "Haddad", "ui_lang": "ar", "postcode": "34497", )"
    R"("max_commute_km": 30, "mobility": ["car"], "driving_licence": ["B"], )"
    R"("languages": [{"code": "ar", "level": "native"}, {"code": "de", "level": "A2"}], )"
    R"("skills": [{"text": "Mauern errichten", "lang": "de"}, {"text": "Mörtel mischen", "lang": "de"}, )"
    R"({"text": "Lkw fahren", "lang": "de"}, {"text": "بناء جدران", "lang": "ar"}], )"
    R"("experience": [{"title": "Maurer", "lang": "de", "from": "2012-01", "to": "2021-12", "employer": "Bau Haddad", "country": "SY"}]})"
    "\n"
    R"({"ref": "EMPTY", "postcode": "34497"})"
    "\n";

// A store with the shipped catalog and demo postcodes, the vacancies above and the candidates above.
struct Fixture {
    kk::test::TempDir dir;
    std::string db = (dir / "k.db").string();
    Fixture() {
        {
            auto store = db::Store::open(db);
            REQUIRE(store);
            REQUIRE(db::ensure_shipped_catalog(*store, KK_TEST_LOCALE_DIR));
            REQUIRE(db::ensure_demo_postcodes(*store));
        }
        std::ofstream(dir / "v.csv") << kVacancies;
        std::ofstream(dir / "c.jsonl") << kCandidates;
        const auto v = kioskctl({"import-vacancies", "--db", db, (dir / "v.csv").string()});
        REQUIRE(v.code == 0);
        const auto c = kioskctl({"import-candidates", "--db", db, (dir / "c.jsonl").string()});
        INFO(c.out << c.err);
        REQUIRE(c.code == 0);
    }
};

std::set<std::string> keys(const nlohmann::json& object) {
    std::set<std::string> out;
    for (const auto& [key, value] : object.items()) out.insert(key);
    return out;
}

std::string strip_bidi_controls(std::string s) {
    for (const char* mark : {"\u202A", "\u202B", "\u202C", "\u202D", "\u202E"}) {
        for (auto at = s.find(mark); at != std::string::npos; at = s.find(mark)) s.erase(at, 3);
    }
    return s;
}

}  // namespace

TEST_CASE_METHOD(Fixture, "a bricklayer in Korbach gets the nearby Maurer vacancy first, blockers flagged", "[cli]") {
    const auto r = kioskctl({"match", "--db", db, "--candidate", "BRICK", "--json"});
    INFO(r.out << r.err);
    REQUIRE(r.code == 0);
    const auto j = nlohmann::json::parse(r.out);
    CHECK(keys(j) == std::set<std::string>{"results"});
    const auto& results = j.at("results");
    REQUIRE(results.size() == 3);  // the kitchen job shares nothing with him
    for (const auto& result : results) {
        CHECK(keys(result) == std::set<std::string>{"vacancy", "employer", "title", "score", "distance_km", "reachable",
                                                    "matched", "missing", "blockers", "explanation"});
        for (const auto& m : result.at("matched")) CHECK(keys(m) == std::set<std::string>{"required", "by", "similarity"});
    }
    const auto& first = results.at(0);
    CHECK(first.at("vacancy") == "M-1");
    CHECK(first.at("employer") == "Bau Korbach GmbH");
    CHECK(first.at("reachable") == true);
    CHECK(first.at("distance_km").get<double>() < 1.0);
    CHECK(first.at("score").get<double>() > 0.5);
    CHECK(first.at("missing").empty());
    CHECK(first.at("matched").size() == 2);
    CHECK(first.at("blockers").empty());
    CHECK(first.at("explanation").get<std::string>().find("Passt") != std::string::npos);

    bool saw_distance = false, saw_licence = false;
    for (std::size_t i = 1; i < results.size(); ++i) {
        const auto& result = results.at(i);
        CHECK(result.at("reachable") == false);
        const auto blockers = result.at("blockers").get<std::vector<std::string>>();
        if (result.at("vacancy") == "M-9") {
            saw_distance = std::find(blockers.begin(), blockers.end(), "distance") != blockers.end();
            CHECK(result.at("distance_km").get<double>() > 30);
        }
        if (result.at("vacancy") == "K-1") {
            saw_licence = std::find(blockers.begin(), blockers.end(), "licence_missing") != blockers.end();
        }
    }
    CHECK(saw_distance);
    CHECK(saw_licence);

    const auto text = kioskctl({"match", "--db", db, "--candidate", "BRICK", "--top", "1"});
    REQUIRE(text.code == 0);
    CHECK(text.out.find("Bau Korbach GmbH / M-1") != std::string::npos);
    CHECK(text.out.find("Bau Weser KG") == std::string::npos);
}

TEST_CASE_METHOD(Fixture, "candidates for a vacancy name the candidate ref, an empty profile never matches", "[cli]") {
    const auto r = kioskctl({"match", "--db", db, "--vacancy", "bau korbach gmbh/M-1", "--json"});
    INFO(r.out << r.err);
    REQUIRE(r.code == 0);
    const auto results = nlohmann::json::parse(r.out).at("results");
    REQUIRE(results.size() == 1);
    CHECK(keys(results.at(0)) == std::set<std::string>{"candidate", "score", "distance_km", "reachable", "matched",
                                                       "missing", "blockers", "explanation"});
    CHECK(results.at(0).at("candidate") == "BRICK");

    const auto empty = kioskctl({"match", "--db", db, "--candidate", "EMPTY", "--json"});
    REQUIRE(empty.code == 0);
    CHECK(nlohmann::json::parse(empty.out).at("results").empty());
}

TEST_CASE_METHOD(Fixture, "match refuses unknown candidates, vacancies and bad arguments with exit 2", "[cli]") {
    const auto unknown = kioskctl({"match", "--db", db, "--candidate", "NOPE"});
    CHECK(unknown.code == 2);
    CHECK(unknown.err.find("NOPE") != std::string::npos);
    CHECK(kioskctl({"match", "--db", db, "--vacancy", "Bau Korbach GmbH/NOPE"}).code == 2);
    CHECK(kioskctl({"match", "--db", db, "--vacancy", "no slash"}).code == 2);
    CHECK(kioskctl({"match", "--db", db}).code == 2);
    CHECK(kioskctl({"match", "--db", db, "--candidate", "BRICK", "--top", "zero"}).code == 2);
    CHECK(kioskctl({"match", "--db", (dir / "missing.db").string(), "--candidate", "BRICK"}).code == 2);
}

TEST_CASE_METHOD(Fixture, "kioskctl cv writes a German CV with catalog labels, and the Arabic companion", "[cli]") {
    const auto pdf = dir / "cv.pdf";
    const auto r = kk::test::run_process({KK_KIOSKCTL_BIN, "cv", "--db", db, "--candidate", "BRICK", "--out", pdf.string()});
    INFO(r.out << r.err);
    REQUIRE(r.exit_code == 0);
    const auto text = kk::test::run_process({"/usr/bin/pdftotext", pdf.string(), "-"});
    REQUIRE(text.exit_code == 0);
    CHECK(text.out.find("Lebenslauf") != std::string::npos);
    CHECK(text.out.find("Berufserfahrung") != std::string::npos);
    CHECK(text.out.find("Mauern errichten") != std::string::npos);
    CHECK(text.out.find("Mörtel anmischen") != std::string::npos);  // the catalog's label, not his words
    CHECK(text.out.find("Yusuf") != std::string::npos);

    const auto both = dir / "cv-ar.pdf";
    const auto c = kk::test::run_process(
        {KK_KIOSKCTL_BIN, "cv", "--db", db, "--candidate", "BRICK", "--out", both.string(), "--companion"});
    REQUIRE(c.exit_code == 0);
    const auto all = kk::test::run_process({"/usr/bin/pdftotext", both.string(), "-"});
    REQUIRE(all.exit_code == 0);
    const std::string arabic = strip_bidi_controls(all.out);
    CHECK(arabic.find("Berufserfahrung") != std::string::npos);
    CHECK(arabic.find("الخبرة المهنية") != std::string::npos);
    CHECK(arabic.find("رصف الطوب") != std::string::npos);
}

TEST_CASE_METHOD(Fixture, "kioskctl cv says clearly when the candidate or the output path is wrong", "[cli]") {
    const auto unknown = kioskctl({"cv", "--db", db, "--candidate", "NOPE", "--out", (dir / "x.pdf").string()});
    CHECK(unknown.code == 2);
    CHECK(unknown.err.find("NOPE") != std::string::npos);
    const auto r = kk::test::run_process(
        {KK_KIOSKCTL_BIN, "cv", "--db", db, "--candidate", "BRICK", "--out", (dir / "no" / "such" / "dir.pdf").string()});
    CHECK(r.exit_code != 0);
    CHECK(r.err.find("cannot write") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(dir / "no"));
}
