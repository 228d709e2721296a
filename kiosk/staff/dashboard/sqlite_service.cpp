#include "kiosk/staff/dashboard/sqlite_service.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <system_error>

#include "db/catalog.hpp"

namespace kk::staff {
namespace {

// "2026-11-21T19:30:00Z" as "20261121-193000", for file names.
std::string file_stamp(db::TimePoint now) {
    std::string stamp;
    for (char c : db::utc_timestamp(now)) {
        if (c == 'T') stamp += '-';
        else if (c >= '0' && c <= '9') stamp += c;
    }
    return stamp;
}

// An empty file only its owner can read: unresolved skill texts are what candidates typed.
bool create_private(const std::filesystem::path& path) {
    const int fd = ::open(path.c_str(), O_CREAT | O_TRUNC | O_WRONLY | O_CLOEXEC, 0600);
    if (fd < 0) return false;
    ::close(fd);
    return true;
}

}  // namespace

SqliteDashboardService::SqliteDashboardService(db::Store& store, std::filesystem::path database,
                                               std::filesystem::path export_dir, Clock clock)
    : store_(store), database_(std::move(database)), export_dir_(std::move(export_dir)), clock_(std::move(clock)) {}

std::chrono::sys_days SqliteDashboardService::today() const { return std::chrono::floor<std::chrono::days>(clock_()); }

db::Result<std::vector<std::string>> SqliteDashboardService::areas(std::size_t digits) {
    return db::postcode_areas(store_, digits);
}

db::Result<db::SkillGapDashboard> SqliteDashboardService::counts(const std::string& area) {
    return db::skill_gap_dashboard(store_, area, today());
}

db::Result<std::vector<db::OccupationReach>> SqliteDashboardService::reachable_occupations(
    const db::SkillGapDashboard& board) {
    auto store = db::Store::open(database_);
    if (!store) return db::Result<std::vector<db::OccupationReach>>::fail(store.error());
    std::shared_ptr<const matcher::SkillIndex> index;
    {
        // Built once: the catalog's labels let the matcher resolve titles to occupations (as kioskctl does).
        std::lock_guard lock(index_mutex_);
        if (!index_built_) {
            auto entries = db::catalog_label_entries(*store);
            if (!entries) return db::Result<std::vector<db::OccupationReach>>::fail(entries.error());
            if (!entries->empty()) index_ = std::make_shared<const matcher::SkillIndex>(*entries);
            index_built_ = true;
        }
        index = index_;
    }
    db::SkillGapDashboard copy = board;
    if (auto reach = db::add_reachable_occupations(*store, copy, index.get(), today()); !reach) {
        return db::Result<std::vector<db::OccupationReach>>::fail(reach.error());
    }
    return db::Result<std::vector<db::OccupationReach>>::ok(std::move(copy.occupations));
}

db::Result<std::filesystem::path> SqliteDashboardService::export_csv(const db::SkillGapDashboard& board) {
    using R = db::Result<std::filesystem::path>;
    std::error_code ec;
    std::filesystem::create_directories(export_dir_, ec);
    if (ec) return R::fail("cannot create " + export_dir_.string() + ": " + ec.message());
    const std::string area = board.area.empty() ? std::string("landkreis") : "plz" + board.area;
    const auto path = export_dir_ / ("kompetenzluecken-" + area + "-" + file_stamp(clock_()) + ".csv");
    auto partial = path;
    partial += ".partial";
    if (!create_private(partial)) return R::fail("cannot write " + partial.string());
    {
        std::ofstream file(partial, std::ios::binary | std::ios::trunc);
        db::write_dashboard_csv({board}, file);
        file.flush();
        if (!file) {
            std::filesystem::remove(partial, ec);
            return R::fail("cannot write " + partial.string());
        }
    }
    std::filesystem::rename(partial, path, ec);
    if (ec) {
        std::filesystem::remove(partial, ec);
        return R::fail("cannot write " + path.string());
    }
    return R::ok(path);
}

}  // namespace kk::staff
