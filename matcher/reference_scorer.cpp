#include "matcher/reference_scorer.hpp"

#include <algorithm>

#include "matcher/rank.hpp"

namespace kk::matcher {

std::vector<Match> reference_vacancies_for(const Scorer& scorer, std::span<const Vacancy> vacancies,
                                           const Candidate& candidate, std::chrono::sys_days today,
                                           std::size_t k) {
    std::vector<Match> all;
    for (std::size_t v = 0; v < vacancies.size(); ++v) {
        if (!is_listed(vacancies[v], today)) continue;
        Match m = scorer.evaluate(candidate, vacancies[v]);
        if (m.score <= 0) continue;
        m.vacancy = v;
        m.candidate = kQueryIndex;
        all.push_back(std::move(m));
    }
    std::sort(all.begin(), all.end(),
              [&](const Match& a, const Match& b) { return vacancy_ranks_before(a, b, vacancies); });
    if (all.size() > k) all.resize(k);
    return all;
}

std::vector<Match> reference_candidates_for(const Scorer& scorer, std::span<const Candidate> candidates,
                                            const Vacancy& vacancy, std::chrono::sys_days today,
                                            std::size_t k) {
    std::vector<Match> all;
    if (!is_listed(vacancy, today)) return all;
    for (std::size_t c = 0; c < candidates.size(); ++c) {
        Match m = scorer.evaluate(candidates[c], vacancy);
        if (m.score <= 0) continue;
        m.candidate = c;
        m.vacancy = kQueryIndex;
        all.push_back(std::move(m));
    }
    std::sort(all.begin(), all.end(),
              [&](const Match& a, const Match& b) { return candidate_ranks_before(a, b, candidates); });
    if (all.size() > k) all.resize(k);
    return all;
}

}  // namespace kk::matcher
