#pragma once
// The vacancies view's module: loads the list in its effects (on every visit, since an upload may have
// changed it), regroups on search, and draws the list or one vacancy's detail (view.cpp).
#include <optional>
#include <string>
#include <vector>

#include "kiosk/staff/matches/service.hpp"
#include "kiosk/staff/module.hpp"
#include "kiosk/staff/vacancies/service.hpp"

namespace kk::staff {

class VacanciesModule final : public ViewModule {
public:
    // `matches` computes a vacancy's top candidates (shared with the candidates view); null: none shown.
    VacanciesModule(VacanciesService* service, MatchesService* matches) : service_(service), matches_(matches) {}
    void effects(const EffectContext& context) override;
    void draw(StaffUi& ui) override;

private:
    VacanciesService* service_;
    MatchesService* matches_;
};

// One skill of a vacancy as the detail shows it: the employer's words and the catalog skill they resolved to.
struct SkillResolutionRow {
    std::string text;  // as written
    bool required = true;
    std::optional<CatalogSkillName> skill;  // none: unresolved
    double confidence = 0.0;                // the resolver's score, 0..1
    bool operator==(const SkillResolutionRow&) const = default;
};

// Required skills, then optional ones, in the employer's order.
std::vector<SkillResolutionRow> skill_resolution_rows(const VacanciesState& state, const db::Vacancy& vacancy);

// The view's body. Tap targets: "vacancies.search", "vacancies.filter.open|closed|all", "vacancies.row.<id>",
// in the detail "vacancies.back" and the matches panel's "vacancies.matches.*".
void draw_vacancies(StaffUi& ui);

}  // namespace kk::staff
