#pragma once
// Staff mode put together over one store: the services of every view, their modules, and the StaffApp.
// kiosk/main.cpp creates one for `kiosk --staff`; end-to-end tests can too.
#include <filesystem>
#include <memory>

#include "db/store.hpp"
#include "kiosk/staff/app.hpp"
#include "kiosk/staff/candidates/sqlite_service.hpp"
#include "kiosk/staff/dashboard/sqlite_service.hpp"
#include "kiosk/staff/matches/sqlite_service.hpp"
#include "kiosk/staff/sqlite_access.hpp"
#include "kiosk/staff/vacancies/sqlite_service.hpp"
#include "kiosk/staff/upload/sqlite_service.hpp"
#include "kiosk/text/text_cache.hpp"

namespace kk::staff {

struct StaffSetup {
    db::Store& store;
    std::filesystem::path database;    // the store's file (background work opens its own connection)
    std::filesystem::path bundle_dir;  // compiled bundles (kiosk and staff messages, catalog labels)
    std::filesystem::path export_dir;  // CSV and PDF exports are written here (created when missing)
};

class StaffRuntime {
public:
    StaffRuntime(text::TextureUploader& uploader, const StaffSetup& setup);
    ~StaffRuntime();
    StaffRuntime(const StaffRuntime&) = delete;
    StaffRuntime& operator=(const StaffRuntime&) = delete;

    StaffApp& app() { return *app_; }

private:
    SqliteAccess access_;
    SqliteDashboardService dashboard_;
    SqliteVacanciesService vacancies_;
    SqliteUpload upload_;  // before app_: the upload module's worker uses it until the app is gone
    SqliteMatches matches_;  // one matcher engine for the candidates and the vacancies view
    SqliteCandidates candidates_;
    std::unique_ptr<StaffApp> app_;
};

// exports/ beside the database file.
std::filesystem::path default_export_dir(const std::filesystem::path& database);

}  // namespace kk::staff
