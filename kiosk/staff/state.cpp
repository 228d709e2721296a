#include "kiosk/staff/state.hpp"

#include <utility>

#include "kiosk/keyboard/editor.hpp"

namespace kk::staff {
namespace {

template <class... F>
struct Overloaded : F... {
    using F::operator()...;
};

std::string* mutable_field(StaffState& state, std::string_view id) {
    if (id == kUsernameField) return &state.access.username;
    if (id == kPasswordField) return &state.access.password;
    if (auto* text = text_field(state.candidates, id)) return text;
    if (auto* text = text_field(state.vacancies, id)) return text;
    if (auto* text = text_field(state.upload, id)) return text;
    if (auto* text = text_field(state.dashboard, id)) return text;
    return nullptr;
}

// Everything a view loaded (names, profiles, reports) goes; what the next user sees is loaded for them.
StaffState forget_views(StaffState state) {
    state.candidates = {};
    state.vacancies = {};
    state.upload = {};
    state.dashboard = {};
    state.view = View::Candidates;
    return state;
}

StaffState login_form(StaffState state, std::string username) {
    state.access.username = std::move(username);
    state.access.password.clear();
    state.focus = state.access.username.empty() ? kUsernameField : kPasswordField;
    return state;
}

}  // namespace

bool logged_in(const StaffState& state) { return state.access.user.has_value() && !state.access.locked; }

bool is_admin(const StaffState& state) {
    return logged_in(state) && state.access.user->role == db::StaffRole::admin;
}

db::StaffActor actor(const StaffState& state) {
    if (!state.access.user) return {};
    return db::StaffActor{.id = state.access.user->id, .username = state.access.user->username};
}

const std::string* field_text(const StaffState& state, std::string_view id) {
    return mutable_field(const_cast<StaffState&>(state), id);  // read-only use of the same lookup
}

StaffState update(StaffState state, const StaffAction& action) {
    const bool login_shown = !logged_in(state);
    return std::visit(
        Overloaded{
            [&](const FocusField& a) {
                // Only fields that exist (and, before login, only the login form's) take the keyboard.
                const bool login_field = a.id == kUsernameField || a.id == kPasswordField;
                if (a.id.empty() || (mutable_field(state, a.id) != nullptr && login_field == login_shown)) {
                    state.focus = a.id;
                }
                return std::move(state);
            },
            [&](const TypeText& a) {
                if (auto* text = mutable_field(state, state.focus)) *text = keyboard::type_text(std::move(*text), a.utf8);
                return std::move(state);
            },
            [&](const EraseChar&) {
                if (auto* text = mutable_field(state, state.focus)) *text = keyboard::erase_last_character(*text);
                return std::move(state);
            },
            [&](const SubmitField&) {
                if (state.focus == kUsernameField) {
                    state.focus = kPasswordField;
                    return std::move(state);
                }
                if (state.focus == kPasswordField) return update(std::move(state), SubmitLogin{});
                state.focus.clear();
                return std::move(state);
            },
            [&](const Activity&) {
                state.access.idle_seconds = 0.0;
                return std::move(state);
            },
            [&](const Tick& a) {
                if (!logged_in(state)) return std::move(state);
                state.access.idle_seconds += a.seconds;
                if (state.access.idle_seconds >= kIdleLockSeconds) {
                    state.access.locked = true;
                    state.access.message = LoginMessage::None;
                    state = login_form(std::move(state), state.access.user->username);
                }
                return std::move(state);
            },
            [&](const SubmitLogin&) {
                if (!login_shown || state.access.checking) return std::move(state);
                if (state.access.username.empty()) {
                    state.focus = kUsernameField;
                    return std::move(state);
                }
                state.access.checking = true;
                return std::move(state);
            },
            [&](const LoginAnswered& a) {
                Access& access = state.access;
                access.checking = false;
                access.password.clear();  // checked: it has no business staying in memory
                access.locked_until.clear();
                if (a.failed) {
                    access.message = LoginMessage::Failed;
                    return std::move(state);
                }
                switch (a.outcome) {
                    case db::LoginOutcome::ok: {
                        const bool same_user = access.user && a.user && access.user->id == a.user->id;
                        if (!same_user) state = forget_views(std::move(state));
                        state.access.user = a.user;
                        state.access.locked = false;
                        state.access.idle_seconds = 0.0;
                        state.access.message = LoginMessage::None;
                        state.focus.clear();
                        return std::move(state);
                    }
                    case db::LoginOutcome::wrong_credentials: access.message = LoginMessage::WrongCredentials; break;
                    case db::LoginOutcome::locked:
                        access.message = LoginMessage::Locked;
                        access.locked_until = a.locked_until;
                        break;
                    case db::LoginOutcome::disabled: access.message = LoginMessage::Disabled; break;
                }
                state.focus = kPasswordField;
                return std::move(state);
            },
            [&](const Logout&) {
                StaffState fresh = forget_views(StaffState{});
                return login_form(std::move(fresh), {});
            },
            [&](const ShowView& a) {
                if (logged_in(state)) {
                    state.view = a.view;
                    state.focus.clear();
                }
                return std::move(state);
            },
            [&](const FilesDropped& a) {
                if (!logged_in(state) || a.paths.empty()) return std::move(state);
                state.view = View::Upload;
                state.upload = update(std::move(state.upload), UploadAction{ChooseFile{a.paths.front()}});
                return std::move(state);
            },
            // A view's actions apply while a user is logged in, also while locked: the answers of work
            // started before the lock (an import running) must not be lost. Locked screens take no input.
            [&](const CandidatesAction& a) {
                if (state.access.user) state.candidates = update(std::move(state.candidates), a);
                return std::move(state);
            },
            [&](const VacanciesAction& a) {
                if (state.access.user) state.vacancies = update(std::move(state.vacancies), a);
                return std::move(state);
            },
            [&](const UploadAction& a) {
                if (state.access.user) state.upload = update(std::move(state.upload), a);
                return std::move(state);
            },
            [&](const DashboardAction& a) {
                if (state.access.user) state.dashboard = update(std::move(state.dashboard), a);
                return std::move(state);
            },
        },
        action);
}

}  // namespace kk::staff
