#pragma once
// The store seen by the matching engine: catalog skills and occupations as dense matcher ids, the skill graph
// from the catalog's broader and essential relations, vacancies and candidates as matcher values with their
// postcodes turned into coordinates.
#include <chrono>
#include <cstdint>
#include <map>
#include <string>
#include <unordered_map>
#include <vector>

#include "db/candidates.hpp"
#include "db/result.hpp"
#include "db/store.hpp"
#include "db/vacancies.hpp"
#include "matcher/model.hpp"
#include "matcher/skill_graph.hpp"
#include "matcher/skill_index.hpp"

namespace kk::db {

struct MatchCatalog {
    std::vector<std::string> skill_codes;  // matcher::SkillId → catalog code
    std::unordered_map<std::int64_t, matcher::SkillId> skill_by_row;  // skills.id → SkillId
    std::unordered_map<std::string, matcher::SkillId> skill_by_code;
    std::vector<std::string> occupation_codes;
    std::unordered_map<std::int64_t, matcher::OccupationId> occupation_by_row;
    std::unordered_map<std::string, matcher::OccupationId> occupation_by_code;
    matcher::SkillGraph graph;
};

// Reads skills, occupations and their relations. O(skills + relations).
Result<MatchCatalog> load_match_catalog(Store& store);

struct MatchData {
    MatchCatalog catalog;
    std::vector<matcher::Vacancy> vacancies;  // open ones, in list_vacancies() order
    std::vector<matcher::Candidate> candidates;  // by resume code
};

// Everything matching needs. With `index`, vacancy skills the import left unresolved are resolved here (the
// employer's text is kept), and vacancy titles are resolved to occupations (so years in that occupation
// count). Vacancies and candidates whose postcode has no centroid get no location (distance unknown).
Result<MatchData> load_match_data(Store& store, const matcher::SkillIndex* index, std::chrono::sys_days today);

// One stored vacancy as the matcher sees it. The matcher takes one licence class: the most demanding listed.
matcher::Vacancy to_matcher_vacancy(const Vacancy& vacancy, const MatchCatalog& catalog,
                                    const std::map<std::string, matcher::GeoPoint, std::less<>>& centroids,
                                    const matcher::SkillIndex* index);

// One stored candidate as the matcher sees it; skills entered by catalog code are named by their German label.
matcher::Candidate to_matcher_candidate(const CandidateRecord& record, const MatchCatalog& catalog,
                                        const std::map<std::string, matcher::GeoPoint, std::less<>>& centroids,
                                        const matcher::SkillIndex* index, std::chrono::sys_days today);

// Resolution scores at or above this place a text in the catalog (the catalog resolver's threshold).
inline constexpr double kMatchResolveThreshold = 0.8;

}  // namespace kk::db
