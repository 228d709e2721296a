#pragma once
// The naive ranking: evaluate every pair, sort everything. Slow and obviously right; tests compare
// MatchIndex against it.
#include <chrono>
#include <cstddef>
#include <span>
#include <vector>

#include "matcher/model.hpp"
#include "matcher/score.hpp"

namespace kk::matcher {

// Every listed vacancy with score > 0, in rank order (vacancy_ranks_before), the first k. O(V log V).
std::vector<Match> reference_vacancies_for(const Scorer& scorer, std::span<const Vacancy> vacancies,
                                           const Candidate& candidate, std::chrono::sys_days today,
                                           std::size_t k);
// Every candidate with score > 0 for a listed vacancy, in rank order (candidate_ranks_before), the first k.
std::vector<Match> reference_candidates_for(const Scorer& scorer, std::span<const Candidate> candidates,
                                            const Vacancy& vacancy, std::chrono::sys_days today,
                                            std::size_t k);

}  // namespace kk::matcher
