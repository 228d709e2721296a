// Education: school years, vocational training, university, certificates at hand, recognition state.
#include <string>

#include "kiosk/screens/flow_screens.hpp"
#include "kiosk/screens/step_frame.hpp"
#include "kiosk/ui/controls.hpp"
#include "kiosk/ui/theme.hpp"

namespace kk::screens {

void draw_education(const kiosk::State& state, ui::Context& ui) {
    const ui::Rect body = draw_step_frame(state, ui, "cv.section.education", "education.prompt");
    const ui::Metrics& m = ui.metrics;
    const kiosk::EducationInfo& e = state.session.education;
    BodyFlow flow(ui, body);
    const float tile_h = std::max(m.touch_target(), m.mm(16.0f));

    const auto school = ui::columns(flow.row(tile_h), 2, flow.gap(), ui.rtl);
    ui.text.draw_in_box(ui.messages.tr("education.school_years"), {.size_px = m.body_px(), .weight = text::Weight::Bold},
                        school[0].min, school[0].size, ui::theme::kText);
    const int delta = ui::stepper(ui, "education.school", ui.messages.tr("education.years", {{"years", std::int64_t{e.school_years}}}),
                                  school[1]);
    if (delta != 0) ui.dispatch(kiosk::SetSchoolYears{e.school_years + delta});

    using Flag = kiosk::SetEducationFlag;
    const std::pair<Flag::Which, const char*> flags[] = {{Flag::Vocational, "education.vocational"},
                                                         {Flag::University, "education.university"},
                                                         {Flag::Certificates, "education.certificates"}};
    const bool values[] = {e.vocational, e.university, e.certificates};
    std::vector<std::string> flag_labels;
    for (const auto& [which, key] : flags) flag_labels.push_back(ui.messages.tr(key));
    const auto tiles = flow.toggle_grid(flag_labels, m.mm(70.0f), tile_h);
    for (std::size_t i = 0; i < 3; ++i) {
        const std::string& label = flag_labels[i];
        if (ui::toggle(ui, flags[i].second, label, ui::read_aloud_beside(ui, flags[i].second, label, tiles[i]), values[i])) {
            ui.dispatch(Flag{flags[i].first, !values[i]});
        }
    }
    flow.heading(ui.messages.tr("education.recognition"));
    const std::pair<kiosk::Recognition, const char*> states[] = {
        {kiosk::Recognition::Unknown, "education.recognition.unknown"},
        {kiosk::Recognition::NotStarted, "education.recognition.not_started"},
        {kiosk::Recognition::InProgress, "cv.recognition.applied"},
        {kiosk::Recognition::Recognised, "cv.recognition.recognised"}};
    std::vector<std::string> state_labels;
    for (const auto& [which, key] : states) state_labels.push_back(ui.messages.tr(key));
    const auto choices = flow.toggle_grid(state_labels, m.mm(55.0f), tile_h);
    for (std::size_t i = 0; i < 4; ++i) {
        const std::string& label = state_labels[i];
        if (ui::toggle(ui, states[i].second, label, ui::read_aloud_beside(ui, states[i].second, label, choices[i]),
                       e.recognition == states[i].first)) {
            ui.dispatch(kiosk::SetRecognition{states[i].first});
        }
    }
}

}  // namespace kk::screens
