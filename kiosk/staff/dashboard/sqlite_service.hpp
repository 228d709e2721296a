#pragma once
// The dashboard's service over the SQLite store (db/dashboard.hpp). Reachable matches are computed on a
// connection of their own, so a worker thread can run them while the desk keeps using `store`.
#include <chrono>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>

#include "db/store.hpp"
#include "db/timestamps.hpp"
#include "kiosk/staff/dashboard/service.hpp"
#include "matcher/skill_index.hpp"

namespace kk::staff {

class SqliteDashboardService final : public DashboardService {
public:
    using Clock = std::function<db::TimePoint()>;
    // `database` is `store`'s file; `export_dir` is created on the first export.
    SqliteDashboardService(db::Store& store, std::filesystem::path database, std::filesystem::path export_dir,
                           Clock clock = [] { return std::chrono::system_clock::now(); });

    db::Result<std::vector<std::string>> areas(std::size_t digits) override;
    db::Result<db::SkillGapDashboard> counts(const std::string& area) override;
    db::Result<std::vector<db::OccupationReach>> reachable_occupations(const db::SkillGapDashboard& board) override;
    db::Result<std::filesystem::path> export_csv(const db::SkillGapDashboard& board) override;

private:
    std::chrono::sys_days today() const;

    db::Store& store_;
    std::filesystem::path database_;
    std::filesystem::path export_dir_;
    Clock clock_;
    std::mutex index_mutex_;  // the workers share one title index, built by the first
    std::shared_ptr<const matcher::SkillIndex> index_;
    bool index_built_ = false;
};

}  // namespace kk::staff
