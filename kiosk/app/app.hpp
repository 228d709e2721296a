#pragma once
// The kiosk without its window: state, text cache and messages, and one frame of UI. The GLFW/OpenGL
// shell (kiosk/main.cpp) and the headless tests drive the same App.
#include <filesystem>

#include "i18n/messages.hpp"
#include "kiosk/app/state.hpp"
#include "kiosk/text/text_cache.hpp"
#include "kiosk/ui/context.hpp"

namespace kk::kiosk {

class App {
public:
    App(text::TextureUploader& uploader, std::filesystem::path bundle_dir, State initial = {});

    // Draws one frame for a display of `display` pixels. Call between ImGui::NewFrame and ImGui::Render.
    // Actions dispatched while drawing are applied afterwards.
    void frame(ImVec2 display);

    const State& state() const { return state_; }
    void apply(const Action& action);

private:
    std::filesystem::path bundle_dir_;
    State state_;
    text::TextCache text_;
    i18n::Messages messages_;
    ui::Dispatch dispatch_;
};

}  // namespace kk::kiosk
