#include "db/vacancies.hpp"

#include "db/vacancy_store.hpp"

namespace kk::db {
namespace {

constexpr char kSelectVacanciesSql[] =
    "SELECT v.id, e.name, v.reference, v.title, v.postcode, v.city, v.german_level, v.language_support, "
    "v.driving_licence, v.hours, v.description, v.contact, v.valid_until, v.status, v.required_skills, "
    "v.optional_skills "
    "FROM vacancies AS v JOIN employers AS e ON e.id = v.employer_id "
    "WHERE (? = 0 OR v.status = 'open') "
    "ORDER BY e.name_key, e.id, v.reference";

// One of a vacancy's skill arrays (db/SCHEMA.md): [text, skill id or null, confidence] per skill, in order.
constexpr char kSkillArraySql[] = "SELECT value ->> 0, value ->> 1, value ->> 2 FROM json_each(?) ORDER BY key";

std::vector<std::string> split_list(const std::string& joined) {
    std::vector<std::string> items;
    std::size_t start = 0;
    while (start < joined.size()) {
        const std::size_t comma = joined.find(',', start);
        const std::size_t end = comma == std::string::npos ? joined.size() : comma;
        items.push_back(joined.substr(start, end - start));
        start = end + 1;
    }
    return items;
}

}  // namespace

void join_list(const std::vector<std::string>& items, std::string& out) {
    out.clear();
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i > 0) out += ',';
        out += items[i];
    }
}

Result<std::size_t> for_each_vacancy(Store& store, VacancyFilter filter,
                                     const std::function<void(const Vacancy&)>& visit) {
    try {
        Statement vacancies(store.connection(), kSelectVacanciesSql);
        Statement skills(store.connection(), kSkillArraySql);
        vacancies.bind(1, filter == VacancyFilter::open_only ? 1 : 0);
        std::size_t count = 0;
        Vacancy v;
        while (vacancies.step()) {
            v = Vacancy{};
            v.id = vacancies.column_int(0);
            VacancyFields& f = v.fields;
            f.employer = vacancies.column_text(1);
            f.reference = vacancies.column_text(2);
            f.title = vacancies.column_text(3);
            f.postcode = vacancies.column_text(4);
            f.city = vacancies.column_text(5);
            f.german_level = vacancies.column_optional_text(6);
            f.language_support = vacancies.column_int(7) != 0;
            f.driving_licence = split_list(vacancies.column_text(8));
            f.hours = split_list(vacancies.column_text(9));
            f.description = vacancies.column_text(10);
            f.contact = vacancies.column_text(11);
            f.valid_until = vacancies.column_optional_text(12);
            v.status = vacancies.column_text(13);
            auto read_skills = [&](int column, std::vector<std::string>& texts, std::vector<VacancySkill>& out) {
                skills.bind(1, vacancies.column_text(column));
                while (skills.step()) {
                    VacancySkill skill{.text = skills.column_text(0),
                                       .skill_id = skills.is_null(1)
                                                       ? std::nullopt
                                                       : std::optional<std::int64_t>(skills.column_int(1)),
                                       .confidence = skills.column_double(2)};
                    texts.push_back(skill.text);
                    out.push_back(std::move(skill));
                }
                skills.reset();
            };
            read_skills(14, f.required_skills, v.required_skills);
            read_skills(15, f.optional_skills, v.optional_skills);
            visit(v);
            ++count;
        }
        return Result<std::size_t>::ok(count);
    } catch (const Error& e) {
        return Result<std::size_t>::fail(e.what());
    }
}

Result<std::vector<Vacancy>> list_vacancies(Store& store, VacancyFilter filter) {
    std::vector<Vacancy> all;
    auto visited = for_each_vacancy(store, filter, [&](const Vacancy& v) { all.push_back(v); });
    if (!visited) return Result<std::vector<Vacancy>>::fail(visited.error());
    return Result<std::vector<Vacancy>>::ok(std::move(all));
}

}  // namespace kk::db
