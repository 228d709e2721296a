#include "kiosk/ui/paint.hpp"

#include <imgui.h>

#include <catch2/catch.hpp>

#include "tests/kiosk/headless_imgui.hpp"

using namespace kk;

namespace {

struct PaintHarness {
    test::HeadlessImGui imgui;
    text::NullUploader uploader;
    text::TextCache text{uploader, 8};
    i18n::Messages messages{KK_TEST_LOCALE_DIR, "de"};
    ui::Dispatch dispatch;

    // Runs `body` inside a full-display window with a context for it.
    void in_window(const std::function<void(ui::Context&, ImDrawList*)>& body) {
        imgui.frame([&] {
            ImGui::SetNextWindowPos(ImVec2(0, 0));
            ImGui::SetNextWindowSize(imgui.display());
            ImGui::Begin("paint", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoSavedSettings);
            ui::Context context{text, messages, ui::metrics_for_display(imgui.display()), false, dispatch};
            body(context, ImGui::GetWindowDrawList());
            ImGui::End();
        });
    }
};

constexpr ImU32 kFill = IM_COL32(255, 255, 255, 255);
constexpr ImU32 kBorder = IM_COL32(30, 80, 140, 255);

}  // namespace

TEST_CASE("a box outside the clip rectangle emits nothing", "[kiosk][ui]") {
    PaintHarness h;
    h.in_window([](ui::Context& ui, ImDrawList* draw) {
        const int before = draw->VtxBuffer.Size;
        ImGui::PushClipRect(ImVec2(0, 0), ImVec2(400, 300), true);
        ui::bordered_box(ui, {ImVec2(100, 500), ImVec2(200, 80)}, kFill, kBorder, 1.6f);  // below the clip
        CHECK(draw->VtxBuffer.Size == before);
        ui::bordered_box(ui, {ImVec2(100, 250), ImVec2(200, 80)}, kFill, kBorder, 1.6f);  // partly inside
        CHECK(draw->VtxBuffer.Size > before);
        ImGui::PopClipRect();
    });
}

TEST_CASE("a framed box has no smoothing fringe and at most half the vertices of ImGui's default", "[kiosk][ui]") {
    PaintHarness h;
    h.in_window([](ui::Context& ui, ImDrawList* draw) {
        const ui::Rect box{ImVec2(100, 100), ImVec2(240, 90)};
        const float rounding = ui.metrics.mm(2.0f);

        const int start = draw->VtxBuffer.Size;
        draw->AddRectFilled(box.min, box.max(), kFill, rounding);
        draw->AddRect(box.min, box.max(), kBorder, rounding, 0, 1.6f);
        const int plain = draw->VtxBuffer.Size - start;

        const ImDrawListFlags flags = draw->Flags;
        const int first = draw->VtxBuffer.Size;
        ui::bordered_box(ui, box, kFill, kBorder, 1.6f);
        const int ours = draw->VtxBuffer.Size - first;
        CHECK(draw->Flags == flags);  // smoothing stays on for whatever is drawn next
        REQUIRE(ours > 0);
        CHECK(ours * 2 <= plain);
        // ImGui's fringe geometry fades to transparent vertices; the fill has none, and the whole-pixel frame
        // is smoothed by the line texture instead.
        for (int i = first; i < draw->VtxBuffer.Size; ++i) {
            INFO("vertex " << i);
            CHECK((draw->VtxBuffer[i].col >> IM_COL32_A_SHIFT) == 0xFF);
        }
    });
}
