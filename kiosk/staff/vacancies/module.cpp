#include "kiosk/staff/vacancies/module.hpp"

#include "kiosk/staff/matches/effects.hpp"

namespace kk::staff {

std::vector<SkillResolutionRow> skill_resolution_rows(const VacanciesState& state, const db::Vacancy& vacancy) {
    std::vector<SkillResolutionRow> rows;
    auto add = [&](const std::vector<db::VacancySkill>& skills, bool required) {
        for (const db::VacancySkill& s : skills) {
            SkillResolutionRow row{.text = s.text, .required = required, .skill = std::nullopt, .confidence = s.confidence};
            if (s.skill_id) {
                if (auto it = state.skills.find(*s.skill_id); it != state.skills.end()) row.skill = it->second;
            }
            rows.push_back(std::move(row));
        }
    };
    add(vacancy.required_skills, true);
    add(vacancy.optional_skills, false);
    return rows;
}

void VacanciesModule::effects(const EffectContext& context) {
    const VacanciesState& before = context.before.vacancies;
    const VacanciesState& after = context.after.vacancies;
    const bool shown = context.after.view == View::Vacancies && logged_in(context.after);
    const bool just_shown = shown && (context.before.view != View::Vacancies || !logged_in(context.before));
    if (after.loading && !before.loading) {
        if (service_ == nullptr) {
            context.apply(VacanciesAction{VacanciesFailed{.error = {}}});
            return;
        }
        auto listing = service_->list();
        if (listing) {
            context.apply(VacanciesAction{
                VacanciesLoaded{.vacancies = std::move(listing->vacancies), .skills = std::move(listing->skills)}});
        } else {
            context.apply(VacanciesAction{VacanciesFailed{.error = listing.error()}});
        }
        return;
    }
    if (just_shown && !after.loading) {
        context.apply(VacanciesAction{ReloadVacancies{}});
        return;
    }
    if (after.search != before.search) context.apply(VacanciesAction{SearchVacancies{}});

    // The matches panel: opening an open vacancy loads its candidates; the panel's own requests run here too.
    std::optional<MatchesAction> request;
    if (const auto* view_action = std::get_if<VacanciesAction>(&context.action)) {
        if (const auto* open = std::get_if<OpenVacancy>(view_action); open && after.matches.loading) {
            request = LoadMatches{.subject = MatchSubject::Vacancy, .id = open->id};
        } else if (const auto* panel = std::get_if<VacancyMatches>(view_action)) {
            request = panel->action;
        }
    }
    if (!request) return;
    if (auto outcome = run_match_effect(matches_, after.matches, *request, actor(context.after))) {
        context.apply(VacanciesAction{VacancyMatches{std::move(*outcome)}});
    }
}

void VacanciesModule::draw(StaffUi& ui) { draw_vacancies(ui); }

}  // namespace kk::staff
