#include "kiosk/screens/step_frame.hpp"

#include <imgui.h>

#include <algorithm>
#include <string>

#include "i18n/languages.hpp"
#include "kiosk/ui/controls.hpp"
#include "kiosk/ui/navigation.hpp"
#include "kiosk/ui/theme.hpp"

namespace kk::screens {
namespace {
constexpr char kGlobeIcon[] = "f0ac";
constexpr char kSpeakerIcon[] = "f028";
}  // namespace

StepLayout step_layout(const ui::Metrics& m, bool rtl, bool nav_bar) {
    StepLayout layout;
    const float margin = m.mm(6.0f);
    const float header_h = std::max(m.touch_target(), m.mm(14.0f)) + m.mm(2.0f);
    layout.header = {ImVec2(0, 0), ImVec2(m.display.x, header_h)};
    const float button_h = header_h - m.mm(2.0f);
    const float lang_w = m.mm(44.0f);
    const float speak_w = std::max(m.touch_target(), m.mm(16.0f));
    const float y = m.mm(1.0f);
    // The buttons sit at the reading end, the title at the start.
    if (rtl) {
        layout.language_button = {ImVec2(margin, y), ImVec2(lang_w, button_h)};
        layout.read_aloud_button = {ImVec2(margin + lang_w + m.mm(3.0f), y), ImVec2(speak_w, button_h)};
        const float title_min = layout.read_aloud_button.max().x + m.mm(3.0f);
        layout.title = {ImVec2(title_min, y), ImVec2(m.display.x - margin - title_min, button_h)};
    } else {
        layout.language_button = {ImVec2(m.display.x - margin - lang_w, y), ImVec2(lang_w, button_h)};
        layout.read_aloud_button = {ImVec2(layout.language_button.min.x - m.mm(3.0f) - speak_w, y),
                                    ImVec2(speak_w, button_h)};
        layout.title = {ImVec2(margin, y), ImVec2(layout.read_aloud_button.min.x - m.mm(3.0f) - margin, button_h)};
    }
    layout.prompt = {ImVec2(margin, header_h + m.mm(1.0f)), ImVec2(m.display.x - 2 * margin, m.mm(11.0f))};
    const float nav_top = nav_bar ? ui::nav_bar_layout(m, rtl, kiosk::kStepCount).bar.min.y : m.display.y - margin;
    const float body_top = layout.prompt.max().y + m.mm(2.0f);
    layout.body = {ImVec2(margin, body_top), ImVec2(m.display.x - 2 * margin, std::max(0.0f, nav_top - body_top - m.mm(1.0f)))};
    return layout;
}

ui::Rect draw_step_frame(const kiosk::State& state, ui::Context& ui, std::string_view title_key,
                         std::string_view prompt_key) {
    const StepLayout layout = step_layout(ui.metrics, ui.rtl, state.screen != kiosk::Screen::Done);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(layout.header.min, layout.header.max(), ui::theme::kTile);
    draw->AddLine(ImVec2(0, layout.header.max().y), layout.header.max(), ui::theme::kTileBorder, ui.metrics.mm(0.3f));
    const std::string title = ui.messages.tr(title_key);
    const std::string prompt = ui.messages.tr(prompt_key);
    ui.text.draw_in_box(title, {.size_px = ui.metrics.title_px() * 0.8f, .weight = text::Weight::Bold}, layout.title.min,
                        layout.title.size, ui::theme::kText);
    ui.text.draw_in_box(prompt, {.size_px = ui.metrics.body_px(), .wrap_px = layout.prompt.size.x}, layout.prompt.min,
                        layout.prompt.size, ui::theme::kMutedText);

    const std::string lang_text = ui::icon_glyph(kGlobeIcon) + "  " + i18n::native_name(state.lang);
    if (ui::button(ui, "header.language", lang_text, layout.language_button)) ui.dispatch(kiosk::ToggleLanguageMenu{});
    if (ui.can_read_aloud &&
        ui::button(ui, "header.read_aloud", ui::icon_glyph(kSpeakerIcon), layout.read_aloud_button)) {
        ui.dispatch(kiosk::ReadAloud{title + ". " + prompt});
    }

    if (state.screen == kiosk::Screen::Done) return layout.body;  // the CV is made: no way back, only finish
    const int step = kiosk::step_of(state.screen);
    const ui::NavBarSpec spec{.step = step,
                              .total = kiosk::kStepCount,
                              .can_back = true,
                              .can_next = kiosk::can_go_next(state),
                              .last = state.screen == kiosk::Screen::Review};
    const ui::NavBarLayout nav = ui::nav_bar_layout(ui.metrics, ui.rtl, kiosk::kStepCount);
    ui::note_target(ui, "nav.back", nav.back);
    ui::note_target(ui, "nav.next", nav.next);
    switch (ui::nav_bar(ui, spec)) {
        case ui::NavTap::Back: ui.dispatch(kiosk::Back{}); break;
        case ui::NavTap::Next: ui.dispatch(kiosk::Next{}); break;
        case ui::NavTap::None: break;
    }
    return layout.body;
}

BodyFlow::BodyFlow(ui::Context& ui, ui::Rect body)
    // The first row starts a little below the clip edge: a selected tile's frame reaches outside its box.
    : ui_(ui), body_(body), y_(body.min.y + ui.metrics.mm(0.8f) - ui.scroll_offset), gap_(ui.metrics.mm(3.0f)) {
    ImGui::GetWindowDrawList()->PushClipRect(body.min, body.max(), true);
    ImGui::PushClipRect(body.min, body.max(), true);
}

BodyFlow::~BodyFlow() {
    ImGui::PopClipRect();
    ImGui::GetWindowDrawList()->PopClipRect();
    if (ui_.body_content_height != nullptr) *ui_.body_content_height = y_ + ui_.scroll_offset - body_.min.y;
}

ui::Rect BodyFlow::row(float height) {
    const ui::Rect r{ImVec2(body_.min.x, y_), ImVec2(body_.size.x, height)};
    y_ += height + gap_;
    return r;
}

std::vector<ui::Rect> BodyFlow::grid(int count, float min_width, float height) {
    const ui::Rect area{ImVec2(body_.min.x, y_), ImVec2(body_.size.x, 0)};
    std::vector<ui::Rect> tiles = ui::tile_grid(count, area, min_width, height, gap_, ui_.rtl);
    if (!tiles.empty()) {
        float bottom = y_;
        for (const auto& t : tiles) bottom = std::max(bottom, t.max().y);
        y_ = bottom + gap_;
    }
    return tiles;
}

float BodyFlow::grid_tile_width(float min_width) const {
    const auto one = ui::tile_grid(1, ui::Rect{ImVec2(body_.min.x, y_), ImVec2(body_.size.x, 0)}, min_width, 1.0f, gap_,
                                   ui_.rtl);
    return one.empty() ? min_width : one.front().size.x;
}

std::vector<ui::Rect> BodyFlow::toggle_grid(const std::vector<std::string>& labels, float min_width,
                                            float min_height, bool with_speaker) {
    const float speaker = with_speaker ? ui::read_aloud_width(ui_) : 0.0f;
    const float width = grid_tile_width(min_width + speaker) - speaker;
    return grid(static_cast<int>(labels.size()), min_width + speaker,
                ui::toggle_height(ui_, labels, width, min_height));
}

std::vector<ui::Rect> BodyFlow::icon_grid(const std::vector<std::string>& labels, float min_width, float min_height) {
    const float speaker = ui::read_aloud_width(ui_);
    const float width = grid_tile_width(min_width + speaker) - speaker;
    return grid(static_cast<int>(labels.size()), min_width + speaker,
                ui::icon_tile_height(ui_, labels, width, min_height));
}

void BodyFlow::heading(std::string_view text) {
    const ui::Rect r = row(ui_.metrics.mm(8.0f));
    ui_.text.draw_in_box(text, {.size_px = ui_.metrics.body_px(), .weight = text::Weight::Bold}, r.min, r.size,
                         ui::theme::kText);
}

}  // namespace kk::screens
