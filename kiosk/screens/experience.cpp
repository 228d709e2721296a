// Work experience: the jobs chosen so far with their years, then category tiles with icons, then the
// occupations of the tapped category (labels in the session language, collated by the catalog source).
#include <string>

#include "kiosk/screens/flow_screens.hpp"
#include "kiosk/screens/step_frame.hpp"
#include "kiosk/ui/controls.hpp"
#include "kiosk/ui/theme.hpp"

namespace kk::screens {

void draw_experience(const kiosk::State& state, ui::Context& ui) {
    const ui::Rect body = draw_step_frame(state, ui, "cv.section.experience", "experience.prompt");
    const ui::Metrics& m = ui.metrics;
    const kiosk::Session& s = state.session;
    const kiosk::CatalogView& catalog = state.catalog;
    BodyFlow flow(ui, body);
    const float row_h = std::max(m.touch_target(), m.mm(14.0f));

    for (std::size_t i = 0; i < s.experiences.size(); ++i) {
        const kiosk::ExperienceEntry& e = s.experiences[i];
        const auto* occupation = catalog.occupation(e.occupation);
        const std::string label = occupation != nullptr ? occupation->label : e.occupation;
        const ui::Rect r = flow.row(row_h);
        // label | years stepper | remove, in reading order
        const float stepper_w = m.mm(60.0f);
        const float remove_w = m.mm(30.0f);
        const float label_w = r.size.x - stepper_w - remove_w - 2 * flow.gap();
        const float x_label = ui.rtl ? r.max().x - label_w : r.min.x;
        const float x_stepper = ui.rtl ? r.min.x + remove_w + flow.gap() : r.min.x + label_w + flow.gap();
        const float x_remove = ui.rtl ? r.min.x : r.max().x - remove_w;
        ui.text.draw_in_box(label, {.size_px = m.body_px(), .weight = text::Weight::Bold}, ImVec2(x_label, r.min.y),
                            ImVec2(label_w, r.size.y), ui::theme::kText);
        const std::string id = "experience." + std::to_string(i);
        const int delta = ui::stepper(ui, id + ".years",
                                      ui.messages.tr("experience.years", {{"years", std::int64_t{e.years}}}),
                                      {ImVec2(x_stepper, r.min.y), ImVec2(stepper_w, r.size.y)});
        if (delta != 0) ui.dispatch(kiosk::SetYears{i, e.years + delta});
        if (ui::button(ui, id + ".remove", ui.messages.tr("common.remove"),
                       {ImVec2(x_remove, r.min.y), ImVec2(remove_w, r.size.y)})) {
            ui.dispatch(kiosk::RemoveExperience{i});
        }
    }

    const float tile_h = m.mm(28.0f);
    if (s.browsing_category.empty()) {
        flow.heading(ui.messages.tr(s.experiences.empty() ? "experience.choose_category" : "experience.add_more"));
        const auto tiles = flow.grid(static_cast<int>(catalog.categories.size()), m.mm(45.0f), tile_h);
        for (std::size_t i = 0; i < catalog.categories.size(); ++i) {
            const auto& c = catalog.categories[i];
            if (ui::icon_tile(ui, "category." + c.code, c.icon, c.label, tiles[i], false)) {
                ui.dispatch(kiosk::BrowseCategory{c.code});
            }
        }
        return;
    }
    if (ui::button(ui, "experience.categories", ui.messages.tr("experience.all_categories"),
                   flow.row(m.touch_target()))) {
        ui.dispatch(kiosk::BrowseCategory{});
    }
    std::vector<const kiosk::CatalogOccupationView*> shown;
    for (const auto& o : catalog.occupations) {
        if (o.category == s.browsing_category) shown.push_back(&o);
    }
    const auto tiles = flow.grid(static_cast<int>(shown.size()), m.mm(45.0f), tile_h);
    for (std::size_t i = 0; i < shown.size(); ++i) {
        bool chosen = false;
        for (const auto& e : s.experiences) chosen = chosen || e.occupation == shown[i]->code;
        if (ui::icon_tile(ui, "occupation." + shown[i]->code, shown[i]->icon, shown[i]->label, tiles[i], chosen)) {
            ui.dispatch(kiosk::AddOccupation{shown[i]->code});
        }
    }
}

}  // namespace kk::screens
