#include "kiosk/app/options.hpp"

#include "kiosk/app/demo_screens.hpp"

#include <catch2/catch.hpp>

using kk::kiosk::parse_options;

TEST_CASE("kiosk options", "[kiosk]") {
    auto p = parse_options({"--windowed", "1280x800", "--screenshot", "out.png", "--lang", "ar"});
    REQUIRE(p.options);
    CHECK_FALSE(p.options->fullscreen);
    CHECK(p.options->width == 1280);
    CHECK(p.options->height == 800);
    CHECK(p.options->screenshot->string() == "out.png");
    CHECK(p.options->lang == "ar");

    CHECK(parse_options({}).options->fullscreen);
    CHECK_FALSE(parse_options({"--windowed", "big"}).options);
    CHECK_FALSE(parse_options({"--windowed", "1280x"}).options);
    CHECK_FALSE(parse_options({"--lang", "xx"}).options);
    CHECK_FALSE(parse_options({"--bogus"}).options);
    CHECK_FALSE(parse_options({"--screenshot"}).options);
}

TEST_CASE("kiosk --screen takes a registered demo screen", "[kiosk]") {
    auto p = parse_options({"--screen", "welcome", "--lang", "ar"});
    REQUIRE(p.options);
    CHECK(p.options->screen == "welcome");
    CHECK_FALSE(parse_options({"--screen", "nonexistent"}).options);
    CHECK_FALSE(parse_options({"--screen"}).options);
    CHECK(parse_options({"--list-screens"}).options->list_screens);
    REQUIRE(kk::kiosk::find_demo_screen("welcome"));
    const auto state = kk::kiosk::find_demo_screen("welcome")->make("ar");
    CHECK(state.screen == kk::kiosk::Screen::Welcome);
    CHECK(state.lang == "ar");
}

TEST_CASE("the bench-frames option takes a positive frame count", "[kiosk][options]") {
    const auto p = parse_options({"--bench-frames", "300", "--screen", "skills"});
    REQUIRE(p.options);
    CHECK(p.options->bench_frames == 300);
    CHECK(parse_options({}).options->bench_frames == 0);
    CHECK_FALSE(parse_options({"--bench-frames", "0"}).options);
    CHECK_FALSE(parse_options({"--bench-frames", "many"}).options);
    CHECK_FALSE(parse_options({"--bench-frames"}).options);
}

TEST_CASE("kiosk --staff opens a desk window and takes an export directory", "[kiosk][options]") {
    const auto staff = parse_options({"--staff"});
    REQUIRE(staff.options);
    CHECK(staff.options->staff);
    CHECK_FALSE(staff.options->fullscreen);
    CHECK(staff.options->width == 1440);
    CHECK(staff.options->height == 900);
    CHECK_FALSE(staff.options->export_dir);

    const auto sized = parse_options({"--windowed", "1920x1080", "--staff", "--export-dir", "/srv/exporte"});
    REQUIRE(sized.options);
    CHECK(sized.options->width == 1920);
    CHECK(sized.options->export_dir == std::filesystem::path("/srv/exporte"));

    CHECK_FALSE(parse_options({"--export-dir", "/srv/exporte"}).options);  // only for staff mode
    CHECK_FALSE(parse_options({"--staff", "--screen", "welcome"}).options);
    CHECK_FALSE(parse_options({"--staff", "--export-dir"}).options);
}
