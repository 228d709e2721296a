#include "kiosk/staff/candidates/state.hpp"

namespace kk::staff {

CandidatesState update(CandidatesState state, const CandidatesAction&) { return state; }

std::string* text_field(CandidatesState&, std::string_view) { return nullptr; }

}  // namespace kk::staff
