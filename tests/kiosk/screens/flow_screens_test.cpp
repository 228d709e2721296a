// Tapping through the newcomer's flow headless: real ImGui frames, real Pango text, real SQLite store with
// the shipped catalog, taps found by the controls' recorded targets. German and Arabic, names typed on the
// on-screen keyboard in Arabic and Tigrinya.
#include <catch2/catch.hpp>
#include <algorithm>
#include <cmath>
#include <cctype>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

#include "db/candidates.hpp"
#include "db/catalog.hpp"
#include "db/data_protection.hpp"
#include "db/demo_data.hpp"
#include "db/postcodes.hpp"
#include "db/sqlite.hpp"
#include "db/store.hpp"
#include "kiosk/app/app.hpp"
#include "kiosk/app/cv_printer.hpp"
#include "kiosk/app/draft_store_sqlite.hpp"
#include "kiosk/keyboard/editor.hpp"
#include "kiosk/screens/step_frame.hpp"
#include "tests/kiosk/headless_imgui.hpp"
#include "tests/support/temp_dir.hpp"

using namespace kk;

namespace {

db::Store open_store(const std::filesystem::path& path) {
    auto store = db::Store::open(path);
    REQUIRE(store);
    REQUIRE(db::ensure_shipped_catalog(*store, KK_TEST_LOCALE_DIR));
    return std::move(*store);
}

struct Kiosk {
    test::HeadlessImGui imgui;
    test::TempDir dir;
    db::Store store = open_store(dir / "kiosk.db");
    kiosk::SqliteCatalogSource catalog{store};
    kiosk::SqliteDraftStore drafts{store};
    text::NullUploader uploader;
    kiosk::App app{uploader, KK_TEST_LOCALE_DIR, {}, {.drafts = &drafts, .catalog = &catalog}};

    void draw() { imgui.frame([&] { app.frame(imgui.display()); }); }

    bool has(const std::string& id) {
        draw();
        return app.targets().count(id) > 0;
    }

    ui::Rect body() const {
        return screens::step_layout(ui::metrics_for_display(imgui.display()), i18n_rtl()).body;
    }
    bool i18n_rtl() const { return app.state().lang == "ar"; }

    // A finger drag from `from` to `to` over several frames, as on a touch screen.
    void drag(ImVec2 from, ImVec2 to) {
        ImGuiIO& io = ImGui::GetIO();
        io.MousePos = from;
        io.MouseDown[0] = false;
        draw();
        io.MouseDown[0] = true;
        draw();
        constexpr int kSteps = 8;
        for (int i = 1; i <= kSteps; ++i) {
            const float t = static_cast<float>(i) / kSteps;
            io.MousePos = ImVec2(from.x + (to.x - from.x) * t, from.y + (to.y - from.y) * t);
            draw();
        }
        io.MouseDown[0] = false;
        draw();
        for (int i = 0; i < 30; ++i) draw();  // let the glide settle
    }

    // Drags the body until the control `id` is fully visible, as a person would.
    void reveal(const std::string& id) {
        for (int attempt = 0; attempt < 20; ++attempt) {
            REQUIRE(has(id));
            const ui::Rect target = app.targets().at(id);
            const ui::Rect b = body();
            if (target.min.y >= b.min.y && target.max().y <= b.max().y) return;
            const float x = b.center().x;
            // Half of what is missing (the glide after the release adds more), at most 40 % of the body and
            // at least a clear drag: a fixed step could jump back and forth over a tall tile.
            const float missing = target.max().y > b.max().y ? b.max().y - target.max().y : b.min.y - target.min.y;
            const float step = std::clamp(std::abs(missing) * 0.5f, b.size.y * 0.1f, b.size.y * 0.4f);
            const float delta = missing < 0 ? -step : step;
            drag(ImVec2(x, b.center().y), ImVec2(x, b.center().y + delta));
        }
        FAIL("cannot scroll " << id << " into view");
    }

    static bool starts_with(const std::string& s, std::string_view prefix) { return s.rfind(prefix, 0) == 0; }

