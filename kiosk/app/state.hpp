#pragma once
// The kiosk's state as a value and the pure reducer over its actions. No ImGui, no I/O here: screens
// draw a State and dispatch Actions; App applies them after the frame.
#include <string>
#include <variant>

namespace kk::kiosk {

enum class Screen { Welcome };

struct State {
    Screen screen = Screen::Welcome;
    std::string lang = "de";        // the session's UI language (ICU locale id)
    bool language_chosen = false;   // the person has tapped a language
};

struct SelectLanguage {
    std::string lang;
};

using Action = std::variant<SelectLanguage>;

// Pure: the state after `action`. Unknown languages leave the state unchanged.
State update(State state, const Action& action);

}  // namespace kk::kiosk
