#pragma once
// Staff mode, the candidate list (search, filters, sort), a candidate's detail with CV preview, top vacancies with the
// matcher's explanation, match status changes, skill verification, exports, erase (admins).
// Pure: no ImGui, no I/O.
#include <string>
#include <string_view>
#include <variant>

namespace kk::staff {

struct CandidatesState {
    bool operator==(const CandidatesState&) const = default;
};

struct ReloadCandidates {};

using CandidatesAction = std::variant<ReloadCandidates>;

CandidatesState update(CandidatesState state, const CandidatesAction& action);

// The text of this view's field `id` ("candidates.<name>"), or nullptr when it has none of that id.
std::string* text_field(CandidatesState& state, std::string_view id);

}  // namespace kk::staff
