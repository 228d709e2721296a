// Staff mode headless against a real database: login with the accounts' real Argon2id hashes, the lockout
// after five failures, the idle lock, logout. Every click goes through ImGui like a mouse's.
#include "kiosk/staff/app.hpp"

#include <catch2/catch.hpp>

#include "db/audit.hpp"
#include "i18n/bundle_source.hpp"
#include "tests/kiosk/staff/staff_fixture.hpp"

using namespace kk;
using namespace std::chrono_literals;

TEST_CASE("staff log in with the right password and see the views' tabs", "[staff][ui]") {
    test::StaffFixture f;
    f.start();
    CHECK(f.has_target(staff::kUsernameField));
    CHECK_FALSE(f.has_target("tab.candidates"));
    f.login("anna", test::StaffFixture::kStaffPassword);
    REQUIRE(staff::logged_in(f.app().state()));
    CHECK(f.app().state().access.user->username == "anna");
    CHECK(f.app().state().access.password.empty());
    f.frame();
    CHECK(f.has_target("tab.candidates"));
    CHECK(f.has_target("tab.upload"));
    f.click("tab.dashboard");
    CHECK(f.app().state().view == staff::View::Dashboard);
    const auto audit = db::read_audit(f.store());
    REQUIRE(audit);
    CHECK(std::any_of(audit->begin(), audit->end(), [](const db::AuditEntry& e) { return e.action == "staff.login"; }));
}

TEST_CASE("a wrong password is refused, and the fifth failure locks the account for five minutes", "[staff][ui]") {
    test::StaffFixture f;
    f.start();
    f.login("anna", "wrong-password");
    CHECK_FALSE(staff::logged_in(f.app().state()));
    CHECK(f.app().state().access.message == staff::LoginMessage::WrongCredentials);
    for (int i = 0; i < 4; ++i) f.login("anna", "wrong-password");
    CHECK(f.app().state().access.message == staff::LoginMessage::Locked);
    CHECK(f.app().state().access.locked_until == "2026-11-21T10:05:00Z");
    // Even the right password does not open a locked account...
    f.login("anna", test::StaffFixture::kStaffPassword);
    CHECK_FALSE(staff::logged_in(f.app().state()));
    CHECK(f.app().state().access.message == staff::LoginMessage::Locked);
    // ...until the five minutes are over.
    f.now += 5min + 1s;
    f.login("anna", test::StaffFixture::kStaffPassword);
    CHECK(staff::logged_in(f.app().state()));
}

TEST_CASE("after 15 idle minutes the session locks and asks for the password again", "[staff][ui]") {
    test::StaffFixture f;
    f.start();
    f.login("admin", test::StaffFixture::kAdminPassword);
    REQUIRE(staff::logged_in(f.app().state()));
    f.click("tab.vacancies");
    f.app().apply(staff::Tick{staff::kIdleLockSeconds});
    f.frame();
    CHECK_FALSE(f.has_target("tab.candidates"));
    CHECK_FALSE(f.has_target(staff::kUsernameField));  // the user is known: only the password is asked
    CHECK(f.has_target(staff::kPasswordField));
    f.login("admin", test::StaffFixture::kAdminPassword);
    CHECK(staff::logged_in(f.app().state()));
    CHECK(f.app().state().view == staff::View::Vacancies);
}

TEST_CASE("logout returns to an empty login form", "[staff][ui]") {
    test::StaffFixture f;
    f.start();
    f.login("anna", test::StaffFixture::kStaffPassword);
    f.frame();
    f.click("logout");
    CHECK_FALSE(f.app().state().access.user);
    f.frame();
    CHECK(f.has_target(staff::kUsernameField));
}

TEST_CASE("every staff message of the English source exists in German and formats", "[staff][i18n]") {
    // The desk shows German: a key only in the English root would show English to the Jobcenter.
    const auto root = i18n::read_bundle_source(std::filesystem::path(KK_TEST_SOURCE_DIR) / "locales/staff/root.txt");
    REQUIRE(root.bundle);
    REQUIRE_FALSE(root.bundle->messages.empty());
    const i18n::Messages german(staff::staff_bundle_dir(KK_TEST_LOCALE_DIR), "de");
    for (const auto& [key, english] : root.bundle->messages) {
        INFO(key);
        CHECK(german.lookup(key) == i18n::Lookup::Found);
        CHECK_FALSE(german.tr(key).empty());
    }
}
