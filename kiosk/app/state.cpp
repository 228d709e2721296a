#include "kiosk/app/state.hpp"

#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <memory>

#include "i18n/languages.hpp"
#include "kiosk/keyboard/layout.hpp"

namespace kk::kiosk {
namespace {
template <class... Ts>
struct overloaded : Ts... {
    using Ts::operator()...;
};

constexpr int kMaxYears = 50;
constexpr int kMaxSchoolYears = 20;
constexpr int kMaxKm = 200;
constexpr std::size_t kMaxFieldBytes = 200;

std::string* field_ptr(Session& s, Field field) {
    switch (field) {
        case Field::NameOwn: return &s.personal.name_own;
        case Field::NameLatin: return &s.personal.name_latin;
        case Field::Phone: return &s.personal.phone;
        case Field::Email: return &s.personal.email;
        case Field::Postcode: return &s.personal.postcode;
        case Field::BirthDate: return &s.personal.birth_date;
        case Field::SkillSearch: return &s.skill_query;
        case Field::ResumeCode: return &s.resume_entry;
        case Field::OccupationText: return &s.occupation_query;
        case Field::Employer:
            if (!s.open_experience || *s.open_experience >= s.experiences.size()) return nullptr;
            return &s.experiences[*s.open_experience].employer;
        case Field::None: return nullptr;
    }
    return nullptr;
}

// What follows an edit of a field: the name's Latin suggestion, a new postcode is unchecked again.
void after_edit(State& state, Field field) {
    Session& s = state.session;
    if (field == Field::NameOwn) s.latin_suggestion = latin_name_suggestion(s.personal.name_own);
    if (field == Field::Postcode) s.personal.postcode_check = PostcodeCheck::Unchecked;
    if (field == Field::SkillSearch && s.skill_query.empty()) state.suggestions.clear();
    if (field == Field::ResumeCode) state.resume_not_found = false;
}


void edit_focused(State& state, const keyboard::Key& key) {
    Session& s = state.session;
    std::string* text = field_ptr(s, s.focus);
    if (text == nullptr) return;
    const keyboard::Edit edited = keyboard::press(keyboard_layout_for(state), {*text, s.keyboard, false}, key);
    if (edited.text.size() > kMaxFieldBytes) return;
    *text = edited.text;
    s.keyboard = edited.state;
    after_edit(state, s.focus);
    if (edited.submitted) {
        s.focus = Field::None;
        s.keyboard = {};
    }
}

Screen next_screen(Screen s) { return s == Screen::Done ? s : static_cast<Screen>(static_cast<int>(s) + 1); }
Screen previous_screen(Screen s) {
    return s == Screen::Welcome ? s : static_cast<Screen>(static_cast<int>(s) - 1);
}

void leave_screen(Session& s) {
    s.focus = Field::None;
    s.keyboard = {};
    s.browsing_category.clear();
    s.open_experience.reset();
}

std::string trimmed(std::string_view text) {
    const auto first = text.find_first_not_of(" \t");
    if (first == std::string_view::npos) return {};
    return std::string(text.substr(first, text.find_last_not_of(" \t") - first + 1));
}

// The person's mother tongue is most likely their UI language; German is what the CV is for.
void seed_languages(State& state) {
    Session& s = state.session;
    if (!s.languages.empty()) return;
    if (state.lang != "de" && state.lang != "en") {
        const std::string code = state.lang == "fa_AF" ? "fa" : state.lang;
        s.languages.push_back({code, LanguageLevel::Native});
    }
    s.languages.push_back({"de", LanguageLevel::A1});
}

template <class T>
void toggle_in(std::vector<T>& items, const T& item) {
    auto it = std::find(items.begin(), items.end(), item);
    if (it == items.end()) {
        items.push_back(item);
    } else {
        items.erase(it);
    }
}

}  // namespace

int step_of(Screen screen) {
    if (screen == Screen::Welcome || screen == Screen::Done) return 0;
    return static_cast<int>(screen);  // Consent is 1
}

const CatalogOccupationView* CatalogView::occupation(std::string_view code) const {
    for (const auto& o : occupations) {
        if (o.code == code) return &o;
    }
    return nullptr;
}

const CatalogSkillView* CatalogView::skill(std::string_view code) const {
    for (const auto& s : skills) {
        if (s.code == code) return &s;
    }
    return nullptr;
}

const std::string& field_text(const Session& session, Field field) {
    static const std::string empty;
    const std::string* text = field_ptr(const_cast<Session&>(session), field);
    return text != nullptr ? *text : empty;
}

const keyboard::Layout& keyboard_layout_for(const State& state) {
    const Field f = state.session.focus;
    const bool own_script =
        f == Field::NameOwn || f == Field::SkillSearch || f == Field::OccupationText || f == Field::Employer;
    return keyboard::layout_for_language(own_script ? state.lang : "de");
}

State wiped(State state) {
    State fresh;
    fresh.catalog = std::move(state.catalog);
    return fresh;
}

bool can_go_next(const State& state) {
    if (state.screen == Screen::Welcome) return state.language_chosen;
    if (state.screen == Screen::Consent) return state.session.consent_given;
    return state.screen != Screen::Done;
}

const std::vector<std::string>& addable_languages() {
    static const std::vector<std::string> codes = {"en", "ar", "fa", "ps", "ckb", "ku", "tr", "ti", "so",
                                                   "fr", "ru", "uk", "pl", "ro", "bg"};
    return codes;
}

const std::vector<std::string>& experience_countries() {
    static const std::vector<std::string> codes = {"SY", "AF", "IQ", "IR", "UA", "RU", "TR", "ER", "SO", "ET",
                                                   "PK", "RO", "PL", "BG", "MD", "GE", "DE"};
    return codes;
}

const std::vector<std::string>& licence_classes() {
    static const std::vector<std::string> classes = {"AM", "A", "B", "BE", "C", "CE", "D", "T"};
    return classes;
}

std::string latin_name_suggestion(std::string_view name) {
    // One transliterator per thread: creating one parses rules and costs milliseconds.
    thread_local std::unique_ptr<icu::Transliterator> transliterator = [] {
        UErrorCode status = U_ZERO_ERROR;
        std::unique_ptr<icu::Transliterator> t(icu::Transliterator::createInstance(
            "Any-Latin; Latin-ASCII; Title", UTRANS_FORWARD, status));
        return U_SUCCESS(status) ? std::move(t) : nullptr;
    }();
    if (!transliterator || name.empty()) return {};
    icu::UnicodeString text = icu::UnicodeString::fromUTF8(
        icu::StringPiece(name.data(), static_cast<int32_t>(name.size())));
    const icu::UnicodeString original = text;
    transliterator->transliterate(text);
    std::string out;
    text.toUTF8String(out);
    // Already Latin (only the title casing changed): nothing to suggest.
    icu::UnicodeString folded = original;
    if (folded.toLower() == icu::UnicodeString(text).toLower()) return {};
    return out;
}

Screen resume_screen(const Session& session) {
    if (session.personal.name_latin.empty()) return Screen::Personal;
    if (session.experiences.empty()) return Screen::Experience;
    if (session.skills.empty()) return Screen::Skills;
    if (session.languages.empty()) return Screen::Languages;
    return Screen::Review;
}

namespace {
constexpr std::pair<Screen, const char*> kStepNames[] = {
    {Screen::Personal, "personal"}, {Screen::Experience, "experience"}, {Screen::Skills, "skills"},
    {Screen::Languages, "languages"}, {Screen::Education, "education"}, {Screen::Mobility, "mobility"},
    {Screen::Review, "review"}, {Screen::Done, "done"},
};
}  // namespace

std::optional<std::string> step_name(Screen screen) {
    for (const auto& [s, name] : kStepNames) {
        if (s == screen) return std::string(name);
    }
    return std::nullopt;
}

std::optional<Screen> screen_of_step(std::string_view name) {
    for (const auto& [s, n] : kStepNames) {
        if (name == n) return s;
    }
    return std::nullopt;
}

std::string normalised_resume_code(std::string_view typed) {
    constexpr std::size_t kCodeLetters = 8;
    std::string letters;
    for (char c : typed) {
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
        if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
            letters.push_back(c);
        } else if (c != '-' && c != ' ') {
            return {};
        }
    }
    if (letters.size() != kCodeLetters) return {};
    return letters.substr(0, kCodeLetters / 2) + "-" + letters.substr(kCodeLetters / 2);
}