    void tap(const std::string& id) {
        INFO("tapping " << id);
        REQUIRE(has(id));
        const kiosk::State& st = app.state();
        const bool overlay = st.session.focus != kiosk::Field::None || st.language_menu || st.prompt_seconds_left;
        const bool chrome = starts_with(id, "nav.") || starts_with(id, "header.") || starts_with(id, "lang.");
        if (!overlay && !chrome) reveal(id);
        imgui.tap(app.targets().at(id).center(), [&] { app.frame(imgui.display()); });
    }

    void type_on_screen(std::u32string_view letters) {
        for (char32_t c : letters) tap("key:" + keyboard::to_utf8(std::u32string_view(&c, 1)));
    }

    std::vector<db::CandidateRecord> candidates() {
        auto all = db::list_candidates(store);
        REQUIRE(all);
        return *all;
    }
};

void walk_to_personal(Kiosk& k, const std::string& lang) {
    k.tap("lang." + lang);
    CHECK(k.app.state().lang == lang);
    k.tap("nav.next");
    REQUIRE(k.app.state().screen == kiosk::Screen::Consent);
    CHECK(k.candidates().empty());
    k.tap("consent.accept");
    REQUIRE(k.app.state().screen == kiosk::Screen::Personal);
}

}  // namespace

TEST_CASE("tapping through the whole flow in German saves a draft at every step", "[kiosk][ui][flow]") {
    Kiosk k;
    walk_to_personal(k, "de");
    auto saved = k.candidates();
    REQUIRE(saved.size() == 1);
    CHECK(saved[0].status == "incomplete");
    const std::string code = saved[0].resume_code;
    CHECK(k.app.state().session.resume_code == code);

    k.tap("field.name_latin");
    CHECK(k.app.state().session.focus == kiosk::Field::NameLatin);
    k.tap("key.shift");
    k.type_on_screen(U"amina");
    k.tap("key.space");
    k.tap("key.shift");
    k.type_on_screen(U"haddad");
    k.tap("key.enter");
    CHECK(k.app.state().session.personal.name_latin == "Amina Haddad");
    CHECK(k.app.state().session.focus == kiosk::Field::None);

    k.tap("field.postcode");
    k.tap("key.digits");
    k.type_on_screen(U"17033");
    k.tap("key.enter");
    CHECK(k.app.state().session.personal.postcode == "17033");

    k.tap("nav.next");
    REQUIRE(k.app.state().screen == kiosk::Screen::Experience);
    saved = k.candidates();
    REQUIRE(saved.size() == 1);
    CHECK(saved[0].family_name == "Haddad");
    CHECK(saved[0].postcode == "17033");

    k.tap("category.gastronomy");
    k.tap("occupation.cook");
    k.tap("experience.0.years.plus");
    REQUIRE(k.app.state().session.experiences.size() == 1);
    CHECK(k.app.state().session.experiences[0].years == 2);
    k.tap("nav.next");
    REQUIRE(k.app.state().screen == kiosk::Screen::Skills);

    k.tap("skill.cooking");
    CHECK(k.app.state().session.skills == std::vector<std::string>{"cooking"});
    k.tap("field.skill_search");
    k.type_on_screen(U"gabelst");
    CHECK_FALSE(k.app.state().suggestions.empty());
    k.tap("key.enter");
    k.tap("nav.next");
    REQUIRE(k.app.state().screen == kiosk::Screen::Languages);

    k.tap("language.de.3");  // B1
    CHECK(k.app.state().session.languages.back().level == kiosk::LanguageLevel::B1);
    k.tap("nav.next");
    REQUIRE(k.app.state().screen == kiosk::Screen::Education);
    k.tap("education.school.plus");
    k.tap("education.vocational");
    CHECK(k.app.state().session.education.school_years == 1);
    CHECK(k.app.state().session.education.vocational);
    k.tap("nav.next");
    REQUIRE(k.app.state().screen == kiosk::Screen::Mobility);
    k.tap("licence.B");
    k.tap("mobility.start.one_month");
    CHECK(k.app.state().session.mobility.licences == std::vector<std::string>{"B"});
    CHECK(k.app.state().session.mobility.start == kiosk::StartWhen::OneMonth);
    k.tap("nav.next");
    REQUIRE(k.app.state().screen == kiosk::Screen::Review);

    k.tap("review.skills");  // tap a part to edit it
    CHECK(k.app.state().screen == kiosk::Screen::Skills);
    for (int i = 0; i < 4; ++i) k.tap("nav.next");
    REQUIRE(k.app.state().screen == kiosk::Screen::Review);
    k.tap("nav.next");
    REQUIRE(k.app.state().screen == kiosk::Screen::Done);

    saved = k.candidates();
    REQUIRE(saved.size() == 1);
    CHECK(saved[0].resume_code == code);
    CHECK(saved[0].status == "complete");
    REQUIRE(saved[0].experiences.size() == 1);
    CHECK(saved[0].experiences[0].occupation_code == "cook");
    CHECK(saved[0].licence_classes == std::vector<std::string>{"B"});
    CHECK(saved[0].skills.size() == 1);

    k.tap("done.print");
    CHECK(k.app.state().session.print == kiosk::PrintStatus::NoPrinter);
    k.tap("done.finish");
    CHECK(k.app.state().screen == kiosk::Screen::Welcome);
    CHECK(k.app.state().session == kiosk::Session{});
}

