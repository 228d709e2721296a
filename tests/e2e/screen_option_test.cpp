// End to end: kiosk --screen renders a registered demo screen in the asked language; the Arabic welcome
// screen is mirrored (its title starts at the right edge).
#include <cairo.h>

#include <catch2/catch.hpp>

#include "kiosk/screens/welcome.hpp"
#include "tests/support/process.hpp"
#include "tests/support/temp_dir.hpp"
#include "tests/support/xvfb.hpp"

using namespace kk;

namespace {

// Dark pixels of the PNG inside [x0, x1) x [y0, y1).
int ink(const std::string& png, float x0, float y0, float x1, float y1) {
    cairo_surface_t* surface = cairo_image_surface_create_from_png(png.c_str());
    int n = 0;
    if (cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS) {
        const int stride = cairo_image_surface_get_stride(surface);
        const unsigned char* data = cairo_image_surface_get_data(surface);
        for (int y = static_cast<int>(y0); y < static_cast<int>(y1); ++y) {
            for (int x = static_cast<int>(x0); x < static_cast<int>(x1); ++x) {
                const std::uint32_t p = reinterpret_cast<const std::uint32_t*>(data + y * stride)[x];
                n += ((p >> 16 & 0xFF) + (p >> 8 & 0xFF) + (p & 0xFF)) < 3 * 110;
            }
        }
    }
    cairo_surface_destroy(surface);
    return n;
}

}  // namespace

TEST_CASE("kiosk --list-screens names the demo screens", "[e2e]") {
    const auto r = test::run_process({KK_KIOSK_BIN, "--list-screens"});
    CHECK(r.exit_code == 0);
    CHECK_THAT(r.out, Catch::Contains("welcome\n"));
    CHECK(test::run_process({KK_KIOSK_BIN, "--screen", "no-such-screen"}).exit_code == 2);
}

TEST_CASE("kiosk --screen welcome --lang ar renders the mirrored welcome screen", "[e2e]") {
    test::Xvfb xvfb(1280, 800);
    REQUIRE(xvfb.running());
    test::TempDir dir;
    const ui::Metrics m = ui::metrics_for_display(ImVec2(1280, 800));
    for (const char* lang : {"ar", "de"}) {
        const auto png = (dir / (std::string(lang) + ".png")).string();
        const auto r = test::run_process({KK_KIOSK_BIN, "--windowed", "1280x800", "--db", (dir / "kiosk.db").string(),
                                          "--lang", lang, "--screen", "welcome", "--screenshot", png},
                                         xvfb.env());
        INFO(r.err);
        REQUIRE(r.exit_code == 0);
        const bool rtl = std::string(lang) == "ar";
        const ui::Rect title = screens::welcome_layout(m, rtl).title;
        const float quarter = title.size.x / 4;
        const int left = ink(png, title.min.x, title.min.y, title.min.x + quarter, title.max().y);
        const int right = ink(png, title.max().x - quarter, title.min.y, title.max().x, title.max().y);
        INFO(lang << " title ink left " << left << " right " << right);
        if (rtl) {
            CHECK(right > 50);
            CHECK(left == 0);
        } else {
            CHECK(left > 50);
            CHECK(right == 0);
        }
    }
}
