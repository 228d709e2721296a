#include "kiosk/app/app.hpp"

#include <imgui.h>

#include "i18n/languages.hpp"
#include "kiosk/screens/welcome.hpp"
#include "kiosk/ui/theme.hpp"

namespace kk::kiosk {
namespace {
// Enough textures for the busiest screen twice over; evicted least recently used.
constexpr std::size_t kTextCacheEntries = 512;
}  // namespace

App::App(text::TextureUploader& uploader, std::filesystem::path bundle_dir, State initial)
    : bundle_dir_(std::move(bundle_dir)),
      state_(std::move(initial)),
      text_(uploader, kTextCacheEntries),
      messages_(bundle_dir_, state_.lang) {}

void App::apply(const Action& action) {
    const std::string previous_lang = state_.lang;
    state_ = update(std::move(state_), action);
    if (state_.lang != previous_lang) messages_ = i18n::Messages(bundle_dir_, state_.lang);
}

void App::frame(ImVec2 display) {
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(display);
    ImGui::PushStyleColor(ImGuiCol_WindowBg, ui::theme::kBackground);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 0.0f);
    constexpr ImGuiWindowFlags kFlags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                        ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus |
                                        ImGuiWindowFlags_NoScrollWithMouse;
    ImGui::Begin("kiosk", nullptr, kFlags);
    ui::Context context{text_, messages_, ui::metrics_for_display(display), i18n::is_rtl(state_.lang), dispatch_};
    switch (state_.screen) {
        case Screen::Welcome: screens::draw_welcome(state_, context); break;
    }
    ImGui::End();
    ImGui::PopStyleVar(2);
    ImGui::PopStyleColor();

    for (const Action& action : dispatch_.take()) apply(action);
}

}  // namespace kk::kiosk
