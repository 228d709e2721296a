#pragma once
// The upload view's module: starts the preview and the background runs (dry run, then the confirmed import)
// in effects, collects their progress and outcomes in poll, draws the view.
#include <memory>

#include "kiosk/staff/module.hpp"
#include "kiosk/staff/upload/service.hpp"
#include "kiosk/staff/upload/worker.hpp"

namespace kk::staff {

// Rows of the file the preview table shows.
inline constexpr std::size_t kUploadPreviewRows = 100;

class UploadModule final : public ViewModule {
public:
    // `service` null: the view says the upload is not available.
    explicit UploadModule(UploadService* service) : service_(service) {}

    void effects(const EffectContext& context) override;
    void poll(const StaffState& state, const std::function<void(const StaffAction&)>& apply) override;
    void draw(StaffUi& ui) override;

private:
    UploadService* service_;
    std::unique_ptr<UploadWorker> worker_;  // the run in progress; replacing it stops and joins the old one
    double reported_progress_ = -1.0;
};

}  // namespace kk::staff
