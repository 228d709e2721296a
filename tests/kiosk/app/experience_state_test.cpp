// The work-experience step through the pure reducer: years, employer and country per entry, a job in one's
// own words resolved (or not) through the catalog, and the step names a draft is saved with.
#include <catch2/catch.hpp>

#include "kiosk/app/state.hpp"
#include "kiosk/keyboard/layout.hpp"

using namespace kk::kiosk;

namespace {

State apply_all(State s, std::initializer_list<Action> actions) {
    for (const Action& a : actions) s = update(std::move(s), a);
    return s;
}

State on_experience() {
    return apply_all({}, {SelectLanguage{"ar"}, Next{}, AcceptConsent{}, Next{}});
}

}  // namespace

TEST_CASE("each job keeps its years, employer and country, edited one entry at a time", "[kiosk][flow]") {
    State s = on_experience();
    REQUIRE(s.screen == Screen::Experience);
    s = apply_all(std::move(s), {AddOccupation{"cook"}, AddOccupation{"kitchen_helper"}, SetYears{1, 4}});
    // The employer field belongs to an opened entry: without one, focusing it does nothing.
    s = update(s, Focus{Field::Employer});
    CHECK(s.session.focus == Field::None);
    s = apply_all(std::move(s), {EditExperience{1}, Focus{Field::Employer}, TypeText{"مطعم دمشق"},
                                 SetCountry{1, "SY"}, Focus{Field::None}});
    REQUIRE(s.session.experiences.size() == 2);
    CHECK(s.session.experiences[0] == ExperienceEntry{.occupation = "cook"});
    CHECK(s.session.experiences[1] == ExperienceEntry{.occupation = "kitchen_helper",
                                                      .years = 4,
                                                      .employer = "مطعم دمشق",
                                                      .country = "SY"});
    SECTION("a country not offered, or an entry that does not exist, changes nothing") {
        const State before = s;
        CHECK(update(s, SetCountry{1, "XX"}) == before);
        CHECK(update(s, SetCountry{5, "DE"}) == before);
        CHECK(update(s, EditExperience{9}) == before);
        CHECK(update(s, SetCountry{1, ""}).session.experiences[1].country.empty());  // taken back
    }
    SECTION("removing the opened entry closes it and its field; removing one before it keeps it open") {
        s = apply_all(std::move(s), {Focus{Field::Employer}});
        REQUIRE(s.session.focus == Field::Employer);
        const State removed_before = update(s, RemoveExperience{0});
        CHECK(removed_before.session.open_experience == std::optional<std::size_t>(0));
        CHECK(field_text(removed_before.session, Field::Employer) == "مطعم دمشق");
        const State removed_open = update(s, RemoveExperience{1});
        CHECK_FALSE(removed_open.session.open_experience);
        CHECK(removed_open.session.focus == Field::None);
    }
    SECTION("going back and forth keeps every answer, and closes the details") {
        s = apply_all(std::move(s), {Back{}, Next{}});
        CHECK(s.session.experiences[1].employer == "مطعم دمشق");
        CHECK(s.session.experiences[1].country == "SY");
        CHECK(s.session.experiences[1].years == 4);
        CHECK_FALSE(s.session.open_experience);
    }
    SECTION("a language switch mid-flow keeps them too") {
        s = update(s, SelectLanguage{"de"});
        CHECK(s.session.experiences[1].employer == "مطعم دمشق");
    }
}

