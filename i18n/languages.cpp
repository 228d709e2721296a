#include "i18n/languages.hpp"

#include <unicode/locdspnm.h>
#include <unicode/locid.h>
#include <unicode/uloc.h>

#include <algorithm>
#include <array>
#include <iostream>
#include <map>
#include <memory>
#include <mutex>

namespace kk::i18n {
namespace {
constexpr std::array<std::string_view, 17> kUiLanguages = {
    "de", "en", "ar", "fa_AF", "fa", "ps", "uk", "ru", "tr", "ku", "ckb", "ti", "so", "ro", "pl", "bg", "fr",
};
}  // namespace

std::span<const std::string_view> ui_languages() {
    return kUiLanguages;
}

bool is_ui_language(std::string_view code) {
    return std::find(kUiLanguages.begin(), kUiLanguages.end(), code) != kUiLanguages.end();
}

bool is_rtl(std::string_view code) {
    return uloc_isRightToLeft(std::string(code).c_str()) != 0;
}

namespace {

std::string compute_native_name(std::string_view code) {
    const icu::Locale locale(std::string(code).c_str());
    // Dialect names give "دری" for fa_AF instead of "فارسی (افغانستان)".
    std::unique_ptr<icu::LocaleDisplayNames> names(
        icu::LocaleDisplayNames::createInstance(locale, ULDN_DIALECT_NAMES));
    icu::UnicodeString name;
    if (names) names->localeDisplayName(locale, name);
    std::string out;
    name.toUTF8String(out);
    return out.empty() ? std::string(code) : out;
}

}  // namespace

std::string native_name(std::string_view code) {
    // Screens ask for it every frame (the header's language button); building LocaleDisplayNames each time
    // is wasted work, and the set of codes asked for is small.
    static std::mutex mutex;
    static std::map<std::string, std::string, std::less<>> cache;
    const std::lock_guard lock(mutex);
    if (const auto it = cache.find(code); it != cache.end()) return it->second;
    return cache.emplace(std::string(code), compute_native_name(code)).first->second;
}

void set_process_default_locale(std::string_view code) {
    UErrorCode status = U_ZERO_ERROR;
    icu::Locale::setDefault(icu::Locale(std::string(code).c_str()), status);
    if (U_FAILURE(status)) {
        std::clog << "i18n: cannot set the default locale to '" << code << "': " << u_errorName(status)
                  << '\n';
    }
}

}  // namespace kk::i18n
