#pragma once
// Welcome: the language picker. One large tile per UI language, each named in its own language.
#include <vector>

#include "kiosk/app/state.hpp"
#include "kiosk/ui/context.hpp"

namespace kk::screens {

struct WelcomeLayout {
    ui::Rect title;
    ui::Rect read_aloud;  // speaks title and hint in the selected language, at the title's reading end
    ui::Rect hint;
    std::vector<ui::Rect> tiles;  // in the order of i18n::ui_languages()
};

// Where everything goes for a display of `metrics.display` in a UI of direction `rtl`.
WelcomeLayout welcome_layout(const ui::Metrics& metrics, bool rtl);

void draw_welcome(const kiosk::State& state, ui::Context& ui);

}  // namespace kk::screens
