#pragma once
// Staff mode as a value and the pure reducer over its actions: who is logged in, whether the session is
// locked, which view is shown, which text field has the keyboard. Each view keeps its own state and actions
// in its own folder (candidates/, vacancies/, upload/, dashboard/); this reducer routes to them. No ImGui,
// no I/O: the staff screens draw a StaffState and dispatch actions, StaffApp applies them and runs effects.
#include <filesystem>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "db/staff.hpp"
#include "kiosk/staff/candidates/state.hpp"
#include "kiosk/staff/dashboard/state.hpp"
#include "kiosk/staff/upload/state.hpp"
#include "kiosk/staff/vacancies/state.hpp"

namespace kk::staff {

// A session locks after this long without a key press or a click (issue: 15 minutes).
inline constexpr double kIdleLockSeconds = 15.0 * 60.0;

enum class View { Candidates, Vacancies, Upload, Dashboard };

// Ids of the login form's fields. Views name theirs "<view>.<field>".
inline constexpr char kUsernameField[] = "login.username";
inline constexpr char kPasswordField[] = "login.password";

enum class LoginMessage { None, WrongCredentials, Locked, Disabled, Failed };

struct Access {
    std::optional<db::StaffUser> user;  // set while logged in (also while locked)
    bool locked = false;                // idle too long: the password is asked again, nothing else shown
    double idle_seconds = 0.0;
    std::string username;               // the login form
    std::string password;               // cleared as soon as it was checked
    LoginMessage message = LoginMessage::None;
    std::string locked_until;           // with LoginMessage::Locked: UTC ISO 8601
    bool checking = false;              // a login was submitted; its answer is pending
};

struct StaffState {
    Access access;
    View view = View::Candidates;
    std::string focus = kUsernameField;  // the field the keyboard types into; empty: none
    CandidatesState candidates;
    VacanciesState vacancies;
    UploadState upload;
    DashboardState dashboard;
};

bool logged_in(const StaffState& state);  // a user and not locked
bool is_admin(const StaffState& state);
// Who acts, for the store's audit entries. Empty username when nobody is logged in.
db::StaffActor actor(const StaffState& state);

// Keyboard and pointer.
struct FocusField { std::string id; };       // empty id: no field
struct TypeText { std::string utf8; };       // into the focused field
struct EraseChar {};                         // the focused field's last character
struct SubmitField {};                       // Enter in the focused field
struct Activity {};                          // any key or click: the idle clock restarts
struct Tick { double seconds = 0.0; };       // time passed (the idle lock)
// Session.
struct SubmitLogin {};
struct LoginAnswered {
    db::LoginOutcome outcome = db::LoginOutcome::wrong_credentials;
    std::optional<db::StaffUser> user;
    std::string locked_until;
    bool failed = false;  // the store could not check it (not the person's fault)
};
struct Logout {};
struct ShowView { View view = View::Candidates; };
// Files dragged onto the window (GLFW drop callback): the upload view takes the first.
struct FilesDropped { std::vector<std::filesystem::path> paths; };

using StaffAction = std::variant<FocusField, TypeText, EraseChar, SubmitField, Activity, Tick, SubmitLogin, LoginAnswered,
                                 Logout, ShowView, FilesDropped, CandidatesAction, VacanciesAction, UploadAction,
                                 DashboardAction>;

StaffState update(StaffState state, const StaffAction& action);

// The text of field `id` in `state` (the login form's or a view's, through its text_field()), or nullptr
// when no such field exists.
const std::string* field_text(const StaffState& state, std::string_view id);

}  // namespace kk::staff
