#pragma once
// The skill-gap numbers a Landkreis plans language and qualification courses with: per skill, how many open
// vacancies ask for it against how many candidates have it, for the district or one postcode area.
#include <chrono>
#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "db/result.hpp"
#include "db/store.hpp"
#include "matcher/skill_index.hpp"

namespace kk::db {

struct SkillDemand {
    std::string key;     // catalog skill code, or "text:" + matching key of an unresolved text
    std::string label;   // German catalog label (code when none), or the text as first written
    int vacancies = 0;   // open vacancies listing it (required or optional)
    int required = 0;    // of those, listing it as required
    int candidates = 0;  // candidates having it
    int gap() const { return vacancies - candidates; }
};

struct OccupationReach {
    std::string key;            // catalog occupation code, or "title:" + the vacancy title when unresolved
    std::string label;          // German catalog label, or the title
    int vacancies = 0;          // open vacancies of the occupation in the area
    int reachable_matches = 0;  // (vacancy, candidate) pairs the matcher scores >= min_score and reachable
    int candidates = 0;         // distinct candidates among those pairs
};

struct SkillGapDashboard {
    std::string area;        // postcode prefix; empty = the whole district (every row in the file)
    int open_vacancies = 0;  // open and still valid on `today`
    int candidates = 0;
    std::vector<SkillDemand> skills;  // most demanded first (vacancies desc, required desc, label)
    std::vector<SkillDemand> gaps;    // gap > 0 only, biggest first (gap desc, vacancies desc, label)
    std::vector<OccupationReach> occupations{};  // filled by add_reachable_occupations; most matches first
};

// Counts for vacancies and candidates whose postcode starts with `area` (all when empty). A skill counts
// once per vacancy and once per candidate. Unresolved texts are compared by matcher::matching_key (German).
// O(vacancy skills + candidate skills).
Result<SkillGapDashboard> skill_gap_dashboard(Store& store, const std::string& area,
                                              std::chrono::sys_days today);

// Ranks every candidate for each open vacancy of the board's area with the matching engine (db/matching.hpp;
// `index` resolves vacancy titles to occupations, may be null) and counts, per occupation, the reachable
// matches scoring at least `min_score`. O(vacancies in the area × one candidates_for query).
Result<bool> add_reachable_occupations(Store& store, SkillGapDashboard& board,
                                       const matcher::SkillIndex* index, std::chrono::sys_days today,
                                       double min_score = 0.5);

// Postcode areas (the first `digits` digits) that have an open vacancy or a candidate, ascending.
Result<std::vector<std::string>> postcode_areas(Store& store, std::size_t digits);

// One row per skill (most demanded first), then per occupation:
// bereich;art;schluessel;bezeichnung;stellen;davon_pflicht;kandidaten;luecke;erreichbare_treffer
// (art = skill or beruf; fields that do not apply are empty), UTF-8 with BOM, ';', CRLF, formula injection
// neutralised (db/csv/writer.hpp).
void write_dashboard_csv(const std::vector<SkillGapDashboard>& areas, std::ostream& out);

}  // namespace kk::db
