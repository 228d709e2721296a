// Skills: a search with autocomplete (German label beside each suggestion), then the skills of the
// chosen occupations as toggle tiles, essential ones first.
#include <set>
#include <string>

#include "kiosk/screens/flow_screens.hpp"
#include "kiosk/screens/step_frame.hpp"
#include "kiosk/ui/controls.hpp"
#include "kiosk/ui/theme.hpp"

namespace kk::screens {
namespace {

bool chosen(const kiosk::Session& s, const std::string& code) {
    return std::find(s.skills.begin(), s.skills.end(), code) != s.skills.end();
}

// "label (German label)" unless they are the same.
std::string with_german(const std::string& label, const std::string& german) {
    return german.empty() || german == label ? label : label + "  \u00B7  " + german;
}

}  // namespace

void draw_skills(const kiosk::State& state, ui::Context& ui) {
    const ui::Rect body = draw_step_frame(state, ui, "cv.section.skills", "skills.prompt");
    const ui::Metrics& m = ui.metrics;
    const kiosk::Session& s = state.session;
    BodyFlow flow(ui, body);
    const float tile_h = std::max(m.touch_target(), m.mm(16.0f));

    if (ui::text_field(ui, "field.skill_search", ui.messages.tr("skills.search"), s.skill_query, flow.row(m.mm(22.0f)),
                       s.focus == kiosk::Field::SkillSearch)) {
        ui.dispatch(kiosk::Focus{kiosk::Field::SkillSearch});
    }
    if (!s.skill_query.empty()) {
        for (const auto& suggestion : state.suggestions) {
            const std::string id = "suggestion." + suggestion.code;
            const ui::Rect tile = ui::read_aloud_beside(ui, id, suggestion.label, flow.row(tile_h));
            if (ui::toggle(ui, id, with_german(suggestion.label, suggestion.label_de), tile, chosen(s, suggestion.code))) {
                ui.dispatch(kiosk::ToggleSkill{suggestion.code});
            }
        }
    }
    const ui::Rect count = flow.row(m.mm(8.0f));
    const std::string selected =
        ui.messages.tr("items.selected", {{"count", static_cast<std::int64_t>(s.skills.size())}});
    ui.text.draw_in_box(selected, {.size_px = m.body_px()}, count.min, count.size, ui::theme::kMutedText);

    std::set<std::string> offered;
    std::vector<std::string> codes;
    for (const auto& e : s.experiences) {
        const auto* occupation = state.catalog.occupation(e.occupation);
        if (occupation == nullptr) continue;
        for (const auto* list : {&occupation->essential, &occupation->optional}) {
            for (const auto& code : *list) {
                if (offered.insert(code).second) codes.push_back(code);
            }
        }
    }
    // Skills found by search but not offered by an occupation still show, so they can be taken back.
    for (const auto& code : s.skills) {
        if (offered.insert(code).second) codes.push_back(code);
    }
    if (codes.empty()) return;
    flow.heading(ui.messages.tr("skills.from_jobs"));
    std::vector<std::string> labels;
    for (const auto& code : codes) {
        const auto* skill = state.catalog.skill(code);
        labels.push_back(skill != nullptr ? skill->label : code);
    }
    const auto tiles = flow.toggle_grid(labels, m.mm(55.0f), tile_h);
    for (std::size_t i = 0; i < codes.size(); ++i) {
        const std::string& label = labels[i];
        const std::string id = "skill." + codes[i];
        if (ui::toggle(ui, id, label, ui::read_aloud_beside(ui, id, label, tiles[i]), chosen(s, codes[i]))) {
            ui.dispatch(kiosk::ToggleSkill{codes[i]});
        }
    }
}

}  // namespace kk::screens