TEST_CASE("Arabic: mirrored flow, a name typed on the Arabic keyboard, its Latin suggestion taken",
          "[kiosk][ui][flow]") {
    Kiosk k;
    walk_to_personal(k, "ar");
    // Back sits on the right in Arabic.
    REQUIRE(k.has("nav.back"));
    CHECK(k.app.targets().at("nav.back").min.x > k.app.targets().at("nav.next").min.x);

    k.tap("field.name_own");
    k.type_on_screen(U"امينة");
    CHECK(k.app.state().session.personal.name_own == "امينة");
    k.tap("key.enter");
    REQUIRE_FALSE(k.app.state().session.latin_suggestion.empty());
    k.tap("personal.use_suggestion");
    CHECK(k.app.state().session.personal.name_latin == k.app.state().session.latin_suggestion);

    k.tap("nav.next");
    k.tap("category.gastronomy");
    k.tap("occupation.cook");
    k.tap("nav.next");
    k.tap("skill.cooking");
    k.tap("nav.next");
    REQUIRE(k.app.state().screen == kiosk::Screen::Languages);
    CHECK(k.app.state().session.languages.front() == kiosk::LanguageEntry{"ar", kiosk::LanguageLevel::Native});

    // Switch language mid-flow from the header: screen and data stay.
    k.tap("header.language");
    k.tap("lang.de");
    CHECK(k.app.state().lang == "de");
    CHECK(k.app.state().screen == kiosk::Screen::Languages);
    CHECK(k.app.state().session.personal.name_own == "امينة");
    CHECK(k.app.state().catalog.lang == "de");
    k.tap("header.language");
    k.tap("lang.ar");

    for (int i = 0; i < 3; ++i) k.tap("nav.next");
    REQUIRE(k.app.state().screen == kiosk::Screen::Review);
    k.tap("nav.next");
    REQUIRE(k.app.state().screen == kiosk::Screen::Done);
    const auto saved = k.candidates();
    REQUIRE(saved.size() == 1);
    CHECK(saved[0].ui_language == "ar");
    CHECK(saved[0].status == "complete");
}

TEST_CASE("Tigrinya: a name typed with consonant then vowel form", "[kiosk][ui][flow]") {
    Kiosk k;
    walk_to_personal(k, "ti");
    k.tap("field.name_own");
    k.tap("key:\u1218");   // መ
    REQUIRE(k.has("vowel:\u121E"));
    k.tap("vowel:\u121E");  // ሞ
    k.tap("key:\u1208");   // ለ
    CHECK(k.app.state().session.personal.name_own == "\u121E\u1208");
    CHECK_FALSE(k.app.state().session.latin_suggestion.empty());
}

