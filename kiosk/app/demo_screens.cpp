#include "kiosk/app/demo_screens.hpp"

#include <array>
#include <string>

#include "i18n/languages.hpp"

namespace kk::kiosk {
namespace {

State welcome(std::string_view lang) {
    State state;
    state.screen = Screen::Welcome;
    state.lang = std::string(lang);
    state.language_chosen = true;  // shows the selected tile
    return state;
}

// An invented person, Amina Haddad, a cook, with her name written in the script of the session language.
std::string own_name(std::string_view lang) {
    if (lang == "ar" || lang == "fa" || lang == "fa_AF" || lang == "ps" || lang == "ckb") return "أمينة حداد";
    if (lang == "ti") return "ኣሚና ሃዳድ";
    if (lang == "ru" || lang == "uk" || lang == "bg") return "Амина Хаддад";
    return "Amina Haddad";
}

State on(Screen screen, std::string_view lang) {
    State state = welcome(lang);
    state.screen = screen;
    Session& s = state.session;
    if (screen == Screen::Consent) return state;
    s.consent_given = true;
    s.personal.name_own = own_name(lang);
    s.latin_suggestion = latin_name_suggestion(s.personal.name_own);
    s.personal.name_latin = "Amina Haddad";
    s.personal.phone = "0151 2345678";
    s.personal.email = "amina.haddad@example.org";
    s.personal.postcode = "17033";
    s.experiences = {{.occupation = "cook", .years = 6, .employer = "Restaurant Dimashq", .country = "SY"},
                     {.occupation = "kitchen_helper", .years = 2}};
    s.skills = {"cooking", "prepare_food", "follow_recipes", "food_hygiene"};
    const std::string mother = lang == "fa_AF" ? "fa" : (lang == "de" || lang == "en") ? "ar" : std::string(lang);
    s.languages = {{mother, LanguageLevel::Native}, {"de", LanguageLevel::A2}, {"en", LanguageLevel::B1}};
    s.education = {.school_years = 9, .vocational = true, .university = false, .certificates = true,
                   .recognition = Recognition::InProgress};
    s.mobility.licences = {"B"};
    s.mobility.public_transport = true;
    s.mobility.bike = true;
    s.mobility.max_km = 30;
    s.mobility.full_time = true;
    s.mobility.shifts = true;
    s.mobility.start = StartWhen::OneMonth;
    if (screen == Screen::Done) {
        s.resume_code = "K7QA-MX4C";
        state.vacancies = {{"Koch/Köchin (m/w/d)", "Landgasthof Zur Linde", 12, 4},
                           {"Küchenhilfe in Teilzeit", "Seniorenzentrum Am Park", 6, 3}};
    }
    return state;
}

State consent(std::string_view lang) { return on(Screen::Consent, lang); }
State personal(std::string_view lang) { return on(Screen::Personal, lang); }
State experience(std::string_view lang) {
    State state = on(Screen::Experience, lang);
    state.session.browsing_category = "gastronomy";
    return state;
}
// The categories with the first job's employer and country opened, and the field for a job in one's own words.
State experience_categories(std::string_view lang) {
    State state = on(Screen::Experience, lang);
    state.session.open_experience = 0;
    return state;
}
State skills(std::string_view lang) { return on(Screen::Skills, lang); }
State keyboard(std::string_view lang) {
    State state = on(Screen::Personal, lang);
    state.session.focus = Field::NameOwn;
    return state;
}
State languages(std::string_view lang) { return on(Screen::Languages, lang); }
State education(std::string_view lang) { return on(Screen::Education, lang); }
State mobility(std::string_view lang) { return on(Screen::Mobility, lang); }
State review(std::string_view lang) { return on(Screen::Review, lang); }
State done(std::string_view lang) { return on(Screen::Done, lang); }
State inactivity(std::string_view lang) {
    State state = on(Screen::Skills, lang);
    state.prompt_seconds_left = 23.0;
    return state;
}

constexpr std::array kScreens = {
    DemoScreen{"welcome", welcome},
    DemoScreen{"consent", consent},
    DemoScreen{"personal", personal},
    DemoScreen{"keyboard", keyboard},
    DemoScreen{"categories", experience_categories},
    DemoScreen{"experience", experience},
    DemoScreen{"skills", skills},
    DemoScreen{"languages", languages},
    DemoScreen{"education", education},
    DemoScreen{"mobility", mobility},
    DemoScreen{"review", review},
    DemoScreen{"done", done},
    DemoScreen{"inactivity", inactivity},
};

}  // namespace

std::span<const DemoScreen> demo_screens() {
    return kScreens;
}

const DemoScreen* find_demo_screen(std::string_view name) {
    for (const DemoScreen& screen : kScreens) {
        if (screen.name == name) return &screen;
    }
    return nullptr;
}

}  // namespace kk::kiosk
