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
// Opens the other side of a match (the vacancy from a candidate's list, the candidate from a vacancy's).
using OpenMatchSide = std::function<void(const MatchRow&)>;

// Draws `panel` into `box` (scrolls with the mouse wheel when the matches do not fit). `prefix` names the
// panel's tap targets and text fields ("candidates.matches"); `send` wraps an action in the view's own.
// With `open`, each card has a button "<prefix>.open.<cand>-<vac>" that calls it with the card's match.
void draw_match_list(StaffUi& ui, const MatchesState& panel, std::string_view prefix, ui::Rect box,
                     const SendMatchesAction& send, const OpenMatchSide& open = {});

// The tap-target suffix of one match: "<candidate_id>-<vacancy_id>".
std::string match_key(const MatchRow& row);

}  // namespace kk::staff
