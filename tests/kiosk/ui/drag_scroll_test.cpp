#include "kiosk/ui/drag_scroll.hpp"

#include <catch2/catch.hpp>

using kk::ui::DragScroll;

TEST_CASE("dragging moves the content with the finger", "[kiosk][ui]") {
    DragScroll s(10);
    s.set_range(2000, 500);
    s.press(400, 0.0);
    s.move(395, 0.016);  // within the tap slop: still a tap
    CHECK_FALSE(s.dragged());
    CHECK(s.offset() == 0);
    s.move(300, 0.032);
    CHECK(s.dragged());
    CHECK(s.offset() == Approx(95));
    s.move(200, 0.048);
    CHECK(s.offset() == Approx(195));
}

TEST_CASE("a flick glides on and slows down, a rested finger does not", "[kiosk][ui]") {
    DragScroll s(10);
    s.set_range(5000, 500);
    s.press(600, 0.0);
    for (int i = 1; i <= 5; ++i) s.move(600.0f - 40.0f * static_cast<float>(i), 0.016 * i);
    s.release(0.09);
    REQUIRE(s.gliding());
    const float at_release = s.offset();
    float previous_step = 1e9f;
    float previous = at_release;
    for (int i = 0; i < 30; ++i) {
        s.tick(1.0f / 60.0f);
        const float step = s.offset() - previous;
        CHECK(step >= 0);
        CHECK(step <= previous_step + 1e-3f);
        previous_step = step;
        previous = s.offset();
    }
    CHECK(s.offset() > at_release + 50);
    for (int i = 0; i < 600; ++i) s.tick(1.0f / 60.0f);
    CHECK_FALSE(s.gliding());

    DragScroll rested(10);
    rested.set_range(5000, 500);
    rested.press(600, 0.0);
    rested.move(400, 0.016);
    rested.release(0.5);
    CHECK_FALSE(rested.gliding());
}

TEST_CASE("scrolling stops at the ends", "[kiosk][ui]") {
    DragScroll s(10);
    s.set_range(800, 500);
    s.press(100, 0.0);
    s.move(500, 0.016);  // pull down at the top
    CHECK(s.offset() == 0);
    s.move(-1000, 0.032);
    CHECK(s.offset() == Approx(300));
    s.set_range(400, 500);  // content now fits
    CHECK(s.offset() == 0);
}
