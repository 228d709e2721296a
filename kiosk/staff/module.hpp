#pragma once
// One view of staff mode with what it owns beyond the pure state: its service, textures, background work.
// StaffApp calls effects() after every action (each view picks the ones it cares about), poll() once per
// frame (to collect the results of background work), and draw() while its view is shown.
#include <functional>

#include "kiosk/staff/services.hpp"
#include "kiosk/staff/state.hpp"
#include "kiosk/staff/ui.hpp"

namespace kk::staff {

struct EffectContext {
    const StaffState& before;
    const StaffState& after;
    const StaffAction& action;
    // Reduces an action and runs its effects at once (the outcome of a service call).
    const std::function<void(const StaffAction&)>& apply;
};

class ViewModule {
public:
    virtual ~ViewModule() = default;
    virtual void effects(const EffectContext& context) = 0;
    virtual void poll(const StaffState& /*state*/, const std::function<void(const StaffAction&)>& /*apply*/) {}
    virtual void draw(StaffUi& ui) = 0;
};

}  // namespace kk::staff
