// The newcomer's flow through the pure reducer: every screen, back and forth, language switch, decline,
// inactivity wipe.
#include <catch2/catch.hpp>

#include "kiosk/app/state.hpp"
#include "kiosk/keyboard/layout.hpp"

using namespace kk::kiosk;

namespace {

State apply_all(State s, std::initializer_list<Action> actions) {
    for (const Action& a : actions) s = update(std::move(s), a);
    return s;
}

State filled_until_review() {
    State s = apply_all({}, {SelectLanguage{"ar"}, Next{}, AcceptConsent{}});
    s = apply_all(std::move(s), {Focus{Field::NameLatin}, TypeText{"Amina Haddad"}, Focus{Field::Phone},
                                 TypeText{"0151 2345678"}, Next{}});
    s = apply_all(std::move(s), {BrowseCategory{"kitchen"}, AddOccupation{"cook"}, SetYears{0, 6}, Next{}});
    s = apply_all(std::move(s), {ToggleSkill{"cooking"}, Next{}});
    s = apply_all(std::move(s), {SetLanguageLevel{"de", LanguageLevel::B1}, Next{}});
    s = apply_all(std::move(s), {SetSchoolYears{9}, Next{}});
    s = apply_all(std::move(s), {ToggleLicence{"B"}, SetMaxKm{40}, Next{}});
    return s;
}

}  // namespace

TEST_CASE("the flow walks welcome to done in order, with progress steps", "[kiosk][flow]") {
    State s;
    CHECK_FALSE(can_go_next(s));  // no language chosen yet
    s = update(s, Next{});
    CHECK(s.screen == Screen::Welcome);
    s = update(s, SelectLanguage{"de"});
    s = update(s, Next{});
    CHECK(s.screen == Screen::Consent);
    CHECK(step_of(s.screen) == 1);
    s = update(s, Next{});  // consent needs an answer
    CHECK(s.screen == Screen::Consent);
    s = update(s, AcceptConsent{});
    CHECK(s.screen == Screen::Personal);
    CHECK(s.session.consent_given);
    const Screen order[] = {Screen::Experience, Screen::Skills, Screen::Languages,
                            Screen::Education,  Screen::Mobility, Screen::Review, Screen::Done};
    int step = step_of(Screen::Personal);
    for (Screen expected : order) {
        s = update(s, Next{});
        CHECK(s.screen == expected);
        if (expected != Screen::Done) CHECK(step_of(s.screen) == ++step);
    }
    CHECK(step == kStepCount);
    CHECK(step_of(Screen::Done) == 0);
    CHECK_FALSE(can_go_next(s));
}

TEST_CASE("going back keeps everything entered", "[kiosk][flow]") {
    const State review = filled_until_review();
    REQUIRE(review.screen == Screen::Review);
    State s = review;
    for (int i = 0; i < 6; ++i) s = update(s, Back{});
    CHECK(s.screen == Screen::Personal);
    CHECK(s.session == review.session);
    for (int i = 0; i < 6; ++i) s = update(s, Next{});
    CHECK(s.screen == Screen::Review);
    CHECK(s.session.personal.name_latin == "Amina Haddad");
    CHECK(s.session.experiences == std::vector<ExperienceEntry>{{"cook", 6}});
    CHECK(s.session.skills == std::vector<std::string>{"cooking"});
    CHECK(s.session.education.school_years == 9);
    CHECK(s.session.mobility.licences == std::vector<std::string>{"B"});
    CHECK(s.session.mobility.max_km == 40);
}

TEST_CASE("switching language mid-flow keeps the screen and the data", "[kiosk][flow]") {
    State s = filled_until_review();
    s = update(s, GoTo{Screen::Skills});
    CHECK(s.screen == Screen::Skills);
    const Session before = s.session;
    s = update(s, ToggleLanguageMenu{});
    CHECK(s.language_menu);
    s = update(s, SelectLanguage{"ti"});
    CHECK(s.lang == "ti");
    CHECK_FALSE(s.language_menu);
    CHECK(s.screen == Screen::Skills);
    CHECK(s.session == before);
}