TEST_CASE("declining consent on screen stores nothing and returns to welcome", "[kiosk][ui][flow]") {
    Kiosk k;
    k.tap("lang.fa");
    k.tap("nav.next");
    k.tap("consent.decline");
    CHECK(k.app.state().screen == kiosk::Screen::Welcome);
    CHECK(k.app.state().session == kiosk::Session{});
    CHECK(k.candidates().empty());
}

TEST_CASE("the still-there prompt appears after idle frames and a tap keeps the session", "[kiosk][ui][flow]") {
    Kiosk k;
    walk_to_personal(k, "de");
    k.app.apply(kiosk::Tick{kiosk::kIdleBeforePromptSeconds});
    REQUIRE(k.app.state().prompt_seconds_left);
    k.tap("inactivity.continue");
    CHECK_FALSE(k.app.state().prompt_seconds_left);
    CHECK(k.app.state().screen == kiosk::Screen::Personal);
    k.app.apply(kiosk::Tick{kiosk::kIdleBeforePromptSeconds});
    k.app.apply(kiosk::Tick{kiosk::kPromptCountdownSeconds});
    CHECK(k.app.state().screen == kiosk::Screen::Welcome);
    CHECK(k.app.state().session == kiosk::Session{});
    // The draft saved after consent stays for staff, marked incomplete.
    const auto saved = k.candidates();
    REQUIRE(saved.size() == 1);
    CHECK(saved[0].status == "incomplete");
}

TEST_CASE("Done lists at most three reachable vacancies for the saved profile", "[kiosk][ui][flow]") {
    Kiosk k;
    REQUIRE(db::ensure_demo_postcodes(k.store));
    REQUIRE(db::ensure_demo_vacancies(k.store));
    kiosk::SqliteVacancyFinder finder(k.store);
    kiosk::App app(k.uploader, KK_TEST_LOCALE_DIR, {},
                   {.drafts = &k.drafts, .catalog = &k.catalog, .vacancies = &finder});
    using namespace kiosk;
    for (const Action& a : std::initializer_list<Action>{
             SelectLanguage{"ar"}, Next{}, AcceptConsent{}, Focus{Field::Postcode}, TypeText{"٣٤٤٩٧"},
             Focus{Field::None}, Next{}, AddOccupation{"kitchen_helper"}, Next{}, ToggleSkill{"food_hygiene"},
             ToggleSkill{"clean_kitchen"}, Next{}, Next{}, Next{}, Next{}}) {
        app.apply(a);
    }
    REQUIRE(app.state().screen == Screen::Review);
    CHECK(app.state().session.personal.postcode_check == PostcodeCheck::Known);  // Korbach, in Arabic digits
    CHECK(app.state().vacancies.empty());
    app.apply(Next{});
    REQUIRE(app.state().screen == Screen::Done);
    const auto& tips = app.state().vacancies;
    REQUIRE_FALSE(tips.empty());
    CHECK(tips.size() <= 3);
    bool kitchen = false;
    for (const auto& tip : tips) kitchen = kitchen || tip.title == "Küchenhilfe";
    CHECK(kitchen);
    for (const auto& tip : tips) CHECK(tip.distance_km >= 0);
    // The screen explains each in Arabic.
    k.imgui.frame([&] { app.frame(k.imgui.display()); });
}