TEST_CASE("a job typed in one's own words becomes an entry, resolved or kept as typed", "[kiosk][flow]") {
    State s = on_experience();
    s = apply_all(std::move(s), {Focus{Field::OccupationText}, TypeText{"  طاهي  "}, Focus{Field::None}});
    CHECK(s.session.occupation_query == "  طاهي  ");  // the App resolves it after the focus leaves
    CHECK(&keyboard_layout_for(update(s, Focus{Field::OccupationText})) ==
          &kk::keyboard::layout_for_language("ar"));

    SECTION("resolved confidently: the catalog code with the words as typed") {
        s = update(s, OccupationTextResolved{"  طاهي  ", "cook"});
        REQUIRE(s.session.experiences.size() == 1);
        CHECK(s.session.experiences[0] == ExperienceEntry{.occupation = "cook", .title = "طاهي"});
        CHECK(s.session.occupation_query.empty());
        // The same occupation again is not a second entry.
        s = apply_all(std::move(s), {Focus{Field::OccupationText}, TypeText{"طبّاخ"}, Focus{Field::None},
                                     OccupationTextResolved{"طبّاخ", "cook"}});
        CHECK(s.session.experiences.size() == 1);
        CHECK(s.session.occupation_query.empty());
    }
    SECTION("not resolved: kept as free text, once") {
        s = update(s, OccupationTextResolved{"  طاهي  ", ""});
        REQUIRE(s.session.experiences.size() == 1);
        CHECK(s.session.experiences[0] == ExperienceEntry{.title = "طاهي"});
        s = apply_all(std::move(s), {Focus{Field::OccupationText}, TypeText{"طاهي"}, Focus{Field::None},
                                     OccupationTextResolved{"طاهي", ""}});
        CHECK(s.session.experiences.size() == 1);
        // A free-text entry takes years, employer and country like any other.
        s = apply_all(std::move(s), {SetYears{0, 12}, EditExperience{0}, SetCountry{0, "IQ"}});
        CHECK(s.session.experiences[0] == ExperienceEntry{.years = 12, .title = "طاهي", .country = "IQ"});
    }
    SECTION("an outcome for words no longer in the field, or off the screen, is dropped") {
        CHECK(update(s, OccupationTextResolved{"طاهي", "cook"}).session.experiences.empty());
        State typed_on = apply_all(s, {Focus{Field::OccupationText}, TypeText{"x"}});
        CHECK(update(typed_on, OccupationTextResolved{"  طاهي  ", "cook"}).session.experiences.empty());
        State left = update(s, Next{});
        CHECK(update(left, OccupationTextResolved{"  طاهي  ", "cook"}).session.experiences.empty());
        CHECK(update(s, OccupationTextResolved{"   ", ""}).session.experiences.empty());
    }
    SECTION("an inactivity wipe leaves nothing of it") {
        s = update(s, OccupationTextResolved{"  طاهي  ", ""});
        s = apply_all(std::move(s), {Tick{kIdleBeforePromptSeconds}, Tick{kPromptCountdownSeconds}});
        CHECK(s.session == Session{});
    }
}

TEST_CASE("step names round-trip for every screen a draft is saved on, and only those", "[kiosk][flow]") {
    for (Screen screen : {Screen::Personal, Screen::Experience, Screen::Skills, Screen::Languages,
                          Screen::Education, Screen::Mobility, Screen::Review, Screen::Done}) {
        const auto name = step_name(screen);
        REQUIRE(name);
        CHECK(screen_of_step(*name) == screen);
    }
    CHECK_FALSE(step_name(Screen::Welcome));
    CHECK_FALSE(step_name(Screen::Consent));
    CHECK_FALSE(screen_of_step("welcome"));
    CHECK_FALSE(screen_of_step(""));
    CHECK(step_name(Screen::Mobility) == std::optional<std::string>("mobility"));
}

TEST_CASE("a reloaded draft lands on the step it was saved on, with its own-script name", "[kiosk][flow]") {
    Session draft;
    draft.consent_given = true;
    draft.personal.name_own = "أمينة حداد";
    draft.personal.name_latin = "Amina Haddad";
    draft.experiences.push_back({.occupation = "cook", .years = 6, .employer = "Dimashq", .country = "SY"});
    draft.education.school_years = 9;
    State s = update(State{}, DraftLoaded{draft, "ar", Screen::Mobility});
    CHECK(s.screen == Screen::Mobility);  // resume_screen would have guessed Skills
    CHECK(s.session.personal.name_own == "أمينة حداد");
    CHECK(s.session.experiences == draft.experiences);
    CHECK(s.session.education.school_years == 9);
}
