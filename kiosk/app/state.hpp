#pragma once
// The kiosk's state as a value and the pure reducer over its actions. No ImGui, no I/O here: screens
// draw a State and dispatch Actions; App applies them after the frame and runs the effects (saving the
// draft, loading catalog lists, printing), whose outcomes come back as actions.
#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "kiosk/keyboard/editor.hpp"
#include "kiosk/keyboard/layout.hpp"

namespace kk::kiosk {

// In the order a session meets them; Next and Back walk this order.
enum class Screen { Welcome, Consent, Personal, Experience, Skills, Languages, Education, Mobility, Review, Done };

// Screens with a progress dot: Consent (step 1) to Review (step kStepCount).
inline constexpr int kStepCount = 8;
// 0 for Welcome and Done (no progress shown), else 1..kStepCount.
int step_of(Screen screen);

// Seconds without a touch before "Are you still there?", and how long that prompt counts down.
inline constexpr double kIdleBeforePromptSeconds = 90.0;
inline constexpr double kPromptCountdownSeconds = 30.0;

// The text fields of the flow; each is edited by the on-screen and the physical keyboard.
enum class Field {
    None, NameOwn, NameLatin, Phone, Email, Postcode, BirthDate, SkillSearch, ResumeCode,
    OccupationText,  // Experience: a job in one's own words, when no tile fits
    Employer,        // Experience: the employer of the entry being edited (Session::open_experience)
};

enum class PostcodeCheck { Unchecked, Known, Unknown };

struct Personal {
    std::string name_own;    // as typed in their own script
    std::string name_latin;  // Latin letters as in the passport
    std::string phone;
    std::string email;
    std::string postcode;    // as typed: any script's digits
    std::string birth_date;  // optional, as typed: DD.MM.YYYY in any script's digits
    PostcodeCheck postcode_check = PostcodeCheck::Unchecked;
    bool operator==(const Personal&) const = default;
};

struct ExperienceEntry {
    std::string occupation{};  // catalog code; empty for own words the catalog could not resolve
    int years = 1;
    std::string title{};     // the job in the person's own words, as typed (empty when picked from the tiles)
    std::string employer{};  // as typed
    std::string country{};   // ISO 3166 code from experience_countries(); empty when not given
    bool operator==(const ExperienceEntry&) const = default;
};

enum class LanguageLevel { A1, A2, B1, B2, C1, C2, Native };

struct LanguageEntry {
    std::string code;  // ICU language id
    LanguageLevel level = LanguageLevel::A1;
    bool operator==(const LanguageEntry&) const = default;
};

enum class Recognition { Unknown, NotStarted, InProgress, Recognised };

struct EducationInfo {
    int school_years = 0;
    bool vocational = false;
    bool university = false;
    bool certificates = false;  // they have certificates with them or at home
    Recognition recognition = Recognition::Unknown;
    bool operator==(const EducationInfo&) const = default;
};

enum class StartWhen { Now, OneMonth, ThreeMonths };

struct MobilityInfo {
    std::vector<std::string> licences;  // "AM", "B", "BE", "C", "CE", "D", sorted
    bool foreign_licence = false;       // the licence is foreign and not yet exchanged
    bool car = false;
    bool bike = false;
    bool public_transport = false;
    int max_km = 25;
    bool full_time = false;
    bool part_time = false;
    bool shifts = false;
    bool mini_job = false;
    StartWhen start = StartWhen::Now;
    bool operator==(const MobilityInfo&) const = default;
};

enum class PrintStatus { None, Printing, Printed, NoPrinter, Failed };

// Everything one person entered or caused. Wiped (set to Session{}) on decline and after inactivity.
struct Session {
    bool consent_given = false;
    Personal personal;
    std::string latin_suggestion;  // Latin transliteration of name_own, offered to copy
    std::vector<ExperienceEntry> experiences;
    std::string browsing_category;         // category whose occupations are shown; empty shows categories
    std::string occupation_query;          // a job typed in one's own words, resolved when submitted
    std::optional<std::size_t> open_experience;  // the entry whose employer and country are being edited
    std::vector<std::string> skills;       // catalog codes, in the order chosen
    std::string skill_query;               // the skill search field
    std::vector<LanguageEntry> languages;  // mother tongue first
    EducationInfo education;
    MobilityInfo mobility;
    Field focus = Field::None;
    keyboard::KeyboardState keyboard;
    std::optional<std::int64_t> draft_id;  // set once the first draft is saved
    std::string resume_code;               // short code staff use to find the profile
    std::string resume_entry;              // Welcome: a code typed to continue a saved draft
    bool save_failed = false;
    PrintStatus print = PrintStatus::None;
    bool operator==(const Session&) const = default;
};

// Catalog entries of the session language, loaded by the app (CatalogLoaded) and read by screens.
struct CatalogCategoryView {
    std::string code;
    std::string label;
    std::string icon;  // Font Awesome glyph as UTF-8, empty when none
    bool operator==(const CatalogCategoryView&) const = default;
};
struct CatalogOccupationView {
    std::string code;
    std::string category;
    std::string label;     // in the session language (German, then the code, when it has none)
    std::string label_de;  // German
    std::string icon;
    std::vector<std::string> essential;  // skill codes
    std::vector<std::string> optional;
    bool operator==(const CatalogOccupationView&) const = default;
};
struct CatalogSkillView {
    std::string code;
    std::string label;
    std::string label_de;
    bool operator==(const CatalogSkillView&) const = default;
};
struct CatalogView {
    std::string lang;
    std::vector<CatalogCategoryView> categories;    // catalog order
    std::vector<CatalogOccupationView> occupations;  // collated by label in `lang`
    std::vector<CatalogSkillView> skills;            // collated by label in `lang`
    bool operator==(const CatalogView&) const = default;

