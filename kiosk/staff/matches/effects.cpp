#include "kiosk/staff/matches/effects.hpp"

#include <string>

namespace kk::staff {
namespace {

MatchesAction loaded(MatchesService& service, MatchSubject subject, std::int64_t id) {
    auto rows = subject == MatchSubject::Candidate ? service.for_candidate(id, kPanelTopMatches)
                                                   : service.for_vacancy(id, kPanelTopMatches);
    if (!rows) return MatchesLoaded{.subject = subject, .id = id, .rows = {}, .error = rows.error()};
    return MatchesLoaded{.subject = subject, .id = id, .rows = std::move(*rows), .error = {}};
}

MatchesAction saved(const db::Result<db::MatchReview>& review) {
    if (!review) return MatchActionFailed{.key = "staff.matches.failed", .detail = review.error()};
    return MatchReviewSaved{*review};
}

const MatchRow* row_of(const MatchesState& state, std::int64_t candidate_id, std::int64_t vacancy_id) {
    for (const MatchRow& row : state.rows) {
        if (row.candidate_id == candidate_id && row.vacancy_id == vacancy_id) return &row;
    }
    return nullptr;
}

}  // namespace

std::optional<MatchesAction> run_match_effect(MatchesService* service, const MatchesState& after,
                                              const MatchesAction& action, const db::StaffActor& actor) {
    const bool request = std::holds_alternative<LoadMatches>(action) || std::holds_alternative<RefreshMatches>(action) ||
                         std::holds_alternative<ProposeMatch>(action) ||
                         std::holds_alternative<ChangeMatchStatus>(action) ||
                         std::holds_alternative<SaveMatchNote>(action) || std::holds_alternative<ExportMatches>(action);
    if (!request) return std::nullopt;
    if (service == nullptr) return MatchActionFailed{.key = "staff.matches.unavailable", .detail = {}};

    if (const auto* load = std::get_if<LoadMatches>(&action)) {
        if (load->id == 0) return std::nullopt;
        return loaded(*service, load->subject, load->id);
    }
    if (std::holds_alternative<RefreshMatches>(action)) {
        service->refresh();
        if (after.subject_id == 0) return std::nullopt;
        return loaded(*service, after.subject, after.subject_id);
    }
    if (const auto* propose = std::get_if<ProposeMatch>(&action)) {
        const MatchRow* row = row_of(after, propose->candidate_id, propose->vacancy_id);
        const double score = row != nullptr ? row->score : 0.0;
        return saved(service->propose(propose->candidate_id, propose->vacancy_id, score, actor));
    }
    if (const auto* change = std::get_if<ChangeMatchStatus>(&action)) {
        std::string reason;
        if (change->to == db::ReviewStatus::rejected) {
            if (after.rejecting != change->review_id || after.reason.find_first_not_of(" \t") == std::string::npos) {
                return MatchActionFailed{.key = "staff.matches.reason_required", .detail = {}};
            }
            reason = after.reason;
        }
        return saved(service->change_status(change->review_id, change->to, reason, actor));
    }
    if (std::holds_alternative<SaveMatchNote>(action)) {
        if (after.noting == 0 || after.note.find_first_not_of(" \t") == std::string::npos) {
            return MatchActionFailed{.key = "staff.matches.note_empty", .detail = {}};
        }
        return saved(service->add_note(after.noting, after.note, actor));
    }
    // ExportMatches
    const std::string stem = std::string(after.subject == MatchSubject::Candidate ? "treffer-kandidat-" : "treffer-stelle-") +
                             std::to_string(after.subject_id);
    auto file = service->export_csv(after.rows, stem);
    if (!file) return MatchActionFailed{.key = "staff.matches.export_failed", .detail = file.error()};
    return MatchesExported{file->string()};
}

}  // namespace kk::staff
