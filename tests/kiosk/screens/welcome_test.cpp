#include "kiosk/screens/welcome.hpp"

#include <catch2/catch.hpp>
#include <string>

#include "i18n/languages.hpp"
#include "kiosk/app/app.hpp"
#include "tests/kiosk/headless_imgui.hpp"

using namespace kk;

namespace {
size_t index_of(std::string_view code) {
    const auto langs = i18n::ui_languages();
    for (size_t i = 0; i < langs.size(); ++i) {
        if (langs[i] == code) return i;
    }
    FAIL("no such language");
    return 0;
}
}  // namespace

TEST_CASE("tapping a language tile sets the session language", "[kiosk][ui]") {
    test::HeadlessImGui imgui;
    text::NullUploader uploader;
    kiosk::App app(uploader, KK_TEST_LOCALE_DIR);
    auto draw = [&] { app.frame(imgui.display()); };
    imgui.frame(draw);
    CHECK(app.state().lang == "de");
    CHECK_FALSE(app.state().language_chosen);

    const auto layout = screens::welcome_layout(ui::metrics_for_display(imgui.display()), false);
    imgui.tap(layout.tiles[index_of("ar")].center(), draw);
    CHECK(app.state().lang == "ar");
    CHECK(app.state().language_chosen);

    // Arabic mirrors the grid: the Tigrinya tile is now where the RTL layout puts it.
    const auto rtl = screens::welcome_layout(ui::metrics_for_display(imgui.display()), true);
    imgui.tap(rtl.tiles[index_of("ti")].center(), draw);
    CHECK(app.state().lang == "ti");
}

TEST_CASE("the welcome tiles are large enough for a finger and fit the display", "[kiosk][ui]") {
    for (ImVec2 display : {ImVec2(1280, 800), ImVec2(1920, 1080), ImVec2(1024, 768)}) {
        const auto m = ui::metrics_for_display(display);
        const auto layout = screens::welcome_layout(m, false);
        REQUIRE(layout.tiles.size() == i18n::ui_languages().size());
        for (const auto& tile : layout.tiles) {
            CHECK(tile.size.y >= m.touch_target() - 0.5f);
            CHECK(tile.size.x >= m.touch_target());
            CHECK(tile.max().y <= display.y);
            CHECK(tile.max().x <= display.x);
        }
    }
}
