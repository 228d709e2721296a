#include "kiosk/staff/vacancies/state.hpp"

#include <utility>

#include "matcher/normalise.hpp"

namespace kk::staff {
namespace {

template <class... F>
struct Overloaded : F... {
    using F::operator()...;
};

bool passes(const db::Vacancy& vacancy, VacancyStatusFilter filter) {
    switch (filter) {
        case VacancyStatusFilter::Open: return vacancy.status == "open";
        case VacancyStatusFilter::Closed: return vacancy.status != "open";
        case VacancyStatusFilter::All: return true;
    }
    return true;
}

VacanciesState regroup(VacanciesState state) {
    state.groups = group_vacancies(state.vacancies, state.search_keys, state.filter, state.search);
    return state;
}

}  // namespace

std::string search_key(const db::Vacancy& vacancy) {
    const auto& f = vacancy.fields;
    return matcher::fold_for_matching(f.title + '\n' + f.reference + '\n' + f.postcode + '\n' + f.employer);
}

std::vector<VacancyGroup> group_vacancies(const std::vector<db::Vacancy>& vacancies,
                                          const std::vector<std::string>& keys, VacancyStatusFilter filter,
                                          std::string_view search) {
    const std::string needle = matcher::fold_for_matching(search);
    std::vector<VacancyGroup> groups;
    for (std::size_t i = 0; i < vacancies.size(); ++i) {
        if (!passes(vacancies[i], filter)) continue;
        if (!needle.empty() && (i >= keys.size() || keys[i].find(needle) == std::string::npos)) continue;
        const std::string& employer = vacancies[i].fields.employer;
        if (groups.empty() || groups.back().employer != employer) groups.push_back(VacancyGroup{employer, {}});
        groups.back().rows.push_back(i);
    }
    return groups;
}

const db::Vacancy* find_vacancy(const VacanciesState& state, std::int64_t id) {
    for (const auto& v : state.vacancies) {
        if (v.id == id) return &v;
    }
    return nullptr;
}

VacanciesState update(VacanciesState state, const VacanciesAction& action) {
    return std::visit(
        Overloaded{
            [&](const ReloadVacancies&) {
                state.loading = true;
                state.error.clear();
                return std::move(state);
            },
            [&](const VacanciesLoaded& a) {
                state.loading = false;
                state.loaded = true;
                state.vacancies = a.vacancies;
                state.skills = a.skills;
                state.search_keys.clear();
                for (const auto& v : state.vacancies) state.search_keys.push_back(search_key(v));
                if (state.selected != 0 && find_vacancy(state, state.selected) == nullptr) state.selected = 0;
                return regroup(std::move(state));
            },
            [&](const VacanciesFailed& a) {
                state.loading = false;
                state.error = a.error;
                return std::move(state);
            },
            [&](const FilterVacancies& a) {
                state.filter = a.filter;
                return regroup(std::move(state));
            },
            [&](const SearchVacancies&) { return regroup(std::move(state)); },
            [&](const OpenVacancy& a) {
                const db::Vacancy* vacancy = find_vacancy(state, a.id);
                if (vacancy == nullptr) return std::move(state);
                state.selected = a.id;
                state.matches = {};
                // Closed vacancies are not matched any more: their detail shows no candidates.
                if (vacancy->status == "open") {
                    state.matches = update(MatchesState{}, LoadMatches{.subject = MatchSubject::Vacancy, .id = a.id});
                }
                return std::move(state);
            },
            [&](const CloseVacancyDetail&) {
                state.selected = 0;
                state.matches = {};
                return std::move(state);
            },
            [&](const VacancyMatches& a) {
                state.matches = update(std::move(state.matches), a.action);
                return std::move(state);
            },
        },
        action);
}

std::string* text_field(VacanciesState& state, std::string_view id) {
    if (id == kVacancySearchField) return &state.search;
    return text_field(state.matches, kVacancyMatchesPrefix, id);
}

}  // namespace kk::staff
