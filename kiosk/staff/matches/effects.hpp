#pragma once
// The I/O behind the matches panel's requests, for the module of whichever view embeds the panel: call it
// with the panel's state after the reducer ran and the panel action that was applied; apply the returned
// outcome (wrapped in the view's own action) when there is one.
#include <optional>

#include "db/staff.hpp"
#include "kiosk/staff/matches/service.hpp"
#include "kiosk/staff/matches/state.hpp"

namespace kk::staff {

// `service` null: requests fail with staff.matches.unavailable. Loads, status changes, notes, proposals and
// exports return their outcome; other actions return nullopt.
std::optional<MatchesAction> run_match_effect(MatchesService* service, const MatchesState& after,
                                              const MatchesAction& action, const db::StaffActor& actor);

}  // namespace kk::staff
