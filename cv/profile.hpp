#pragma once
// What a candidate entered for their CV: plain values, no behaviour. The store fills it; kk::cv reads it.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kk::cv {

// A phrase the person typed themselves, with the language they typed it in (ICU locale id, e.g. "ar").
struct FreeText {
    std::string text;
    std::string lang;
};

// Either a catalog entry (occupation or skill id, shown by its catalog label) or the person's own words.
struct Term {
    std::string catalog_id;  // non-empty: take the label from the catalog
    FreeText own;            // used when catalog_id is empty
};

struct Address {
    std::string street;
    std::string postcode;
    std::string city;
};

struct Experience {
    std::string from;  // "YYYY-MM"
    std::string to;    // "YYYY-MM"; empty while the job is current
    Term position;
    std::string employer;
    std::string place;
    std::string country;  // ISO 3166 code, e.g. "SY"
    std::vector<FreeText> tasks;
    std::optional<int> years{};  // how long, when the person gave years instead of months
};

enum class Recognition { NotGiven, Recognised, Applied, NotRecognised };

struct Education {
    std::string from;  // "YYYY-MM"
    std::string to;    // "YYYY-MM"; empty while ongoing
    Term title;        // degree or trade, catalog occupation or own words
    std::string institution;
    std::string place;
    std::string country;  // ISO 3166 code
    Recognition recognition = Recognition::NotGiven;
    std::optional<int> years{};  // years attended, when given instead of months
    std::string kind{};          // "school", "vocational", "university": names an entry without a title
};

enum class Cefr { A1, A2, B1, B2, C1, C2 };

struct LanguageSkill {
    std::string code;  // ICU language id, e.g. "ar", "de"
    bool native = false;
    Cefr level = Cefr::A1;  // ignored when native
};

struct Skill {
    Term term;
    bool verified = false;  // confirmed by staff or a certificate
};

enum class WorkingTime { Any, FullTime, PartTime };

struct Mobility {
    std::optional<int> commute_km;
    bool own_car = false;
    bool willing_to_relocate = false;
    bool shift_work = false;
};

struct Availability {
    std::string from_date;  // "YYYY-MM-DD"; empty means at once
    WorkingTime working_time = WorkingTime::Any;
};

struct CvProfile {
    std::string given_names;  // Latin letters as in the passport
    std::string family_name;
    Address address;
    std::string phone;
    std::string email;

    // Optional personal data, shown only when the person chose it (the AGG advises leaving it out).
    std::string birth_date;   // "YYYY-MM-DD"
    std::string nationality;  // ISO 3166 code
    std::string photo_path;   // PNG
    bool include_birth_date = false;
    bool include_nationality = false;
    bool include_photo = false;

    std::string ui_lang = "de";  // the language of the companion page

    std::vector<Experience> experiences;
    std::vector<Education> education;
    std::vector<LanguageSkill> languages;
    std::vector<Skill> skills;

    std::vector<std::string> licence_classes;  // "B", "C1E", ...
    bool licence_foreign_only = false;         // the licence is foreign and not yet exchanged

    Mobility mobility;
    Availability availability;

    std::string place;  // where the CV is signed
    std::string date;   // "YYYY-MM-DD"
};

// Labels of catalog entries in a language. The catalog implements it over SQLite; tests use memory.
class CatalogLabels {
  public:
    virtual ~CatalogLabels() = default;
    // The label of an occupation, skill or skill category in `lang`, if the catalog has one.
    virtual std::optional<std::string> label(std::string_view id, std::string_view lang) const = 0;
    // The id of the category a skill belongs to (its label comes from label()), if any.
    virtual std::optional<std::string> category(std::string_view skill_id) const = 0;
};

}  // namespace kk::cv
