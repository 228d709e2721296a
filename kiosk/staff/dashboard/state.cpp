#include "kiosk/staff/dashboard/state.hpp"

namespace kk::staff {

DashboardState update(DashboardState state, const DashboardAction&) { return state; }

std::string* text_field(DashboardState&, std::string_view) { return nullptr; }

}  // namespace kk::staff
