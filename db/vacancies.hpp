#pragma once
// Vacancies as the store keeps them: employers' fields (as written, canonicalised where the CSV format says
// so) plus each skill's resolution to the catalog. Reading functions return Result; nothing throws.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "db/result.hpp"
#include "db/store.hpp"

namespace kk::db {

// One vacancy's content: what (arbeitgeber, referenz) identifies, and everything an import may change.
// (A new field also goes into reset_keeping_memory() in db/vacancy_csv.cpp.)
struct VacancyFields {
    std::string employer;
    std::string reference;
    std::string title;
    std::string postcode;  // 5 digits
    std::string city;
    std::vector<std::string> required_skills;  // as written, trimmed, in file order, no duplicates
    std::vector<std::string> optional_skills;
    std::optional<std::string> german_level;  // "A1".."C2"; nullopt = none required
    bool language_support = false;
    std::vector<std::string> driving_licence;  // classes in canonical order ("B", "CE"); empty = none
    std::vector<std::string> hours;            // "full_time", "part_time", "minijob", "shift"
    std::string description;
    std::string contact;
    std::optional<std::string> valid_until;  // YYYY-MM-DD
    bool operator==(const VacancyFields&) const = default;
};

struct VacancySkill {
    std::string text;
    std::optional<std::int64_t> skill_id;
    double confidence = 0.0;
};

struct Vacancy {
    std::int64_t id = 0;
    std::string status;  // "open" or "closed"
    VacancyFields fields;
    std::vector<VacancySkill> required_skills;  // same order as fields.required_skills
    std::vector<VacancySkill> optional_skills;
};

enum class VacancyFilter { all, open_only };

// Every vacancy ordered by employer name, then reference. O(vacancies + skills).
Result<std::vector<Vacancy>> list_vacancies(Store& store, VacancyFilter filter = VacancyFilter::all);

}  // namespace kk::db
