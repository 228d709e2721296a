#pragma once
// Dear ImGui without a window or renderer: display size set, font atlas built, frames run through
// NewFrame/Render. Touches are the mouse in ImGui 1.86: MousePos + MouseDown[0] over successive frames.
#include <imgui.h>

#include <functional>

namespace kk::test {

class HeadlessImGui {
public:
    explicit HeadlessImGui(ImVec2 display = ImVec2(1280, 800));
    ~HeadlessImGui();
    HeadlessImGui(const HeadlessImGui&) = delete;
    HeadlessImGui& operator=(const HeadlessImGui&) = delete;

    ImVec2 display() const { return display_; }
    void frame(const std::function<void()>& draw);
    // Finger down at `at`, then up: three frames, the tap registers on release.
    void tap(ImVec2 at, const std::function<void()>& draw);

private:
    ImVec2 display_;
};

}  // namespace kk::test
