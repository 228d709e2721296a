#include "kiosk/staff/candidates/state.hpp"

#include <algorithm>
#include <set>

#include "matcher/normalise.hpp"

namespace kk::staff {
namespace {

template <class... F>
struct Overloaded : F... {
    using F::operator()...;
};

CandidatesState close_detail(CandidatesState state) {
    state.open_id = 0;
    state.detail.reset();
    state.verifying_skill = 0;
    state.confirm_erase = false;
    state.matches = {};
    return state;
}

std::vector<std::string> words(const std::string& folded) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start < folded.size()) {
        const std::size_t end = std::min(folded.find(' ', start), folded.size());
        if (end > start) out.push_back(folded.substr(start, end - start));
        start = end + 1;
    }
    return out;
}

}  // namespace

CandidatesState update(CandidatesState state, const CandidatesAction& action) {
    return std::visit(
        Overloaded{
            [&](const ReloadCandidates&) {
                state.loading = true;
                return std::move(state);
            },
            [&](const CandidatesLoaded& a) {
                state.loading = false;
                state.loaded = true;
                state.all = a.rows;
                state.message_key = a.error.empty() ? "" : "staff.candidates.failed";
                state.message_detail = a.error;
                return std::move(state);
            },
            [&](const FilterCandidateStatus& a) {
                state.status = a.status;
                return std::move(state);
            },
            [&](const FilterCandidateLanguage& a) {
                state.language = a.language;
                return std::move(state);
            },
            [&](const FilterCandidateReview& a) {
                state.review = a.review;
                return std::move(state);
            },
            [&](const SortCandidates& a) {
                state.descending = state.sort == a.sort ? !state.descending : a.sort == CandidateSort::Updated;
                state.sort = a.sort;
                return std::move(state);
            },
            [&](const OpenCandidate& a) {
                state = close_detail(std::move(state));
                state.open_id = a.id;
                state.message_key.clear();
                return std::move(state);
            },
            [&](const CandidateOpened& a) {
                if (!a.detail) {
                    state = close_detail(std::move(state));
                    state.message_key = "staff.candidates.failed";
                    state.message_detail = a.error;
                    return std::move(state);
                }
                if (a.detail->id != state.open_id) return std::move(state);  // another one was opened since
                state.detail = a.detail;
                state.verifying_skill = 0;
                return std::move(state);
            },
            [&](const CloseCandidate&) {
                state = close_detail(std::move(state));
                state.loaded = false;  // read again: review statuses changed in the detail, new kiosk profiles
                return std::move(state);
            },
            [&](const ChooseVerification& a) {
                state.verifying_skill = a.skill_id;
                return std::move(state);
            },
            [&](const VerifySkill&) {
                state.verifying_skill = 0;
                return std::move(state);
            },
            [&](const AskErase&) {
                state.confirm_erase = state.detail.has_value();
                return std::move(state);
            },
            [&](const CancelErase&) {
                state.confirm_erase = false;
                return std::move(state);
            },
            [&](const CandidateErased& a) {
                state = close_detail(std::move(state));
                std::erase_if(state.all, [&](const CandidateSummary& c) { return c.id == a.id; });
                state.message_key = "staff.candidates.erased";
                state.message_detail = std::to_string(a.id);
                return std::move(state);
            },
            [&](const CandidateFileSaved& a) {
                state.message_key = "staff.candidates.saved";
                state.message_detail = a.path;
                return std::move(state);
            },
            [&](const CandidatesFailed& a) {
                state.message_key = a.key;
                state.message_detail = a.detail;
                return std::move(state);
            },
            [&](const MatchCommand& a) {
                state.matches = update(std::move(state.matches), a.action);
                return std::move(state);
            },
            // Requests whose work is done by the effects.
            [&](const auto&) { return std::move(state); },
        },
        action);
}

std::string* text_field(CandidatesState& state, std::string_view id) {
    if (id == kCandidateSearchField) return &state.search;
    if (state.detail) return text_field(state.matches, kCandidateMatchesPrefix, id);
    return nullptr;
}

std::vector<const CandidateSummary*> visible_candidates(const CandidatesState& state) {
    const std::vector<std::string> query = words(matcher::fold_for_matching(state.search));
    std::vector<const CandidateSummary*> out;
    for (const CandidateSummary& c : state.all) {
        if (state.status == StatusFilter::Complete && c.status != "complete") continue;
        if (state.status == StatusFilter::Incomplete && c.status == "complete") continue;
        if (!state.language.empty() && c.ui_language != state.language) continue;
        if (!state.review.empty() &&
            std::find(c.review_statuses.begin(), c.review_statuses.end(), state.review) == c.review_statuses.end()) {
            continue;
        }
        const bool found = std::all_of(query.begin(), query.end(),
                                       [&](const std::string& w) { return c.search_key.find(w) != std::string::npos; });
        if (found) out.push_back(&c);
    }
    auto key = [&](const CandidateSummary* c) -> const std::string& {
        switch (state.sort) {
            case CandidateSort::Name: return c->name_key;
            case CandidateSort::Updated: return c->updated_at;
            case CandidateSort::Postcode: return c->postcode;
        }
        return c->name_key;
    };
    std::stable_sort(out.begin(), out.end(), [&](const CandidateSummary* a, const CandidateSummary* b) {
        const auto& ka = key(a);
        const auto& kb = key(b);
        if (ka != kb) return state.descending ? kb < ka : ka < kb;
        return a->resume_code < b->resume_code;
    });
    return out;
}

std::vector<std::string> candidate_languages(const CandidatesState& state) {
    std::set<std::string> out;
    for (const auto& c : state.all) out.insert(c.ui_language);
    return {out.begin(), out.end()};
}

std::vector<std::string> candidate_review_statuses(const CandidatesState& state) {
    std::set<std::string> out;
    for (const auto& c : state.all) out.insert(c.review_statuses.begin(), c.review_statuses.end());
    return {out.begin(), out.end()};
}

}  // namespace kk::staff
