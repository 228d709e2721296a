#pragma once
// Staff mode, the candidate list (search, filters, sort), a candidate's detail with CV preview, top vacancies with the
// matcher's explanation, match status changes, skill verification, exports, erase (admins).
// Pure: no ImGui, no I/O.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "db/candidates.hpp"
#include "db/match_reviews.hpp"
#include "kiosk/staff/matches/state.hpp"

namespace kk::staff {

// One row of the list, as the service reads it.
struct CandidateSummary {
    std::int64_t id = 0;
    std::string resume_code;
    std::string given_name;
    std::string family_name;
    std::string status;       // "complete" or "incomplete"
    std::string ui_language;  // ICU id
    std::string postcode;
    std::string city;
    std::string updated_at;                     // UTC ISO 8601
    std::vector<std::string> occupations{};     // German labels of their experiences (own words when unresolved)
    std::vector<std::string> review_statuses{}; // codes of their match reviews
    std::string search_key{};                   // name, code, occupations, postcode folded (matcher::fold_for_matching)
    std::string name_key{};                     // "family given" folded, for sorting
    bool operator==(const CandidateSummary&) const = default;
};

struct CandidateSkillView {
    std::int64_t id = 0;      // candidate_skills.id (what verification names)
    std::string label;        // German catalog label, else the person's words
    bool verified = false;
    std::string verified_how{};  // db::to_string(SkillVerification), when the store knows it
    std::string verified_by{};
    std::string verified_at{};
    bool operator==(const CandidateSkillView&) const = default;
};

// Everything the detail view shows.
struct CandidateDetail {
    std::int64_t id = 0;
    db::CandidateRecord record;
    std::vector<std::string> experience_labels{};  // parallel to record.experiences: German occupation label or ""
    std::vector<CandidateSkillView> skills{};
    bool operator==(const CandidateDetail&) const = default;
};

enum class CandidateSort { Name, Updated, Postcode };
enum class StatusFilter { All, Complete, Incomplete };

struct CandidatesState {
    bool loaded = false;   // the list was read since login (or since the last reload)
    bool loading = false;
    std::vector<CandidateSummary> all;
    std::string search;          // field "candidates.search": matches name, code, occupation, postcode
    StatusFilter status = StatusFilter::All;
    std::string language;        // "" = every UI language
    std::string review;          // "" = any; else a review status code one of their matches has
    CandidateSort sort = CandidateSort::Name;
    bool descending = false;
    std::int64_t open_id = 0;    // the candidate whose detail is shown (0: the list)
    std::optional<CandidateDetail> detail;
    std::int64_t verifying_skill = 0;  // the skill whose "how was it verified" choice is open
    bool confirm_erase = false;
    MatchesState matches;        // the top vacancies of the open candidate
    std::string message_key;     // staff.candidates.* under the toolbar (saved file or error)
    std::string message_detail;
    bool operator==(const CandidatesState&) const = default;
};

// The id prefix of the embedded matches panel's tap targets and fields.
inline constexpr char kCandidateMatchesPrefix[] = "candidates.matches";
inline constexpr char kCandidateSearchField[] = "candidates.search";

struct ReloadCandidates {};
struct CandidatesLoaded { std::vector<CandidateSummary> rows; std::string error; };
struct FilterCandidateStatus { StatusFilter status = StatusFilter::All; };
struct FilterCandidateLanguage { std::string language; };
struct FilterCandidateReview { std::string review; };
struct SortCandidates { CandidateSort sort = CandidateSort::Name; };  // the same column again reverses
struct OpenCandidate { std::int64_t id = 0; };
struct CandidateOpened { std::optional<CandidateDetail> detail; std::string error; };
struct CloseCandidate {};
struct ChooseVerification { std::int64_t skill_id = 0; };  // 0 closes the choice
struct VerifySkill { std::int64_t skill_id = 0; db::SkillVerification how = db::SkillVerification::certificate; };
struct AskErase {};
struct CancelErase {};
struct ConfirmErase {};
struct CandidateErased { std::int64_t id = 0; };
struct ExportCandidates {};
struct SaveCvPdf {};
struct CandidateFileSaved { std::string path; };
struct CandidatesFailed { std::string key; std::string detail; };
// The embedded matches panel's actions.
struct MatchCommand { MatchesAction action; };

using CandidatesAction =
    std::variant<ReloadCandidates, CandidatesLoaded, FilterCandidateStatus, FilterCandidateLanguage, FilterCandidateReview,
                 SortCandidates, OpenCandidate, CandidateOpened, CloseCandidate, ChooseVerification, VerifySkill,
                 AskErase, CancelErase, ConfirmErase, CandidateErased, ExportCandidates, SaveCvPdf, CandidateFileSaved,
                 CandidatesFailed, MatchCommand>;

CandidatesState update(CandidatesState state, const CandidatesAction& action);

// The text of this view's field `id` ("candidates.<name>"), or nullptr when it has none of that id.
std::string* text_field(CandidatesState& state, std::string_view id);

// The list as shown: filtered by status, language, review status and the search text (every word of it must
// occur in the row's search key), sorted by the chosen column. O(n log n).
std::vector<const CandidateSummary*> visible_candidates(const CandidatesState& state);

// The distinct UI languages and review statuses of the loaded list, sorted (the filters cycle through them).
std::vector<std::string> candidate_languages(const CandidatesState& state);
std::vector<std::string> candidate_review_statuses(const CandidatesState& state);

}  // namespace kk::staff
