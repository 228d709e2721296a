#include "kiosk/staff/runtime.hpp"

namespace kk::staff {

std::filesystem::path default_export_dir(const std::filesystem::path& database) {
    return database.parent_path() / "exports";
}

StaffRuntime::StaffRuntime(text::TextureUploader& uploader, const StaffSetup& setup) : access_(setup.store) {
    StaffServices services;
    services.access = &access_;
    Modules modules;
    app_ = std::make_unique<StaffApp>(uploader, setup.bundle_dir, services, std::move(modules));
}

StaffRuntime::~StaffRuntime() = default;

}  // namespace kk::staff
