#pragma once
// Shared by list, import and export inside kk::db: streaming over vacancies and the list encoding of the
// driving_licence and hours columns (comma-joined codes).
#include <functional>
#include <string>
#include <vector>

#include "db/vacancies.hpp"

namespace kk::db {

// Calls `visit` for every vacancy in list_vacancies() order without holding them all; returns the count.
Result<std::size_t> for_each_vacancy(Store& store, VacancyFilter filter,
                                     const std::function<void(const Vacancy&)>& visit);

// Comma-joined into `out` (replaced; its capacity is kept for the next row).
void join_list(const std::vector<std::string>& items, std::string& out);

}  // namespace kk::db
