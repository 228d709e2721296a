#pragma once
// Touch controls of the newcomer's flow, drawn with the text facade: buttons, toggles, steppers, a slider
// and our own text field (ImGui's cannot shape or mirror). Every control takes its rectangle from the
// screen's layout and records it as a tap target (for tests and the end-to-end script).
#include <optional>
#include <string>
#include <string_view>

#include "kiosk/ui/context.hpp"

namespace kk::ui {

// Records `box` as the tap target called `id` for this frame.
void note_target(Context& ui, std::string_view id, Rect box);

// A button; `primary` fills it with the accent colour. True on the frame it is tapped.
bool button(Context& ui, std::string_view id, std::string_view text, Rect box, bool primary = false);

// A tile that is on or off, with a check mark at its start side when on. True when tapped.
bool toggle(Context& ui, std::string_view id, std::string_view text, Rect box, bool on);

// A tile with a Font Awesome glyph above its label. True when tapped.
bool icon_tile(Context& ui, std::string_view id, std::string_view icon, std::string_view text, Rect box,
               bool selected);

// "−  value  +": returns -1 or +1 on the frame a side is tapped, else 0. Minus sits at the reading start.
int stepper(Context& ui, std::string_view id, std::string_view value_text, Rect box);

// A horizontal slider of `fraction` (0..1), filling from the reading start. The new fraction while a
// finger drags it, else nullopt.
std::optional<float> slider(Context& ui, std::string_view id, float fraction, Rect box);

// A one-line text field: caption above, the text (or a muted placeholder) inside, a caret at the text's
// end when focused. True when tapped (the screen then focuses it).
bool text_field(Context& ui, std::string_view id, std::string_view caption, std::string_view text,
                Rect box, bool focused);

// The UTF-8 of a Font Awesome code point given in hex ("f1ad"); empty when it does not parse.
std::string icon_glyph(std::string_view hex);

// Splits `area` into `count` equal columns with `gap`, in reading order (RTL: the first is rightmost).
std::vector<Rect> columns(Rect area, int count, float gap, bool rtl);

}  // namespace kk::ui
