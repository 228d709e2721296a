// Drafts through the real SQLite adapters: every answer the flow asks survives save -> new store -> load,
// a resume by code returns to the exact step saved, and a job typed in one's own words is resolved through
// the catalog (or kept as typed) and shown that way on the German CV's data.
#include <catch2/catch.hpp>

#include "db/candidates.hpp"
#include "db/catalog.hpp"
#include "db/cv_profile.hpp"
#include "db/store.hpp"
#include "kiosk/app/app.hpp"
#include "kiosk/app/draft_store_sqlite.hpp"
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

// Every field the flow stores, with values unlike the defaults.
kiosk::Session full_session() {
    kiosk::Session s;
    s.consent_given = true;
    s.personal.name_own = "أمينة حداد";
    s.latin_suggestion = kiosk::latin_name_suggestion(s.personal.name_own);
    s.personal.name_latin = "Amina Haddad";
    s.personal.phone = "0151 2345678";
    s.personal.email = "amina@example.org";
    s.personal.postcode = "34497";
    s.personal.birth_date = "04.05.1990";
    s.experiences.push_back({.occupation = "cook", .years = 6, .employer = "مطعم دمشق", .country = "SY"});
    s.experiences.push_back(
        {.occupation = "cook", .years = 2, .title = "طاهي", .employer = "Hotel Post", .country = "DE"});
    s.experiences.push_back({.years = 3, .title = "مربي نحل", .country = "IQ"});
    s.skills = {"cooking"};
    s.languages = {{"ar", kiosk::LanguageLevel::Native}, {"de", kiosk::LanguageLevel::B1}};
    s.education.school_years = 11;
    s.education.vocational = true;
    s.education.recognition = kiosk::Recognition::InProgress;
    s.mobility.licences = {"B"};
    s.mobility.car = true;
    s.mobility.max_km = 40;
    s.mobility.part_time = true;
    return s;
}

}  // namespace

TEST_CASE("a draft saved on any step comes back with every answer and that step", "[kiosk][flow][db]") {
    test::TempDir dir;
    const kiosk::Session saved = full_session();
    const kiosk::Screen step = GENERATE(kiosk::Screen::Personal, kiosk::Screen::Experience, kiosk::Screen::Education,
                                        kiosk::Screen::Mobility, kiosk::Screen::Review);
    std::string code;
    std::int64_t id = 0;
    {
        db::Store store = open_store(dir / "kiosk.db");
        kiosk::SqliteDraftStore drafts{store};
        const auto draft = drafts.save(saved, "ar", step);
        REQUIRE(draft);
        code = draft->resume_code;
        id = draft->id;
    }
    db::Store store = open_store(dir / "kiosk.db");  // a new process after a crash
    kiosk::SqliteDraftStore drafts{store};
    const auto loaded = drafts.load(code);
    REQUIRE(loaded);
    CHECK(loaded->ui_lang == "ar");
    CHECK(loaded->screen == step);
    kiosk::Session expected = saved;
    expected.draft_id = id;
    expected.resume_code = code;
    CHECK(loaded->session == expected);

    // What staff see in the store: the words as typed, resolved or not, and the step by name.
    const auto record = db::load_candidate(store, code);
    REQUIRE(record);
    REQUIRE(*record);
    CHECK((*record)->name_own == "أمينة حداد");
    CHECK((*record)->draft_step == kiosk::step_name(step));
    REQUIRE((*record)->experiences.size() == 3);
    CHECK((*record)->experiences[1].occupation_code == "cook");
    CHECK((*record)->experiences[1].title == "طاهي");
    CHECK_FALSE((*record)->experiences[2].occupation_code);
    CHECK((*record)->experiences[2].years == 3);
    REQUIRE_FALSE((*record)->educations.empty());
    CHECK((*record)->educations[0].kind == "school");
    CHECK((*record)->educations[0].years == 11);
}

TEST_CASE("a finished profile records step done and is not reopened", "[kiosk][flow][db]") {
    test::TempDir dir;
    db::Store store = open_store(dir / "kiosk.db");
    kiosk::SqliteDraftStore drafts{store};
    const auto done = drafts.save(full_session(), "ar", kiosk::Screen::Done);
    REQUIRE(done);
    const auto record = db::load_candidate(store, done->resume_code);
    REQUIRE(record);
    REQUIRE(*record);
    CHECK((*record)->status == "complete");
    CHECK((*record)->draft_step == std::optional<std::string>("done"));
    CHECK_FALSE(drafts.load(done->resume_code));
}

