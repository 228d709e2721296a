// Languages: mother tongue(s), German and others, each with a self-assessment as plain can-do statements
// per CEFR level in the session language, not bare codes.
#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <string>

#include "i18n/languages.hpp"
#include "kiosk/screens/flow_screens.hpp"
#include "kiosk/screens/step_frame.hpp"
#include "kiosk/ui/controls.hpp"
#include "kiosk/ui/theme.hpp"

namespace kk::screens {

const char* level_key(kiosk::LanguageLevel level) {
    switch (level) {
        case kiosk::LanguageLevel::A1: return "languages.level.a1";
        case kiosk::LanguageLevel::A2: return "languages.level.a2";
        case kiosk::LanguageLevel::B1: return "languages.level.b1";
        case kiosk::LanguageLevel::B2: return "languages.level.b2";
        case kiosk::LanguageLevel::C1: return "languages.level.c1";
        case kiosk::LanguageLevel::C2: return "languages.level.c2";
        case kiosk::LanguageLevel::Native: return "languages.level.native";
    }
    return "languages.level.a1";
}

std::string language_name(std::string_view code, std::string_view in_lang) {
    const icu::Locale language(std::string(code).c_str());
    const icu::Locale display(std::string(in_lang).c_str());
    icu::UnicodeString name;
    language.getDisplayLanguage(display, name);
    std::string out;
    name.toUTF8String(out);
    return out.empty() ? std::string(code) : out;
}

void draw_languages(const kiosk::State& state, ui::Context& ui) {
    const ui::Rect body = draw_step_frame(state, ui, "cv.section.languages", "languages.prompt");
    const ui::Metrics& m = ui.metrics;
    const kiosk::Session& s = state.session;
    BodyFlow flow(ui, body);
    constexpr kiosk::LanguageLevel kLevels[] = {kiosk::LanguageLevel::Native, kiosk::LanguageLevel::A1,
                                                kiosk::LanguageLevel::A2,     kiosk::LanguageLevel::B1,
                                                kiosk::LanguageLevel::B2,     kiosk::LanguageLevel::C1,
                                                kiosk::LanguageLevel::C2};
    for (const auto& entry : s.languages) {
        const ui::Rect head = flow.row(m.touch_target());
        const auto parts = ui::columns(head, 2, flow.gap(), ui.rtl);
        ui.text.draw_in_box(language_name(entry.code, state.lang), {.size_px = m.tile_label_px(), .weight = text::Weight::Bold},
                            parts[0].min, parts[0].size, ui::theme::kText);
        if (entry.code != "de") {
            const ui::Rect remove{ImVec2(ui.rtl ? parts[1].min.x : parts[1].max().x - m.mm(40.0f), parts[1].min.y),
                                  ImVec2(m.mm(40.0f), parts[1].size.y)};
            if (ui::button(ui, "language." + entry.code + ".remove", ui.messages.tr("common.remove"), remove)) {
                ui.dispatch(kiosk::RemoveLanguage{entry.code});
            }
        }
        std::vector<std::string> can_dos;
        for (const auto level : kLevels) can_dos.push_back(ui.messages.tr(level_key(level)));
        const auto tiles = flow.toggle_grid(can_dos, m.mm(52.0f), m.mm(26.0f));
        for (std::size_t i = 0; i < std::size(kLevels); ++i) {
            const std::string id = "language." + entry.code + "." + std::to_string(i);
            const std::string& can_do = can_dos[i];
            if (ui::toggle(ui, id, can_do, ui::read_aloud_beside(ui, id, can_do, tiles[i]), entry.level == kLevels[i])) {
                ui.dispatch(kiosk::SetLanguageLevel{entry.code, kLevels[i]});
            }
        }
    }
    flow.heading(ui.messages.tr("languages.add"));
    std::vector<std::string> addable;
    for (const auto& code : kiosk::addable_languages()) {
        bool present = false;
        for (const auto& entry : s.languages) present = present || entry.code == code;
        if (!present) addable.push_back(code);
    }
    const auto tiles = flow.grid(static_cast<int>(addable.size()), m.mm(40.0f) + ui::read_aloud_width(ui), m.touch_target());
    for (std::size_t i = 0; i < addable.size(); ++i) {
        const std::string id = "language.add." + addable[i];
        const std::string name = language_name(addable[i], state.lang);
        if (ui::button(ui, id, name, ui::read_aloud_beside(ui, id, name, tiles[i]))) {
            ui.dispatch(kiosk::AddLanguage{addable[i]});
        }
    }
}

}  // namespace kk::screens
