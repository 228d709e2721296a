#pragma once
// What the skill-gap dashboard asks of the store: postcode areas, the counts of one area, the reachable matches
// per occupation (slow: the matching engine ranks every candidate for each vacancy), and the CSV export.
#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

#include "db/dashboard.hpp"
#include "db/result.hpp"

namespace kk::staff {

class DashboardService {
public:
    virtual ~DashboardService() = default;
    // Areas of `digits` postcode digits with an open vacancy or a candidate, ascending.
    virtual db::Result<std::vector<std::string>> areas(std::size_t digits) = 0;
    // The counts for `area` (empty: the district) as of today; occupations left empty.
    virtual db::Result<db::SkillGapDashboard> counts(const std::string& area) = 0;
    // The occupations with reachable matches for `board`'s area. Safe to call on another thread while the
    // other functions run (it uses a connection of its own); takes seconds on a large district.
    virtual db::Result<std::vector<db::OccupationReach>> reachable_occupations(const db::SkillGapDashboard& board) = 0;
    // Writes `board` as the dashboard CSV into the export directory; the file's path.
    virtual db::Result<std::filesystem::path> export_csv(const db::SkillGapDashboard& board) = 0;
};

}  // namespace kk::staff
