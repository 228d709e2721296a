#include "kiosk/staff/app.hpp"

#include <imgui.h>

#include <algorithm>

#include "kiosk/keyboard/editor.hpp"
#include "kiosk/staff/screens.hpp"
#include "kiosk/ui/theme.hpp"

namespace kk::staff {
namespace {
// Tables of a few hundred rows of several cells each, twice over; evicted least recently used.
constexpr std::size_t kTextCacheEntries = 4096;
constexpr float kDeskPxPerMm = 96.0f / 25.4f;
constexpr float kReferenceHeightPx = 900.0f;
}  // namespace

ui::Metrics desk_metrics(ImVec2 display) {
    return ui::Metrics{display, kDeskPxPerMm * std::max(1.0f, display.y / kReferenceHeightPx)};
}

std::filesystem::path staff_bundle_dir(const std::filesystem::path& bundle_dir) { return bundle_dir / "staff"; }

StaffApp::StaffApp(text::TextureUploader& uploader, const std::filesystem::path& bundle_dir, StaffServices services,
                   Modules modules, StaffState initial)
    : state_(std::move(initial)),
      services_(services),
      modules_(std::move(modules)),
      text_(uploader, kTextCacheEntries),
      messages_(staff_bundle_dir(bundle_dir), "de"),
      apply_fn_([this](const StaffAction& a) { apply(a); }) {}

void StaffApp::drop(std::vector<std::filesystem::path> paths) { dispatch_(FilesDropped{std::move(paths)}); }

void StaffApp::apply(const StaffAction& action) {
    const StaffState before = state_;
    state_ = update(std::move(state_), action);
    run_effects(before, action);
}

void StaffApp::run_effects(const StaffState& before, const StaffAction& action) {
    if (state_.access.checking && !before.access.checking) {  // SubmitLogin, or Enter in the password field
        LoginAnswered answer;
        if (services_.access == nullptr) {
            answer.failed = true;
        } else if (auto result = services_.access->login(state_.access.username, state_.access.password)) {
            answer.outcome = result->outcome;
            answer.user = result->user;
            answer.locked_until = result->locked_until.value_or("");
        } else {
            answer.failed = true;
        }
        apply(answer);
        return;
    }
    const StaffState after = state_;  // the views see one consistent pair, whatever they apply
    const EffectContext context{before, after, action, apply_fn_};
    for (auto& module : modules_) {
        if (module) module->effects(context);
    }
}

void StaffApp::read_physical_input() {
    ImGuiIO& io = ImGui::GetIO();
    bool active = io.MouseClicked[0] || io.MouseWheel != 0.0f || !io.InputQueueCharacters.empty();
    for (bool down : io.KeysDown) active = active || down;
    if (active) dispatch_(Activity{});
    dispatch_(Tick{static_cast<double>(io.DeltaTime)});
    if (state_.focus.empty()) return;
    std::u32string typed;
    for (ImWchar c : io.InputQueueCharacters) typed.push_back(static_cast<char32_t>(c));
    if (!typed.empty()) dispatch_(TypeText{keyboard::to_utf8(typed)});
    // The backend maps its keys into io.KeyMap; without one (headless) there are no key presses.
    auto pressed = [&](ImGuiKey key) { return io.KeyMap[key] >= 0 && ImGui::IsKeyPressed(io.KeyMap[key]); };
    if (pressed(ImGuiKey_Backspace)) dispatch_(EraseChar{});
    if (pressed(ImGuiKey_Enter) || pressed(ImGuiKey_KeyPadEnter)) dispatch_(SubmitField{});
    if (pressed(ImGuiKey_Escape)) dispatch_(FocusField{});
}

void StaffApp::frame(ImVec2 display) {
    read_physical_input();
    for (auto& module : modules_) {
        if (module) module->poll(state_, apply_fn_);
    }
    const ui::Metrics metrics = desk_metrics(display);

    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(display);
    ImGui::PushStyleColor(ImGuiCol_WindowBg, ui::theme::kBackground);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 0.0f);
    constexpr ImGuiWindowFlags kFlags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                        ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus |
                                        ImGuiWindowFlags_NoScrollWithMouse;
    ImGui::Begin("staff", nullptr, kFlags);
    ui::Context context{text_, messages_, metrics, false, kiosk_dispatch_};
    targets_.clear();
    context.targets = &targets_;
    StaffUi staff{context, messages_, dispatch_, state_, ui::Rect{ImVec2(0, 0), display}};
    if (!logged_in(state_)) {
        screens::draw_login(staff);
    } else {
        staff.body = screens::draw_header(staff);
        auto& module = modules_.at(static_cast<std::size_t>(state_.view));
        if (module) module->draw(staff);
    }
    ImGui::End();
    ImGui::PopStyleVar(2);
    ImGui::PopStyleColor();

    for (const StaffAction& action : dispatch_.take()) apply(action);
}

}  // namespace kk::staff
