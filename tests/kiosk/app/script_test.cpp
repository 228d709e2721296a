#include "kiosk/app/script.hpp"

#include <catch2/catch.hpp>

using namespace kk::kiosk;

TEST_CASE("scripts parse tap, type and wait, and name the line of anything else", "[kiosk]") {
    const auto ok = parse_script("# comment\n\ntap nav.next\ntype أمينة حداد\r\nwait 3\n");
    REQUIRE(ok.error.empty());
    REQUIRE(ok.steps.size() == 3);
    CHECK(ok.steps[0].kind == ScriptStep::Kind::Tap);
    CHECK(ok.steps[1].arg == "أمينة حداد");
    CHECK(ok.steps[2].line == 5);
    CHECK(parse_script("tap\n").error == "line 1: expected tap ID, type TEXT or wait N");
    CHECK(parse_script("tap a\nwait x\n").error == "line 2: wait needs a frame count");
}

TEST_CASE("a scripted tap hovers, presses and releases over its control's centre", "[kiosk]") {
    ScriptPlayer player(parse_script("tap nav.next\n").steps);
    kk::ui::TapTargets targets{{"nav.next", kk::ui::Rect{ImVec2(100, 700), ImVec2(200, 80)}}};
    std::vector<bool> presses;
    while (auto input = player.next(targets)) {
        CHECK(input->pointer.x == 200.0f);
        CHECK(input->pointer.y == 740.0f);
        presses.push_back(input->pressed);
    }
    CHECK(presses == std::vector<bool>{false, false, true, false, false});
    CHECK(player.finished());
}

TEST_CASE("a scripted tap waits for its control, then fails naming it", "[kiosk]") {
    ScriptPlayer player(parse_script("\ntap consent.accept\n").steps);
    int frames = 0;
    while (player.next({})) ++frames;
    CHECK(frames == ScriptPlayer::kPatienceFrames);
    CHECK(player.error() == "line 2: no control consent.accept");
    CHECK_FALSE(player.finished());
}
