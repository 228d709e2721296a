#pragma once
// Staff mode, vacancies per employer and a vacancy's detail with its top candidates and the same explanations.
// Pure: no ImGui, no I/O.
#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "db/vacancies.hpp"
#include "kiosk/staff/matches/state.hpp"

namespace kk::staff {

// The list's text field.
inline constexpr char kVacancySearchField[] = "vacancies.search";

enum class VacancyStatusFilter { Open, Closed, All };

// The catalog skill a vacancy's text resolved to.
struct CatalogSkillName {
    std::string code;
    std::string label;  // German preferred label; the code when there is none
    bool operator==(const CatalogSkillName&) const = default;
};

// One employer's vacancies that pass the filter and the search, by index into VacanciesState::vacancies.
struct VacancyGroup {
    std::string employer;
    std::vector<std::size_t> rows;  // list_vacancies() order: by reference
    bool operator==(const VacancyGroup&) const = default;
};

struct VacanciesState {
    std::vector<db::Vacancy> vacancies;            // every vacancy, by employer then reference
    std::vector<std::string> search_keys;          // per vacancy: its folded title, reference, postcode, employer
    std::map<std::int64_t, CatalogSkillName> skills;  // skills.id → name, for the resolved texts
    bool loading = false;
    bool loaded = false;
    std::string error;  // the store's message when the list could not be read
    VacancyStatusFilter filter = VacancyStatusFilter::Open;
    std::string search;  // field kVacancySearchField
    std::vector<VacancyGroup> groups;  // what the list shows: recomputed on load, filter and search
    std::int64_t selected = 0;         // the vacancy whose detail is shown; 0: the list
    MatchesState matches;              // the selected open vacancy's top candidates (kiosk/staff/matches)
};

// The match panel's fields in the detail: "vacancies.matches.reason", "vacancies.matches.note".
inline constexpr char kVacancyMatchesPrefix[] = "vacancies.matches";

struct ReloadVacancies {};
struct VacanciesLoaded {
    std::vector<db::Vacancy> vacancies;
    std::map<std::int64_t, CatalogSkillName> skills;
};
struct VacanciesFailed {
    std::string error;
};
struct FilterVacancies {
    VacancyStatusFilter filter = VacancyStatusFilter::Open;
};
struct SearchVacancies {};  // the search field changed: group again
struct OpenVacancy {
    std::int64_t id = 0;
};
struct CloseVacancyDetail {};
// An action of the embedded matches panel (its requests and their outcomes).
struct VacancyMatches {
    MatchesAction action;
};

using VacanciesAction = std::variant<ReloadVacancies, VacanciesLoaded, VacanciesFailed, FilterVacancies,
                                     SearchVacancies, OpenVacancy, CloseVacancyDetail, VacancyMatches>;

VacanciesState update(VacanciesState state, const VacanciesAction& action);

// The text of this view's field `id` ("vacancies.<name>"), or nullptr when it has none of that id.
std::string* text_field(VacanciesState& state, std::string_view id);

// The vacancies of `vacancies` passing `filter` whose title, reference, postcode or employer contains `search`
// (case folded; empty: all), grouped by employer in list order. `keys` are search_key() of each vacancy.
// O(vacancies × key length).
std::vector<VacancyGroup> group_vacancies(const std::vector<db::Vacancy>& vacancies,
                                          const std::vector<std::string>& keys, VacancyStatusFilter filter,
                                          std::string_view search);

// What the search looks in: title, reference, postcode and employer, case folded, separated by newlines.
std::string search_key(const db::Vacancy& vacancy);

// The vacancy with `id`, or nullptr.
const db::Vacancy* find_vacancy(const VacanciesState& state, std::int64_t id);

}  // namespace kk::staff
