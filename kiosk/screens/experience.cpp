// Work experience: the jobs chosen so far with their years (and, opened, employer and country), then a field
// for a job in one's own words, then category tiles with icons, then the occupations of the tapped category
// (labels in the session language, collated by the catalog source).
#include <string>

#include "cv/script.hpp"
#include "kiosk/screens/flow_screens.hpp"
#include "kiosk/screens/step_frame.hpp"
#include "kiosk/ui/controls.hpp"
#include "kiosk/ui/theme.hpp"

namespace kk::screens {
namespace {

constexpr char kBeside[] = "  \u00B7  ";  // separates the session language's label from the German one

// The entry's headline and a quieter second line: the catalog label with the German one beside it and
// what the person typed, or their own words kept as typed.
std::pair<std::string, std::string> entry_label(const kiosk::State& state, const kiosk::ExperienceEntry& e,
                                                const ui::Context& ui) {
    const auto* occupation = state.catalog.occupation(e.occupation);
    if (occupation == nullptr) {
        if (e.title.empty()) return {e.occupation, {}};
        return {e.title, ui.messages.tr("experience.own_words_kept")};
    }
    std::string label = occupation->label;
    if (!occupation->label_de.empty() && occupation->label_de != label) label += kBeside + occupation->label_de;
    if (e.title.empty()) return {label, {}};
    return {label, ui.messages.tr("experience.you_typed", {{"text", e.title}})};
}

void draw_details(const kiosk::State& state, ui::Context& ui, BodyFlow& flow, std::size_t index) {
    const ui::Metrics& m = ui.metrics;
    const kiosk::Session& s = state.session;
    const kiosk::ExperienceEntry& e = s.experiences[index];
    const std::string id = "experience." + std::to_string(index);
    if (ui::text_field(ui, id + ".employer", ui.messages.tr("experience.employer"), e.employer,
                       flow.row(m.mm(22.0f)), s.focus == kiosk::Field::Employer)) {
        ui.dispatch(kiosk::Focus{kiosk::Field::Employer});
    }
    flow.heading(ui.messages.tr("experience.country"));
    const auto& countries = kiosk::experience_countries();
    std::vector<std::string> names;
    for (const auto& country : countries) names.push_back(cv::country_name(country, state.lang));
    const auto tiles = flow.toggle_grid(names, m.mm(45.0f), m.touch_target(), false);
    for (std::size_t c = 0; c < countries.size(); ++c) {
        const bool on = e.country == countries[c];
        if (ui::toggle(ui, id + ".country." + countries[c], names[c], tiles[c], on)) {
            ui.dispatch(kiosk::SetCountry{index, on ? std::string() : countries[c]});
        }
    }
}

}  // namespace

void draw_experience(const kiosk::State& state, ui::Context& ui) {
    const ui::Rect body = draw_step_frame(state, ui, "cv.section.experience", "experience.prompt");
    const ui::Metrics& m = ui.metrics;
    const kiosk::Session& s = state.session;
    const kiosk::CatalogView& catalog = state.catalog;
    BodyFlow flow(ui, body);
    const float row_h = std::max(m.touch_target(), m.mm(16.0f));

    for (std::size_t i = 0; i < s.experiences.size(); ++i) {
        const kiosk::ExperienceEntry& e = s.experiences[i];
        const auto [label, note] = entry_label(state, e, ui);
        const ui::Rect r = flow.row(row_h);
        // label | years stepper | details | remove, in reading order
        const float stepper_w = m.mm(55.0f);
        const float details_w = m.mm(62.0f);
        // As wide as its label needs ("Entfernen", "Премахни") with 3 mm on each side, 28 mm at least.
        const std::string remove = ui.messages.tr("common.remove");
        const text::Style remove_style{.size_px = m.body_px(), .weight = text::Weight::Bold};
        const float remove_w =
            std::max(m.mm(28.0f), static_cast<float>(ui.text.measure(remove, remove_style).width) + m.mm(6.0f));
        const float label_w = r.size.x - stepper_w - details_w - remove_w - 3 * flow.gap();
        const float step = flow.gap();
        const float x_label = ui.rtl ? r.max().x - label_w : r.min.x;
        const float x_stepper = ui.rtl ? r.min.x + remove_w + details_w + 2 * step : r.min.x + label_w + step;
        const float x_details = ui.rtl ? r.min.x + remove_w + step : x_stepper + stepper_w + step;
        const float x_remove = ui.rtl ? r.min.x : r.max().x - remove_w;
        const float label_h = note.empty() ? r.size.y : r.size.y * 0.6f;
        // Alone in its row the label may take two lines (a job's name in two languages is long).
        const text::Style label_style{.size_px = m.body_px(), .wrap_px = note.empty() ? label_w : 0.0f,
                                      .weight = text::Weight::Bold};
        ui.text.draw_in_box(label, label_style, ImVec2(x_label, r.min.y), ImVec2(label_w, label_h), ui::theme::kText);
        if (!note.empty()) {
            ui.text.draw_in_box(note, {.size_px = m.body_px() * 0.8f}, ImVec2(x_label, r.min.y + label_h),
                                ImVec2(label_w, r.size.y - label_h), ui::theme::kMutedText);
        }
        const std::string id = "experience." + std::to_string(i);
        const int delta = ui::stepper(ui, id + ".years",
                                      ui.messages.tr("experience.years", {{"years", std::int64_t{e.years}}}),
                                      {ImVec2(x_stepper, r.min.y), ImVec2(stepper_w, r.size.y)});
        if (delta != 0) ui.dispatch(kiosk::SetYears{i, e.years + delta});
        const bool open = s.open_experience == i;
        if (ui::toggle(ui, id + ".details", ui.messages.tr("experience.details"),
                       {ImVec2(x_details, r.min.y), ImVec2(details_w, r.size.y)}, open)) {
            ui.dispatch(kiosk::EditExperience{open ? std::nullopt : std::optional<std::size_t>(i)});
        }
        if (ui::button(ui, id + ".remove", remove,
                       {ImVec2(x_remove, r.min.y), ImVec2(remove_w, r.size.y)})) {
            ui.dispatch(kiosk::RemoveExperience{i});
        }
        if (open) draw_details(state, ui, flow, i);
    }

    const float tile_h = m.mm(28.0f);
    if (s.browsing_category.empty()) {
        flow.heading(ui.messages.tr(s.experiences.empty() ? "experience.choose_category" : "experience.add_more"));
        // When no tile fits: the job in one's own words, resolved through the catalog on Enter.
        if (ui::text_field(ui, "field.occupation_text", ui.messages.tr("experience.own_words"), s.occupation_query,
                           flow.row(m.mm(22.0f)), s.focus == kiosk::Field::OccupationText)) {
            ui.dispatch(kiosk::Focus{kiosk::Field::OccupationText});
        }
        std::vector<std::string> labels;
        for (const auto& c : catalog.categories) labels.push_back(c.label);
        const auto tiles = flow.icon_grid(labels, m.mm(45.0f), tile_h);
        for (std::size_t i = 0; i < catalog.categories.size(); ++i) {
            const auto& c = catalog.categories[i];
            const std::string id = "category." + c.code;
            if (ui::icon_tile(ui, id, c.icon, c.label, ui::read_aloud_beside(ui, id, c.label, tiles[i]), false)) {
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
    std::vector<std::string> labels;
    for (const auto* o : shown) labels.push_back(o->label);
    const auto tiles = flow.icon_grid(labels, m.mm(45.0f), tile_h);
    for (std::size_t i = 0; i < shown.size(); ++i) {
        bool chosen = false;
        for (const auto& e : s.experiences) chosen = chosen || e.occupation == shown[i]->code;
        const std::string id = "occupation." + shown[i]->code;
        const ui::Rect tile = ui::read_aloud_beside(ui, id, shown[i]->label, tiles[i]);
        if (ui::icon_tile(ui, id, shown[i]->icon, shown[i]->label, tile, chosen)) {
            ui.dispatch(kiosk::AddOccupation{shown[i]->code});
        }
    }
}

}  // namespace kk::screens
