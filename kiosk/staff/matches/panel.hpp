#pragma once
// Drawing the matches panel (ImGui, the kiosk widgets and the text facade): each match with its score and
// component bars, matched and missing skills, distance, blockers, the review's status with who and when,
// and the controls of the review workflow. Controls are tap targets named "<prefix>.<control>[.<cand>-<vac>]".
#include <functional>
#include <string_view>

#include "kiosk/staff/matches/state.hpp"
#include "kiosk/staff/ui.hpp"

namespace kk::staff {

using SendMatchesAction = std::function<void(MatchesAction)>;

// Draws `panel` into `box` (scrolls with the mouse wheel when the matches do not fit). `prefix` names the
// panel's tap targets and text fields ("candidates.matches"); `send` wraps an action in the view's own.
void draw_match_list(StaffUi& ui, const MatchesState& panel, std::string_view prefix, ui::Rect box,
                     const SendMatchesAction& send);

// The tap-target suffix of one match: "<candidate_id>-<vacancy_id>".
std::string match_key(const MatchRow& row);

}  // namespace kk::staff
