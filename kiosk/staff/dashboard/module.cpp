#include "kiosk/staff/dashboard/module.hpp"

#include <chrono>
#include <variant>

namespace kk::staff {

DashboardModule::~DashboardModule() {
    for (auto& worker : workers_) worker.result.wait();
}

void DashboardModule::load(const DashboardState& state, const std::function<void(const StaffAction&)>& apply) {
    if (service_ == nullptr) {
        apply(DashboardAction{DashboardFailed{.request = state.request, .error = {}}});
        return;
    }
    auto areas = service_->areas(state.area_digits);
    if (!areas) {
        apply(DashboardAction{DashboardFailed{.request = state.request, .error = areas.error()}});
        return;
    }
    auto board = service_->counts(state.area);
    if (!board) {
        apply(DashboardAction{DashboardFailed{.request = state.request, .error = board.error()}});
        return;
    }
    // Ranking every candidate for each vacancy takes seconds on a real district: a worker does it, the
    // counts show at once with "wird berechnet" where the occupations go.
    DashboardService* service = service_;
    workers_.push_back(Worker{.request = state.request,
                              .area = board->area,
                              .result = std::async(std::launch::async, [service, copy = *board] {
                                  return service->reachable_occupations(copy);
                              })});
    apply(DashboardAction{
        DashboardLoaded{.request = state.request, .areas = std::move(*areas), .board = std::move(*board)}});
}

void DashboardModule::effects(const EffectContext& context) {
    const DashboardState& before = context.before.dashboard;
    const DashboardState& after = context.after.dashboard;
    const bool shown = context.after.view == View::Dashboard && logged_in(context.after);
    const bool just_shown = shown && (context.before.view != View::Dashboard || !logged_in(context.before));
    if (after.request != before.request && after.loading) {
        load(after, context.apply);
        return;
    }
    // Every visit counts afresh: an upload may have changed the vacancies since.
    if (just_shown && !after.loading) {
        context.apply(DashboardAction{ReloadDashboard{}});
        return;
    }
    if (after.exporting && !before.exporting) {
        if (service_ == nullptr || !after.board) {
            context.apply(DashboardAction{DashboardExportFailed{.error = {}}});
            return;
        }
        auto path = service_->export_csv(*after.board);
        if (path) {
            context.apply(DashboardAction{DashboardExported{.path = path->string()}});
        } else {
            context.apply(DashboardAction{DashboardExportFailed{.error = path.error()}});
        }
    }
}

void DashboardModule::poll(const StaffState& state, const std::function<void(const StaffAction&)>& apply) {
    for (auto it = workers_.begin(); it != workers_.end();) {
        if (it->result.wait_for(std::chrono::seconds(0)) != std::future_status::ready) {
            ++it;
            continue;
        }
        auto result = it->result.get();
        const std::uint64_t request = it->request;
        const std::string area = it->area;
        it = workers_.erase(it);
        if (request != state.dashboard.request) continue;  // the desk has moved on to another area
        if (result) {
            apply(DashboardAction{
                OccupationsLoaded{.request = request, .area = area, .occupations = std::move(*result)}});
        } else {
            apply(DashboardAction{DashboardFailed{.request = request, .error = result.error()}});
        }
    }
}

void DashboardModule::draw(StaffUi& ui) { draw_dashboard(ui); }

}  // namespace kk::staff