TEST_CASE("Print hands the saved candidate's CV as a PDF to the print command, or says there is no printer",
          "[kiosk][ui][flow]") {
    Kiosk k;
    walk_to_personal(k, "de");
    k.app.apply(kiosk::Focus{kiosk::Field::NameLatin});
    k.app.apply(kiosk::TypeText{"Amina Haddad"});
    for (int i = 0; i < 7; ++i) k.app.apply(kiosk::Next{});
    REQUIRE(k.app.state().screen == kiosk::Screen::Done);
    const std::string code = k.app.state().session.resume_code;
    REQUIRE_FALSE(code.empty());

    SECTION("no print command: the kiosk says there is no printer") {
        kiosk::CvPrinter printer(k.store, KK_TEST_LOCALE_DIR, (k.dir / "no-such-lp").string());
        CHECK(printer.print(code) == kiosk::PrintStatus::NoPrinter);
        k.tap("done.print");  // the app without a printer service says the same
        CHECK(k.app.state().session.print == kiosk::PrintStatus::NoPrinter);
    }
    SECTION("a print command gets a PDF, which is deleted afterwards") {
        const auto fake_lp = k.dir / "lp";
        const auto copy = k.dir / "printed.pdf";
        {
            std::FILE* f = std::fopen(fake_lp.c_str(), "w");
            REQUIRE(f);
            std::fprintf(f, "#!/bin/sh\ncp \"$1\" '%s'\necho \"$1\" > '%s.path'\n", copy.c_str(), copy.c_str());
            std::fclose(f);
            std::filesystem::permissions(fake_lp, std::filesystem::perms::owner_all);
        }
        kiosk::CvPrinter printer(k.store, KK_TEST_LOCALE_DIR, fake_lp.string());
        CHECK(printer.print(code) == kiosk::PrintStatus::Printed);
        std::FILE* pdf = std::fopen(copy.c_str(), "rb");
        REQUIRE(pdf);
        char magic[5] = {};
        CHECK(std::fread(magic, 1, 4, pdf) == 4);
        std::fclose(pdf);
        CHECK(std::string(magic) == "%PDF");
        std::FILE* path_file = std::fopen((copy.string() + ".path").c_str(), "r");
        REQUIRE(path_file);
        char original[512] = {};
        REQUIRE(std::fgets(original, sizeof original, path_file));
        std::fclose(path_file);
        std::string original_path(original);
        original_path.erase(original_path.find_last_not_of('\n') + 1);
        CHECK_FALSE(std::filesystem::exists(original_path));  // personal data does not linger in /tmp
        CHECK(printer.print("NOPE-NOPE") == kiosk::PrintStatus::Failed);
    }
}

TEST_CASE("the physical keyboard types into the focused field, Backspace erases and Enter closes", "[kiosk][ui][flow]") {
    Kiosk k;
    walk_to_personal(k, "de");
    k.tap("field.email");
    ImGuiIO& io = ImGui::GetIO();
    io.AddInputCharactersUTF8("amina@example.orgx");
    k.draw();
    CHECK(k.app.state().session.personal.email == "amina@example.orgx");
    constexpr int kBackspace = 8;
    constexpr int kEnter = 13;
    io.KeyMap[ImGuiKey_Backspace] = kBackspace;
    io.KeyMap[ImGuiKey_Enter] = kEnter;
    io.KeysDown[kBackspace] = true;
    k.draw();
    io.KeysDown[kBackspace] = false;
    k.draw();
    CHECK(k.app.state().session.personal.email == "amina@example.org");
    io.KeysDown[kEnter] = true;
    k.draw();
    io.KeysDown[kEnter] = false;
    k.draw();
    CHECK(k.app.state().session.focus == kiosk::Field::None);
}

namespace {
// Keeps what was uploaded and released, to see which bitmaps became textures.
struct RecordingUploader final : text::TextureUploader {
    std::vector<text::Extent> uploaded;
    std::vector<ImTextureID> released;
    ImTextureID upload(const text::Bitmap& bitmap) override {
        uploaded.push_back(bitmap.extent);
        return reinterpret_cast<ImTextureID>(static_cast<std::uintptr_t>(uploaded.size()));
    }
    void release(ImTextureID texture) override { released.push_back(texture); }
};
}  // namespace

