#include "kiosk/qr/qr.hpp"

#include <cairo.h>

#include <catch2/catch.hpp>
#include <string>

#include "tests/support/process.hpp"
#include "tests/support/temp_dir.hpp"

namespace {

// The matrix as a black-on-white PNG with the quiet zone, `scale` pixels per module.
void write_png(const kk::qr::Matrix& m, const std::filesystem::path& out, int scale) {
    const int side = (m.size + 2 * kk::qr::kQuietZoneModules) * scale;
    cairo_surface_t* surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, side, side);
    cairo_t* cr = cairo_create(surface);
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_paint(cr);
    cairo_set_source_rgb(cr, 0, 0, 0);
    for (int y = 0; y < m.size; ++y) {
        for (int x = 0; x < m.size; ++x) {
            if (!m.dark(x, y)) continue;
            cairo_rectangle(cr, (x + kk::qr::kQuietZoneModules) * scale, (y + kk::qr::kQuietZoneModules) * scale, scale,
                            scale);
        }
    }
    cairo_fill(cr);
    cairo_destroy(cr);
    REQUIRE(cairo_surface_write_to_png(surface, out.c_str()) == CAIRO_STATUS_SUCCESS);
    cairo_surface_destroy(surface);
}

// A finder pattern: a dark 7x7 ring, a light ring inside, a dark 3x3 centre.
bool finder_at(const kk::qr::Matrix& m, int x0, int y0) {
    for (int y = 0; y < 7; ++y) {
        for (int x = 0; x < 7; ++x) {
            const bool ring = x == 0 || y == 0 || x == 6 || y == 6;
            const bool centre = x >= 2 && x <= 4 && y >= 2 && y <= 4;
            if (m.dark(x0 + x, y0 + y) != (ring || centre)) return false;
        }
    }
    return true;
}

}  // namespace

TEST_CASE("a resume code becomes a version 1 QR code with three finder patterns", "[kiosk][qr]") {
    const auto m = kk::qr::encode("K7QX-4M2P");
    REQUIRE(m);
    CHECK(m->size == 21);
    CHECK(m->modules.size() == 21u * 21u);
    CHECK(finder_at(*m, 0, 0));
    CHECK(finder_at(*m, 14, 0));
    CHECK(finder_at(*m, 0, 14));
    CHECK_FALSE(finder_at(*m, 14, 14));
}

TEST_CASE("the QR code of a resume code decodes to that code with zbarimg", "[kiosk][qr]") {
    kk::test::TempDir dir;
    for (const std::string code : {"K7QX-4M2P", "AB12-CD34", "ZZZZ-0000"}) {
        INFO(code);
        const auto m = kk::qr::encode(code);
        REQUIRE(m);
        const auto png = dir / "code.png";
        write_png(*m, png, 6);
        const auto result = kk::test::run_process({"/usr/bin/zbarimg", "--raw", "-q", png.string()});
        CHECK(result.exit_code == 0);
        CHECK(result.out == code + "\n");
    }
}

TEST_CASE("empty or oversized text has no QR code", "[kiosk][qr]") {
    CHECK_FALSE(kk::qr::encode(""));
    CHECK_FALSE(kk::qr::encode(std::string(8000, 'x')));
    const auto longer = kk::qr::encode(std::string(100, 'x'));
    REQUIRE(longer);
    CHECK(longer->size > 21);
    CHECK((longer->size - 17) % 4 == 0);
}