TEST_CASE("the languages step starts with the mother tongue and German, once", "[kiosk][flow]") {
    State s = filled_until_review();
    REQUIRE(s.session.languages.size() == 2);
    CHECK(s.session.languages[0] == LanguageEntry{"ar", LanguageLevel::Native});
    CHECK(s.session.languages[1] == LanguageEntry{"de", LanguageLevel::B1});
    s = update(s, GoTo{Screen::Languages});
    s = update(s, AddLanguage{"en"});
    s = update(s, AddLanguage{"en"});
    CHECK(s.session.languages.size() == 3);
    s = update(s, RemoveLanguage{"en"});
    CHECK(s.session.languages.size() == 2);
}

TEST_CASE("declining consent wipes the session and returns to welcome", "[kiosk][flow]") {
    State s = apply_all({}, {SelectLanguage{"fa"}, Next{}});
    s.catalog.lang = "fa";
    s = update(s, DeclineConsent{});
    CHECK(s.screen == Screen::Welcome);
    CHECK(s.session == Session{});
    CHECK_FALSE(s.language_chosen);
    CHECK(s.lang == "de");
    CHECK(s.catalog.lang == "fa");  // reference data survives; the app reloads it for the new language
}

TEST_CASE("inactivity: a prompt after 90 s, a wipe 30 s later unless touched", "[kiosk][flow]") {
    State s = filled_until_review();
    s = update(s, Tick{kIdleBeforePromptSeconds - 1.0});
    CHECK_FALSE(s.prompt_seconds_left);
    s = update(s, Tick{1.0});
    REQUIRE(s.prompt_seconds_left);
    CHECK(*s.prompt_seconds_left == Approx(kPromptCountdownSeconds));

    SECTION("a touch keeps everything") {
        s = update(s, StillHere{});
        CHECK_FALSE(s.prompt_seconds_left);
        CHECK(s.idle_seconds == 0.0);
        CHECK(s.screen == Screen::Review);
        CHECK(s.session.personal.name_latin == "Amina Haddad");
    }
    SECTION("no touch wipes all personal data") {
        s = update(s, Tick{kPromptCountdownSeconds - 1.0});
        CHECK(s.screen == Screen::Review);
        s = update(s, Tick{1.0});
        CHECK(s.screen == Screen::Welcome);
        CHECK(s.session == Session{});
        CHECK(s.suggestions.empty());
        CHECK(s.vacancies.empty());
        CHECK_FALSE(s.prompt_seconds_left);
        CHECK(s.lang == "de");
    }
}

TEST_CASE("a pristine welcome screen never prompts", "[kiosk][flow]") {
    State s = update(State{}, Tick{kIdleBeforePromptSeconds * 3});
    CHECK_FALSE(s.prompt_seconds_left);
}

TEST_CASE("on-screen keys edit the focused field, and a Ge'ez vowel form replaces its consonant", "[kiosk][flow]") {
    State s = apply_all({}, {SelectLanguage{"ti"}, Next{}, AcceptConsent{}, Focus{Field::NameOwn}});
    const auto& layout = kk::keyboard::layout_for_language("ti");
    REQUIRE(layout.geez);
    const kk::keyboard::Key* first = nullptr;
    for (const auto& row : layout.rows) {
        for (const auto& key : row) {
            if (key.kind == kk::keyboard::KeyKind::Char && !first) first = &key;
        }
    }
    REQUIRE(first);
    s = update(s, PressKey{*first});
    CHECK(s.session.personal.name_own == kk::keyboard::to_utf8(first->text));
    REQUIRE(s.session.keyboard.geez_base == first->text[0]);
    const std::u32string forms = kk::keyboard::geez_vowel_forms(first->text[0]);
    REQUIRE(forms.size() > 2);
    s = update(s, ChooseVowel{forms[2]});
    CHECK(s.session.personal.name_own == kk::keyboard::to_utf8(std::u32string(1, forms[2])));
    CHECK_FALSE(s.session.latin_suggestion.empty());  // ICU transliterates Ge'ez to Latin
    s = update(s, UseLatinSuggestion{});
    CHECK(s.session.personal.name_latin == s.session.latin_suggestion);
    s = update(s, EraseChar{});
    CHECK(s.session.personal.name_own.empty());
}

