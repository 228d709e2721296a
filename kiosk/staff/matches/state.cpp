#include "kiosk/staff/matches/state.hpp"

#include <algorithm>
#include <array>

namespace kk::staff {
namespace {

template <class... F>
struct Overloaded : F... {
    using F::operator()...;
};

bool same_review(const db::MatchReview& a, const db::MatchReview& b) {
    return a.id == b.id && a.status == b.status && a.rejection_reason == b.rejection_reason &&
           a.status_changed_by == b.status_changed_by && a.status_changed_at == b.status_changed_at &&
           a.notes == b.notes && a.score == b.score;
}

MatchesState clear_edit(MatchesState state) {
    state.rejecting = 0;
    state.noting = 0;
    state.reason.clear();
    state.note.clear();
    return state;
}

}  // namespace

bool MatchRow::operator==(const MatchRow& other) const {
    const bool reviews_equal = review.has_value() == other.review.has_value() &&
                               (!review || same_review(*review, *other.review));
    return reviews_equal && candidate_id == other.candidate_id && vacancy_id == other.vacancy_id &&
           candidate_ref == other.candidate_ref && score == other.score && matched == other.matched &&
           missing == other.missing && blockers == other.blockers && sentence_de == other.sentence_de;
}

std::vector<db::ReviewStatus> next_statuses(db::ReviewStatus from) {
    using S = db::ReviewStatus;
    static constexpr std::array kLadder{S::approved, S::contacted, S::interview, S::hired};
    std::vector<S> out;
    for (S to : kLadder) {
        if (to != from && db::review_transition_allowed(from, to)) out.push_back(to);
    }
    return out;
}

MatchesState update(MatchesState state, const MatchesAction& action) {
    return std::visit(
        Overloaded{
            [&](const LoadMatches& a) {
                if (a.subject != state.subject || a.id != state.subject_id) state = MatchesState{};
                state.subject = a.subject;
                state.subject_id = a.id;
                state.loading = a.id != 0;
                return std::move(state);
            },
            [&](const RefreshMatches&) {
                state.loading = state.subject_id != 0;
                return std::move(state);
            },
            [&](const MatchesLoaded& a) {
                if (a.subject != state.subject || a.id != state.subject_id) return std::move(state);  // stale
                state.loading = false;
                state.rows = a.rows;
                state.message_key = a.error.empty() ? "" : "staff.matches.failed";
                state.message_detail = a.error;
                return std::move(state);
            },
            [&](const StartRejection& a) {
                state = clear_edit(std::move(state));
                state.rejecting = a.review_id;
                return std::move(state);
            },
            [&](const StartNote& a) {
                state = clear_edit(std::move(state));
                state.noting = a.review_id;
                return std::move(state);
            },
            [&](const CancelMatchEdit&) { return clear_edit(std::move(state)); },
            [&](const MatchReviewSaved& a) {
                for (MatchRow& row : state.rows) {
                    if (row.candidate_id == a.review.candidate_id && row.vacancy_id == a.review.vacancy_id) {
                        row.review = a.review;
                    }
                }
                state = clear_edit(std::move(state));
                state.message_key.clear();
                state.message_detail.clear();
                return std::move(state);
            },
            [&](const MatchActionFailed& a) {
                state.message_key = a.key;
                state.message_detail = a.detail;
                return std::move(state);
            },
            [&](const MatchesExported& a) {
                state.message_key = "staff.matches.exported";
                state.message_detail = a.path;
                return std::move(state);
            },
            // Requests whose work is done by the effects.
            [&](const auto&) { return std::move(state); },
        },
        action);
}

std::string* text_field(MatchesState& state, std::string_view prefix, std::string_view id) {
    if (id.size() <= prefix.size() || id.substr(0, prefix.size()) != prefix || id[prefix.size()] != '.') return nullptr;
    const std::string_view name = id.substr(prefix.size() + 1);
    if (name == "reason" && state.rejecting != 0) return &state.reason;
    if (name == "note" && state.noting != 0) return &state.note;
    return nullptr;
}

}  // namespace kk::staff
