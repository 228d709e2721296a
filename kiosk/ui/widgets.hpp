#pragma once
// Touch widgets drawn with the text facade. Each takes its rectangle from the screen's layout.
#include <string_view>

#include "kiosk/ui/context.hpp"

namespace kk::ui {

// Text in a box, placed by its own paragraph direction (RTL text starts at the right edge).
void label(Context& ui, std::string_view text, const text::Style& style, Rect box, ImU32 colour);

// A large tappable tile with a label; `id` is a stable ImGui id. True on the frame it is tapped.
bool tile(Context& ui, std::string_view id, std::string_view text, const text::Style& style, Rect box,
          bool selected);

}  // namespace kk::ui