TEST_CASE("a name in Arabic script gets a Latin suggestion, a Latin name none", "[kiosk][flow]") {
    CHECK(latin_name_suggestion("أمينة") != "");
    CHECK(latin_name_suggestion("أمينة").find_first_not_of(
              "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz '-") == std::string::npos);
    CHECK(latin_name_suggestion("Amina").empty());
    CHECK(latin_name_suggestion("").empty());
}

TEST_CASE("effects' outcomes only land where they still apply", "[kiosk][flow]") {
    State s = apply_all({}, {SelectLanguage{"de"}, Next{}, AcceptConsent{}, Focus{Field::Postcode},
                             TypeText{"١٧٠٣٣"}});
    s = update(s, PostcodeChecked{"17033", true});  // a different text: ignored
    CHECK(s.session.personal.postcode_check == PostcodeCheck::Unchecked);
    s = update(s, PostcodeChecked{"١٧٠٣٣", true});
    CHECK(s.session.personal.postcode_check == PostcodeCheck::Known);
    s = update(s, TypeText{"1"});
    CHECK(s.session.personal.postcode_check == PostcodeCheck::Unchecked);

    s = update(s, DraftSaved{7, "K7Q3MX"});
    CHECK(s.session.draft_id == 7);
    State w = update(wiped(s), DraftSaved{8, "ABCDEF"});  // the save finished after a wipe
    CHECK(w.session == Session{});
}

TEST_CASE("review edits go only to the parts of the CV", "[kiosk][flow]") {
    State s = filled_until_review();
    CHECK(update(s, GoTo{Screen::Consent}).screen == Screen::Review);
    CHECK(update(s, GoTo{Screen::Mobility}).screen == Screen::Mobility);
    CHECK(update(update(s, GoTo{Screen::Mobility}), GoTo{Screen::Personal}).screen == Screen::Mobility);
}

TEST_CASE("a typed resume code is normalised to the stored form, anything else is rejected", "[kiosk][flow]") {
    CHECK(normalised_resume_code("k7q2 9xwm") == "K7Q2-9XWM");
    CHECK(normalised_resume_code("K7Q2-9XWM") == "K7Q2-9XWM");
    CHECK(normalised_resume_code("K7Q2-9XW").empty());
    CHECK(normalised_resume_code("K7Q2/9XWM").empty());
    CHECK(normalised_resume_code("").empty());
}

TEST_CASE("a reloaded draft lands only on Welcome and continues at the first unanswered step", "[kiosk][flow]") {
    State saved = filled_until_review();
    Session draft = saved.session;
    draft.focus = Field::SkillSearch;
    CHECK(resume_screen(draft) == Screen::Review);
    draft.languages.clear();
    CHECK(resume_screen(draft) == Screen::Languages);
    draft.skills.clear();
    CHECK(resume_screen(draft) == Screen::Skills);

    State s = apply_all({}, {Focus{Field::ResumeCode}, TypeText{"k7q29xwm"}, Focus{Field::None}});
    CHECK(s.session.resume_entry == "k7q29xwm");
    s = update(s, DraftLoaded{draft, "ar", resume_screen(draft)});
    CHECK(s.screen == Screen::Skills);
    CHECK(s.lang == "ar");
    CHECK(s.language_chosen);
    CHECK(s.session.personal.name_latin == "Amina Haddad");
    CHECK(s.session.experiences == draft.experiences);
    CHECK(s.session.focus == Field::None);
    CHECK(s.session.resume_entry.empty());

    // Anywhere but Welcome, or without consent, nothing is loaded.
    const State mid = update(s, DraftLoaded{saved.session, "de", Screen::Review});
    CHECK(mid == s);
    Session unconsented = draft;
    unconsented.consent_given = false;
    CHECK(update(State{}, DraftLoaded{unconsented, "de", Screen::Skills}) == State{});
}

TEST_CASE("an unknown resume code says so until the code is edited, and is wiped like everything else",
          "[kiosk][flow]") {
    State s = apply_all({}, {Focus{Field::ResumeCode}, TypeText{"AAAA-AAAA"}, DraftNotFound{}});
    CHECK(s.resume_not_found);
    s = update(s, EraseChar{});
    CHECK_FALSE(s.resume_not_found);
    s = apply_all(std::move(s), {DraftNotFound{}, Tick{kIdleBeforePromptSeconds}, Tick{kPromptCountdownSeconds}});
    CHECK(s == wiped(State{}));
}
