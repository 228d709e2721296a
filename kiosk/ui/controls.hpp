#pragma once
// Touch controls of the newcomer's flow, drawn with the text facade: buttons, toggles, steppers, a slider
// and our own text field (ImGui's cannot shape or mirror). Every control takes its rectangle from the
// screen's layout and records it as a tap target (for tests and the end-to-end script).
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/ui/context.hpp"

namespace kk::ui {

// `style` with a smaller type when `text` is wider than `room` pixels: scaled to fit, but never below 70 % of
// the body size (a longer label then overflows rather than becoming unreadable).
text::Style fit_width(Context& ui, std::string_view text, text::Style style, float room);

// Records `box` as the tap target called `id` for this frame.
void note_target(Context& ui, std::string_view id, Rect box);

// A button; `primary` fills it with the accent colour. True on the frame it is tapped.
bool button(Context& ui, std::string_view id, std::string_view text, Rect box, bool primary = false);

// A tile that is on or off, with a check mark at its start side when on. True when tapped.
bool toggle(Context& ui, std::string_view id, std::string_view text, Rect box, bool on);

// The height toggle tiles `width` wide need so that the longest of `labels` wraps inside them, `at_least` the
// given height (a grid's tiles share one height, so a long translation never runs over a border).
float toggle_height(Context& ui, const std::vector<std::string>& labels, float width, float at_least);

// A tile with a Font Awesome glyph above its label. True when tapped.
// icon_tile_height(): the height such tiles `width` wide need for the longest of `labels`, `at_least` given.
float icon_tile_height(Context& ui, const std::vector<std::string>& labels, float width, float at_least);
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

// Read-aloud beside a tile: where espeak-ng has a voice for the session language (ui.can_read_aloud), draws a
// speaker button at least a touch target wide at the reading end of `box` (id "speak." + `id`) that dispatches
// ReadAloud{text}, and returns the rest of `box` for the tile. Without a voice: `box` unchanged, no button.
Rect read_aloud_beside(Context& ui, std::string_view id, std::string_view text, Rect box);
// The width read_aloud_beside() takes from a tile (0 without a voice), to widen a grid's minimum tile width.
float read_aloud_width(const Context& ui);
// A speaker button in `box` (id `id`) that dispatches ReadAloud{text}; nothing where there is no voice.
void read_aloud_button(Context& ui, std::string_view id, std::string_view text, Rect box);

// The UTF-8 of a Font Awesome code point given in hex ("f1ad"); empty when it does not parse.
std::string icon_glyph(std::string_view hex);

// Splits `area` into `count` equal columns with `gap`, in reading order (RTL: the first is rightmost).
std::vector<Rect> columns(Rect area, int count, float gap, bool rtl);

}  // namespace kk::ui
