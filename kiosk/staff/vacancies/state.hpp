#pragma once
// Staff mode, vacancies per employer and a vacancy's detail with its top candidates and the same explanations.
// Pure: no ImGui, no I/O.
#include <string>
#include <string_view>
#include <variant>

namespace kk::staff {

struct VacanciesState {
    bool operator==(const VacanciesState&) const = default;
};

struct ReloadVacancies {};

using VacanciesAction = std::variant<ReloadVacancies>;

VacanciesState update(VacanciesState state, const VacanciesAction& action);

// The text of this view's field `id` ("vacancies.<name>"), or nullptr when it has none of that id.
std::string* text_field(VacanciesState& state, std::string_view id);

}  // namespace kk::staff
