#pragma once
// The vacancies view's service over the SQLite store (db/vacancies.hpp list_vacancies plus catalog labels).
#include "db/store.hpp"
#include "kiosk/staff/vacancies/service.hpp"

namespace kk::staff {

class SqliteVacanciesService final : public VacanciesService {
public:
    explicit SqliteVacanciesService(db::Store& store) : store_(store) {}
    db::Result<VacancyListing> list() override;

private:
    db::Store& store_;
};

}  // namespace kk::staff
