#include "kiosk/app/app.hpp"

#include <imgui.h>

#include <cmath>

#include "i18n/digits.hpp"
#include "i18n/languages.hpp"
#include "kiosk/screens/flow_screens.hpp"
#include "kiosk/screens/overlays.hpp"
#include "kiosk/screens/step_frame.hpp"
#include "kiosk/screens/welcome.hpp"
#include "kiosk/speech/speech.hpp"
#include "kiosk/ui/theme.hpp"

namespace kk::kiosk {
namespace {
// Enough textures for the busiest screen twice over; evicted least recently used.
constexpr std::size_t kTextCacheEntries = 1024;
constexpr std::int64_t kPostcodeMax = 99999;
constexpr int kPostcodeDigits = 5;

// The postcode as five ASCII digits when it is one, whatever digits it was typed in.
std::optional<std::string> ascii_postcode(std::string_view typed) {
    if (typed.empty()) return std::nullopt;
    int count = 0;
    for (char32_t c : keyboard::to_u32(typed)) count += c != U' ' ? 1 : 0;
    if (count != kPostcodeDigits) return std::nullopt;
    const auto value = i18n::parse_digits(typed, kPostcodeMax);
    if (!value) return std::nullopt;
    std::string out = std::to_string(*value);
    return std::string(static_cast<std::size_t>(kPostcodeDigits) - out.size(), '0') + out;
}

}  // namespace

App::App(text::TextureUploader& uploader, std::filesystem::path bundle_dir, State initial, Services services)
    : bundle_dir_(std::move(bundle_dir)),
      state_(std::move(initial)),
      services_(services),
      text_(uploader, kTextCacheEntries),
      messages_(bundle_dir_, state_.lang),
      german_(bundle_dir_, "de"),
      uploader_(uploader) {
    if (services_.catalog != nullptr && state_.catalog.lang != state_.lang) {
        state_ = update(std::move(state_), CatalogLoaded{services_.catalog->load(state_.lang)});
    }
}

App::~App() { release_preview(); }

void App::release_preview() {
    if (preview_ != nullptr) uploader_.release(preview_);
    preview_ = nullptr;
    preview_size_ = {};
}

void App::apply(const Action& action) {
    const State before = state_;
    state_ = update(std::move(state_), action);
    run_effects(before, action);
}

void App::run_effects(const State& before, const Action& action) {
    if (state_.lang != before.lang) {
        messages_ = i18n::Messages(bundle_dir_, state_.lang);
        if (speaker_) speaker_->stop();
    }
    if (services_.catalog != nullptr) {
        if (state_.catalog.lang != state_.lang) apply(CatalogLoaded{services_.catalog->load(state_.lang)});
        const std::string& query = state_.session.skill_query;
        if (query != before.session.skill_query && !query.empty()) {
            apply(SuggestionsLoaded{query, services_.catalog->suggest(query, state_.lang)});
        }
        const std::string& postcode = state_.session.personal.postcode;
        if (postcode != before.session.personal.postcode) {
            if (const auto ascii = ascii_postcode(postcode)) {
                if (const auto known = services_.catalog->postcode_known(*ascii)) {
                    apply(PostcodeChecked{postcode, *known});
                }
            }
        }
    }
    // After consent the draft is saved at every step, so a crash or power cut loses nothing.
    const Session& s = state_.session;
    const bool stepped = state_.screen != before.screen && before.session.consent_given == s.consent_given;
    const bool consented = s.consent_given && !before.session.consent_given;
    if (services_.drafts != nullptr && s.consent_given && (stepped || consented)) {
        if (const auto saved = services_.drafts->save(s, state_.lang, state_.screen)) {
            apply(DraftSaved{saved->id, saved->resume_code});
        } else {
            apply(SaveFailed{});
        }
    }
    // Crash-resume: a code typed on Welcome (submitted with the keyboard's Enter) reloads that draft.
    const bool code_submitted = before.session.focus == Field::ResumeCode && s.focus != Field::ResumeCode &&
                                !s.resume_entry.empty() && state_.screen == Screen::Welcome;
    if (code_submitted && !std::holds_alternative<ResumeWithCode>(action)) apply(ResumeWithCode{});
    if (std::holds_alternative<ResumeWithCode>(action) && state_.screen == Screen::Welcome) {
        const std::string code = normalised_resume_code(state_.session.resume_entry);
        std::optional<LoadedDraft> draft;
        if (services_.drafts != nullptr && !code.empty()) draft = services_.drafts->load(code);
        if (draft) {
            // The step it was saved on; a guess for drafts from before the step was stored.
            Screen screen = draft->screen.value_or(resume_screen(draft->session));
            if (screen == Screen::Done) screen = Screen::Review;
            apply(DraftLoaded{std::move(draft->session), draft->ui_lang, screen});
        } else {
            apply(DraftNotFound{});
        }
    }
    // A job typed in one's own words (submitted with the keyboard's Enter) is resolved through the catalog.
    const bool occupation_submitted = before.session.focus == Field::OccupationText &&
                                      s.focus != Field::OccupationText && !s.occupation_query.empty() &&
                                      state_.screen == Screen::Experience;
    if (occupation_submitted) {
        const std::string typed = s.occupation_query;
        std::optional<std::string> code;
        if (services_.catalog != nullptr) code = services_.catalog->resolve_occupation(typed, state_.lang);
        apply(OccupationTextResolved{typed, code.value_or("")});
    }
    // Done: the best reachable vacancies for the profile just completed.
    constexpr std::size_t kVacanciesShown = 3;
    if (services_.vacancies != nullptr && state_.screen == Screen::Done && before.screen != Screen::Done &&
        !state_.session.resume_code.empty()) {
        apply(VacanciesFound{services_.vacancies->best_reachable(state_.session.resume_code, kVacanciesShown)});
    }
    // The CV preview is rendered and uploaded once, after the complete profile is saved; gone with the session.
    constexpr int kPreviewWidthPx = 600;
    if (state_.screen != Screen::Done && preview_ != nullptr) release_preview();
    if (services_.previewer != nullptr && state_.screen == Screen::Done && preview_ == nullptr &&
        !state_.session.resume_code.empty() && (before.screen != Screen::Done || before.session.resume_code.empty())) {
        const text::Bitmap page = services_.previewer->first_page(state_.session.resume_code, kPreviewWidthPx);
        if (page.extent.width > 0 && page.extent.height > 0) {
            preview_ = uploader_.upload(page);
            preview_size_ = ImVec2(static_cast<float>(page.extent.width), static_cast<float>(page.extent.height));
        }
    }
    if (const auto* read = std::get_if<ReadAloud>(&action)) {
        if (services_.voice != nullptr) {
            services_.voice->speak(read->text, state_.lang);
        } else {
            if (!speaker_) speaker_ = speech::Speaker::create(speech::Speaker::Output::Playback);
            if (speaker_) speaker_->speak(read->text, state_.lang);
        }
    }
    if (std::holds_alternative<RequestPrint>(action) && state_.session.print == PrintStatus::Printing &&
        before.session.print != PrintStatus::Printing) {
        // Without a printer service, or before the profile is saved, the kiosk says so plainly.
        const bool can_print = services_.printer != nullptr && !state_.session.resume_code.empty();
        if (!can_print) {
            apply(PrintFinished{PrintStatus::NoPrinter});
        } else if (!print_worker_.start(services_.printer->prepare(state_.session.resume_code))) {
            apply(PrintFinished{PrintStatus::Failed});  // the previous session's print still runs
        }
    }
}

void App::read_physical_input() {
    ImGuiIO& io = ImGui::GetIO();
    bool active = io.MouseDown[0] || io.MouseClicked[0] || !io.InputQueueCharacters.empty();
    for (bool down : io.KeysDown) active = active || down;
    if (active) dispatch_(Touch{});
    if (state_.prompt_seconds_left && (io.MouseClicked[0] || !io.InputQueueCharacters.empty())) {
        dispatch_(StillHere{});
    }
    dispatch_(Tick{static_cast<double>(io.DeltaTime)});
    if (state_.session.focus == Field::None) return;
    std::u32string typed;
    for (ImWchar c : io.InputQueueCharacters) typed.push_back(static_cast<char32_t>(c));
    if (!typed.empty()) dispatch_(TypeText{keyboard::to_utf8(typed)});
    // The backend maps its keys into io.KeyMap; without one (headless) there are no key presses.
    auto pressed = [&](ImGuiKey key) { return io.KeyMap[key] >= 0 && ImGui::IsKeyPressed(io.KeyMap[key]); };
    if (pressed(ImGuiKey_Backspace)) dispatch_(EraseChar{});
    if (pressed(ImGuiKey_Enter) || pressed(ImGuiKey_Escape)) dispatch_(Focus{Field::None});
}

void App::frame(ImVec2 display) {
    if (const auto printed = print_worker_.take_result()) apply(PrintFinished{*printed});
    read_physical_input();
    const ui::Metrics metrics = ui::metrics_for_display(display);
    const bool rtl = i18n::is_rtl(state_.lang);

    // Drag-to-scroll of the screen's body: a press inside it may become a drag; a drag is never a tap.
    const ImGuiIO& io = ImGui::GetIO();
    clock_ += static_cast<double>(io.DeltaTime);
    if (state_.screen != scrolled_screen_) {
        scroll_ = ui::DragScroll(metrics.mm(2.0f));
        scrolled_screen_ = state_.screen;
    }
    const ui::Rect body = screens::step_layout(metrics, rtl, state_.screen != Screen::Done).body;
    const bool overlay = state_.session.focus != Field::None || state_.language_menu || state_.prompt_seconds_left;
    scroll_.set_range(body_content_height_, body.size.y);
    if (io.MouseClicked[0] && body.contains(io.MousePos) && !overlay) scroll_.press(io.MousePos.y, clock_);
    if (scroll_.pressed()) {
        if (io.MouseDown[0]) {
            scroll_.move(io.MousePos.y, clock_);
        } else {
            scroll_.release(clock_);
        }
    }
    scroll_.tick(io.DeltaTime);

    ImGui::SetNextWindowPos(ImVec2(0, 0));
    // Under the keyboard nothing of the screen shows: ending the window at its top clips those pixels, which
    // llvmpipe would otherwise fill and then fill again with the keyboard (most of a frame's time there).
    const auto keyboard = screens::keyboard_rect(state_, metrics);
    ImGui::SetNextWindowSize(keyboard ? ImVec2(display.x, keyboard->min.y) : display);
    ImGui::PushStyleColor(ImGuiCol_WindowBg, ui::theme::kBackground);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 0.0f);
    constexpr ImGuiWindowFlags kFlags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                        ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus |
                                        ImGuiWindowFlags_NoScrollWithMouse | ImGuiWindowFlags_NoBackground;
    ImGui::Begin("kiosk", nullptr, kFlags);
    ui::Context context{text_, messages_, metrics, rtl, dispatch_};
    context.state = &state_;
    context.german = &german_;
    targets_.clear();
    context.targets = &targets_;
    context.scroll_offset = scroll_.offset();
    context.scroll_dragged = scroll_.dragged() && (scroll_.pressed() || io.MouseReleased[0]);
    body_content_height_ = 0.0f;
    context.body_content_height = &body_content_height_;
    context.can_read_aloud = speech::voice_for(state_.lang).has_value();
    context.cv_preview = preview_;
    context.cv_preview_size = preview_size_;
    switch (state_.screen) {
        case Screen::Welcome: screens::draw_welcome(state_, context); break;
        case Screen::Consent: screens::draw_consent(state_, context); break;
        case Screen::Personal: screens::draw_personal(state_, context); break;
        case Screen::Experience: screens::draw_experience(state_, context); break;
        case Screen::Skills: screens::draw_skills(state_, context); break;
        case Screen::Languages: screens::draw_languages(state_, context); break;
        case Screen::Education: screens::draw_education(state_, context); break;
        case Screen::Mobility: screens::draw_mobility(state_, context); break;
        case Screen::Review: screens::draw_review(state_, context); break;
        case Screen::Done: screens::draw_done(state_, context); break;
    }
    ImGui::End();
    // Overlays are windows of their own so they sit above the screen and take its touches.
    context.scroll_offset = 0.0f;
    context.scroll_dragged = false;
    screens::draw_overlays(state_, context);
    ImGui::PopStyleVar(2);
    ImGui::PopStyleColor();

    for (const Action& action : dispatch_.take()) apply(action);
}

}  // namespace kk::kiosk
