#include "kiosk/staff/candidates/module.hpp"

#include "kiosk/staff/candidates/view.hpp"
#include "kiosk/staff/matches/effects.hpp"

namespace kk::staff {
namespace {

// Width of the rendered preview page in pixels (drawn scaled to its column).
constexpr int kPreviewWidthPx = 600;

void send(const std::function<void(const StaffAction&)>& apply, CandidatesAction action) {
    apply(StaffAction{std::move(action)});
}

}  // namespace

CandidatesModule::CandidatesModule(CandidatesService* service, MatchesService* matches, text::TextureUploader& uploader)
    : service_(service), matches_(matches), uploader_(uploader) {}

CandidatesModule::~CandidatesModule() { release_preview(); }

void CandidatesModule::release_preview() {
    if (preview_ != nullptr) uploader_.release(preview_);
    preview_ = nullptr;
    preview_size_ = {};
    preview_for_ = 0;
}

void CandidatesModule::poll(const StaffState& state, const std::function<void(const StaffAction&)>& apply) {
    const CandidatesState& view = state.candidates;
    const std::int64_t shown = view.detail ? view.detail->id : 0;
    if (shown != preview_for_) {
        release_preview();
        if (shown != 0 && service_ != nullptr) {
            const text::Bitmap page = service_->cv_page(view.detail->record.resume_code, kPreviewWidthPx);
            if (!page.rgba.empty()) {
                preview_ = uploader_.upload(page);
                preview_size_ = ImVec2(static_cast<float>(page.extent.width), static_cast<float>(page.extent.height));
            }
            preview_for_ = shown;  // also when it could not be rendered: not tried again every frame
        }
    }
    if (logged_in(state) && state.view == View::Candidates && !view.loaded && !view.loading) {
        send(apply, ReloadCandidates{});
    }
}

void CandidatesModule::effects(const EffectContext& context) {
    const auto* action = std::get_if<CandidatesAction>(&context.action);
    if (action == nullptr || !context.after.access.user) return;
    const CandidatesState& after = context.after.candidates;
    const db::StaffActor who = actor(context.after);
    auto fail = [&](std::string key, std::string detail) {
        send(context.apply, CandidatesFailed{.key = std::move(key), .detail = std::move(detail)});
    };
    if (const auto* command = std::get_if<MatchCommand>(action)) {
        if (auto outcome = run_match_effect(matches_, after.matches, command->action, who)) {
            send(context.apply, MatchCommand{std::move(*outcome)});
        }
        return;
    }
    const bool request = std::holds_alternative<ReloadCandidates>(*action) || std::holds_alternative<OpenCandidate>(*action) ||
                         std::holds_alternative<VerifySkill>(*action) || std::holds_alternative<ConfirmErase>(*action) ||
                         std::holds_alternative<ExportCandidates>(*action) || std::holds_alternative<SaveCvPdf>(*action);
    if (!request) return;
    if (service_ == nullptr) {
        if (std::holds_alternative<ReloadCandidates>(*action)) {
            send(context.apply, CandidatesLoaded{.rows = {}, .error = "unavailable"});
        } else {
            fail("staff.candidates.unavailable", {});
        }
        return;
    }
    if (std::holds_alternative<ReloadCandidates>(*action)) {
        auto rows = service_->list();
        send(context.apply, rows ? CandidatesLoaded{.rows = std::move(*rows), .error = {}}
                                 : CandidatesLoaded{.rows = {}, .error = rows.error()});
    } else if (const auto* open = std::get_if<OpenCandidate>(action)) {
        auto detail = service_->open(open->id, who);
        if (!detail) {
            send(context.apply, CandidateOpened{.detail = std::nullopt, .error = detail.error()});
        } else if (!*detail) {
            send(context.apply, CandidateOpened{.detail = std::nullopt, .error = "#" + std::to_string(open->id)});
        } else {
            send(context.apply, CandidateOpened{.detail = std::move(*detail), .error = {}});
            send(context.apply, MatchCommand{LoadMatches{.subject = MatchSubject::Candidate, .id = open->id}});
        }
    } else if (const auto* verify = std::get_if<VerifySkill>(action)) {
        auto done = service_->verify_skill(verify->skill_id, verify->how, who);
        if (!done) return fail("staff.candidates.failed", done.error());
        // Shown again from the store (the verification's who and when); reading it back is not a new view.
        if (after.detail) {
            auto detail = service_->reread(after.detail->id);
            if (detail && *detail) send(context.apply, CandidateOpened{.detail = std::move(*detail), .error = {}});
        }
    } else if (std::holds_alternative<ConfirmErase>(*action)) {
        if (!is_admin(context.after)) return fail("staff.candidates.admin_only", {});
        if (!after.confirm_erase || !after.detail) return;
        const std::int64_t id = after.detail->id;
        auto erased = service_->erase(id, who);
        if (!erased) return fail("staff.candidates.failed", erased.error());
        if (matches_ != nullptr) matches_->refresh();  // the engine still holds the erased profile
        send(context.apply, CandidateErased{id});
    } else if (std::holds_alternative<ExportCandidates>(*action)) {
        std::vector<CandidateSummary> rows;
        for (const CandidateSummary* c : visible_candidates(after)) rows.push_back(*c);
        auto file = service_->export_list(rows);
        if (!file) return fail("staff.candidates.export_failed", file.error());
        send(context.apply, CandidateFileSaved{file->string()});
    } else if (std::holds_alternative<SaveCvPdf>(*action)) {
        if (!after.detail) return;
        auto file = service_->save_cv_pdf(after.detail->record.resume_code, after.detail->id);
        if (!file) return fail("staff.candidates.export_failed", file.error());
        send(context.apply, CandidateFileSaved{file->string()});
    }
}

void CandidatesModule::draw(StaffUi& ui) {
    if (ui.state.candidates.open_id != 0) {
        draw_candidate_detail(ui, CvPreview{.texture = preview_, .size = preview_size_});
    } else {
        draw_candidate_list(ui);
    }
}

}  // namespace kk::staff
