#include "kiosk/screens/welcome.hpp"

#include <imgui.h>

#include <algorithm>
#include <string>

#include "i18n/languages.hpp"
#include "kiosk/ui/controls.hpp"
#include "kiosk/ui/navigation.hpp"
#include "kiosk/ui/theme.hpp"
#include "kiosk/ui/widgets.hpp"

namespace kk::screens {

WelcomeLayout welcome_layout(const ui::Metrics& m, bool rtl) {
    const float margin = m.mm(6.0f);
    WelcomeLayout layout;
    const float speak_w = std::max(m.touch_target(), m.mm(16.0f));
    const float title_w = m.display.x - 2 * margin - speak_w - m.mm(3.0f);
    layout.title = {ImVec2(rtl ? m.display.x - margin - title_w : margin, margin), ImVec2(title_w, m.mm(14.0f))};
    layout.read_aloud = {ImVec2(rtl ? margin : m.display.x - margin - speak_w, margin), ImVec2(speak_w, m.mm(14.0f))};
    layout.hint = {ImVec2(margin, layout.title.max().y), ImVec2(m.display.x - 2 * margin, m.mm(9.0f))};
    const float top = layout.hint.max().y + m.mm(4.0f);
    const float bottom = ui::nav_bar_layout(m, rtl, 0).bar.min.y - m.mm(2.0f);
    const ui::Rect grid{ImVec2(margin, top), ImVec2(m.display.x - 2 * margin, bottom - top)};
    layout.tiles = ui::tile_grid(static_cast<int>(i18n::ui_languages().size()), grid, m.mm(42.0f),
                                 std::max(m.touch_target(), m.mm(15.0f)), m.mm(3.0f), rtl);
    return layout;
}

void draw_welcome(const kiosk::State& state, ui::Context& ui) {
    const WelcomeLayout layout = welcome_layout(ui.metrics, ui.rtl);
    const text::Style title{.size_px = ui.metrics.title_px(), .weight = text::Weight::Bold};
    const text::Style hint{.size_px = ui.metrics.body_px()};
    const std::string title_text = ui.messages.tr("welcome.title");
    const std::string hint_text = ui.messages.tr(state.resume_not_found ? "welcome.resume_not_found" : "welcome.hint");
    ui::label(ui, title_text, title, layout.title, ui::theme::kText);
    ui::label(ui, hint_text, hint, layout.hint, state.resume_not_found ? ui::theme::kText : ui::theme::kMutedText);
    // In the selected language (German until one is tapped); hidden where espeak-ng has no voice.
    ui::read_aloud_button(ui, "welcome.read_aloud", title_text + ". " + hint_text, layout.read_aloud);

    const auto languages = i18n::ui_languages();
    const text::Style tile_text{.size_px = ui.metrics.tile_label_px()};
    for (size_t i = 0; i < languages.size(); ++i) {
        const std::string code(languages[i]);
        const bool selected = state.language_chosen && state.lang == code;
        if (ui::tile(ui, "lang." + code, i18n::native_name(code), tile_text, layout.tiles[i], selected)) {
            ui.dispatch(kiosk::SelectLanguage{code});
        }
    }
    // Next appears once a language is chosen; there is nothing to go back to.
    const ui::NavBarLayout nav = ui::nav_bar_layout(ui.metrics, ui.rtl, 0);
    ui::note_target(ui, "nav.next", nav.next);
    // Where Back would be: continue a saved draft by its code. Nothing personal shows before the code is typed.
    // As wide as its label needs ("Mit meinem Code weitermachen"), growing from the reading start towards Next.
    const std::string resume = ui.messages.tr("welcome.resume");
    const text::Style resume_style{.size_px = ui.metrics.body_px(), .weight = text::Weight::Bold};
    const float gap = ui.metrics.mm(4.0f);
    const float widest = nav.bar.size.x - nav.next.size.x - 2 * std::min(nav.back.min.x, nav.next.min.x) - gap;
    const float needed = static_cast<float>(ui.text.measure(resume, resume_style).width) + ui.metrics.mm(8.0f);
    const float resume_w = std::clamp(needed, nav.back.size.x, std::max(nav.back.size.x, widest));
    const ui::Rect resume_box{ImVec2(ui.rtl ? nav.back.max().x - resume_w : nav.back.min.x, nav.back.min.y),
                              ImVec2(resume_w, nav.back.size.y)};
    if (ui::button(ui, "welcome.resume", resume, resume_box)) ui.dispatch(kiosk::Focus{kiosk::Field::ResumeCode});
    const ui::NavBarSpec spec{
        .step = 0, .total = 0, .can_back = false, .show_back = false, .can_next = state.language_chosen, .last = false};
    if (ui::nav_bar(ui, spec) == ui::NavTap::Next) ui.dispatch(kiosk::Next{});
}

}  // namespace kk::screens