State update(State state, const Action& action) {
    Session& s = state.session;
    std::visit(overloaded{
                   [&](const SelectLanguage& a) {
                       if (!i18n::is_ui_language(a.lang)) return;
                       state.lang = a.lang;
                       state.language_chosen = true;
                       state.language_menu = false;
                       s.keyboard = {};
                   },
                   [&](const ToggleLanguageMenu&) { state.language_menu = !state.language_menu; },
                   [&](const Next&) {
                       if (!can_go_next(state)) return;
                       leave_screen(s);
                       state.screen = next_screen(state.screen);
                       if (state.screen == Screen::Languages) seed_languages(state);
                   },
                   [&](const Back&) {
                       leave_screen(s);
                       if (state.screen == Screen::Done) return;  // the CV is made; start over instead
                       state.screen = previous_screen(state.screen);
                   },
                   [&](const GoTo& a) {
                       if (state.screen != Screen::Review || a.screen == Screen::Welcome ||
                           a.screen == Screen::Consent || a.screen == Screen::Done) {
                           return;
                       }
                       leave_screen(s);
                       state.screen = a.screen;
                       if (state.screen == Screen::Languages) seed_languages(state);
                   },
                   [&](const AcceptConsent&) {
                       if (state.screen != Screen::Consent) return;
                       s.consent_given = true;
                       state.screen = Screen::Personal;
                   },
                   [&](const DeclineConsent&) {
                       if (state.screen != Screen::Consent) return;
                       state = wiped(std::move(state));
                   },
                   [&](const Focus& a) {
                       if (a.field == Field::Employer && field_ptr(s, a.field) == nullptr) return;
                       if (s.focus != a.field) s.keyboard = {};
                       s.focus = a.field;
                   },
                   [&](const PressKey& a) { edit_focused(state, a.key); },
                   [&](const ChooseVowel& a) {
                       std::string* text = field_ptr(s, s.focus);
                       if (text == nullptr || s.keyboard.geez_base == 0) return;
                       const keyboard::Edit edited = keyboard::choose_vowel_form({*text, s.keyboard, false}, a.form);
                       *text = edited.text;
                       s.keyboard = edited.state;
                       after_edit(state, s.focus);
                   },
                   [&](const TypeText& a) {
                       std::string* text = field_ptr(s, s.focus);
                       if (text == nullptr) return;
                       std::string typed = keyboard::type_text(*text, a.utf8);
                       if (typed.size() > kMaxFieldBytes) return;
                       *text = std::move(typed);
                       s.keyboard.geez_base = 0;
                       after_edit(state, s.focus);
                   },
                   [&](const EraseChar&) {
                       std::string* text = field_ptr(s, s.focus);
                       if (text == nullptr) return;
                       *text = keyboard::erase_last_character(*text);
                       s.keyboard.geez_base = 0;
                       after_edit(state, s.focus);
                   },
                   [&](const UseLatinSuggestion&) {
                       if (s.latin_suggestion.empty()) return;
                       s.personal.name_latin = s.latin_suggestion;
                   },
                   [&](const BrowseCategory& a) { s.browsing_category = a.code; },
                   [&](const AddOccupation& a) {
                       if (a.code.empty()) return;
                       for (const auto& e : s.experiences) {
                           if (e.occupation == a.code) return;
                       }
                       s.experiences.push_back({.occupation = a.code});
                       s.browsing_category.clear();
                   },
                   [&](const RemoveExperience& a) {
                       if (a.index >= s.experiences.size()) return;
                       s.experiences.erase(s.experiences.begin() + static_cast<std::ptrdiff_t>(a.index));
                       if (s.open_experience && *s.open_experience == a.index) {
                           s.open_experience.reset();
                           if (s.focus == Field::Employer) {
                               s.focus = Field::None;
                               s.keyboard = {};
                           }
                       } else if (s.open_experience && *s.open_experience > a.index) {
                           --*s.open_experience;
                       }
                   },
                   [&](const EditExperience& a) {
                       if (a.index && *a.index >= s.experiences.size()) return;
                       if (s.focus == Field::Employer && a.index != s.open_experience) {
                           s.focus = Field::None;
                           s.keyboard = {};
                       }
                       s.open_experience = a.index;
                   },
                   [&](const SetCountry& a) {
                       if (a.index >= s.experiences.size()) return;
                       const auto& known = experience_countries();
                       if (!a.country.empty() && std::find(known.begin(), known.end(), a.country) == known.end()) {
                           return;
                       }
                       s.experiences[a.index].country = a.country;
                   },
                   [&](const OccupationTextResolved& a) {
                       // Only the words still in the field: the person may have typed on or left meanwhile.
                       const std::string words = trimmed(a.text);
                       if (state.screen != Screen::Experience || a.text != s.occupation_query || words.empty()) {
                           return;
                       }
                       s.occupation_query.clear();
                       for (const auto& e : s.experiences) {
                           const bool same = a.code.empty() ? e.occupation.empty() && e.title == words
                                                            : e.occupation == a.code;
                           if (same) return;
                       }
                       s.experiences.push_back({.occupation = a.code, .title = words});
                       s.browsing_category.clear();
                   },
                   [&](const SetYears& a) {
                       if (a.index >= s.experiences.size() || a.years < 0 || a.years > kMaxYears) return;
                       s.experiences[a.index].years = a.years;
                   },
                   [&](const ToggleSkill& a) {
                       if (!a.code.empty()) toggle_in(s.skills, a.code);
                   },
                   [&](const SetLanguageLevel& a) {
                       for (auto& l : s.languages) {
                           if (l.code == a.code) l.level = a.level;
                       }
                   },
                   [&](const AddLanguage& a) {
                       if (a.code.empty()) return;
                       for (const auto& l : s.languages) {
                           if (l.code == a.code) return;
                       }
                       s.languages.push_back({a.code, LanguageLevel::A1});
                   },
                   [&](const RemoveLanguage& a) {
                       std::erase_if(s.languages, [&](const LanguageEntry& l) { return l.code == a.code; });
                   },
                   [&](const SetSchoolYears& a) {
                       if (a.years >= 0 && a.years <= kMaxSchoolYears) s.education.school_years = a.years;
                   },
                   [&](const SetEducationFlag& a) {
                       switch (a.which) {
                           case SetEducationFlag::Vocational: s.education.vocational = a.on; break;
                           case SetEducationFlag::University: s.education.university = a.on; break;
                           case SetEducationFlag::Certificates: s.education.certificates = a.on; break;
                       }
                   },
                   [&](const SetRecognition& a) { s.education.recognition = a.recognition; },
                   [&](const ToggleLicence& a) {
                       const auto& known = licence_classes();
                       if (std::find(known.begin(), known.end(), a.licence) == known.end()) return;
                       toggle_in(s.mobility.licences, a.licence);
                       std::sort(s.mobility.licences.begin(), s.mobility.licences.end());
                   },
                   [&](const SetMobilityFlag& a) {
                       MobilityInfo& m = s.mobility;
                       switch (a.which) {
                           case SetMobilityFlag::ForeignLicence: m.foreign_licence = a.on; break;
                           case SetMobilityFlag::Car: m.car = a.on; break;
                           case SetMobilityFlag::Bike: m.bike = a.on; break;
                           case SetMobilityFlag::PublicTransport: m.public_transport = a.on; break;
                           case SetMobilityFlag::FullTime: m.full_time = a.on; break;
                           case SetMobilityFlag::PartTime: m.part_time = a.on; break;
                           case SetMobilityFlag::Shifts: m.shifts = a.on; break;
                           case SetMobilityFlag::MiniJob: m.mini_job = a.on; break;
                       }
                   },
                   [&](const SetMaxKm& a) { s.mobility.max_km = std::clamp(a.km, 0, kMaxKm); },
                   [&](const SetStart& a) { s.mobility.start = a.start; },
                   [&](const Touch&) {
                       state.idle_seconds = 0.0;
                       state.prompt_seconds_left.reset();
                   },
                   [&](const StillHere&) {
                       state.idle_seconds = 0.0;
                       state.prompt_seconds_left.reset();
                   },
                   [&](const Tick& a) {
                       if (a.seconds <= 0.0) return;
                       // A pristine welcome screen has nothing to protect: no prompt there.
                       if (state.screen == Screen::Welcome && !state.language_chosen &&
                           state.session == Session{}) {
                           return;
                       }
                       if (state.prompt_seconds_left) {
                           *state.prompt_seconds_left -= a.seconds;
                           if (*state.prompt_seconds_left <= 0.0) state = wiped(std::move(state));
                           return;
                       }
                       state.idle_seconds += a.seconds;
                       if (state.idle_seconds >= kIdleBeforePromptSeconds) {
                           state.prompt_seconds_left = kPromptCountdownSeconds;
                       }
                   },
                   [&](const RequestPrint&) {
                       if (state.screen == Screen::Done) s.print = PrintStatus::Printing;
                   },
                   [&](const NewSession&) { state = wiped(std::move(state)); },
                   [&](const ReadAloud&) {},
                   [&](const CatalogLoaded& a) { state.catalog = a.catalog; },
                   [&](const SuggestionsLoaded& a) {
                       if (a.query == s.skill_query) state.suggestions = a.suggestions;
                   },
                   [&](const PostcodeChecked& a) {
                       if (a.postcode != s.personal.postcode) return;  // the person typed on meanwhile
                       s.personal.postcode_check = a.known ? PostcodeCheck::Known : PostcodeCheck::Unknown;
                   },
                   [&](const DraftSaved& a) {
                       if (!s.consent_given) return;  // a wipe raced the save
                       s.draft_id = a.id;
                       s.resume_code = a.resume_code;
                       s.save_failed = false;
                   },
                   [&](const SaveFailed&) { s.save_failed = true; },
                   [&](const PrintFinished& a) {
                       // A print of a wiped session finishing later says nothing to the next person.
                       if (s.print == PrintStatus::Printing) s.print = a.status;
                   },
                   [&](const VacanciesFound& a) { state.vacancies = a.tips; },
                   [&](const ResumeWithCode&) {},
                   [&](const DraftLoaded& a) {
                       // Only onto a fresh Welcome screen, and only a consented draft: nobody else's data mixes in.
                       if (state.screen != Screen::Welcome || !a.session.consent_given ||
                           !i18n::is_ui_language(a.lang) || a.screen == Screen::Welcome) {
                           return;
                       }
                       state.session = a.session;
                       state.session.focus = Field::None;
                       state.session.keyboard = {};
                       state.session.resume_entry.clear();
                       state.session.open_experience.reset();
                       state.lang = a.lang;
                       state.language_chosen = true;
                       state.language_menu = false;
                       state.resume_not_found = false;
                       state.screen = a.screen;
                   },
                   [&](const DraftNotFound&) {
                       if (state.screen == Screen::Welcome) state.resume_not_found = true;
                   },
               },
               action);
    return state;
}

}  // namespace kk::kiosk
