#pragma once
// Staff mode, the skill-gap dashboard: demanded skills against candidates' skills, gaps, reachable occupations.
// Pure: no ImGui, no I/O.
#include <string>
#include <string_view>
#include <variant>

namespace kk::staff {

struct DashboardState {
    bool operator==(const DashboardState&) const = default;
};

struct ReloadDashboard {};

using DashboardAction = std::variant<ReloadDashboard>;

DashboardState update(DashboardState state, const DashboardAction& action);

// The text of this view's field `id` ("dashboard.<name>"), or nullptr when it has none of that id.
std::string* text_field(DashboardState& state, std::string_view id);

}  // namespace kk::staff
