// Read-aloud per tile and on Welcome: the speaker beside a tile asks for that tile's text in the session
// language; where espeak-ng has no voice (ps, ckb, ti, so) there is no speaker at all, and the tile still works.
#include <catch2/catch.hpp>
#include <string>
#include <utility>
#include <vector>

#include "i18n/messages.hpp"
#include "kiosk/app/app.hpp"
#include "tests/kiosk/headless_imgui.hpp"

using namespace kk;

namespace {

struct RecordingVoice final : kiosk::Voice {
    std::vector<std::pair<std::string, std::string>> said;  // text, language
    void speak(std::string_view text, std::string_view ui_lang) override { said.emplace_back(text, ui_lang); }
};

kiosk::State on_skills(const std::string& lang) {
    kiosk::State state;
    state.lang = lang;
    state.language_chosen = true;
    state.screen = kiosk::Screen::Skills;
    state.session.consent_given = true;
    state.session.skills = {"cook_food"};
    state.catalog.lang = lang;
    state.catalog.skills = {{.code = "cook_food", .label = "طبخ الطعام", .label_de = "Speisen zubereiten"}};
    return state;
}

struct Screen {
    test::HeadlessImGui imgui;
    text::NullUploader uploader;
    RecordingVoice voice;
    kiosk::App app;
    explicit Screen(kiosk::State state)
        : app(uploader, KK_TEST_LOCALE_DIR, std::move(state), {.voice = &voice}) {}

    void draw() { imgui.frame([&] { app.frame(imgui.display()); }); }
    bool has(const std::string& id) {
        draw();
        return app.targets().count(id) > 0;
    }
    void tap(const std::string& id) {
        INFO("tapping " << id);
        REQUIRE(has(id));
        imgui.tap(app.targets().at(id).center(), [&] { app.frame(imgui.display()); });
    }
};

}  // namespace

TEST_CASE("the speaker beside a skill tile reads its label in the session language", "[kiosk][ui][speech]") {
    Screen s(on_skills("ar"));
    REQUIRE(s.has("skill.cook_food"));
    REQUIRE(s.has("speak.skill.cook_food"));
    const ui::Rect tile = s.app.targets().at("skill.cook_food");
    const ui::Rect speaker = s.app.targets().at("speak.skill.cook_food");
    const ui::Metrics m = ui::metrics_for_display(s.imgui.display());
    CHECK(speaker.size.x >= m.touch_target());
    CHECK(speaker.size.y >= m.touch_target());
    CHECK(speaker.max().x <= tile.min.x);  // Arabic: the speaker at the reading end, the left, not over the tile

    s.tap("speak.skill.cook_food");
    REQUIRE(s.voice.said.size() == 1);
    CHECK(s.voice.said[0].first == "طبخ الطعام");
    CHECK(s.voice.said[0].second == "ar");
    CHECK(s.app.state().session.skills == std::vector<std::string>{"cook_food"});  // speaking does not toggle

    s.tap("skill.cook_food");
    CHECK(s.app.state().session.skills.empty());
    CHECK(s.voice.said.size() == 1);  // toggling does not speak
}

TEST_CASE("a can-do statement is read in the session language", "[kiosk][ui][speech]") {
    kiosk::State state = on_skills("uk");
    state.screen = kiosk::Screen::Languages;
    state.session.languages = {{"de", kiosk::LanguageLevel::A1}};
    Screen s(std::move(state));
    s.tap("speak.language.de.0");  // the first level tile: "this is my mother tongue"
    REQUIRE(s.voice.said.size() == 1);
    CHECK(s.voice.said[0].first == i18n::Messages(KK_TEST_LOCALE_DIR, "uk").tr("languages.level.native"));
    CHECK(s.voice.said[0].second == "uk");
    CHECK(s.app.state().session.languages[0].level == kiosk::LanguageLevel::A1);
}

TEST_CASE("languages without an espeak-ng voice show no speaker, and their tiles still work", "[kiosk][ui][speech]") {
    for (const std::string lang : {"ps", "ckb", "ti", "so"}) {
        INFO(lang);
        Screen s(on_skills(lang));
        REQUIRE(s.has("skill.cook_food"));
        for (const auto& [id, rect] : s.app.targets()) {
            INFO(id);
            CHECK(id.rfind("speak.", 0) != 0);
            CHECK(id != "header.read_aloud");
        }
        s.tap("skill.cook_food");
        CHECK(s.app.state().session.skills.empty());
        CHECK(s.voice.said.empty());
    }
}

TEST_CASE("Welcome reads its prompt aloud in the selected language, and hides the button without a voice",
          "[kiosk][ui][speech]") {
    Screen s{kiosk::State{}};
    s.tap("welcome.read_aloud");  // nothing chosen yet: German
    REQUIRE(s.voice.said.size() == 1);
    const i18n::Messages german(KK_TEST_LOCALE_DIR, "de");
    CHECK(s.voice.said[0].first == german.tr("welcome.title") + ". " + german.tr("welcome.hint"));
    CHECK(s.voice.said[0].second == "de");

    s.tap("lang.fa");
    s.tap("welcome.read_aloud");
    REQUIRE(s.voice.said.size() == 2);
    const i18n::Messages farsi(KK_TEST_LOCALE_DIR, "fa");
    CHECK(s.voice.said[1].first == farsi.tr("welcome.title") + ". " + farsi.tr("welcome.hint"));
    CHECK(s.voice.said[1].second == "fa");

    s.tap("lang.ti");
    CHECK_FALSE(s.has("welcome.read_aloud"));
}

TEST_CASE("the speaker beside a job category reads the category's name", "[kiosk][ui][speech]") {
    kiosk::State state = on_skills("tr");
    state.screen = kiosk::Screen::Experience;
    state.catalog.categories = {{.code = "kitchen", .label = "Mutfak", .icon = ""}};
    Screen s(std::move(state));
    s.tap("speak.category.kitchen");
    REQUIRE(s.voice.said.size() == 1);
    CHECK(s.voice.said[0] == std::pair<std::string, std::string>{"Mutfak", "tr"});
    CHECK(s.app.state().session.browsing_category.empty());  // speaking does not open the category
    s.tap("category.kitchen");
    CHECK(s.app.state().session.browsing_category == "kitchen");
}

TEST_CASE("on Review each part is read in the session language, personal data by its heading only",
          "[kiosk][ui][speech]") {
    kiosk::State state = on_skills("ar");
    state.screen = kiosk::Screen::Review;
    state.session.personal.name_latin = "Amina Haddad";
    state.session.personal.phone = "+49 170 1234567";
    Screen s(std::move(state));
    const i18n::Messages arabic(KK_TEST_LOCALE_DIR, "ar");

    s.tap("speak.review.skills");
    REQUIRE(s.voice.said.size() == 1);
    CHECK(s.voice.said[0].first == arabic.tr("cv.section.skills") + ". طبخ الطعام");  // no German beside it
    CHECK(s.voice.said[0].second == "ar");
    CHECK(s.app.state().screen == kiosk::Screen::Review);  // speaking does not open the part

    s.tap("speak.review.personal");
    REQUIRE(s.voice.said.size() == 2);
    CHECK(s.voice.said[1].first == arabic.tr("cv.section.personal"));
    CHECK(s.voice.said[1].first.find("1234567") == std::string::npos);

    s.tap("review.skills");
    CHECK(s.app.state().screen == kiosk::Screen::Skills);
}
