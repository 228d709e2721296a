#include "kiosk/staff/vacancies/sqlite_service.hpp"

#include <exception>

#include "db/sqlite.hpp"

namespace kk::staff {
namespace {

// The German label of every skill some vacancy resolved to (the code when it has none).
constexpr char kResolvedSkillNamesSql[] =
    "SELECT s.id, s.code, COALESCE(l.preferred, s.code) FROM skills AS s "
    "LEFT JOIN skill_labels AS l ON l.skill_id = s.id AND l.language = 'de' "
    "WHERE s.id IN (SELECT vs.skill_id FROM vacancy_skills AS vs WHERE vs.skill_id IS NOT NULL) "
    "ORDER BY s.id";

}  // namespace

db::Result<VacancyListing> SqliteVacanciesService::list() {
    using R = db::Result<VacancyListing>;
    auto vacancies = db::list_vacancies(store_, db::VacancyFilter::all);
    if (!vacancies) return R::fail(vacancies.error());
    VacancyListing listing{.vacancies = std::move(*vacancies), .skills = {}};
    try {
        db::Statement names(store_.connection(), kResolvedSkillNamesSql);
        while (names.step()) {
            listing.skills.emplace(names.column_int(0),
                                   CatalogSkillName{.code = names.column_text(1), .label = names.column_text(2)});
        }
    } catch (const std::exception& e) {
        return R::fail(e.what());
    }
    return R::ok(std::move(listing));
}

}  // namespace kk::staff
