#include "db/match_reviews.hpp"

#include <array>

#include "db/audit.hpp"

namespace kk::db {
namespace {

constexpr char kSelectReviewColumns[] =
    "SELECT r.id, r.candidate_id, r.vacancy_id, r.score, r.status, r.rejection_reason, u.username, "
    "r.status_changed_at, r.notes, r.created_at FROM match_reviews r "
    "LEFT JOIN staff_users u ON u.id = r.status_changed_by ";
constexpr char kSelectReviewSql[] =
    "SELECT r.id, r.candidate_id, r.vacancy_id, r.score, r.status, r.rejection_reason, u.username, "
    "r.status_changed_at, r.notes, r.created_at FROM match_reviews r "
    "LEFT JOIN staff_users u ON u.id = r.status_changed_by WHERE r.id = ?";
constexpr char kSelectReviewPairSql[] =
    "SELECT id FROM match_reviews WHERE candidate_id = ? AND vacancy_id = ?";
constexpr char kInsertReviewSql[] =
    "INSERT INTO match_reviews (candidate_id, vacancy_id, score, status, status_changed_by, "
    "status_changed_at, "
    "created_at) VALUES (?, ?, ?, 'proposed', ?, ?, ?)";
constexpr char kUpdateScoreSql[] = "UPDATE match_reviews SET score = ? WHERE id = ?";
constexpr char kUpdateStatusSql[] =
    "UPDATE match_reviews SET status = ?, rejection_reason = ?, status_changed_by = ?, status_changed_at = ? "
    "WHERE id = ?";
constexpr char kUpdateNotesSql[] = "UPDATE match_reviews SET notes = ? WHERE id = ?";
constexpr char kInsertEventSql[] =
    "INSERT INTO match_review_events (review_id, status, reason, staff_user_id, at, note) VALUES (?, ?, ?, "
    "?, ?, ?)";
constexpr char kSelectEventsSql[] =
    "SELECT e.status, e.reason, u.username, e.at, e.note FROM match_review_events e "
    "LEFT JOIN staff_users u ON u.id = e.staff_user_id WHERE e.review_id = ? ORDER BY e.id";
constexpr char kSelectSkillSql[] = "SELECT candidate_id FROM candidate_skills WHERE id = ?";
constexpr char kVerifySkillSql[] =
    "UPDATE candidate_skills SET source = 'verified', verification = ?, verified_by = ?, verified_at = ? "
    "WHERE id = ?";

struct StatusName {
    ReviewStatus status;
    const char* code;
    const char* german;
    const char* german_ascii;
};

constexpr std::array<StatusName, 8> kStatusNames{{
    {ReviewStatus::proposed, "proposed", "vorgeschlagen", "vorgeschlagen"},
    {ReviewStatus::in_review, "in_review", "in Prüfung", "in pruefung"},
    {ReviewStatus::approved, "approved", "freigegeben", "freigegeben"},
    {ReviewStatus::contacted, "contacted", "kontaktiert", "kontaktiert"},
    {ReviewStatus::interview, "interview", "Vorstellungsgespräch", "vorstellungsgespraech"},
    {ReviewStatus::hired, "hired", "eingestellt", "eingestellt"},
    {ReviewStatus::rejected, "rejected", "abgelehnt", "abgelehnt"},
    {ReviewStatus::withdrawn, "withdrawn", "zurückgezogen", "zurueckgezogen"},
}};

std::string ascii_lower(std::string_view text) {
    std::string out(text);
    for (char& c : out) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
}

MatchReview read_review(const Statement& row) {
    MatchReview r;
    r.id = row.column_int(0);
    r.candidate_id = row.column_int(1);
    r.vacancy_id = row.column_int(2);
    r.score = row.column_double(3);
    r.status = parse_review_status(row.column_text(4)).value_or(ReviewStatus::proposed);
    r.rejection_reason = row.column_text(5);
    r.status_changed_by = row.column_optional_text(6);
    r.status_changed_at = row.column_text(7);
    r.notes = row.column_text(8);
    r.created_at = row.column_text(9);
    return r;
}

std::optional<MatchReview> find_review(Connection& connection, std::int64_t id) {
    Statement select(connection, kSelectReviewSql);
    select.bind(1, id);
    if (!select.step()) return std::nullopt;
    return read_review(select);
}

void audit_review(Connection& connection, const StaffActor& actor, const char* action, std::int64_t review_id,
                  TimePoint now, std::string detail) {
    append_audit_entry(connection, AuditEntry{.at = utc_timestamp(now),
                                              .actor = actor.username,
                                              .action = action,
                                              .subject_kind = "review",
                                              .subject_id = review_id,
                                              .detail = std::move(detail)});
}

Result<std::vector<MatchReview>> reviews_where(Store& store, const char* where, std::int64_t id) {
    try {
        const std::string sql = std::string(kSelectReviewColumns) + where + " ORDER BY r.score DESC, r.id";
        Statement select(store.connection(), sql.c_str());
        select.bind(1, id);
        std::vector<MatchReview> reviews;
        while (select.step()) reviews.push_back(read_review(select));
        return Result<std::vector<MatchReview>>::ok(std::move(reviews));
    } catch (const Error& e) {
        return Result<std::vector<MatchReview>>::fail(e.what());
    }
}

}  // namespace

std::string_view to_string(ReviewStatus status) {
    for (const auto& n : kStatusNames) {
        if (n.status == status) return n.code;
    }
    return "proposed";
}

std::string_view german_label(ReviewStatus status) {
    for (const auto& n : kStatusNames) {
        if (n.status == status) return n.german;
    }
    return "vorgeschlagen";
}

std::optional<ReviewStatus> parse_review_status(std::string_view text) {
    const std::string lower = ascii_lower(text);
    for (const auto& n : kStatusNames) {
        if (lower == n.code || lower == ascii_lower(n.german) || lower == n.german_ascii) return n.status;
    }
    return std::nullopt;
}

bool review_transition_allowed(ReviewStatus from, ReviewStatus to) {
    using S = ReviewStatus;
    if (from == S::hired || from == S::rejected || from == S::withdrawn || from == to) return false;
    if (to == S::rejected || to == S::withdrawn) return true;
    switch (from) {
        case S::proposed:
            return to == S::in_review || to == S::contacted;
        case S::in_review:
            return to == S::approved;
        case S::approved:
            return to == S::contacted;
        case S::contacted:
            return to == S::interview;
        case S::interview:
            return to == S::hired;
        default:
            return false;
    }
}

Result<std::int64_t> propose_match(Store& store, std::int64_t candidate_id, std::int64_t vacancy_id,
                                   double score, const StaffActor& actor, TimePoint now) {
    try {
        Connection& connection = store.connection();
        Transaction transaction(connection);
        Statement existing(connection, kSelectReviewPairSql);
        existing.bind(1, candidate_id).bind(2, vacancy_id);
        std::int64_t id = 0;
        if (existing.step()) {
            id = existing.column_int(0);
            Statement update(connection, kUpdateScoreSql);
            update.bind(1, score).bind(2, id).run();
        } else {
            const std::string at = utc_timestamp(now);
            Statement insert(connection, kInsertReviewSql);
            insert.bind(1, candidate_id)
                .bind(2, vacancy_id)
                .bind(3, score)
                .bind(4, actor.id)
                .bind(5, at)
                .bind(6, at);
            insert.run();
            id = connection.last_insert_rowid();
            Statement event(connection, kInsertEventSql);
            event.bind(1, id).bind(2, "proposed").bind(3, "").bind(4, actor.id).bind(5, at).bind(6, "").run();
            audit_review(
                connection, actor, "review.propose", id, now,
                "candidate #" + std::to_string(candidate_id) + " vacancy #" + std::to_string(vacancy_id));
        }
        transaction.commit();
        return Result<std::int64_t>::ok(id);
    } catch (const Error& e) {
        return Result<std::int64_t>::fail(e.what());
    }
}

Result<MatchReview> change_review_status(Store& store, std::int64_t review_id, ReviewStatus to,
                                         std::string_view reason, std::string_view note,
                                         const StaffActor& actor, TimePoint now) {
    try {
        Connection& connection = store.connection();
        Transaction transaction(connection);
        const auto review = find_review(connection, review_id);
        if (!review) return Result<MatchReview>::fail("no review #" + std::to_string(review_id));
        if (!review_transition_allowed(review->status, to)) {
            return Result<MatchReview>::fail("a review cannot move from " +
                                             std::string(german_label(review->status)) + " to " +
                                             std::string(german_label(to)));
        }
        if (to == ReviewStatus::rejected && reason.empty()) {
            return Result<MatchReview>::fail("a rejection needs a reason");
        }
        const std::string at = utc_timestamp(now);
        Statement update(connection, kUpdateStatusSql);
        update.bind(1, to_string(to))
            .bind(2, to == ReviewStatus::rejected ? std::string(reason) : std::string());
        update.bind(3, actor.id).bind(4, at).bind(5, review_id).run();
        Statement event(connection, kInsertEventSql);
        event.bind(1, review_id)
            .bind(2, to_string(to))
            .bind(3, std::string(reason))
            .bind(4, actor.id)
            .bind(5, at);
        event.bind(6, std::string(note));
        event.run();
        audit_review(connection, actor, "review.status", review_id, now,
                     std::string(to_string(review->status)) + " -> " + std::string(to_string(to)));
        auto changed = find_review(connection, review_id);
        transaction.commit();
        return Result<MatchReview>::ok(std::move(*changed));
    } catch (const Error& e) {
        return Result<MatchReview>::fail(e.what());
    }
}

Result<MatchReview> add_review_note(Store& store, std::int64_t review_id, std::string_view note,
                                    const StaffActor& actor, TimePoint now) {
    if (note.empty()) return Result<MatchReview>::fail("the note is empty");
    try {
        Connection& connection = store.connection();
        Transaction transaction(connection);
        const auto review = find_review(connection, review_id);
        if (!review) return Result<MatchReview>::fail("no review #" + std::to_string(review_id));
        std::string notes = review->notes;
        if (!notes.empty()) notes += "\n\n";
        notes += utc_timestamp(now) + " " + actor.username + ": " + std::string(note);
        Statement update(connection, kUpdateNotesSql);
        update.bind(1, notes).bind(2, review_id).run();
        audit_review(connection, actor, "review.note", review_id, now, "");
        auto changed = find_review(connection, review_id);
        transaction.commit();
        return Result<MatchReview>::ok(std::move(*changed));
    } catch (const Error& e) {
        return Result<MatchReview>::fail(e.what());
    }
}

Result<MatchReview> get_review(Store& store, std::int64_t review_id) {
    try {
        auto review = find_review(store.connection(), review_id);
        if (!review) return Result<MatchReview>::fail("no review #" + std::to_string(review_id));
        return Result<MatchReview>::ok(std::move(*review));
    } catch (const Error& e) {
        return Result<MatchReview>::fail(e.what());
    }
}

Result<std::vector<ReviewEvent>> review_events(Store& store, std::int64_t review_id) {
    try {
        Statement select(store.connection(), kSelectEventsSql);
        select.bind(1, review_id);
        std::vector<ReviewEvent> events;
        while (select.step()) {
            events.push_back(ReviewEvent{
                .status = parse_review_status(select.column_text(0)).value_or(ReviewStatus::proposed),
                .reason = select.column_text(1),
                .staff_username = select.column_optional_text(2),
                .at = select.column_text(3),
                .note = select.column_text(4)});
        }
        return Result<std::vector<ReviewEvent>>::ok(std::move(events));
    } catch (const Error& e) {
        return Result<std::vector<ReviewEvent>>::fail(e.what());
    }
}

Result<std::vector<MatchReview>> reviews_for_candidate(Store& store, std::int64_t candidate_id) {
    return reviews_where(store, "WHERE r.candidate_id = ?", candidate_id);
}

Result<std::vector<MatchReview>> reviews_for_vacancy(Store& store, std::int64_t vacancy_id) {
    return reviews_where(store, "WHERE r.vacancy_id = ?", vacancy_id);
}

std::string_view to_string(SkillVerification how) {
    switch (how) {
        case SkillVerification::certificate:
            return "certificate";
        case SkillVerification::myskills:
            return "myskills";
        case SkillVerification::trial_work:
            return "trial_work";
    }
    return "certificate";
}

std::optional<SkillVerification> parse_skill_verification(std::string_view text) {
    const std::string lower = ascii_lower(text);
    if (lower == "certificate" || lower == "zertifikat" || lower == "nachweis")
        return SkillVerification::certificate;
    if (lower == "myskills") return SkillVerification::myskills;
    if (lower == "trial_work" || lower == "probearbeit") return SkillVerification::trial_work;
    return std::nullopt;
}

Result<bool> verify_candidate_skill(Store& store, std::int64_t candidate_skill_id, SkillVerification how,
                                    const StaffActor& actor, TimePoint now) {
    try {
        Connection& connection = store.connection();
        Transaction transaction(connection);
        Statement select(connection, kSelectSkillSql);
        select.bind(1, candidate_skill_id);
        if (!select.step())
            return Result<bool>::fail("no candidate skill #" + std::to_string(candidate_skill_id));
        const std::int64_t candidate_id = select.column_int(0);
        Statement update(connection, kVerifySkillSql);
        update.bind(1, to_string(how))
            .bind(2, actor.id)
            .bind(3, utc_timestamp(now))
            .bind(4, candidate_skill_id)
            .run();
        append_audit_entry(
            connection, AuditEntry{.at = utc_timestamp(now),
                                   .actor = actor.username,
                                   .action = "skill.verify",
                                   .subject_kind = "candidate",
                                   .subject_id = candidate_id,
                                   .detail = "candidate_skill #" + std::to_string(candidate_skill_id) + " " +
                                             std::string(to_string(how))});
        transaction.commit();
        return Result<bool>::ok(true);
    } catch (const Error& e) {
        return Result<bool>::fail(e.what());
    }
}

}  // namespace kk::db
