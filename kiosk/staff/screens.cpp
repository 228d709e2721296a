#include "kiosk/staff/screens.hpp"

#include <imgui.h>

#include <array>

#include "kiosk/ui/controls.hpp"
#include "kiosk/ui/theme.hpp"
#include "kiosk/ui/widgets.hpp"

namespace kk::staff::screens {
namespace {

constexpr char kPasswordDot[] = "\u2022";

std::string message_key(LoginMessage message) {
    switch (message) {
        case LoginMessage::None: return {};
        case LoginMessage::WrongCredentials: return "staff.login.wrong";
        case LoginMessage::Locked: return "staff.login.locked";
        case LoginMessage::Disabled: return "staff.login.disabled";
        case LoginMessage::Failed: return "staff.login.failed";
    }
    return {};
}

// "2026-11-21T14:05:00Z" as "14:05" (UTC, as stored; the desk clock shows the same hour in winter ± 1).
std::string clock_time(const std::string& iso) { return iso.size() >= 16 ? iso.substr(11, 5) : iso; }

}  // namespace

float button_width(StaffUi& ui, std::string_view label) {
    const text::Style style{.size_px = ui.ui.metrics.body_px(), .weight = text::Weight::Bold};
    return static_cast<float>(ui.ui.text.measure(label, style).width) + ui.ui.metrics.mm(8.0f);
}

void staff_field(StaffUi& ui, std::string_view id, std::string_view caption, ui::Rect box, bool masked) {
    const std::string* text = field_text(ui.state, id);
    std::string shown = text != nullptr ? *text : std::string();
    if (masked) {
        std::string dots;
        for (std::size_t i = 0, n = keyboard::to_u32(shown).size(); i < n; ++i) dots += kPasswordDot;
        shown = std::move(dots);
    }
    if (ui::text_field(ui.ui, id, caption, shown, box, ui.state.focus == id)) ui.dispatch(FocusField{std::string(id)});
}

void draw_login(StaffUi& ui) {
    const ui::Metrics& m = ui.ui.metrics;
    const float width = std::min(m.mm(120.0f), m.display.x - m.mm(10.0f));
    const float x = (m.display.x - width) * 0.5f;
    float y = std::max(m.mm(10.0f), m.display.y * 0.5f - m.mm(60.0f));
    const text::Style title{.size_px = m.title_px(), .weight = text::Weight::Bold};
    ui::label(ui.ui, ui.tr("staff.title"), title, ui::Rect{ImVec2(x, y), ImVec2(width, m.mm(14.0f))}, ui::theme::kText);
    y += m.mm(16.0f);
    const bool locked = ui.state.access.locked;
    const text::Style body{.size_px = m.body_px(), .wrap_px = width};
    ui::label(ui.ui, ui.tr(locked ? "staff.login.session_locked" : "staff.login.prompt"), body,
              ui::Rect{ImVec2(x, y), ImVec2(width, m.mm(12.0f))}, ui::theme::kMutedText);
    y += m.mm(14.0f);
    const float field_h = m.mm(18.0f);
    if (!locked) {
        staff_field(ui, kUsernameField, ui.tr("staff.login.username"), ui::Rect{ImVec2(x, y), ImVec2(width, field_h)});
        y += field_h + m.mm(4.0f);
    }
    staff_field(ui, kPasswordField, ui.tr("staff.login.password"), ui::Rect{ImVec2(x, y), ImVec2(width, field_h)},
                true);
    y += field_h + m.mm(6.0f);
    const float button_h = m.mm(12.0f);
    const bool checking = ui.state.access.checking;
    if (ui::button(ui.ui, "login.submit", ui.tr("staff.login.submit"), ui::Rect{ImVec2(x, y), ImVec2(width, button_h)},
                   true) &&
        !checking) {
        ui.dispatch(SubmitLogin{});
    }
    y += button_h + m.mm(4.0f);
    if (locked &&
        ui::button(ui.ui, "login.switch_user", ui.tr("staff.login.switch_user"),
                   ui::Rect{ImVec2(x, y), ImVec2(width, button_h)})) {
        ui.dispatch(Logout{});
    }
    if (locked) y += button_h + m.mm(4.0f);
    if (const std::string key = message_key(ui.state.access.message); !key.empty()) {
        const std::string text = ui.tr(key, {{"until", clock_time(ui.state.access.locked_until)}});
        ui::label(ui.ui, text, body, ui::Rect{ImVec2(x, y), ImVec2(width, m.mm(12.0f))}, ui::theme::kWarning);
    }
}

ui::Rect draw_header(StaffUi& ui) {
    const ui::Metrics& m = ui.ui.metrics;
    const float height = m.mm(16.0f);
    const float pad = m.mm(3.0f);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(ImVec2(0, 0), ImVec2(m.display.x, height), ui::theme::kTile);
    draw->AddLine(ImVec2(0, height), ImVec2(m.display.x, height), ui::theme::kTileBorder, m.mm(0.3f));

    const text::Style title{.size_px = m.body_px(), .weight = text::Weight::Bold};
    const std::string product = ui.tr("staff.title");
    const float title_w = static_cast<float>(ui.ui.text.measure(product, title).width);
    ui::label(ui.ui, product, title, ui::Rect{ImVec2(pad, 0), ImVec2(title_w, height)}, ui::theme::kText);

    struct Tab {
        View view;
        const char* id;
        const char* key;
    };
    static constexpr std::array<Tab, 4> kTabs{{{View::Candidates, "tab.candidates", "staff.tab.candidates"},
                                               {View::Vacancies, "tab.vacancies", "staff.tab.vacancies"},
                                               {View::Upload, "tab.upload", "staff.tab.upload"},
                                               {View::Dashboard, "tab.dashboard", "staff.tab.dashboard"}}};
    const float tab_h = height - 2 * m.mm(2.0f);
    float x = pad + title_w + m.mm(6.0f);
    for (const Tab& tab : kTabs) {
        const std::string label = ui.tr(tab.key);
        const float tab_w = button_width(ui, label);
        const bool current = ui.state.view == tab.view;
        if (ui::button(ui.ui, tab.id, label, ui::Rect{ImVec2(x, m.mm(2.0f)), ImVec2(tab_w, tab_h)}, current)) {
            ui.dispatch(ShowView{tab.view});
        }
        x += tab_w + m.mm(2.0f);
    }
    const std::string logout = ui.tr("staff.logout");
    const float logout_w = button_width(ui, logout);
    const float logout_x = m.display.x - pad - logout_w;
    if (ui::button(ui.ui, "logout", logout, ui::Rect{ImVec2(logout_x, m.mm(2.0f)), ImVec2(logout_w, tab_h)})) {
        ui.dispatch(Logout{});
    }
    if (const auto& user = ui.state.access.user) {
        const std::string who = ui.tr("staff.user", {{"name", user->username},
                                                     {"role", std::string(db::to_string(user->role))}});
        const text::Style style{.size_px = m.body_px() * 0.8f};
        const float who_w = static_cast<float>(ui.ui.text.measure(who, style).width);
        ui::label(ui.ui, who, style, ui::Rect{ImVec2(std::max(x, logout_x - pad - who_w), 0), ImVec2(who_w, height)},
                  ui::theme::kMutedText);
    }
    return ui::Rect{ImVec2(0, height), ImVec2(m.display.x, m.display.y - height)};
}

}  // namespace kk::staff::screens
