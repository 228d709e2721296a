// Long translations stay inside their controls: tiles grow to their longest label, Welcome's resume button to
// its label, and nothing is drawn over it. Real Pango layout (text::NullUploader still lays text out).
#include <catch2/catch.hpp>
#include <string>
#include <utility>

#include "i18n/messages.hpp"
#include "kiosk/app/app.hpp"
#include "kiosk/app/demo_screens.hpp"
#include "tests/kiosk/headless_imgui.hpp"

using namespace kk;

namespace {

struct Screen {
    test::HeadlessImGui imgui;
    text::NullUploader uploader;
    text::TextCache measure{uploader, 256};
    kiosk::App app;
    i18n::Messages messages;
    Screen(const std::string& screen, const std::string& lang)
        : app(uploader, KK_TEST_LOCALE_DIR, kiosk::find_demo_screen(screen)->make(lang), {}),
          messages(KK_TEST_LOCALE_DIR, lang) {
        imgui.frame([&] { app.frame(imgui.display()); });
    }
    ui::Metrics metrics() const { return ui::metrics_for_display(imgui.display()); }
    const ui::Rect& target(const std::string& id) {
        INFO(id);
        REQUIRE(app.targets().count(id) == 1);
        return app.targets().at(id);
    }
    // Whether the toggle `id` showing message `key` is tall enough for it wrapped at the toggle's text width.
    void check_toggle_fits(const std::string& id, const std::string& key) {
        const ui::Rect& box = target(id);
        const ui::Metrics m = metrics();
        const float text_w = box.size.x - 3 * m.mm(3.0f) - m.mm(5.0f);  // toggle(): padding and check mark
        const auto extent = measure.measure(messages.tr(key), {.size_px = m.body_px(), .wrap_px = text_w});
        INFO(id << " in " << messages.lang() << ": text " << extent.height << " px, tile " << box.size.y << " px");
        CHECK(static_cast<float>(extent.height) <= box.size.y - m.mm(2.0f));
    }
};

}  // namespace

TEST_CASE("education's recognition tiles are as tall as their longest translation", "[kiosk][ui]") {
    for (const std::string lang : {"ku", "so", "bg", "fa", "de"}) {
        Screen s("education", lang);
        s.check_toggle_fits("cv.recognition.applied", "cv.recognition.applied");
        s.check_toggle_fits("cv.recognition.recognised", "cv.recognition.recognised");
        s.check_toggle_fits("education.certificates", "education.certificates");
    }
}

TEST_CASE("the can-do statements fit their level tiles in every layout direction", "[kiosk][ui]") {
    for (const std::string lang : {"so", "ru", "ps", "de"}) {
        Screen s("languages", lang);
        // The demo person speaks German; its first tile says "native", the others the CEFR can-do statements.
        s.check_toggle_fits("language.de.0", "languages.level.native");
        s.check_toggle_fits("language.de.3", "languages.level.b1");
        s.check_toggle_fits("language.de.6", "languages.level.c2");
    }
}

TEST_CASE("Welcome's resume button is as wide as its label and nothing is drawn over it", "[kiosk][ui]") {
    for (const std::string lang : {"de", "ckb", "so"}) {
        Screen s("welcome", lang);
        CHECK(s.app.targets().count("nav.back") == 0);  // no disabled Back button on top of it
        const ui::Rect& resume = s.target("welcome.resume");
        const ui::Metrics m = s.metrics();
        const auto label = s.measure.measure(s.messages.tr("welcome.resume"),
                                             {.size_px = m.body_px(), .weight = text::Weight::Bold});
        INFO(lang);
        CHECK(static_cast<float>(label.width) <= resume.size.x - 2 * m.mm(2.0f));
        CHECK(resume.min.x >= 0.0f);
        CHECK(resume.max().x <= m.display.x);
        const ui::Rect& next = s.target("nav.next");
        CHECK((resume.max().x <= next.min.x || resume.min.x >= next.max().x));  // beside Next, not under it
    }
}
