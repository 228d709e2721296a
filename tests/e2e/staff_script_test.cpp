// End to end: `kiosk --staff` under Xvfb on a database with a staff account: a scripted sign-in reaches every
// view; a wrong password reaches none. What happened is read back from the audit log with SQLite.
#include <catch2/catch.hpp>

#include <algorithm>

#include "db/audit.hpp"
#include "db/staff.hpp"
#include "db/store.hpp"
#include "tests/support/process.hpp"
#include "tests/support/temp_dir.hpp"
#include "tests/support/xvfb.hpp"

using namespace kk;

namespace {

void add_anna(const std::filesystem::path& path) {
    auto store = db::Store::open(path);
    REQUIRE(store);
    const db::StaffActor cli{.id = std::nullopt, .username = "cli:test"};
    REQUIRE(db::add_staff_user(*store, "anna", db::StaffRole::staff, "Anna-Passwort-1", cli,
                               std::chrono::system_clock::now()));
}

std::vector<std::string> audit_actions(const std::filesystem::path& path, const std::string& actor) {
    auto store = db::Store::open(path);
    REQUIRE(store);
    const auto entries = db::read_audit(*store);
    REQUIRE(entries);
    std::vector<std::string> actions;
    for (const auto& e : *entries) {
        if (e.actor == actor) actions.push_back(e.action);
    }
    return actions;
}

test::ProcessResult run_staff(const test::Xvfb& xvfb, const std::filesystem::path& db, const std::string& script,
                              const std::filesystem::path& screenshot) {
    return test::run_process({KK_KIOSK_BIN, "--staff", "--windowed", "1440x900", "--db", db.string(), "--script",
                              std::string(KK_TEST_SOURCE_DIR) + "/tests/fixtures/kiosk/" + script, "--screenshot",
                              screenshot.string()},
                             xvfb.env());
}

}  // namespace

TEST_CASE("kiosk --staff: a scripted sign-in visits every view and signs out", "[e2e][staff]") {
    test::Xvfb xvfb(1440, 900);
    REQUIRE(xvfb.running());
    test::TempDir dir;
    add_anna(dir / "kiosk.db");
    const auto r = run_staff(xvfb, dir / "kiosk.db", "staff_login.script", dir / "shot.png");
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    const auto actions = audit_actions(dir / "kiosk.db", "anna");
    CHECK(std::count(actions.begin(), actions.end(), "staff.login") == 1);
    CHECK(std::filesystem::file_size(dir / "shot.png") > 1000);
}

TEST_CASE("kiosk --staff: a wrong password shows no view", "[e2e][staff]") {
    test::Xvfb xvfb(1440, 900);
    REQUIRE(xvfb.running());
    test::TempDir dir;
    add_anna(dir / "kiosk.db");
    const auto r = run_staff(xvfb, dir / "kiosk.db", "staff_wrong_password.script", dir / "shot.png");
    CHECK(r.exit_code == 3);
    CHECK_THAT(r.err, Catch::Contains("no control tab.candidates"));
    // A failed login of a known user is audited under that user's name, a success never was.
    const auto actions = audit_actions(dir / "kiosk.db", "anna");
    CHECK(std::count(actions.begin(), actions.end(), "staff.login") == 0);
    CHECK(std::count(actions.begin(), actions.end(), "staff.login_failed") == 1);
}
