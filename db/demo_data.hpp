#pragma once
// The demo region's data shipped with the program: vacancies in Landkreis Waldeck-Frankenberg and its
// neighbours (db/demo/vacancies.csv), so a fresh kiosk has something to match against.
#include <string_view>

#include "db/result.hpp"
#include "db/skill_resolver.hpp"
#include "db/store.hpp"

namespace kk::db {

// The demo vacancies as a vacancy CSV (German headers, ';').
std::string_view demo_vacancies_csv();

// Imports demo_vacancies_csv() through the vacancy import when the store has no vacancy at all (so it never
// mixes with real ones); true when it did. `resolver` resolves the skills (nullptr: left unresolved).
Result<bool> ensure_demo_vacancies(Store& store, const SkillResolver* resolver = nullptr);
// True when the store holds no vacancy, i.e. ensure_demo_vacancies would import: callers build a resolver (which
// indexes every catalog label) only then.
Result<bool> needs_demo_vacancies(Store& store);

}  // namespace kk::db
