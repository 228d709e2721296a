#pragma once
// The staff's review of a match between a candidate and a vacancy: a status workflow with who changed it
// when, notes, and the verification of a candidate's skills. Every change writes an audit entry (ids and
// status codes only: notes and reasons may mention the person, so they stay out of the log).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "db/result.hpp"
#include "db/staff.hpp"
#include "db/store.hpp"
#include "db/timestamps.hpp"

namespace kk::db {

// vorgeschlagen → kontaktiert → Vorstellungsgespräch → eingestellt, or abgelehnt (with a reason) from any
// open state; withdrawn when the candidate or the vacancy drops out. in_review/approved are the optional
// internal check before contacting.
enum class ReviewStatus { proposed, in_review, approved, contacted, interview, hired, rejected, withdrawn };

std::string_view to_string(ReviewStatus status);     // the stored code: "interview"
std::string_view german_label(ReviewStatus status);  // "Vorstellungsgespräch"
// Accepts the stored codes and the German words (case-insensitive ASCII; "vorstellungsgespraech" too).
std::optional<ReviewStatus> parse_review_status(std::string_view text);
// Whether the workflow allows moving from `from` to `to` (hired, rejected and withdrawn are final).
bool review_transition_allowed(ReviewStatus from, ReviewStatus to);

struct MatchReview {
    std::int64_t id = 0;
    std::int64_t candidate_id = 0;
    std::int64_t vacancy_id = 0;
    double score = 0;
    ReviewStatus status = ReviewStatus::proposed;
    std::string rejection_reason;
    std::optional<std::string> status_changed_by{};  // username; nullopt for kioskctl or a deleted account
    std::string status_changed_at;
    std::string notes;
    std::string created_at;
};

struct ReviewEvent {
    ReviewStatus status = ReviewStatus::proposed;
    std::string reason;
    std::optional<std::string> staff_username{};
    std::string at;
    std::string note;
};

// Records a proposed match (or refreshes the score of an existing one, keeping its status). Returns its id.
Result<std::int64_t> propose_match(Store& store, std::int64_t candidate_id, std::int64_t vacancy_id,
                                   double score, const StaffActor& actor, TimePoint now);

// Moves a review to `to`; `reason` is required for rejected; `note` is optional and kept in the event.
// Fails for an unknown review, a transition the workflow does not allow, or a rejection without reason.
Result<MatchReview> change_review_status(Store& store, std::int64_t review_id, ReviewStatus to,
                                         std::string_view reason, std::string_view note,
                                         const StaffActor& actor, TimePoint now);

// Appends a paragraph to the review's notes.
Result<MatchReview> add_review_note(Store& store, std::int64_t review_id, std::string_view note,
                                    const StaffActor& actor, TimePoint now);

Result<MatchReview> get_review(Store& store, std::int64_t review_id);
// Status history of a review, oldest first.
Result<std::vector<ReviewEvent>> review_events(Store& store, std::int64_t review_id);
// A candidate's reviews, best score first.
Result<std::vector<MatchReview>> reviews_for_candidate(Store& store, std::int64_t candidate_id);
// A vacancy's reviews, best score first.
Result<std::vector<MatchReview>> reviews_for_vacancy(Store& store, std::int64_t vacancy_id);

// How staff verified a skill: saw a certificate, a MYSKILLS test result, or trial work.
enum class SkillVerification { certificate, myskills, trial_work };
std::string_view to_string(SkillVerification how);
std::optional<SkillVerification> parse_skill_verification(std::string_view text);

// Marks candidate_skills row `candidate_skill_id` verified by `actor` (source = verified, how, by whom,
// when).
Result<bool> verify_candidate_skill(Store& store, std::int64_t candidate_skill_id, SkillVerification how,
                                    const StaffActor& actor, TimePoint now);

}  // namespace kk::db
