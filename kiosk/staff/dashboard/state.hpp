#pragma once
// Staff mode, the skill-gap dashboard: demanded skills against candidates' skills, gaps, reachable occupations,
// for the district or one postcode area. Pure: no ImGui, no I/O.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "db/dashboard.hpp"

namespace kk::staff {

struct DashboardState {
    std::size_t area_digits = 2;     // the chooser offers areas of this many postcode digits
    std::vector<std::string> areas;  // areas with a vacancy or a candidate, ascending
    std::string area;                // the chosen one; empty = the whole district
    std::optional<db::SkillGapDashboard> board;  // the counts shown (occupations once computed)
    std::uint64_t request = 0;  // bumped by every (re)load; answers for an older request are dropped
    bool loading = false;       // counts asked for, not there yet
    bool computing = false;     // counts there, reachable matches still being computed (background)
    std::string selected;       // key of the bar whose numbers are spelled out ("skill:…", "gap:…", "occ:…")
    std::string error;          // the store's message when loading failed
    bool exporting = false;
    std::string export_path;  // the last CSV written
    std::string export_error;
};

struct ReloadDashboard {};
struct ChooseDashboardArea {
    std::string area;  // empty: the district
};
struct ChooseDashboardDigits {
    std::size_t digits = 2;
};
struct DashboardLoaded {
    std::uint64_t request = 0;
    std::vector<std::string> areas;
    db::SkillGapDashboard board;
};
struct OccupationsLoaded {
    std::uint64_t request = 0;
    std::string area;
    std::vector<db::OccupationReach> occupations;
};
struct DashboardFailed {
    std::uint64_t request = 0;
    std::string error;
};
struct SelectDashboardBar {
    std::string key;  // tapping the selected bar again clears it
};
struct ExportDashboard {};
struct DashboardExported {
    std::string path;
};
struct DashboardExportFailed {
    std::string error;
};

using DashboardAction = std::variant<ReloadDashboard, ChooseDashboardArea, ChooseDashboardDigits, DashboardLoaded,
                                     OccupationsLoaded, DashboardFailed, SelectDashboardBar, ExportDashboard,
                                     DashboardExported, DashboardExportFailed>;

DashboardState update(DashboardState state, const DashboardAction& action);

// The text of this view's field `id` ("dashboard.<name>"), or nullptr when it has none of that id.
std::string* text_field(DashboardState& state, std::string_view id);

// The chooser's area digits: 2 or 3 (a Landkreis has a handful of 3-digit areas, a few dozen 5-digit ones).
inline constexpr std::size_t kMinAreaDigits = 2;
inline constexpr std::size_t kMaxAreaDigits = 3;

}  // namespace kk::staff
