#include "kiosk/app/demo_screens.hpp"

#include <array>
#include <string>

namespace kk::kiosk {
namespace {

State welcome(std::string_view lang) {
    State state;
    state.screen = Screen::Welcome;
    state.lang = std::string(lang);
    state.language_chosen = true;  // shows the selected tile
    return state;
}

constexpr std::array kScreens = {
    DemoScreen{"welcome", welcome},
};

}  // namespace

std::span<const DemoScreen> demo_screens() {
    return kScreens;
}

const DemoScreen* find_demo_screen(std::string_view name) {
    for (const DemoScreen& screen : kScreens) {
        if (screen.name == name) return &screen;
    }
    return nullptr;
}

}  // namespace kk::kiosk
