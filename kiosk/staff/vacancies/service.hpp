#pragma once
// What the vacancies view reads from the store: every vacancy (employer's fields, skills as written and what
// each resolved to) and the catalog names of the resolved skills.
#include <cstdint>
#include <map>
#include <vector>

#include "db/result.hpp"
#include "db/vacancies.hpp"
#include "kiosk/staff/vacancies/state.hpp"

namespace kk::staff {

struct VacancyListing {
    std::vector<db::Vacancy> vacancies;               // by employer, then reference
    std::map<std::int64_t, CatalogSkillName> skills;  // every skill a listed vacancy resolved to
};

class VacanciesService {
public:
    virtual ~VacanciesService() = default;
    // Open and closed vacancies with the catalog names of their resolved skills.
    virtual db::Result<VacancyListing> list() = 0;
};

}  // namespace kk::staff
