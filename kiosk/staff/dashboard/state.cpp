#include "kiosk/staff/dashboard/state.hpp"

#include <algorithm>
#include <utility>

namespace kk::staff {
namespace {

template <class... F>
struct Overloaded : F... {
    using F::operator()...;
};

DashboardState start_loading(DashboardState state) {
    ++state.request;
    state.loading = true;
    state.computing = false;
    state.error.clear();
    state.selected.clear();
    state.export_path.clear();
    state.export_error.clear();
    return state;
}

}  // namespace

DashboardState update(DashboardState state, const DashboardAction& action) {
    return std::visit(
        Overloaded{
            [&](const ReloadDashboard&) { return start_loading(std::move(state)); },
            [&](const ChooseDashboardArea& a) {
                state.area = a.area;
                return start_loading(std::move(state));
            },
            [&](const ChooseDashboardDigits& a) {
                state.area_digits = std::clamp(a.digits, kMinAreaDigits, kMaxAreaDigits);
                // An area of the other length is not in the new chooser: back to the district.
                if (state.area.size() != state.area_digits) state.area.clear();
                return start_loading(std::move(state));
            },
            [&](const DashboardLoaded& a) {
                if (a.request != state.request) return std::move(state);
                state.areas = a.areas;
                state.board = a.board;
                state.loading = false;
                state.computing = true;
                return std::move(state);
            },
            [&](const OccupationsLoaded& a) {
                if (a.request != state.request || !state.board || state.board->area != a.area) return std::move(state);
                state.board->occupations = a.occupations;
                state.computing = false;
                return std::move(state);
            },
            [&](const DashboardFailed& a) {
                if (a.request != state.request) return std::move(state);
                state.error = a.error;
                state.loading = false;
                state.computing = false;
                return std::move(state);
            },
            [&](const SelectDashboardBar& a) {
                state.selected = state.selected == a.key ? std::string() : a.key;
                return std::move(state);
            },
            [&](const ExportDashboard&) {
                // Only a complete board (occupations computed) is exported.
                if (state.board && !state.loading && !state.computing) {
                    state.exporting = true;
                    state.export_path.clear();
                    state.export_error.clear();
                }
                return std::move(state);
            },
            [&](const DashboardExported& a) {
                state.exporting = false;
                state.export_path = a.path;
                return std::move(state);
            },
            [&](const DashboardExportFailed& a) {
                state.exporting = false;
                state.export_error = a.error;
                return std::move(state);
            },
        },
        action);
}

std::string* text_field(DashboardState&, std::string_view) { return nullptr; }

}  // namespace kk::staff
