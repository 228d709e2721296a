#include "kiosk/staff/runtime.hpp"

#include "kiosk/staff/candidates/module.hpp"
#include "kiosk/staff/dashboard/module.hpp"
#include "kiosk/staff/upload/module.hpp"
#include "kiosk/staff/vacancies/module.hpp"

namespace kk::staff {

std::filesystem::path default_export_dir(const std::filesystem::path& database) {
    return database.parent_path() / "exports";
}

StaffRuntime::StaffRuntime(text::TextureUploader& uploader, const StaffSetup& setup)
    : access_(setup.store),
      dashboard_(setup.store, setup.database, setup.export_dir),
      vacancies_(setup.store),
      upload_(setup.database),
      matches_(setup.store, setup.export_dir),
      candidates_(setup.store, setup.bundle_dir, setup.export_dir) {
    StaffServices services;
    services.access = &access_;
    services.dashboard = &dashboard_;
    services.vacancies = &vacancies_;
    services.upload = &upload_;
    services.candidates = &candidates_;
    Modules modules;
    modules[static_cast<std::size_t>(View::Dashboard)] = std::make_unique<DashboardModule>(&dashboard_);
    modules[static_cast<std::size_t>(View::Vacancies)] = std::make_unique<VacanciesModule>(&vacancies_, &matches_);
    modules[static_cast<std::size_t>(View::Upload)] = std::make_unique<UploadModule>(&upload_);
    modules[static_cast<std::size_t>(View::Candidates)] =
        std::make_unique<CandidatesModule>(&candidates_, &matches_, uploader);
    app_ = std::make_unique<StaffApp>(uploader, setup.bundle_dir, services, std::move(modules));
    // The matching engine takes seconds with a full ESCO catalog: build it while the desk shows the sign-in.
    matches_.warm_up(setup.database);
}

StaffRuntime::~StaffRuntime() = default;

}  // namespace kk::staff