TEST_CASE("the catalog resolves a job typed in one's own words only when it is confident", "[kiosk][flow][db]") {
    test::TempDir dir;
    db::Store store = open_store(dir / "kiosk.db");
    kiosk::SqliteCatalogSource catalog{store};
    CHECK(catalog.resolve_occupation("طاهي", "ar") == std::optional<std::string>("cook"));
    CHECK(catalog.resolve_occupation("xqzvv wobble", "de") == std::nullopt);
}

TEST_CASE("resume by code after a crash returns to the exact step with the own words and years", "[kiosk][ui][flow]") {
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
                 SelectLanguage{"ar"}, Next{}, AcceptConsent{}, Focus{Field::NameOwn}, TypeText{"أمينة حداد"},
                 UseLatinSuggestion{}, Focus{Field::None}, Next{},
                 // A job in one's own words, submitted as the keyboard's Enter does: the App resolves it.
                 Focus{Field::OccupationText}, TypeText{"طاهي"}, Focus{Field::None},
                 Focus{Field::OccupationText}, TypeText{"xqzvv wobble"}, Focus{Field::None},
                 SetYears{0, 7}, EditExperience{0}, Focus{Field::Employer}, TypeText{"مطعم دمشق"},
                 Focus{Field::None}, SetCountry{0, "SY"}, SetYears{1, 2}, Next{}, Next{}, Next{},
                 SetSchoolYears{10}, Next{}}) {
            app.apply(a);
        }
        REQUIRE(app.state().screen == Screen::Mobility);  // saved on arrival; then the power goes
        const auto& jobs = app.state().session.experiences;
        REQUIRE(jobs.size() == 2);
        CHECK(jobs[0] == ExperienceEntry{.occupation = "cook", .years = 7, .title = "طاهي", .employer = "مطعم دمشق",
                                         .country = "SY"});
        CHECK(jobs[1] == ExperienceEntry{.years = 2, .title = "xqzvv wobble"});
        code = app.state().session.resume_code;
        before_crash = app.state().session;
        REQUIRE_FALSE(code.empty());

        // The German CV's data shows the typed words beside the catalog's German label, and the years.
        const auto record = db::load_candidate(store, code);
        REQUIRE(record);
        REQUIRE(*record);
        const cv::CvProfile profile = db::to_cv_profile(**record, "2026-11-21");
        REQUIRE(profile.experiences.size() == 2);
        CHECK(profile.experiences[0].position.catalog_id == "occupation:cook");
        CHECK(profile.experiences[0].position.own.text == "طاهي");
        CHECK(profile.experiences[0].years == 7);
        CHECK(profile.experiences[0].employer == "مطعم دمشق");
        CHECK(profile.experiences[0].country == "SY");
        CHECK(profile.experiences[1].position.catalog_id.empty());
        CHECK(profile.experiences[1].position.own.text == "xqzvv wobble");
        REQUIRE(profile.education.size() == 1);
        CHECK(profile.education[0].kind == "school");
        CHECK(profile.education[0].years == 10);
    }
    db::Store store = open_store(dir / "kiosk.db");
    kiosk::SqliteCatalogSource catalog{store};
    kiosk::SqliteDraftStore drafts{store};
    text::NullUploader uploader;
    kiosk::App app{uploader, KK_TEST_LOCALE_DIR, {}, {.drafts = &drafts, .catalog = &catalog}};
    app.apply(kiosk::Focus{kiosk::Field::ResumeCode});
    app.apply(kiosk::TypeText{code});
    app.apply(kiosk::Focus{kiosk::Field::None});
    const kiosk::State& s = app.state();
    CHECK(s.screen == kiosk::Screen::Mobility);  // the guess would have been Review
    CHECK(s.lang == "ar");
    CHECK(s.session.personal.name_own == "أمينة حداد");
    CHECK(s.session.personal.name_latin == before_crash.personal.name_latin);
    CHECK(s.session.experiences == before_crash.experiences);
    CHECK(s.session.education == before_crash.education);
    CHECK(s.session.languages == before_crash.languages);
    CHECK(s.session.mobility == before_crash.mobility);
    // The screens draw the reloaded answers without trouble.
    imgui.frame([&] { app.frame(imgui.display()); });
    for (int i = 0; i < 4; ++i) app.apply(kiosk::Back{});
    REQUIRE(app.state().screen == kiosk::Screen::Experience);
    imgui.frame([&] { app.frame(imgui.display()); });
    CHECK(app.targets().count("experience.0.details") == 1);
}
