// Consent: in plain words what is stored, who sees it, for how long, how to have it deleted.
#include "kiosk/screens/flow_screens.hpp"
#include "kiosk/screens/step_frame.hpp"
#include "kiosk/ui/controls.hpp"
#include "kiosk/ui/theme.hpp"

namespace kk::screens {

void draw_consent(const kiosk::State& state, ui::Context& ui) {
    const ui::Rect body = draw_step_frame(state, ui, "consent.title", "consent.prompt");
    const ui::Metrics& m = ui.metrics;
    BodyFlow flow(ui, body);
    const text::Style style{.size_px = m.body_px(), .wrap_px = flow.width()};
    for (const char* key : {"consent.what", "consent.who", "consent.how_long", "consent.delete"}) {
        const std::string text = ui.messages.tr(key);
        const float h = static_cast<float>(ui.text.measure(text, style).height);
        const ui::Rect r = flow.row(h);
        ui.text.draw_in_box(text, style, r.min, r.size, ui::theme::kText);
    }
    const auto buttons = ui::columns(flow.row(std::max(m.touch_target(), m.mm(16.0f))), 2, m.mm(6.0f), ui.rtl);
    if (ui::button(ui, "consent.decline", ui.messages.tr("consent.decline"), buttons[0])) {
        ui.dispatch(kiosk::DeclineConsent{});
    }
    if (ui::button(ui, "consent.accept", ui.messages.tr("consent.accept"), buttons[1], true)) {
        ui.dispatch(kiosk::AcceptConsent{});
    }
}

}  // namespace kk::screens
