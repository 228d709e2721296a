// End to end: the real kiosk binary in a real OpenGL window under a private Xvfb, checked by its PNG.
#include <cairo.h>

#include <catch2/catch.hpp>
#include <set>

#include "i18n/languages.hpp"
#include "kiosk/screens/welcome.hpp"
#include "tests/support/process.hpp"
#include "tests/support/temp_dir.hpp"
#include "tests/support/xvfb.hpp"

using namespace kk;

namespace {

struct Png {
    cairo_surface_t* surface;
    explicit Png(const std::string& path) : surface(cairo_image_surface_create_from_png(path.c_str())) {}
    ~Png() { cairo_surface_destroy(surface); }
    Png(const Png&) = delete;
    Png& operator=(const Png&) = delete;
    bool ok() const { return cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS; }
    int width() const { return cairo_image_surface_get_width(surface); }
    int height() const { return cairo_image_surface_get_height(surface); }
    std::uint32_t at(int x, int y) const {
        const auto* row = cairo_image_surface_get_data(surface) + y * cairo_image_surface_get_stride(surface);
        return reinterpret_cast<const std::uint32_t*>(row)[x] & 0xFFFFFFu;
    }
    bool dark(int x, int y) const {
        const std::uint32_t p = at(x, y);
        return ((p >> 16 & 0xFF) + (p >> 8 & 0xFF) + (p & 0xFF)) < 3 * 110;
    }
    int ink(float x0, float y0, float x1, float y1) const {
        int n = 0;
        for (int y = static_cast<int>(y0); y < static_cast<int>(y1); ++y) {
            for (int x = static_cast<int>(x0); x < static_cast<int>(x1); ++x) n += dark(x, y);
        }
        return n;
    }
};

size_t index_of(std::string_view code) {
    const auto langs = i18n::ui_languages();
    return static_cast<size_t>(std::find(langs.begin(), langs.end(), code) - langs.begin());
}

}  // namespace

TEST_CASE("kiosk --screenshot shows the language picker in a real window", "[e2e]") {
    test::Xvfb xvfb(1280, 800);
    REQUIRE(xvfb.running());
    test::TempDir dir;
    const auto png = dir / "welcome.png";
    const auto r = test::run_process({KK_KIOSK_BIN, "--screenshot", png.string(), "--windowed", "1280x800", "--db",
                                      (dir / "kiosk.db").string()},
                                     xvfb.env());
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(std::filesystem::exists(dir / "kiosk.db"));

    Png image(png.string());
    REQUIRE(image.ok());
    CHECK(image.width() == 1280);
    CHECK(image.height() == 800);

    std::set<std::uint32_t> colours;
    for (int y = 0; y < image.height(); y += 7) {
        for (int x = 0; x < image.width(); x += 7) colours.insert(image.at(x, y));
    }
    CHECK(colours.size() > 8);  // background, tiles, borders and antialiased text

    const auto layout = screens::welcome_layout(ui::metrics_for_display(ImVec2(1280, 800)), false);
    const auto m = ui::metrics_for_display(ImVec2(1280, 800));
    // Ink in the left quarter, the right half, and the right quarter of a tile (inside its border).
    struct Ink {
        int left_quarter, right_half, left_half, right_quarter;
    };
    auto ink = [&](std::string_view code) {
        const ui::Rect t = layout.tiles[index_of(code)];
        const float inset = m.mm(1.5f);
        const float x0 = t.min.x + inset, x1 = t.max().x - inset, y0 = t.min.y + inset, y1 = t.max().y - inset;
        const float q = (x1 - x0) / 4;
        return Ink{image.ink(x0, y0, x0 + q, y1), image.ink(x0 + 2 * q, y0, x1, y1), image.ink(x0, y0, x0 + 2 * q, y1),
                   image.ink(x1 - q, y0, x1, y1)};
    };
    const Ink ar = ink("ar");
    CHECK(ar.right_half > 20);  // the Arabic label is drawn and starts at the right edge
    CHECK(ar.left_quarter == 0);
    const Ink de = ink("de");
    CHECK(de.left_half > 20);   // German starts at the left edge
    CHECK(de.right_quarter == 0);
    const Ink ti = ink("ti");   // Ge'ez is left to right
    CHECK(ti.left_half > 20);
    CHECK(ti.right_quarter == 0);
}

TEST_CASE("kiosk refuses bad arguments with usage and exit 2", "[e2e]") {
    const auto r = test::run_process({KK_KIOSK_BIN, "--windowed", "huge"});
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.err, Catch::Contains("usage"));
}
