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

namespace kk::db {

struct SkillDemand {
    std::string key;        // catalog skill code, or "text:" + matching key of an unresolved text
    std::string label;      // German catalog label (code when none), or the text as first written
    int vacancies = 0;      // open vacancies listing it (required or optional)
    int required = 0;       // of those, listing it as required
    int candidates = 0;     // candidates having it
    int gap() const { return vacancies - candidates; }
};

struct SkillGapDashboard {
    std::string area;            // postcode prefix; empty = the whole district (every row in the file)
    int open_vacancies = 0;      // open and still valid on `today`
    int candidates = 0;
    std::vector<SkillDemand> skills;  // most demanded first (vacancies desc, required desc, label)
    std::vector<SkillDemand> gaps;    // gap > 0 only, biggest first (gap desc, vacancies desc, label)
};

// Counts for vacancies and candidates whose postcode starts with `area` (all when empty). A skill counts
// once per vacancy and once per candidate. Unresolved texts are compared by matcher::matching_key (German).
// O(vacancy skills + candidate skills).
Result<SkillGapDashboard> skill_gap_dashboard(Store& store, const std::string& area, std::chrono::sys_days today);

// Postcode areas (the first `digits` digits) that have an open vacancy or a candidate, ascending.
Result<std::vector<std::string>> postcode_areas(Store& store, std::size_t digits);

// One row per skill (most demanded first): bereich;skill;bezeichnung;stellen;davon_pflicht;kandidaten;luecke,
// UTF-8 with BOM, ';', CRLF, formula injection neutralised (db/csv/writer.hpp).
void write_dashboard_csv(const std::vector<SkillGapDashboard>& areas, std::ostream& out);

}  // namespace kk::db
