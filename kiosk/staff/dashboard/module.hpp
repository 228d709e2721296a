#pragma once
// The dashboard view's module: loads the counts in its effects, computes the reachable matches on a worker
// thread (collected by poll), writes the CSV export, and draws the charts (view.cpp).
#include <cstdint>
#include <future>
#include <string>
#include <vector>

#include "kiosk/staff/dashboard/service.hpp"
#include "kiosk/staff/module.hpp"

namespace kk::staff {

class DashboardModule final : public ViewModule {
public:
    explicit DashboardModule(DashboardService* service) : service_(service) {}
    ~DashboardModule() override;  // waits for running workers (they hold the service)
    DashboardModule(const DashboardModule&) = delete;
    DashboardModule& operator=(const DashboardModule&) = delete;

    void effects(const EffectContext& context) override;
    void poll(const StaffState& state, const std::function<void(const StaffAction&)>& apply) override;
    void draw(StaffUi& ui) override;

    // Whether reachable matches are still being computed on a worker (tests wait for it).
    bool busy() const { return !workers_.empty(); }

private:
    struct Worker {
        std::uint64_t request = 0;
        std::string area;
        std::future<db::Result<std::vector<db::OccupationReach>>> result;
    };
    void load(const DashboardState& state, const std::function<void(const StaffAction&)>& apply);

    DashboardService* service_;
    std::vector<Worker> workers_;  // a new area does not wait for the old one's; its answer is dropped
};

// The dashboard's body: area chooser, headline numbers, three bar charts, export. Tap targets:
// "dashboard.area.district", "dashboard.area.<digits>", "dashboard.digits.<n>", "dashboard.export",
// and per bar "dashboard.skill.<key>", "dashboard.gap.<key>", "dashboard.occupation.<key>".
void draw_dashboard(StaffUi& ui);

}  // namespace kk::staff
