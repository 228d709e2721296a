#pragma once
// The kiosk's UI languages and facts about them taken from ICU/CLDR, never typed by hand.
#include <span>
#include <string>
#include <string_view>

namespace kk::i18n {

// The 17 UI languages in the order the welcome screen shows them. Codes are ICU locale ids.
std::span<const std::string_view> ui_languages();

// True when `code` is one of ui_languages().
bool is_ui_language(std::string_view code);

// Right-to-left script, from ICU (uloc_isRightToLeft).
bool is_rtl(std::string_view code);

// The language's name in its own language and script, from CLDR ("العربية", "ትግርኛ", "دری" for fa_AF).
// Computed once per code and kept; thread-safe.
std::string native_name(std::string_view code);

// Sets ICU's process default locale so resource lookups never fall back to the machine's locale.
void set_process_default_locale(std::string_view code);

}  // namespace kk::i18n