    const CatalogOccupationView* occupation(std::string_view code) const;
    const CatalogSkillView* skill(std::string_view code) const;
};

struct SkillSuggestion {
    std::string code;
    std::string label;
    std::string label_de;
    bool operator==(const SkillSuggestion&) const = default;
};

// A vacancy the person can reach; the screen explains it in one sentence in the session language.
struct VacancyTip {
    std::string title;     // in German, as the employer wrote it
    std::string employer;
    int distance_km = -1;  // -1 when unknown
    int matched_skills = 0;
    bool operator==(const VacancyTip&) const = default;
};

struct State {
    Screen screen = Screen::Welcome;
    std::string lang = "de";       // the session's UI language (ICU locale id)
    bool language_chosen = false;  // the person has tapped a language
    bool language_menu = false;    // the header's language picker is open
    Session session;
    double idle_seconds = 0.0;
    std::optional<double> prompt_seconds_left;  // "Are you still there?" is showing
    CatalogView catalog;
    std::vector<SkillSuggestion> suggestions;  // autocomplete for session.skill_query
    std::vector<VacancyTip> vacancies;  // on Done, when a matcher is connected
    bool resume_not_found = false;      // Welcome: the typed resume code matched no saved draft
    bool operator==(const State&) const = default;
};

// --- Actions -------------------------------------------------------------------------------------------
struct SelectLanguage { std::string lang; };
struct ToggleLanguageMenu {};
struct Next {};
struct Back {};
struct GoTo { Screen screen; };  // from Review: edit that part
struct AcceptConsent {};
struct DeclineConsent {};
struct Focus { Field field; };
struct PressKey { keyboard::Key key; };        // on-screen keyboard
struct ChooseVowel { char32_t form = 0; };     // Ge'ez vowel picker
struct TypeText { std::string utf8; };         // physical keyboard
struct EraseChar {};                           // physical Backspace
struct UseLatinSuggestion {};
struct BrowseCategory { std::string code; };   // empty: back to the categories
struct AddOccupation { std::string code; };
struct RemoveExperience { std::size_t index = 0; };
struct SetYears { std::size_t index = 0; int years = 1; };
struct EditExperience { std::optional<std::size_t> index; };   // open an entry's details; nullopt closes
struct SetCountry { std::size_t index = 0; std::string country; };  // empty: not given
struct ToggleSkill { std::string code; };
struct SetLanguageLevel { std::string code; LanguageLevel level = LanguageLevel::A1; };
struct AddLanguage { std::string code; };
struct RemoveLanguage { std::string code; };
struct SetSchoolYears { int years = 0; };
struct SetEducationFlag { enum Which { Vocational, University, Certificates } which; bool on = false; };
struct SetRecognition { Recognition recognition = Recognition::Unknown; };
struct ToggleLicence { std::string licence; };
struct SetMobilityFlag {
    enum Which { ForeignLicence, Car, Bike, PublicTransport, FullTime, PartTime, Shifts, MiniJob } which;
    bool on = false;
};
struct SetMaxKm { int km = 0; };
struct SetStart { StartWhen start = StartWhen::Now; };
struct Touch {};                      // any touch or key: the person is there
struct Tick { double seconds = 0.0; };  // time passed
struct StillHere {};
struct RequestPrint {};
struct NewSession {};                 // Done: leave and wipe
struct ReadAloud { std::string text; };  // speak this (an effect; the state does not change)
struct ResumeWithCode {};             // Welcome: load the draft of session.resume_entry (an effect)
// Outcomes of effects.
struct CatalogLoaded { CatalogView catalog; };
struct SuggestionsLoaded { std::string query; std::vector<SkillSuggestion> suggestions; };
struct PostcodeChecked { std::string postcode; bool known = false; };
struct DraftSaved { std::int64_t id = 0; std::string resume_code; };
struct SaveFailed {};
struct PrintFinished { PrintStatus status = PrintStatus::Printed; };
struct VacanciesFound { std::vector<VacancyTip> tips; };
// A saved draft reloaded by its resume code: the session, its UI language and the screen to continue on.
struct DraftLoaded { Session session; std::string lang; Screen screen = Screen::Personal; };
struct DraftNotFound {};
// The job typed in Session::occupation_query, resolved through the catalog: `code` empty when no occupation
// matched confidently (then the words are kept as typed).
struct OccupationTextResolved { std::string text; std::string code; };

using Action = std::variant<SelectLanguage, ToggleLanguageMenu, Next, Back, GoTo, AcceptConsent, DeclineConsent, Focus,
                            PressKey, ChooseVowel, TypeText, EraseChar, UseLatinSuggestion, BrowseCategory,
                            AddOccupation, RemoveExperience, SetYears, ToggleSkill, SetLanguageLevel, AddLanguage,
                            RemoveLanguage, SetSchoolYears, SetEducationFlag, SetRecognition, ToggleLicence,
                            SetMobilityFlag, SetMaxKm, SetStart, Touch, Tick, StillHere, RequestPrint, NewSession, ReadAloud,
                            CatalogLoaded, SuggestionsLoaded, PostcodeChecked, DraftSaved, SaveFailed, PrintFinished,
                            VacanciesFound, ResumeWithCode, DraftLoaded, DraftNotFound, EditExperience, SetCountry,
                            OccupationTextResolved>;

// Pure: the state after `action`. Unknown languages, codes and out-of-range values leave the state unchanged.
State update(State state, const Action& action);

// The text of a field in the session.
const std::string& field_text(const Session& session, Field field);
// The state with everything personal gone, on the welcome screen; keeps only the loaded catalog.
State wiped(State state);
// True when the person may go on from this screen (Welcome needs a language).
bool can_go_next(const State& state);
// The language codes a person can add on the Languages screen, in a fixed order.
const std::vector<std::string>& addable_languages();
// The countries offered for a job (ISO 3166 codes; where most newcomers worked, then Germany), in display order.
const std::vector<std::string>& experience_countries();
// The licence classes offered, in display order.
const std::vector<std::string>& licence_classes();
// The on-screen keyboard for the focused field: names in one's own script and the skill search use the
// session language's layout, everything else (Latin name, e-mail, numbers) the German one.
const keyboard::Layout& keyboard_layout_for(const State& state);
// The screen a reloaded draft continues on when the store does not know its step (drafts saved before schema
// version 6): the first step with nothing stored yet (Personal without a name, Experience, Skills, Languages),
// else Review, since education and mobility defaults cannot be told apart from answers.
Screen resume_screen(const Session& session);
// The stored name of a step ("personal" .. "review", "done"), and back; nullopt for Welcome, Consent and
// unknown names (a draft is never left on those).
std::optional<std::string> step_name(Screen screen);
std::optional<Screen> screen_of_step(std::string_view name);
// A typed resume code in the stored form "XXXX-XXXX": capitals, separator inserted; empty when it cannot be one.
std::string normalised_resume_code(std::string_view typed);
// The Latin suggestion for a name typed in another script; empty when it is Latin already.
std::string latin_name_suggestion(std::string_view name);

}  // namespace kk::kiosk
