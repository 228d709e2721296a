#include "kiosk/staff/vacancies/sqlite_service.hpp"

#include <exception>
#include <set>
#include <string>

#include "db/sqlite.hpp"

namespace kk::staff {
namespace {

// The German label (the code when it has none) of the skills whose ids are in the bound JSON array.
constexpr char kSkillNamesSql[] =
    "SELECT s.id, s.code, COALESCE(l.preferred, s.code) FROM skills AS s "
    "LEFT JOIN skill_labels AS l ON l.skill_id = s.id AND l.language = 'de' "
    "WHERE s.id IN (SELECT value FROM json_each(?)) ORDER BY s.id";

}  // namespace

db::Result<VacancyListing> SqliteVacanciesService::list() {
    using R = db::Result<VacancyListing>;
    auto vacancies = db::list_vacancies(store_, db::VacancyFilter::all);
    if (!vacancies) return R::fail(vacancies.error());
    VacancyListing listing{.vacancies = std::move(*vacancies), .skills = {}};
    // The skills the listed vacancies resolved to, collected here rather than by SQL over the vacancy_skills
    // view, which would parse every vacancy's skills a second time.
    std::set<std::int64_t> resolved;
    for (const auto& v : listing.vacancies) {
        for (const auto* skills : {&v.required_skills, &v.optional_skills}) {
            for (const auto& skill : *skills) {
                if (skill.skill_id) resolved.insert(*skill.skill_id);
            }
        }
    }
    std::string ids = "[";
    for (const std::int64_t id : resolved) ids += (ids.size() > 1 ? "," : "") + std::to_string(id);
    ids += "]";
    try {
        db::Statement names(store_.connection(), kSkillNamesSql);
        names.bind(1, ids);
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
