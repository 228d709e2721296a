#include "kiosk/screens/overlays.hpp"

#include <imgui.h>

#include <cmath>
#include <string>

#include "i18n/languages.hpp"
#include "kiosk/keyboard/layout.hpp"
#include "kiosk/ui/controls.hpp"
#include "kiosk/ui/theme.hpp"
#include "kiosk/ui/widgets.hpp"

namespace kk::screens {
namespace {

constexpr ImGuiWindowFlags kOverlayFlags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                           ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoScrollWithMouse;
constexpr ImU32 kScrim = IM_COL32(0x1F, 0x23, 0x2B, 0xC0);

// A full-screen dimmed window with a white card in the middle; returns the card.
ui::Rect begin_modal(const char* name, const ui::Metrics& m, ImVec2 card_size) {
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(m.display);
    ImGui::SetNextWindowFocus();
    ImGui::PushStyleColor(ImGuiCol_WindowBg, kScrim);
    ImGui::Begin(name, nullptr, kOverlayFlags);
    ImGui::PopStyleColor();
    const ui::Rect card{ImVec2((m.display.x - card_size.x) * 0.5f, (m.display.y - card_size.y) * 0.5f), card_size};
    ImGui::GetWindowDrawList()->AddRectFilled(card.min, card.max(), ui::theme::kBackground, m.mm(3.0f));
    return card;
}

void language_menu(const kiosk::State& state, ui::Context& ui) {
    const ui::Metrics& m = ui.metrics;
    const ui::Rect card = begin_modal("overlay.languages", m, ImVec2(m.display.x - m.mm(20.0f), m.display.y - m.mm(16.0f)));
    const float pad = m.mm(5.0f);
    const ui::Rect grid{ImVec2(card.min.x + pad, card.min.y + pad),
                        ImVec2(card.size.x - 2 * pad, card.size.y - 3 * pad - m.touch_target())};
    const auto languages = i18n::ui_languages();
    const auto tiles = ui::tile_grid(static_cast<int>(languages.size()), grid, m.mm(40.0f),
                                     std::max(m.touch_target(), m.mm(14.0f)), m.mm(3.0f), ui.rtl);
    const text::Style style{.size_px = m.tile_label_px()};
    for (std::size_t i = 0; i < languages.size(); ++i) {
        const std::string code(languages[i]);
        ui::note_target(ui, "lang." + code, tiles[i]);
        if (ui::tile(ui, "lang." + code, i18n::native_name(code), style, tiles[i], state.lang == code)) {
            ui.dispatch(kiosk::SelectLanguage{code});
        }
    }
    const ui::Rect close{ImVec2(card.center().x - m.mm(25.0f), card.max().y - pad - m.touch_target()),
                         ImVec2(m.mm(50.0f), m.touch_target())};
    if (ui::button(ui, "languages.close", ui.messages.tr("nav.cancel"), close)) ui.dispatch(kiosk::ToggleLanguageMenu{});
    ImGui::End();
}

void still_there(const kiosk::State& state, ui::Context& ui) {
    const ui::Metrics& m = ui.metrics;
    const ui::Rect card = begin_modal("overlay.inactivity", m, ImVec2(m.mm(150.0f), m.mm(80.0f)));
    const float pad = m.mm(6.0f);
    const int seconds = static_cast<int>(std::ceil(*state.prompt_seconds_left));
    ui.text.draw_in_box(ui.messages.tr("inactivity.prompt"),
                        {.size_px = m.tile_label_px(), .wrap_px = card.size.x - 2 * pad, .weight = text::Weight::Bold},
                        ImVec2(card.min.x + pad, card.min.y + pad), ImVec2(card.size.x - 2 * pad, m.mm(30.0f)),
                        ui::theme::kText);
    ui.text.draw_in_box(ui.messages.tr("inactivity.countdown", {{"seconds", std::int64_t{seconds}}}),
                        {.size_px = m.body_px()}, ImVec2(card.min.x + pad, card.min.y + pad + m.mm(30.0f)),
                        ImVec2(card.size.x - 2 * pad, m.mm(12.0f)), ui::theme::kMutedText);
    const ui::Rect go_on{ImVec2(card.center().x - m.mm(40.0f), card.max().y - pad - m.mm(15.0f)),
                         ImVec2(m.mm(80.0f), m.mm(15.0f))};
    if (ui::button(ui, "inactivity.continue", ui.messages.tr("inactivity.continue"), go_on, true)) {
        ui.dispatch(kiosk::StillHere{});
    }
    ImGui::End();
}

std::string key_caption(const ui::Context& ui, const keyboard::Key& key, const keyboard::KeyboardState& ks) {
    switch (key.kind) {
        case keyboard::KeyKind::Char:
            return keyboard::to_utf8(ks.shift && !key.shifted.empty() ? key.shifted : key.text);
        case keyboard::KeyKind::Shift: return ui.messages.tr("keyboard.shift");
        case keyboard::KeyKind::Backspace: return ui.messages.tr("keyboard.backspace");
        case keyboard::KeyKind::Space: return ui.messages.tr("keyboard.space");
        case keyboard::KeyKind::Enter: return ui.messages.tr("keyboard.done");
        case keyboard::KeyKind::Digits: return ui.messages.tr(ks.digits ? "keyboard.letters" : "keyboard.digits");
    }
    return {};
}

std::string key_id(const keyboard::Key& key) {
    switch (key.kind) {
        case keyboard::KeyKind::Char: return "key:" + keyboard::to_utf8(key.text);
        case keyboard::KeyKind::Shift: return "key.shift";
        case keyboard::KeyKind::Backspace: return "key.backspace";
        case keyboard::KeyKind::Space: return "key.space";
        case keyboard::KeyKind::Enter: return "key.enter";
        case keyboard::KeyKind::Digits: return "key.digits";
    }
    return "key";
}

void on_screen_keyboard(const kiosk::State& state, ui::Context& ui) {
    const ui::Metrics& m = ui.metrics;
    const keyboard::Layout& layout = kiosk::keyboard_layout_for(state);
    const keyboard::KeyboardState& ks = state.session.keyboard;
    std::vector<keyboard::Row> rows;
    if (ks.digits) {
        rows.push_back(keyboard::digits_row());
    } else {
        rows.assign(layout.rows.begin(), layout.rows.end() - 1);
    }
    rows.push_back(layout.rows.back());  // space, digits, enter
    const std::u32string vowels = ks.geez_base != 0 ? keyboard::geez_vowel_forms(ks.geez_base) : std::u32string{};
    // One extra row above the keys shows the field being typed in: the keyboard may cover the field itself.
    const int row_count = static_cast<int>(rows.size()) + (vowels.empty() ? 0 : 1) + 1;
    const ui::Rect area = keyboard_area(m, row_count);  // the same as keyboard_rect(state, m)
    ImGui::SetNextWindowPos(area.min);
    ImGui::SetNextWindowSize(area.size);
    // No panel fill: the screen's window ends where the keyboard begins, so the shell's clear colour is already
    // there, and a fill would make llvmpipe paint half the display twice (p50 14.8 -> 12.1 ms without it).
    // A line marks the keyboard's top edge instead.
    ImGui::Begin("overlay.keyboard", nullptr, kOverlayFlags | ImGuiWindowFlags_NoBackground);
    ImGui::GetWindowDrawList()->AddLine(area.min, ImVec2(area.max().x, area.min.y), ui::theme::kTileBorder,
                                        m.mm(0.6f));

    const float gap = m.mm(1.2f);
    const float row_h = (area.size.y - gap * static_cast<float>(row_count + 1)) / static_cast<float>(row_count);
    float y = area.min.y + gap;
    const bool rtl_keys = layout.right_to_left;
    auto draw_row = [&](const std::vector<std::pair<std::string, std::string>>& keys, const std::vector<float>& widths,
                        auto on_tap) {
        float units = 0;
        for (float w : widths) units += w;
        const float unit = (area.size.x - gap * static_cast<float>(keys.size() + 1)) / std::max(units, 10.0f);
        float used = 0;
        for (float w : widths) used += w * unit;
        used += gap * static_cast<float>(keys.size() - 1);
        float x = area.min.x + (area.size.x - used) * 0.5f;
        for (std::size_t i = 0; i < keys.size(); ++i) {
            const std::size_t k = rtl_keys ? keys.size() - 1 - i : i;
            const ui::Rect box{ImVec2(x, y), ImVec2(widths[k] * unit, row_h)};
            if (ui::button(ui, keys[k].first, keys[k].second, box)) on_tap(k);
            x += widths[k] * unit + gap;
        }
        y += row_h + gap;
    };
    {
        const ui::Rect preview{ImVec2(area.min.x + gap, y), ImVec2(area.size.x - 2 * gap, row_h)};
        ImGui::GetWindowDrawList()->AddRectFilled(preview.min, preview.max(), ui::theme::kTile, m.mm(1.5f));
        const std::string& text = kiosk::field_text(state.session, state.session.focus);
        const float pad = m.mm(3.0f);
        ui.text.draw_in_box(text, {.size_px = m.body_px()}, ImVec2(preview.min.x + pad, preview.min.y),
                            ImVec2(preview.size.x - 2 * pad, preview.size.y), ui::theme::kText);
        y += row_h + gap;
    }
    if (!vowels.empty()) {
        std::vector<std::pair<std::string, std::string>> keys;
        for (char32_t c : vowels) {
            const std::string s = keyboard::to_utf8(std::u32string_view(&c, 1));
            keys.emplace_back("vowel:" + s, s);
        }
        draw_row(keys, std::vector<float>(keys.size(), 1.0f),
                 [&](std::size_t k) { ui.dispatch(kiosk::ChooseVowel{vowels[k]}); });
    }
    for (const keyboard::Row& row : rows) {
        std::vector<std::pair<std::string, std::string>> keys;
        std::vector<float> widths;
        for (const keyboard::Key& key : row) {
            keys.emplace_back(key_id(key), key_caption(ui, key, ks));
            widths.push_back(key.width);
        }
        draw_row(keys, widths, [&](std::size_t k) { ui.dispatch(kiosk::PressKey{row[k]}); });
    }
    ImGui::End();
}

}  // namespace

ui::Rect keyboard_area(const ui::Metrics& m, int rows) {
    const float row_h = m.touch_target();
    const float h = std::min(m.display.y * 0.55f, static_cast<float>(rows) * (row_h + m.mm(1.2f)) + m.mm(1.2f));
    return {ImVec2(0, m.display.y - h), ImVec2(m.display.x, h)};
}

std::optional<ui::Rect> keyboard_rect(const kiosk::State& state, const ui::Metrics& m) {
    if (state.session.focus == kiosk::Field::None) return std::nullopt;
    const keyboard::KeyboardState& ks = state.session.keyboard;
    // As on_screen_keyboard(): the preview row, the letter (or digit) rows, the space row, maybe the vowel forms.
    const int key_rows = ks.digits ? 1 : static_cast<int>(kiosk::keyboard_layout_for(state).rows.size()) - 1;
    const bool vowels = ks.geez_base != 0 && !keyboard::geez_vowel_forms(ks.geez_base).empty();
    return keyboard_area(m, 1 + key_rows + 1 + (vowels ? 1 : 0));
}

void draw_overlays(const kiosk::State& state, ui::Context& ui) {
    if (state.session.focus != kiosk::Field::None) on_screen_keyboard(state, ui);
    if (state.language_menu) language_menu(state, ui);
    if (state.prompt_seconds_left) still_there(state, ui);
}

}  // namespace kk::screens
