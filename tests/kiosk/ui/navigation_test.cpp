#include "kiosk/ui/navigation.hpp"

#include <imgui.h>

#include <catch2/catch.hpp>

#include "i18n/languages.hpp"
#include "tests/kiosk/headless_imgui.hpp"

using namespace kk;

namespace {

// The navigation bar alone in a full-display window, as a screen would draw it.
struct NavHarness {
    test::HeadlessImGui imgui;
    text::NullUploader uploader;
    text::TextCache text{uploader, 64};
    i18n::Messages messages;
    ui::Dispatch dispatch;
    ui::NavBarSpec spec{.step = 2, .total = 5};
    std::vector<ui::NavTap> taps;

    explicit NavHarness(const std::string& lang) : messages(KK_TEST_LOCALE_DIR, lang) {}

    ui::Metrics metrics() const { return ui::metrics_for_display(imgui.display()); }
    bool rtl() const { return i18n::is_rtl(messages.lang()); }

    void draw() {
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(imgui.display());
        ImGui::Begin("nav", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoSavedSettings);
        ui::Context context{text, messages, metrics(), rtl(), dispatch};
        if (const auto tap = ui::nav_bar(context, spec); tap != ui::NavTap::None) taps.push_back(tap);
        ImGui::End();
    }
    void tap(ImVec2 at) {
        imgui.tap(at, [this] { draw(); });
    }
};

}  // namespace

TEST_CASE("in Arabic the navigation bar mirrors: back on the right, step 1 rightmost", "[kiosk][ui]") {
    NavHarness nav("ar");
    REQUIRE(nav.rtl());
    const auto layout = ui::nav_bar_layout(nav.metrics(), true, 5);
    CHECK(layout.back.min.x > layout.next.max().x);
    REQUIRE(layout.steps.size() == 5);
    for (size_t i = 1; i < layout.steps.size(); ++i) CHECK(layout.steps[i].min.x < layout.steps[i - 1].min.x);

    nav.tap(layout.back.center());
    nav.tap(layout.next.center());
    CHECK(nav.taps == std::vector<ui::NavTap>{ui::NavTap::Back, ui::NavTap::Next});
}

TEST_CASE("in German the navigation bar reads left to right", "[kiosk][ui]") {
    NavHarness nav("de");
    const auto layout = ui::nav_bar_layout(nav.metrics(), false, 5);
    CHECK(layout.back.max().x < layout.next.min.x);
    for (size_t i = 1; i < layout.steps.size(); ++i) CHECK(layout.steps[i].min.x > layout.steps[i - 1].min.x);
    nav.tap(layout.next.center());
    CHECK(nav.taps == std::vector<ui::NavTap>{ui::NavTap::Next});
}

TEST_CASE("navigation buttons are finger-sized, on screen, and disabled ones do not react", "[kiosk][ui]") {
    for (ImVec2 display : {ImVec2(1280, 800), ImVec2(1920, 1080), ImVec2(1024, 768)}) {
        const auto m = ui::metrics_for_display(display);
        for (bool rtl : {false, true}) {
            const auto layout = ui::nav_bar_layout(m, rtl, 7);
            for (const ui::Rect& r : {layout.back, layout.next}) {
                CHECK(r.size.y >= m.touch_target());
                CHECK(r.min.x >= 0);
                CHECK(r.max().x <= display.x);
                CHECK(r.max().y <= display.y);
            }
            const ui::Rect& left = rtl ? layout.next : layout.back;
            const ui::Rect& right = rtl ? layout.back : layout.next;
            for (const ui::Rect& dot : layout.steps) {  // progress sits between the buttons
                CHECK(dot.min.x >= left.max().x);
                CHECK(dot.max().x <= right.min.x);
            }
        }
    }
    NavHarness nav("ar");
    nav.spec.can_back = false;
    nav.tap(ui::nav_bar_layout(nav.metrics(), true, 5).back.center());
    CHECK(nav.taps.empty());
}
