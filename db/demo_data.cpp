#include "db/demo_data.hpp"

#include "db/csv/source.hpp"
#include "db/vacancy_import.hpp"

namespace kk::db {
namespace {

constexpr char kCountVacanciesSql[] = "SELECT COUNT(*) FROM vacancies";

}  // namespace

Result<bool> needs_demo_vacancies(Store& store) {
    try {
        Statement count(store.connection(), kCountVacanciesSql);
        return Result<bool>::ok(!count.step() || count.column_int(0) == 0);
    } catch (const Error& e) {
        return Result<bool>::fail(std::string("demo vacancies: ") + e.what());
    }
}

Result<bool> ensure_demo_vacancies(Store& store, const SkillResolver* resolver) {
    try {
        Statement count(store.connection(), kCountVacanciesSql);
        if (count.step() && count.column_int(0) > 0) return Result<bool>::ok(false);
    } catch (const Error& e) {
        return Result<bool>::fail(std::string("demo vacancies: ") + e.what());
    }
    csv::MemorySource source(demo_vacancies_csv());
    auto report = import_vacancies(store, source, ImportOptions{.resolver = resolver, .actor = "demo"});
    if (!report) return Result<bool>::fail(report.error());
    if (import_exit_code(*report) != 0) return Result<bool>::fail("demo vacancies: the shipped demo table is broken");
    return Result<bool>::ok(true);
}

}  // namespace kk::db
