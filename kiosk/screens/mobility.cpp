// Mobility and availability: licence classes (foreign licence flagged), car, bike, public transport, the
// farthest way to work (slider in km), full or part time, shifts, mini job, earliest start.
#include <cmath>
#include <string>

#include "kiosk/screens/flow_screens.hpp"
#include "kiosk/screens/step_frame.hpp"
#include "kiosk/ui/controls.hpp"
#include "kiosk/ui/theme.hpp"

namespace kk::screens {
namespace {
constexpr float kSliderMaxKm = 100.0f;
}

void draw_mobility(const kiosk::State& state, ui::Context& ui) {
    const ui::Rect body = draw_step_frame(state, ui, "cv.section.mobility", "mobility.prompt");
    const ui::Metrics& m = ui.metrics;
    const kiosk::MobilityInfo& mo = state.session.mobility;
    BodyFlow flow(ui, body);
    const float tile_h = std::max(m.touch_target(), m.mm(14.0f));
    using Flag = kiosk::SetMobilityFlag;

    flow.heading(ui.messages.tr("cv.section.licence"));
    const auto& classes = kiosk::licence_classes();
    const auto licence_tiles = flow.grid(static_cast<int>(classes.size()), m.mm(26.0f), tile_h);
    for (std::size_t i = 0; i < classes.size(); ++i) {
        const bool on = std::find(mo.licences.begin(), mo.licences.end(), classes[i]) != mo.licences.end();
        // Licence classes are the same letters in every country of the EU: not translated.
        if (ui::toggle(ui, "licence." + classes[i], classes[i], licence_tiles[i], on)) {
            ui.dispatch(kiosk::ToggleLicence{classes[i]});
        }
    }
    auto flag_tiles = [&](std::initializer_list<std::pair<Flag::Which, const char*>> flags,
                          std::initializer_list<bool> values) {
        // A lone flag gets the whole row: its label is a sentence.
        std::vector<std::string> labels;
        for (const auto& [which, key] : flags) labels.push_back(ui.messages.tr(key));
        const auto tiles = flags.size() == 1 ? flow.toggle_grid(labels, flow.width(), tile_h, false)
                                             : flow.toggle_grid(labels, m.mm(55.0f), tile_h);
        std::size_t i = 0;
        auto value = values.begin();
        for (const auto& [which, key] : flags) {
            const std::string& label = labels[i];
            if (ui::toggle(ui, key, label, ui::read_aloud_beside(ui, key, label, tiles[i]), *value)) {
                ui.dispatch(Flag{which, !*value});
            }
            ++i;
            ++value;
        }
    };
    flag_tiles({{Flag::ForeignLicence, "cv.licence.foreign"}}, {mo.foreign_licence});
    flow.heading(ui.messages.tr("mobility.transport"));
    flag_tiles({{Flag::Car, "cv.mobility.own_car"}, {Flag::Bike, "mobility.bike"}, {Flag::PublicTransport, "mobility.public_transport"}},
               {mo.car, mo.bike, mo.public_transport});
    flow.heading(ui.messages.tr("cv.mobility.commute", {{"km", std::int64_t{mo.max_km}}}));
    if (const auto f = ui::slider(ui, "mobility.distance", static_cast<float>(mo.max_km) / kSliderMaxKm,
                                  flow.row(m.touch_target()))) {
        const int km = static_cast<int>(std::lround(*f * kSliderMaxKm / 5.0f) * 5);
        if (km != mo.max_km) ui.dispatch(kiosk::SetMaxKm{km});
    }
    flow.heading(ui.messages.tr("mobility.working_time"));
    flag_tiles({{Flag::FullTime, "cv.availability.full_time"},
                {Flag::PartTime, "cv.availability.part_time"},
                {Flag::Shifts, "cv.availability.shifts"},
                {Flag::MiniJob, "mobility.mini_job"}},
               {mo.full_time, mo.part_time, mo.shifts, mo.mini_job});
    flow.heading(ui.messages.tr("mobility.start"));
    const std::pair<kiosk::StartWhen, const char*> starts[] = {{kiosk::StartWhen::Now, "cv.availability.now"},
                                                               {kiosk::StartWhen::OneMonth, "mobility.start.one_month"},
                                                               {kiosk::StartWhen::ThreeMonths, "mobility.start.three_months"}};
    std::vector<std::string> start_labels;
    for (const auto& [when, key] : starts) start_labels.push_back(ui.messages.tr(key));
    const auto start_tiles = flow.toggle_grid(start_labels, m.mm(55.0f), tile_h);
    for (std::size_t i = 0; i < 3; ++i) {
        const std::string& label = start_labels[i];
        const ui::Rect tile = ui::read_aloud_beside(ui, starts[i].second, label, start_tiles[i]);
        if (ui::toggle(ui, starts[i].second, label, tile, mo.start == starts[i].first)) {
            ui.dispatch(kiosk::SetStart{starts[i].first});
        }
    }
}

}  // namespace kk::screens
