#include "kiosk/ui/controls.hpp"

#include <imgui.h>

#include <algorithm>
#include <charconv>

#include "kiosk/keyboard/editor.hpp"
#include "kiosk/ui/paint.hpp"
#include "kiosk/ui/theme.hpp"

namespace kk::ui {
namespace {

// An icon tile's icon takes 45 % of its height, at most 12.6 mm (45 % of the usual 28 mm tile): a tile made
// taller for a long label gives the room to the label.
constexpr float kIconShare = 0.45f;
constexpr float kIconMaxMm = 12.6f;

float icon_height(const Context& ui, float tile_height) {
    return std::min(tile_height * kIconShare, ui.metrics.mm(kIconMaxMm));
}

// An invisible button that ignores the release of a drag-scroll.
bool tap_area(Context& ui, std::string_view id, Rect box) {
    note_target(ui, id, box);
    ImGui::SetCursorScreenPos(box.min);
    const std::string imgui_id(id);
    const bool tapped = ImGui::InvisibleButton(imgui_id.c_str(), ImVec2(std::max(box.size.x, 1.0f), std::max(box.size.y, 1.0f)));
    return tapped && !ui.scroll_dragged;
}

void frame_box(Context& ui, Rect box, ImU32 fill, ImU32 border, float border_mm) {
    bordered_box(ui, box, fill, border, ui.metrics.mm(border_mm));
}

}  // namespace

text::Style fit_width(Context& ui, std::string_view text, text::Style style, float room) {
    const float width = static_cast<float>(ui.text.measure(text, style).width);
    if (width > room && room > 0) style.size_px = std::max(ui.metrics.body_px() * 0.7f, style.size_px * room / width);
    return style;
}

void note_target(Context& ui, std::string_view id, Rect box) {
    if (ui.targets != nullptr) ui.targets->insert_or_assign(std::string(id), box);
}

bool button(Context& ui, std::string_view id, std::string_view text, Rect box, bool primary) {
    const bool tapped = tap_area(ui, id, box);
    const bool held = ImGui::IsItemActive();
    frame_box(ui, box, held ? theme::kTilePressed : primary ? theme::kAccent : theme::kTile, theme::kAccent, 0.4f);
    const float pad = ui.metrics.mm(2.0f);
    const float room = box.size.x - 2 * pad;
    // A label wider than its button ("Büyük harf" on a key) gets a smaller type.
    const text::Style style = fit_width(ui, text, {.size_px = ui.metrics.body_px(), .weight = text::Weight::Bold}, room);
    ui.text.draw_in_box(text, style, ImVec2(box.min.x + pad, box.min.y), ImVec2(room, box.size.y),
                        primary && !held ? theme::kTile : theme::kText, text::Placement::Center);
    return tapped;
}

bool toggle(Context& ui, std::string_view id, std::string_view text, Rect box, bool on) {
    const bool tapped = tap_area(ui, id, box);
    const bool held = ImGui::IsItemActive();
    frame_box(ui, box, held || on ? theme::kTilePressed : theme::kTile, on ? theme::kAccent : theme::kTileBorder,
              on ? 0.8f : 0.3f);
    const float pad = ui.metrics.mm(3.0f);
    const float mark = ui.metrics.mm(5.0f);
    // The check box sits at the reading start.
    const float mark_x = ui.rtl ? box.max().x - pad - mark : box.min.x + pad;
    const ImVec2 mark_min(mark_x, box.center().y - mark * 0.5f);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRect(mark_min, ImVec2(mark_min.x + mark, mark_min.y + mark), theme::kAccent, ui.metrics.mm(0.8f), 0,
                  ui.metrics.mm(0.5f));
    if (on) {
        const ImVec2 a(mark_min.x + mark * 0.2f, mark_min.y + mark * 0.5f);
        const ImVec2 b(mark_min.x + mark * 0.42f, mark_min.y + mark * 0.75f);
        const ImVec2 c(mark_min.x + mark * 0.82f, mark_min.y + mark * 0.25f);
        draw->AddLine(a, b, theme::kAccent, ui.metrics.mm(0.7f));
        draw->AddLine(b, c, theme::kAccent, ui.metrics.mm(0.7f));
    }
    const float text_min_x = ui.rtl ? box.min.x + pad : box.min.x + 2 * pad + mark;
    const text::Style style{.size_px = ui.metrics.body_px(), .wrap_px = box.size.x - 3 * pad - mark};
    // Beside the check mark in either direction, also for Latin labels ("HACCP", "CE") in a right-to-left screen.
    ui.text.draw_in_box(text, style, ImVec2(text_min_x, box.min.y), ImVec2(box.size.x - 3 * pad - mark, box.size.y),
                        theme::kText, ui.rtl ? text::Placement::Right : text::Placement::ByDirection);
    return tapped;
}

float toggle_height(Context& ui, const std::vector<std::string>& labels, float width, float at_least) {
    const float pad = ui.metrics.mm(3.0f);  // as toggle() lays out its check mark and label
    const float mark = ui.metrics.mm(5.0f);
    const text::Style style{.size_px = ui.metrics.body_px(), .wrap_px = width - 3 * pad - mark};
    float height = at_least;
    for (const auto& label : labels) {
        height = std::max(height, static_cast<float>(ui.text.measure(label, style).height) + 2 * pad);
    }
    return height;
}

bool icon_tile(Context& ui, std::string_view id, std::string_view icon, std::string_view text, Rect box,
               bool selected) {
    const bool tapped = tap_area(ui, id, box);
    const bool held = ImGui::IsItemActive();
    frame_box(ui, box, held || selected ? theme::kTilePressed : theme::kTile,
              selected ? theme::kAccent : theme::kTileBorder, selected ? 0.8f : 0.3f);
    const float pad = ui.metrics.mm(2.0f);
    const float icon_h = icon_height(ui, box.size.y);
    if (!icon.empty()) {
        const text::Style icon_style{.size_px = std::min(icon_h * 0.8f, ui.metrics.mm(10.0f))};
        ui.text.draw_in_box(icon, icon_style, ImVec2(box.min.x, box.min.y + pad), ImVec2(box.size.x, icon_h),
                            theme::kAccent, text::Placement::Center);
    }
    const text::Style style{.size_px = ui.metrics.body_px(), .wrap_px = box.size.x - 2 * pad, .align = text::Align::Center};
    const float top = icon.empty() ? box.min.y : box.min.y + pad + icon_h;
    ui.text.draw_in_box(text, style, ImVec2(box.min.x + pad, top), ImVec2(box.size.x - 2 * pad, box.max().y - top),
                        theme::kText, text::Placement::Center);
    return tapped;
}

float icon_tile_height(Context& ui, const std::vector<std::string>& labels, float width, float at_least) {
    const float pad = ui.metrics.mm(2.0f);  // as icon_tile() lays out its icon and label
    const text::Style style{.size_px = ui.metrics.body_px(), .wrap_px = width - 2 * pad, .align = text::Align::Center};
    float height = at_least;
    for (const auto& label : labels) {
        const float text_h = static_cast<float>(ui.text.measure(label, style).height);
        height = std::max(height, icon_height(ui, at_least) + text_h + 2 * pad);
    }
    return height;
}

int stepper(Context& ui, std::string_view id, std::string_view value_text, Rect box) {
    // The signs' buttons are a touch target wide (not as wide as the row is tall): the value keeps the room.
    const float side = std::min({box.size.y, ui.metrics.touch_target(), box.size.x / 3.0f});
    const Rect start{box.min, ImVec2(side, box.size.y)};
    const Rect end{ImVec2(box.max().x - side, box.min.y), ImVec2(side, box.size.y)};
    const Rect minus = ui.rtl ? end : start;
    const Rect plus = ui.rtl ? start : end;
    int delta = 0;
    const std::string base(id);
    // The signs are symbols, not words: the same in every language.
    if (button(ui, base + ".minus", "\u2212", minus)) delta = -1;
    if (button(ui, base + ".plus", "+", plus)) delta = 1;
    // A long value ("السنوات: ٦") gets a smaller type rather than running under the buttons, and keeps 2 mm
    // from each of them.
    const float room = box.size.x - 2 * side - ui.metrics.mm(4.0f);
    const text::Style style =
        fit_width(ui, value_text, {.size_px = ui.metrics.tile_label_px(), .weight = text::Weight::Bold}, room);
    ui.text.draw_in_box(value_text, style, ImVec2(box.min.x + side, box.min.y),
                        ImVec2(box.size.x - 2 * side, box.size.y), theme::kText, text::Placement::Center);
    return delta;
}

std::optional<float> slider(Context& ui, std::string_view id, float fraction, Rect box) {
    note_target(ui, id, box);
    ImGui::SetCursorScreenPos(box.min);
    const std::string imgui_id(id);
    ImGui::InvisibleButton(imgui_id.c_str(), box.size);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const float track_h = ui.metrics.mm(2.0f);
    const float y = box.center().y;
    const float knob = ui.metrics.mm(5.0f);
    const float x0 = box.min.x + knob;
    const float x1 = box.max().x - knob;
    draw->AddRectFilled(ImVec2(x0, y - track_h / 2), ImVec2(x1, y + track_h / 2), theme::kTileBorder, track_h / 2);
    const float f = std::clamp(fraction, 0.0f, 1.0f);
    const float kx = ui.rtl ? x1 - f * (x1 - x0) : x0 + f * (x1 - x0);
    draw->AddRectFilled(ImVec2(ui.rtl ? kx : x0, y - track_h / 2), ImVec2(ui.rtl ? x1 : kx, y + track_h / 2),
                        theme::kAccent, track_h / 2);
    draw->AddCircleFilled(ImVec2(kx, y), knob, theme::kAccent);
    if (!ImGui::IsItemActive() || x1 <= x0) return std::nullopt;
    const float px = ImGui::GetIO().MousePos.x;
    const float t = std::clamp((px - x0) / (x1 - x0), 0.0f, 1.0f);
    return ui.rtl ? 1.0f - t : t;
}

bool text_field(Context& ui, std::string_view id, std::string_view caption, std::string_view text, Rect box,
                bool focused) {
    const float caption_h = ui.metrics.mm(7.0f);
    const text::Style caption_style{.size_px = ui.metrics.body_px() * 0.85f};
    ui.text.draw_in_box(caption, caption_style, box.min, ImVec2(box.size.x, caption_h), theme::kMutedText);
    const Rect input{ImVec2(box.min.x, box.min.y + caption_h), ImVec2(box.size.x, box.size.y - caption_h)};
    const bool tapped = tap_area(ui, id, input);
    frame_box(ui, input, theme::kTile, focused ? theme::kAccent : theme::kTileBorder, focused ? 0.8f : 0.4f);
    const float pad = ui.metrics.mm(3.0f);
    const text::Style style{.size_px = ui.metrics.body_px()};
    const ImVec2 inner_min(input.min.x + pad, input.min.y);
    const ImVec2 inner_size(input.size.x - 2 * pad, input.size.y);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->PushClipRect(input.min, input.max(), true);
    const text::Extent extent = text.empty() ? text::Extent{}
                                             : ui.text.draw_in_box(text, style, inner_min, inner_size, theme::kText);
    if (focused) {
        // The caret follows the text's own direction: after the last letter, at its reading end.
        const bool rtl_text = text.empty() ? ui.rtl : extent.direction == text::Direction::Rtl;
        const float w = static_cast<float>(extent.width);
        const float x = rtl_text ? inner_min.x + inner_size.x - w - ui.metrics.mm(0.6f) : inner_min.x + w + ui.metrics.mm(0.6f);
        const float h = ui.metrics.body_px() * 1.2f;
        draw->AddLine(ImVec2(x, input.center().y - h / 2), ImVec2(x, input.center().y + h / 2), theme::kAccent,
                      ui.metrics.mm(0.5f));
    }
    draw->PopClipRect();
    return tapped;
}

float read_aloud_width(const Context& ui) {
    return ui.can_read_aloud ? ui.metrics.touch_target() + ui.metrics.mm(1.5f) : 0.0f;
}

void read_aloud_button(Context& ui, std::string_view id, std::string_view text, Rect box) {
    if (!ui.can_read_aloud) return;
    static const std::string speaker = icon_glyph("f028");  // Font Awesome "volume-up"
    if (button(ui, id, speaker, box)) ui.dispatch(kiosk::ReadAloud{std::string(text)});
}

Rect read_aloud_beside(Context& ui, std::string_view id, std::string_view text, Rect box) {
    if (!ui.can_read_aloud) return box;
    const float side = ui.metrics.touch_target();
    const float gap = read_aloud_width(ui) - side;
    if (box.size.x < 2 * side + gap) return box;  // too narrow to share: the tile keeps its whole width
    // The speaker sits at the reading end, so the label is read first and the button found where the eye stops.
    const Rect speaker{ImVec2(ui.rtl ? box.min.x : box.max().x - side, box.min.y), ImVec2(side, box.size.y)};
    read_aloud_button(ui, "speak." + std::string(id), text, speaker);
    return {ImVec2(ui.rtl ? box.min.x + side + gap : box.min.x, box.min.y), ImVec2(box.size.x - side - gap, box.size.y)};
}

std::string icon_glyph(std::string_view hex) {
    unsigned int code = 0;
    const auto [end, error] = std::from_chars(hex.data(), hex.data() + hex.size(), code, 16);
    if (error != std::errc{} || end != hex.data() + hex.size() || code == 0 || code > 0x10FFFF) return {};
    const char32_t c = static_cast<char32_t>(code);
    return keyboard::to_utf8(std::u32string_view(&c, 1));
}

std::vector<Rect> columns(Rect area, int count, float gap, bool rtl) {
    std::vector<Rect> out;
    if (count <= 0) return out;
    const float w = (area.size.x - gap * static_cast<float>(count - 1)) / static_cast<float>(count);
    for (int i = 0; i < count; ++i) {
        const int visual = rtl ? count - 1 - i : i;
        out.push_back({ImVec2(area.min.x + static_cast<float>(visual) * (w + gap), area.min.y), ImVec2(w, area.size.y)});
    }
    return out;
}

}  // namespace kk::ui
