#pragma once
// The step screens of the newcomer's flow after Welcome, one .cpp file each. Each draws the state and
// only dispatches actions; the shared header, prompt and navigation come from step_frame.
#include "kiosk/app/state.hpp"
#include "kiosk/ui/context.hpp"

namespace kk::screens {

void draw_consent(const kiosk::State& state, ui::Context& ui);
void draw_personal(const kiosk::State& state, ui::Context& ui);
void draw_experience(const kiosk::State& state, ui::Context& ui);
void draw_skills(const kiosk::State& state, ui::Context& ui);
void draw_languages(const kiosk::State& state, ui::Context& ui);
void draw_education(const kiosk::State& state, ui::Context& ui);
void draw_mobility(const kiosk::State& state, ui::Context& ui);
void draw_review(const kiosk::State& state, ui::Context& ui);
void draw_done(const kiosk::State& state, ui::Context& ui);

// The message key of a CEFR level's can-do statement ("languages.level.b1"), and of its short name.
const char* level_key(kiosk::LanguageLevel level);
// A language's name in the UI language `in_lang` (ICU display names), e.g. "Arabisch" for ("ar", "de").
std::string language_name(std::string_view code, std::string_view in_lang);

}  // namespace kk::screens
