#include "db/staff.hpp"

#include <catch2/catch.hpp>
#include <fstream>
#include <iterator>

#include "db/audit.hpp"
#include "tests/support/files.hpp"
#include "tests/support/temp_dir.hpp"

using namespace kk::db;
using namespace std::chrono_literals;

namespace {

const TimePoint kT0 = *parse_utc_timestamp("2026-11-21T10:00:00Z");
const StaffActor kAdmin{.id = std::nullopt, .username = "cli:root"};

}  // namespace

TEST_CASE("passwords are stored as Argon2id hashes that verify only the right password", "[db][staff]") {
    kk::test::TempDir dir;
    auto store = Store::open(dir / "k.db");
    REQUIRE(store);
    REQUIRE(add_staff_user(*store, "anna", StaffRole::staff, "Kiosk-Passwort-1", kAdmin, kT0));
    std::string stored;
    {
        Statement hash(store->connection(), "SELECT password_hash FROM staff_users WHERE username = 'anna'");
        REQUIRE(hash.step());
        stored = hash.column_text(0);
    }
    CHECK(stored.rfind("$argon2id$", 0) == 0);
    CHECK(stored.find("Kiosk-Passwort-1") == std::string::npos);
    CHECK(verify_password(stored, "Kiosk-Passwort-1"));
    CHECK_FALSE(verify_password(stored, "Kiosk-Passwort-2"));
    // Two hashes of one password differ (salted).
    CHECK(*hash_password("Kiosk-Passwort-1") != *hash_password("Kiosk-Passwort-1"));

    auto ok = staff_login(*store, "anna", "Kiosk-Passwort-1", kT0);
    REQUIRE(ok);
    CHECK(ok->outcome == LoginOutcome::ok);
    REQUIRE(ok->user);
    CHECK(ok->user->role == StaffRole::staff);
    CHECK(staff_login(*store, "anna", "falsch-falsch", kT0)->outcome == LoginOutcome::wrong_credentials);
    CHECK(staff_login(*store, "bernd", "Kiosk-Passwort-1", kT0)->outcome == LoginOutcome::wrong_credentials);

    // The clear password is nowhere in the file, nor in the audit log.
    store->connection().exec("PRAGMA wal_checkpoint(TRUNCATE)");
    CHECK(kk::test::read_bytes(dir / "k.db").find("Kiosk-Passwort") == std::string::npos);
    const auto audit = read_audit(*store);
    REQUIRE(audit);
    for (const auto& e : *audit) CHECK(e.detail.find("Passwort") == std::string::npos);
}

TEST_CASE("accounts refuse bad usernames, short passwords and duplicates", "[db][staff]") {
    kk::test::TempDir dir;
    auto store = Store::open(dir / "k.db");
    REQUIRE(store);
    CHECK_FALSE(add_staff_user(*store, "Anna Müller", StaffRole::staff, "lang-genug-1", kAdmin, kT0));
    CHECK_FALSE(add_staff_user(*store, "anna", StaffRole::staff, "kurz", kAdmin, kT0));
    REQUIRE(add_staff_user(*store, "anna", StaffRole::admin, "lang-genug-1", kAdmin, kT0));
    const auto again = add_staff_user(*store, "anna", StaffRole::staff, "lang-genug-2", kAdmin, kT0);
    REQUIRE_FALSE(again);
    CHECK(again.error().find("already exists") != std::string::npos);
    const auto users = list_staff_users(*store);
    REQUIRE(users);
    REQUIRE(users->size() == 1);
    CHECK(users->front().role == StaffRole::admin);
}

TEST_CASE("five failed logins lock the account for five minutes", "[db][staff]") {
    kk::test::TempDir dir;
    auto store = Store::open(dir / "k.db");
    REQUIRE(store);
    REQUIRE(add_staff_user(*store, "anna", StaffRole::staff, "richtig-richtig", kAdmin, kT0));
    for (int i = 0; i < kMaxFailedLogins - 1; ++i) {
        CHECK(staff_login(*store, "anna", "falsch", kT0 + std::chrono::seconds(i))->outcome ==
              LoginOutcome::wrong_credentials);
    }
    const auto fifth = staff_login(*store, "anna", "falsch", kT0 + 10s);
    REQUIRE(fifth);
    CHECK(fifth->outcome == LoginOutcome::locked);
    CHECK(fifth->locked_until == std::optional<std::string>("2026-11-21T10:05:10Z"));
    // Locked: even the right password is refused until the lock ends.
    CHECK(staff_login(*store, "anna", "richtig-richtig", kT0 + 10s + 4min + 59s)->outcome ==
          LoginOutcome::locked);
    CHECK(staff_login(*store, "anna", "richtig-richtig", kT0 + 10s + 5min)->outcome == LoginOutcome::ok);

    auto audit = read_audit(*store);
    REQUIRE(audit);
    int failed = 0, locked = 0;
    for (const auto& e : *audit) {
        failed += e.action == "staff.login_failed";
        locked += e.action == "staff.locked";
    }
    CHECK(failed == 6);  // five wrong passwords and one refusal while locked
    CHECK(locked == 1);
}

TEST_CASE("a success resets the failure count", "[db][staff]") {
    kk::test::TempDir dir;
    auto store = Store::open(dir / "k.db");
    REQUIRE(store);
    REQUIRE(add_staff_user(*store, "anna", StaffRole::staff, "richtig-richtig", kAdmin, kT0));
    for (int round = 0; round < 2; ++round) {
        for (int i = 0; i < kMaxFailedLogins - 1; ++i) {
            CHECK(staff_login(*store, "anna", "falsch", kT0)->outcome == LoginOutcome::wrong_credentials);
        }
        CHECK(staff_login(*store, "anna", "richtig-richtig", kT0)->outcome == LoginOutcome::ok);
    }
}

TEST_CASE("passwd replaces the password and lifts a lock, a disabled account cannot log in", "[db][staff]") {
    kk::test::TempDir dir;
    auto store = Store::open(dir / "k.db");
    REQUIRE(store);
    REQUIRE(add_staff_user(*store, "anna", StaffRole::staff, "altes-passwort", kAdmin, kT0));
    for (int i = 0; i < kMaxFailedLogins; ++i) (void)staff_login(*store, "anna", "falsch", kT0);
    CHECK(staff_login(*store, "anna", "altes-passwort", kT0)->outcome == LoginOutcome::locked);
    REQUIRE(set_staff_password(*store, "anna", "neues-passwort", kAdmin, kT0));
    CHECK(staff_login(*store, "anna", "altes-passwort", kT0)->outcome == LoginOutcome::wrong_credentials);
    CHECK(staff_login(*store, "anna", "neues-passwort", kT0)->outcome == LoginOutcome::ok);
    CHECK_FALSE(set_staff_password(*store, "niemand", "neues-passwort", kAdmin, kT0));

    REQUIRE(disable_staff_user(*store, "anna", kAdmin, kT0));
    CHECK(staff_login(*store, "anna", "neues-passwort", kT0)->outcome == LoginOutcome::disabled);
    CHECK(list_staff_users(*store)->front().disabled);
}
