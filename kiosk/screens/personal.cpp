// Personal data: name in their own script and in Latin letters (with a transliteration to copy), phone,
// e-mail, postcode (checked against the postcode table), optional birth date.
#include "kiosk/screens/flow_screens.hpp"
#include "kiosk/screens/step_frame.hpp"
#include "kiosk/ui/controls.hpp"
#include "kiosk/ui/theme.hpp"

namespace kk::screens {

void draw_personal(const kiosk::State& state, ui::Context& ui) {
    const ui::Rect body = draw_step_frame(state, ui, "cv.section.personal", "personal.prompt");
    const ui::Metrics& m = ui.metrics;
    const kiosk::Session& s = state.session;
    BodyFlow flow(ui, body);
    const float field_h = m.mm(22.0f);
    const float gap = m.mm(6.0f);
    auto field = [&](ui::Rect box, kiosk::Field f, const char* id, const char* caption_key) {
        if (ui::text_field(ui, id, ui.messages.tr(caption_key), kiosk::field_text(s, f), box, s.focus == f)) {
            ui.dispatch(kiosk::Focus{f});
        }
    };
    auto row1 = ui::columns(flow.row(field_h), 2, gap, ui.rtl);
    field(row1[0], kiosk::Field::NameOwn, "field.name_own", "personal.name_own");
    field(row1[1], kiosk::Field::NameLatin, "field.name_latin", "personal.name_latin");
    if (!s.latin_suggestion.empty() && s.latin_suggestion != s.personal.name_latin) {
        const ui::Rect r = flow.row(m.touch_target());
        const auto parts = ui::columns(r, 2, gap, ui.rtl);
        if (ui::button(ui, "personal.use_suggestion",
                       ui.messages.tr("personal.use_suggestion", {{"name", s.latin_suggestion}}), parts[1])) {
            ui.dispatch(kiosk::UseLatinSuggestion{});
        }
    }
    auto row2 = ui::columns(flow.row(field_h), 2, gap, ui.rtl);
    field(row2[0], kiosk::Field::Phone, "field.phone", "cv.personal.phone");
    field(row2[1], kiosk::Field::Email, "field.email", "cv.personal.email");
    auto row3 = ui::columns(flow.row(field_h), 2, gap, ui.rtl);
    field(row3[0], kiosk::Field::Postcode, "field.postcode", "personal.postcode");
    field(row3[1], kiosk::Field::BirthDate, "field.birth_date", "personal.birth_date");
    const char* check_key = s.personal.postcode_check == kiosk::PostcodeCheck::Known     ? "personal.postcode_known"
                            : s.personal.postcode_check == kiosk::PostcodeCheck::Unknown ? "personal.postcode_unknown"
                                                                                        : nullptr;
    if (check_key != nullptr) {
        const ui::Rect r = flow.row(m.mm(8.0f));
        ui.text.draw_in_box(ui.messages.tr(check_key), {.size_px = m.body_px()}, r.min, r.size,
                            s.personal.postcode_check == kiosk::PostcodeCheck::Known ? ui::theme::kAccent
                                                                                    : ui::theme::kText);
    }
}

}  // namespace kk::screens
