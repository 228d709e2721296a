// Staff mode's reducer: the login form, the idle lock, logout, which fields take the keyboard.
#include "kiosk/staff/state.hpp"

#include <catch2/catch.hpp>

using namespace kk::staff;

namespace {

kk::db::StaffUser user(std::int64_t id, std::string name, kk::db::StaffRole role = kk::db::StaffRole::staff) {
    kk::db::StaffUser u;
    u.id = id;
    u.username = std::move(name);
    u.role = role;
    return u;
}

StaffState signed_in(kk::db::StaffUser who) {
    StaffState s;
    s = update(s, TypeText{who.username});
    s = update(s, SubmitField{});
    s = update(s, TypeText{"secret-password"});
    s = update(s, SubmitField{});
    return update(s, LoginAnswered{.outcome = kk::db::LoginOutcome::ok, .user = who, .locked_until = {}, .failed = false});
}

}  // namespace

TEST_CASE("the login form: the username field has the keyboard first, Enter moves on, then submits", "[staff][state]") {
    StaffState s;
    CHECK_FALSE(logged_in(s));
    CHECK(s.focus == kUsernameField);
    s = update(s, TypeText{"anna"});
    s = update(s, SubmitField{});
    CHECK(s.focus == kPasswordField);
    s = update(s, TypeText{"pässwort"});
    CHECK(s.access.password == "pässwort");
    s = update(s, EraseChar{});
    CHECK(s.access.password == "pässwor");
    CHECK_FALSE(s.access.checking);
    s = update(s, SubmitField{});
    CHECK(s.access.checking);
    // A second submit while the first is being checked does not start another check.
    const StaffState again = update(s, SubmitLogin{});
    CHECK(again.access.checking);
}

TEST_CASE("a failed login clears the password and says why, a lock says until when", "[staff][state]") {
    StaffState s;
    s = update(s, TypeText{"anna"});
    s = update(s, FocusField{kPasswordField});
    s = update(s, TypeText{"falsch"});
    s = update(s, SubmitLogin{});
    s = update(s, LoginAnswered{.outcome = kk::db::LoginOutcome::wrong_credentials, .user = {}, .locked_until = {}, .failed = false});
    CHECK_FALSE(logged_in(s));
    CHECK(s.access.password.empty());
    CHECK(s.access.message == LoginMessage::WrongCredentials);
    CHECK(s.focus == kPasswordField);
    s = update(s, SubmitLogin{});
    s = update(s, LoginAnswered{.outcome = kk::db::LoginOutcome::locked, .user = {}, .locked_until = "2026-11-21T10:05:00Z", .failed = false});
    CHECK(s.access.message == LoginMessage::Locked);
    CHECK(s.access.locked_until == "2026-11-21T10:05:00Z");
}

TEST_CASE("before login no view field and no view takes input", "[staff][state]") {
    StaffState s;
    s = update(s, ShowView{View::Dashboard});
    CHECK(s.view == View::Candidates);
    s = update(s, FilesDropped{{"/tmp/stellen.csv"}});
    CHECK(s.view == View::Candidates);
    s = update(s, FocusField{"no.such.field"});
    CHECK(s.focus == kUsernameField);
}

TEST_CASE("a session locks after 15 minutes idle, and activity restarts the clock", "[staff][state]") {
    StaffState s = signed_in(user(7, "anna"));
    REQUIRE(logged_in(s));
    CHECK(s.access.password.empty());
    s = update(s, ShowView{View::Dashboard});
    s = update(s, Tick{kIdleLockSeconds - 1.0});
    CHECK(logged_in(s));
    s = update(s, Activity{});
    s = update(s, Tick{kIdleLockSeconds - 1.0});
    CHECK(logged_in(s));
    s = update(s, Tick{2.0});
    CHECK_FALSE(logged_in(s));
    CHECK(s.access.locked);
    CHECK(s.access.username == "anna");
    CHECK(s.focus == kPasswordField);
    // The same person unlocks and is where they were.
    s = update(s, TypeText{"secret-password"});
    s = update(s, SubmitLogin{});
    s = update(s, LoginAnswered{.outcome = kk::db::LoginOutcome::ok, .user = user(7, "anna"), .locked_until = {}, .failed = false});
    CHECK(logged_in(s));
    CHECK(s.view == View::Dashboard);
}

TEST_CASE("someone else unlocking starts from the first view, and logout forgets everything", "[staff][state]") {
    StaffState s = signed_in(user(7, "anna"));
    s = update(s, ShowView{View::Upload});
    s = update(s, Tick{kIdleLockSeconds});
    REQUIRE(s.access.locked);
    s = update(s, Logout{});
    CHECK_FALSE(s.access.user);
    CHECK(s.focus == kUsernameField);
    CHECK(s.access.username.empty());
    s = signed_in(user(8, "ben", kk::db::StaffRole::admin));
    CHECK(is_admin(s));
    CHECK(s.view == View::Candidates);
    CHECK(actor(s).username == "ben");
    CHECK(actor(s).id == 8);
}

TEST_CASE("a database failure during login is reported as such", "[staff][state]") {
    StaffState s;
    s = update(s, TypeText{"anna"});
    s = update(s, SubmitLogin{});
    s = update(s, LoginAnswered{.outcome = kk::db::LoginOutcome::ok, .user = {}, .locked_until = {}, .failed = true});
    CHECK_FALSE(logged_in(s));
    CHECK(s.access.message == LoginMessage::Failed);
}
