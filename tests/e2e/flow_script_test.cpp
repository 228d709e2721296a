// End to end: the real kiosk binary on a fresh database under Xvfb walks the whole newcomer's flow from a
// scripted touch file; the candidate it leaves in the store is checked with SQLite.
#include <catch2/catch.hpp>

#include "db/candidates.hpp"
#include "db/store.hpp"
#include "tests/support/process.hpp"
#include "tests/support/temp_dir.hpp"
#include "tests/support/xvfb.hpp"

using namespace kk;

namespace {

std::vector<db::CandidateRecord> candidates_in(const std::filesystem::path& path) {
    auto store = db::Store::open(path);
    REQUIRE(store);
    auto all = db::list_candidates(*store);
    REQUIRE(all);
    return *all;
}

test::ProcessResult run_script(const test::Xvfb& xvfb, const std::filesystem::path& db, const std::string& script) {
    return test::run_process({KK_KIOSK_BIN, "--windowed", "1280x800", "--db", db.string(), "--script",
                              std::string(KK_TEST_SOURCE_DIR) + "/tests/fixtures/kiosk/" + script},
                             xvfb.env());
}

}  // namespace

TEST_CASE("kiosk --script walks the German flow on a fresh database and leaves a complete candidate", "[e2e]") {
    test::Xvfb xvfb(1280, 800);
    REQUIRE(xvfb.running());
    test::TempDir dir;
    const auto r = run_script(xvfb, dir / "kiosk.db", "flow_de.script");
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    const auto saved = candidates_in(dir / "kiosk.db");
    REQUIRE(saved.size() == 1);
    const db::CandidateRecord& c = saved[0];
    CHECK(c.status == "complete");
    CHECK(c.given_name == "Amina");
    CHECK(c.family_name == "Haddad");
    CHECK(c.postcode == "17033");
    CHECK(c.ui_language == "de");
    REQUIRE(c.experiences.size() == 1);
    CHECK(c.experiences[0].occupation_code == "cook");
    REQUIRE(c.skills.size() == 1);
    CHECK(c.skills[0].skill_code == "cooking");
    CHECK(c.licence_classes == std::vector<std::string>{"B"});
    CHECK(c.resume_code.size() == 9);
}

TEST_CASE("kiosk --script in Arabic: a name typed in Arabic script, saved in Latin letters", "[e2e]") {
    test::Xvfb xvfb(1280, 800);
    REQUIRE(xvfb.running());
    test::TempDir dir;
    const auto r = run_script(xvfb, dir / "kiosk.db", "flow_ar.script");
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    const auto saved = candidates_in(dir / "kiosk.db");
    REQUIRE(saved.size() == 1);
    CHECK(saved[0].status == "complete");
    CHECK(saved[0].ui_language == "ar");
    CHECK_FALSE(saved[0].family_name.empty());
    CHECK(saved[0].family_name.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'-") ==
          std::string::npos);
}

TEST_CASE("kiosk --script fails clearly when a control does not exist", "[e2e]") {
    test::Xvfb xvfb(1280, 800);
    REQUIRE(xvfb.running());
    test::TempDir dir;
    const std::string script = (dir / "bad.script").string();
    {
        std::FILE* f = std::fopen(script.c_str(), "w");
        REQUIRE(f);
        std::fputs("tap lang.de\ntap no.such.control\n", f);
        std::fclose(f);
    }
    const auto r = test::run_process({KK_KIOSK_BIN, "--windowed", "1280x800", "--db", (dir / "kiosk.db").string(),
                                      "--script", script},
                                     xvfb.env());
    CHECK(r.exit_code == 3);
    CHECK_THAT(r.err, Catch::Contains("line 2: no control no.such.control"));
    CHECK(candidates_in(dir / "kiosk.db").empty());
}