TEST_CASE("Done shows the saved CV's first page, uploaded once and released with the session",
          "[kiosk][ui][flow]") {
    Kiosk k;
    RecordingUploader uploader;
    kiosk::CvPrinter printer(k.store, KK_TEST_LOCALE_DIR);
    kiosk::App app(uploader, KK_TEST_LOCALE_DIR, {}, {.drafts = &k.drafts, .catalog = &k.catalog, .previewer = &printer});
    using namespace kiosk;
    for (const Action& a : std::initializer_list<Action>{SelectLanguage{"ar"}, Next{}, AcceptConsent{},
                                                         Focus{Field::NameLatin}, TypeText{"Amina Haddad"},
                                                         Focus{Field::None}}) {
        app.apply(a);
    }
    for (int i = 0; i < 7; ++i) app.apply(Next{});
    REQUIRE(app.state().screen == Screen::Done);
    // Exactly one bitmap of A4 proportions (297/210) came from the previewer, not from text.
    std::vector<text::Extent> pages;
    for (const auto& e : uploader.uploaded) {
        if (e.width >= 400 && std::abs(static_cast<double>(e.height) / e.width - 297.0 / 210.0) < 0.01) pages.push_back(e);
    }
    REQUIRE(pages.size() == 1);
    CHECK(app.preview_size().x == static_cast<float>(pages[0].width));
    const std::size_t uploads_before = uploader.uploaded.size();
    k.imgui.frame([&] { app.frame(k.imgui.display()); });
    k.imgui.frame([&] { app.frame(k.imgui.display()); });
    REQUIRE(app.targets().count("done.preview") == 1);
    const ui::Rect shown = app.targets().at("done.preview");
    CHECK(shown.size.x > 0);
    CHECK(std::abs(shown.size.y / shown.size.x - app.preview_size().y / app.preview_size().x) < 0.01f);
    // Drawing frames re-uploads text at most, never the page again.
    std::size_t pages_after = 0;
    for (std::size_t i = uploads_before; i < uploader.uploaded.size(); ++i) {
        pages_after += uploader.uploaded[i].width == pages[0].width && uploader.uploaded[i].height == pages[0].height;
    }
    CHECK(pages_after == 0);
    app.apply(NewSession{});
    CHECK(app.preview_size().x == 0.0f);
    CHECK(uploader.released.size() == 1);
}

TEST_CASE("crash-resume: a new kiosk reloads a draft by its resume code and continues where it was left",
          "[kiosk][ui][flow]") {
    test::HeadlessImGui imgui;
    test::TempDir dir;
    std::string code;
    kiosk::Session before_crash;
    {
        db::Store store = open_store(dir / "kiosk.db");
        kiosk::SqliteCatalogSource catalog{store};
        kiosk::SqliteDraftStore drafts{store};
        text::NullUploader uploader;
        kiosk::App app{uploader, KK_TEST_LOCALE_DIR, {}, {.drafts = &drafts, .catalog = &catalog}};
        using namespace kiosk;
        for (const Action& a : std::initializer_list<Action>{
                 SelectLanguage{"ar"}, Next{}, AcceptConsent{}, Focus{Field::NameLatin}, TypeText{"Amina Haddad"},
                 Focus{Field::Phone}, TypeText{"0151 2345678"}, Focus{Field::BirthDate}, TypeText{"04.05.1990"},
                 Focus{Field::None}, Next{}, AddOccupation{"kitchen_helper"}, Next{}}) {
            app.apply(a);
        }
        REQUIRE(app.state().screen == Screen::Skills);  // saved on arrival; then the power goes
        code = app.state().session.resume_code;
        before_crash = app.state().session;
        REQUIRE_FALSE(code.empty());
    }
    db::Store store = open_store(dir / "kiosk.db");
    kiosk::SqliteCatalogSource catalog{store};
    kiosk::SqliteDraftStore drafts{store};
    text::NullUploader uploader;
    kiosk::App app{uploader, KK_TEST_LOCALE_DIR, {}, {.drafts = &drafts, .catalog = &catalog}};
    auto draw = [&] { imgui.frame([&] { app.frame(imgui.display()); }); };
    draw();
    // Welcome shows nothing of the draft; the code button opens the keyboard for it.
    CHECK(app.state().session == kiosk::Session{});
    REQUIRE(app.targets().count("welcome.resume") == 1);
    const ImVec2 at = app.targets().at("welcome.resume").center();
    ImGui::GetIO().MousePos = at;
    ImGui::GetIO().MouseDown[0] = true;
    draw();
    ImGui::GetIO().MouseDown[0] = false;
    draw();
    REQUIRE(app.state().session.focus == kiosk::Field::ResumeCode);

    SECTION("a wrong code says so and loads nothing") {
        app.apply(kiosk::TypeText{"AAAA-AAAA"});
        app.apply(kiosk::Focus{kiosk::Field::None});
        CHECK(app.state().resume_not_found);
        CHECK(app.state().screen == kiosk::Screen::Welcome);
        CHECK_FALSE(app.state().session.consent_given);
    }
    SECTION("the right code, typed in lower case without the dash, brings the fields and the step back") {
        std::string typed;
        for (char c : code) {
            if (c != '-') typed.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
        }
        app.apply(kiosk::TypeText{typed});
        app.apply(kiosk::Focus{kiosk::Field::None});
        const kiosk::State& s = app.state();
        CHECK(s.screen == kiosk::Screen::Skills);
        CHECK(s.lang == "ar");
        CHECK(s.session.resume_code == code);
        CHECK(s.session.draft_id == before_crash.draft_id);
        CHECK(s.session.personal.name_latin == "Amina Haddad");
        CHECK(s.session.personal.phone == "0151 2345678");
        CHECK(s.session.personal.birth_date == "04.05.1990");
        CHECK(s.session.experiences == before_crash.experiences);
        CHECK(s.session.skills == before_crash.skills);
        // Going on saves into the same candidate, not a second one.
        app.apply(kiosk::Next{});
        auto all = db::list_candidates(store);
        REQUIRE(all);
        REQUIRE(all->size() == 1);
        CHECK((*all)[0].resume_code == code);
        draw();
    }
}

