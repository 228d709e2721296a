#pragma once
// Staff mode, the matches panel shared by the candidates and the vacancies view: the top matches of one
// candidate (or one vacancy) with the matcher's explanation and the review workflow. Pure: no ImGui, no I/O.
// A view embeds a MatchesState and wraps MatchesAction in its own action variant; its module forwards the
// wrapped actions to run_match_effect() (matches/effects.hpp) and the outcomes back the same way.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "db/match_reviews.hpp"

namespace kk::staff {

// Whose matches the panel shows.
enum class MatchSubject { Candidate, Vacancy };

struct MatchedSkillRow {
    std::string requirement;  // as the employer wrote it
    std::string by;           // the candidate's skill that meets it
    double similarity = 0;    // 0..1
    bool required = true;
    bool verified = false;
    std::string how;  // matcher::relation_code(): "same", "narrower_broader", "sibling", "same_occupation", "text"
    bool operator==(const MatchedSkillRow&) const = default;
};

// One match, as the panel and the CSV export show it.
struct MatchRow {
    std::int64_t candidate_id = 0;
    std::int64_t vacancy_id = 0;
    std::string candidate_ref;   // resume code
    std::string candidate_name;  // "given family"
    std::string employer;
    std::string reference;
    std::string title;
    double score = 0;  // 0..1
    double required_coverage = 0;
    double optional_coverage = 0;
    double experience = 0;
    double german_factor = 1;
    std::optional<double> distance_km{};
    bool reachable = true;
    std::vector<MatchedSkillRow> matched{};
    std::vector<std::string> missing{};   // required skills as written
    std::vector<std::string> blockers{};  // matcher::blocker_code()
    std::string sentence_de{};
    std::optional<db::MatchReview> review{};  // none until proposed
    bool operator==(const MatchRow& other) const;
};

struct MatchesState {
    MatchSubject subject = MatchSubject::Candidate;
    std::int64_t subject_id = 0;  // candidates.id or vacancies.id; 0: nothing shown
    bool loading = false;
    std::vector<MatchRow> rows;   // best first
    std::int64_t rejecting = 0;   // review whose rejection reason is being typed
    std::int64_t noting = 0;      // review whose note is being typed
    std::string reason;           // field "<prefix>.reason"
    std::string note;             // field "<prefix>.note"
    std::string message_key;      // staff.matches.* shown under the list (an error or "exported")
    std::string message_detail;   // its {detail} (a path or the store's error)
    bool operator==(const MatchesState&) const = default;
};

// How many matches the panel asks for.
inline constexpr std::size_t kPanelTopMatches = 10;

// Requests (the panel's controls) and outcomes (their effects' answers).
struct LoadMatches { MatchSubject subject = MatchSubject::Candidate; std::int64_t id = 0; };
struct RefreshMatches {};  // rebuild the engine (after an import or profile changes), then reload
struct MatchesLoaded {
    MatchSubject subject = MatchSubject::Candidate;
    std::int64_t id = 0;
    std::vector<MatchRow> rows;
    std::string error;  // the store's message; empty on success
};
struct ProposeMatch { std::int64_t candidate_id = 0; std::int64_t vacancy_id = 0; };
struct ChangeMatchStatus { std::int64_t review_id = 0; db::ReviewStatus to = db::ReviewStatus::contacted; };
struct StartRejection { std::int64_t review_id = 0; };  // shows the reason field and the confirm button
struct StartNote { std::int64_t review_id = 0; };
struct CancelMatchEdit {};
struct SaveMatchNote {};
struct ExportMatches {};
struct MatchReviewSaved { db::MatchReview review; };
struct MatchActionFailed { std::string key; std::string detail; };  // key: staff.matches.*
struct MatchesExported { std::string path; };

using MatchesAction = std::variant<LoadMatches, RefreshMatches, MatchesLoaded, ProposeMatch, ChangeMatchStatus,
                                   StartRejection, StartNote, CancelMatchEdit, SaveMatchNote, ExportMatches,
                                   MatchReviewSaved, MatchActionFailed, MatchesExported>;

MatchesState update(MatchesState state, const MatchesAction& action);

// The panel's field `id` when it is "<prefix>.reason" or "<prefix>.note", else nullptr.
std::string* text_field(MatchesState& state, std::string_view prefix, std::string_view id);

// The statuses the panel offers from `from`: the next step of vorgeschlagen → kontaktiert →
// Vorstellungsgespräch → eingestellt (only those review_transition_allowed permits; rejection is separate).
std::vector<db::ReviewStatus> next_statuses(db::ReviewStatus from);

}  // namespace kk::staff
