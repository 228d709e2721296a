#pragma once
// What is drawn above any screen, each in a window of its own so it takes the touches beneath it: the
// language menu, the on-screen keyboard for the focused field, and the "Are you still there?" prompt.
#include <optional>

#include "kiosk/app/state.hpp"
#include "kiosk/ui/context.hpp"

namespace kk::screens {

// Pure: the keyboard's rectangle at the bottom of the display for `rows` rows of keys.
ui::Rect keyboard_area(const ui::Metrics& metrics, int rows);
// Pure: where the on-screen keyboard of the focused field is drawn; nullopt when no field is focused.
std::optional<ui::Rect> keyboard_rect(const kiosk::State& state, const ui::Metrics& metrics);

void draw_overlays(const kiosk::State& state, ui::Context& ui);

}  // namespace kk::screens
