#pragma once
// The kiosk without its window: state, text cache and messages, and one frame of UI. The GLFW/OpenGL
// shell (kiosk/main.cpp) and the headless tests drive the same App.
#include <filesystem>
#include <memory>

#include "i18n/messages.hpp"
#include "kiosk/app/print_worker.hpp"
#include "kiosk/app/services.hpp"
#include "kiosk/app/state.hpp"
#include "kiosk/text/text_cache.hpp"
#include "kiosk/ui/context.hpp"
#include "kiosk/ui/drag_scroll.hpp"

namespace kk::speech {
class Speaker;
}

namespace kk::kiosk {

class App {
public:
    App(text::TextureUploader& uploader, std::filesystem::path bundle_dir, State initial = {},
        Services services = {});
    ~App();

    // Draws one frame for a display of `display` pixels. Call between ImGui::NewFrame and ImGui::Render.
    // Reads touches and the physical keyboard from ImGui's IO; actions dispatched while drawing are
    // applied afterwards, then their effects run. A print that finished since the last frame is applied first.
    // The screen's window has no background of its own: the shell clears to ui::theme::kBackground.
    void frame(ImVec2 display);

    const State& state() const { return state_; }
    // Where each control was drawn in the last frame, by id ("nav.next", "key:a", "category.kitchen").
    const ui::TapTargets& targets() const { return targets_; }
    // The pixel size of Done's CV preview texture; zero when none is uploaded.
    ImVec2 preview_size() const { return preview_size_; }
    // Reduces `action`, then runs its effects (saving, loading lists, speaking); their outcomes are
    // applied the same way before this returns.
    void apply(const Action& action);

private:
    void run_effects(const State& before, const Action& action);
    void read_physical_input();
    void release_preview();

    std::filesystem::path bundle_dir_;
    State state_;
    Services services_;
    text::TextCache text_;
    i18n::Messages messages_;
    i18n::Messages german_;
    ui::Dispatch dispatch_;
    ui::TapTargets targets_;
    ui::DragScroll scroll_;        // the body of the current screen; UI scratch, not state
    float body_content_height_ = 0.0f;
    double clock_ = 0.0;           // seconds since start, for the scroll's velocity
    Screen scrolled_screen_ = Screen::Welcome;
    std::unique_ptr<speech::Speaker> speaker_;
    text::TextureUploader& uploader_;
    ImTextureID preview_ = nullptr;  // Done's CV preview, uploaded once when the CV is saved
    ImVec2 preview_size_{};
    PrintWorker print_worker_;  // last: a running print finishes before the rest of the App goes
};

}  // namespace kk::kiosk
