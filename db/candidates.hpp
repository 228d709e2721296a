#pragma once
// Candidates as the store keeps them: typed records written and read as a whole, by their resume code (the
// `ref` a person keeps to come back). Every write is one transaction; nothing throws across this boundary.
#include <cstdint>
#include <optional>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "db/result.hpp"
#include "db/store.hpp"

namespace kk::db {

struct CandidateExperience {
    std::optional<std::string> occupation_code;  // catalog occupation, when the title was resolved
    std::string title;                           // in the person's own words
    std::string language;                        // of title and description
    std::string employer;
    std::string city;
    std::string country;                       // ISO 3166 code, "SY"
    std::optional<std::string> start_month;    // YYYY-MM
    std::optional<std::string> end_month;      // YYYY-MM; nullopt with is_current
    bool is_current = false;
    std::string description;
    std::optional<int> years{};  // how long, when no dates were asked (the kiosk asks years, not months)
    bool operator==(const CandidateExperience&) const = default;
};

struct CandidateEducation {
    std::string kind = "other";  // school, vocational, university, course, other
    std::string title;
    std::string language;
    std::string institution;
    std::string city;
    std::string country;
    std::optional<std::string> start_month;
    std::optional<std::string> end_month;
    bool completed = false;
    std::string recognition = "unknown";  // as the schema's CHECK lists
    std::optional<int> years{};           // years attended (school years), when no dates were asked
    bool operator==(const CandidateEducation&) const = default;
};

struct CandidateLanguageEntry {
    std::string language;  // ICU id, "ar"
    std::string level;     // "A1".."C2" or "native"
    bool operator==(const CandidateLanguageEntry&) const = default;
};

struct CandidateSkillEntry {
    std::optional<std::string> skill_code;  // catalog skill; nullopt: only free text
    std::optional<std::string> free_text;   // as entered (kept next to a resolved code)
    std::string language;                   // of free_text
    bool verified = false;
    bool operator==(const CandidateSkillEntry&) const = default;
};

struct CandidateRecord {
    std::string resume_code;  // unique; the JSONL `ref`
    std::string status = "incomplete";
    std::string ui_language = "de";
    std::string given_name;
    std::string family_name;
    std::string name_own{};                 // the name as typed in the person's own script, before transliteration
    std::optional<std::string> birth_date;  // YYYY-MM-DD
    std::string nationality;
    std::string phone;
    std::string email;
    std::string street;
    std::optional<std::string> postcode;  // 5 digits
    std::string city;
    // Consent is required: no candidate row without it.
    std::string consent_at;  // UTC ISO 8601
    std::string consent_text_version;
    std::string consent_language;

    std::vector<CandidateExperience> experiences;  // CV order
    std::vector<CandidateEducation> educations;
    std::vector<CandidateLanguageEntry> languages;
    std::vector<CandidateSkillEntry> skills;

    std::vector<std::string> licence_classes;  // "B", "CE"
    bool foreign_licence_unconverted = false;
    std::optional<int> max_commute_km;
    bool public_transport = false;
    bool car = false;
    bool bike = false;

    std::optional<std::string> available_from;  // YYYY-MM-DD
    std::vector<std::string> hours;             // full_time, part_time, minijob, shift
    bool shift_work = false;
    bool weekends = false;
    // The kiosk step an unfinished draft was left on ("personal" .. "review", "done"); nullopt when unknown.
    std::optional<std::string> draft_step{};
    bool operator==(const CandidateRecord&) const = default;
};

enum class UpsertOutcome { inserted, updated, unchanged };

// Writes `record` (inserted, or replacing the stored one with the same resume code, children included) in
// one transaction. Fails for a missing resume code or consent, or a skill/occupation code the catalog lacks.
Result<UpsertOutcome> upsert_candidate(Store& store, const CandidateRecord& record);

// The same inside a transaction the caller holds (for imports writing many candidates at once). Throws
// kk::db::Error; only for code inside kk::db.
UpsertOutcome upsert_candidate_in(Connection& connection, const CandidateRecord& record, const std::string& now);

// The candidate with this resume code, nullopt when there is none.
Result<std::optional<CandidateRecord>> load_candidate(Store& store, std::string_view resume_code);

// Every candidate's resume code, sorted.
Result<std::vector<std::string>> list_candidate_codes(Store& store);

// Every candidate, ordered by resume code. O(candidates + their rows).
Result<std::vector<CandidateRecord>> list_candidates(Store& store);

// Characters of resume codes: digits and capitals without 0/O, 1/I/L, 5/S, 2/Z, 8/B, U/V (easy to read aloud and
// to type back from a printout).
inline constexpr std::string_view kResumeCodeAlphabet = "34679ACDEFGHJKMNPQRTWXY";

// A random code of 8 characters from kResumeCodeAlphabet, shown as "XXXX-XXXX".
std::string generate_resume_code(std::mt19937_64& random);

// A fresh code that no candidate of the store has.
Result<std::string> new_resume_code(Store& store);

}  // namespace kk::db
