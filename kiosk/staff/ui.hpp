#pragma once
// What a staff screen needs to draw: the kiosk's text facade and widgets (through ui::Context), the staff
// messages (German desk UI), the area it owns, the state, and where to send actions.
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "i18n/messages.hpp"
#include "kiosk/staff/state.hpp"
#include "kiosk/ui/context.hpp"

namespace kk::staff {

// Collects the actions a frame dispatches; StaffApp applies them after drawing.
class StaffDispatch {
public:
    void operator()(StaffAction action) { pending_.push_back(std::move(action)); }
    std::vector<StaffAction> take() { return std::exchange(pending_, {}); }

private:
    std::vector<StaffAction> pending_;
};

struct StaffUi {
    ui::Context& ui;                  // text cache, desk metrics, tap targets; kiosk widgets take this
    const i18n::Messages& messages;   // the staff bundle (bin/locales/staff)
    StaffDispatch& dispatch;
    const StaffState& state;
    ui::Rect body;                    // the view's area below the header

    std::string tr(std::string_view key, const i18n::MessageArgs& args = {}) const {
        return messages.tr(key, args);
    }
};

// Sizes on a desk monitor: millimetres at about 96 dpi (a mouse, not a finger), scaled up on large displays.
ui::Metrics desk_metrics(ImVec2 display);

}  // namespace kk::staff
