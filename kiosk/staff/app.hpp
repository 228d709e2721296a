#pragma once
// Staff mode without its window: state, views, messages, and one frame of UI. kiosk/main.cpp (`kiosk
// --staff`) and the headless tests drive the same StaffApp.
#include <array>
#include <filesystem>
#include <functional>
#include <memory>
#include <vector>

#include "i18n/messages.hpp"
#include "kiosk/staff/module.hpp"
#include "kiosk/staff/services.hpp"
#include "kiosk/staff/state.hpp"
#include "kiosk/staff/ui.hpp"
#include "kiosk/text/text_cache.hpp"

namespace kk::staff {

// The views' modules, by View (index = static_cast<int>(View)); a null entry draws nothing.
using Modules = std::array<std::unique_ptr<ViewModule>, 4>;

class StaffApp {
public:
    // `bundle_dir` holds the kiosk's compiled bundles; staff messages are in its "staff" subdirectory.
    StaffApp(text::TextureUploader& uploader, const std::filesystem::path& bundle_dir, StaffServices services,
             Modules modules, StaffState initial = {});

    // Draws one frame for a display of `display` pixels (between ImGui::NewFrame and ImGui::Render).
    // Reads clicks and the physical keyboard from ImGui's IO; dispatched actions apply after drawing.
    void frame(ImVec2 display);

    // Reduces `action`, then runs its effects; their outcomes are applied the same way before this returns.
    void apply(const StaffAction& action);

    // Files dropped onto the window (GLFW's drop callback); applied at the next frame.
    void drop(std::vector<std::filesystem::path> paths);

    const StaffState& state() const { return state_; }
    const ui::TapTargets& targets() const { return targets_; }
    const i18n::Messages& messages() const { return messages_; }

private:
    void run_effects(const StaffState& before, const StaffAction& action);
    void read_physical_input();

    StaffState state_;
    StaffServices services_;
    Modules modules_;
    text::TextCache text_;
    i18n::Messages messages_;
    ui::Dispatch kiosk_dispatch_;  // the kiosk widgets' dispatch; staff screens never use it
    StaffDispatch dispatch_;
    ui::TapTargets targets_;
    std::function<void(const StaffAction&)> apply_fn_;
};

// Every string of the staff screens is here: <bundle_dir>/staff (German and English).
std::filesystem::path staff_bundle_dir(const std::filesystem::path& bundle_dir);

}  // namespace kk::staff
