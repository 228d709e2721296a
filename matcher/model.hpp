#pragma once
// The matching engine's view of candidates and vacancies: plain values, filled by db/ or by tests.
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace kk::matcher {

// Dense index of a catalog skill (0..skill_count-1), assigned when the catalog is loaded.
using SkillId = std::uint32_t;
// Dense index of a catalog occupation.
using OccupationId = std::uint32_t;

// Language level; Native ranks above C2. None = not stated (never counts as a level).
enum class LanguageLevel : std::uint8_t { None = 0, A1, A2, B1, B2, C1, C2, Native };

// Bit flags; a candidate may have several.
enum Mobility : std::uint8_t { kCar = 1, kPublicTransport = 2, kBike = 4 };
enum Availability : std::uint8_t { kFullTime = 1, kPartTime = 2, kShifts = 4, kMiniJob = 8 };

struct GeoPoint {
    double lat_deg = 0;
    double lon_deg = 0;
};

struct CandidateSkill {
    std::optional<SkillId> id;  // empty: free text the resolver could not place in the catalog
    std::string text;           // as entered, or the catalog label when entered by id
    std::string lang;
    bool verified = false;  // checked by staff; shown in the explanation, not weighted
};

struct CandidateOccupation {
    std::optional<OccupationId> id;
    std::string title;
    double years = 0;
};

struct CandidateLanguage {
    std::string code;  // ISO 639-1, "de" for German
    LanguageLevel level = LanguageLevel::None;
};

struct Candidate {
    std::string ref;
    std::vector<CandidateSkill> skills;
    std::vector<CandidateOccupation> occupations;
    std::vector<CandidateLanguage> languages;
    std::vector<std::string> licence_classes;  // "B", "C1", "CE", ...
    bool foreign_licence_only = false;         // licence not yet converted to a German one
    std::optional<GeoPoint> location;          // postcode centroid; empty = distance unknown
    std::optional<double> max_commute_km;      // empty = kDefaultCommuteKm (score.hpp)
    std::uint8_t mobility = 0;                 // Mobility flags
    std::uint8_t availability = 0;             // Availability flags
    std::optional<std::chrono::sys_days> start_date;
};

struct VacancySkill {
    std::string text;           // as the employer wrote it
    std::optional<SkillId> id;  // resolved catalog skill
    double confidence = 0;      // of the resolution; below kMinResolvedConfidence the text is used
};

struct Vacancy {
    std::string reference;
    std::string employer;
    std::string title;
    std::optional<OccupationId> occupation;
    std::vector<VacancySkill> required;
    std::vector<VacancySkill> optional;
    LanguageLevel german = LanguageLevel::None;  // None = no requirement
    bool german_support = false;                 // employer supports learning German on the job
    std::string licence;                         // class needed; empty = none
    std::optional<GeoPoint> location;
    std::uint8_t hours = 0;  // Availability flags offered
    std::optional<std::chrono::sys_days> valid_until;
    bool open = true;
};

}  // namespace kk::matcher