static constexpr char kSetMetaSql[] = "INSERT OR REPLACE INTO app_meta (key, value) VALUES (?, ?)";

TEST_CASE("start-up purges incomplete drafts older than retention.draft_days, 30 by default", "[kiosk][flow]") {
    test::TempDir dir;
    db::Store store = open_store(dir / "kiosk.db");
    kiosk::SqliteDraftStore drafts{store};
    kiosk::Session session;
    session.consent_given = true;
    session.personal.name_latin = "Amina Haddad";
    const auto draft = drafts.save(session, "ar", kiosk::Screen::Personal);
    REQUIRE(draft);
    session.personal.name_latin = "Yonas Tesfay";
    const auto finished = drafts.save(session, "ti", kiosk::Screen::Done);
    REQUIRE(finished);
    const auto now = std::chrono::system_clock::now();
    auto codes = [&] {
        auto all = db::list_candidate_codes(store);
        REQUIRE(all);
        return *all;
    };
    REQUIRE(codes().size() == 2);

    SECTION("by default a draft is kept 30 days") {
        auto purged = kiosk::purge_stale_drafts(store, now + std::chrono::days(29));
        REQUIRE(purged);
        CHECK(*purged == 0);
        purged = kiosk::purge_stale_drafts(store, now + std::chrono::days(31));
        REQUIRE(purged);
        CHECK(*purged == 1);
        CHECK(codes() == std::vector<std::string>{finished->resume_code});  // a finished profile stays
    }
    SECTION("app_meta's retention.draft_days shortens it") {
        db::Statement set(store.connection(), kSetMetaSql);
        set.bind(1, std::string(db::kDraftRetentionKey));
        set.bind(2, std::string("7"));
        set.step();
        const auto purged = kiosk::purge_stale_drafts(store, now + std::chrono::days(8));
        REQUIRE(purged);
        CHECK(*purged == 1);
        CHECK(codes() == std::vector<std::string>{finished->resume_code});
    }
    SECTION("a broken setting purges nothing and says why") {
        db::Statement set(store.connection(), kSetMetaSql);
        set.bind(1, std::string(db::kDraftRetentionKey));
        set.bind(2, std::string("soon"));
        set.step();
        CHECK_FALSE(kiosk::purge_stale_drafts(store, now + std::chrono::days(365)));
        CHECK(codes().size() == 2);
    }
}
