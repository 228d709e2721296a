#include "kiosk/ui/metrics.hpp"

#include <catch2/catch.hpp>

using namespace kk::ui;

TEST_CASE("12 mm is about 64 px on the reference tablet and scales with the display", "[kiosk][ui]") {
    CHECK(metrics_for_display(ImVec2(1280, 800)).touch_target() == Approx(64.0f));
    CHECK(metrics_for_display(ImVec2(1920, 1200)).touch_target() == Approx(96.0f));
}

TEST_CASE("tile grids read right to left in RTL", "[kiosk][ui]") {
    const Rect area{ImVec2(0, 0), ImVec2(1000, 1000)};
    const auto ltr = tile_grid(5, area, 300, 100, 10, false);
    const auto rtl = tile_grid(5, area, 300, 100, 10, true);
    REQUIRE(ltr.size() == 5);
    CHECK(ltr[0].min.x == Approx(0));
    CHECK(rtl[0].max().x == Approx(1000));
    CHECK(ltr[3].min.y == Approx(110));  // three columns fit, the fourth tile starts row two
    CHECK(rtl[3].max().x == Approx(1000));
    for (const auto& t : ltr) CHECK(t.max().x <= 1000.5f);
}
