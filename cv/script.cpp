#include "cv/script.hpp"

#include <unicode/datefmt.h>
#include <unicode/gregocal.h>
#include <unicode/locid.h>
#include <unicode/numfmt.h>
#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include <charconv>
#include <iostream>
#include <memory>

#include "i18n/detail/icu_utf8.hpp"

namespace kk::cv {
namespace {

using i18n::detail::from_utf8;
using i18n::detail::to_utf8;

std::unique_ptr<icu::Transliterator> make_to_latin() {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> t(
        icu::Transliterator::createInstance("Any-Latin; Latin-ASCII", UTRANS_FORWARD, status));
    if (U_FAILURE(status)) {
        std::clog << "cv: no Any-Latin transliterator: " << u_errorName(status) << '\n';
        return nullptr;
    }
    return t;
}

int parse_int(std::string_view s) {
    int value = 0;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
    return ec == std::errc() && end == s.data() + s.size() ? value : -1;
}

}  // namespace

bool has_non_latin_letters(std::string_view utf8) {
    const icu::UnicodeString text = from_utf8(utf8);
    for (int32_t i = 0; i < text.length(); i = text.moveIndex32(i, 1)) {
        const UChar32 c = text.char32At(i);
        if (!u_isalpha(c)) continue;
        UErrorCode status = U_ZERO_ERROR;
        const UScriptCode script = uscript_getScript(c, &status);
        if (U_SUCCESS(status) && script != USCRIPT_LATIN && script != USCRIPT_COMMON &&
            script != USCRIPT_INHERITED) {
            return true;
        }
    }
    return false;
}

std::string to_latin(std::string_view utf8) {
    // Building the rule chain costs milliseconds; transliterators are not thread-safe, so one per thread.
    thread_local const std::unique_ptr<icu::Transliterator> translit = make_to_latin();
    if (!translit) return std::string(utf8);
    icu::UnicodeString text = from_utf8(utf8);
    translit->transliterate(text);
    return to_utf8(text);
}

std::string country_name(std::string_view iso_code, std::string_view display_lang) {
    if (iso_code.empty()) return {};
    const icu::Locale country("", std::string(iso_code).c_str());
    icu::UnicodeString name;
    country.getDisplayCountry(icu::Locale(std::string(display_lang).c_str()), name);
    std::string out = to_utf8(name);
    return out.empty() ? std::string(iso_code) : out;
}

std::string language_name(std::string_view lang_code, std::string_view display_lang) {
    if (lang_code.empty()) return {};
    const icu::Locale language(std::string(lang_code).c_str());
    icu::UnicodeString name;
    language.getDisplayLanguage(icu::Locale(std::string(display_lang).c_str()), name);
    std::string out = to_utf8(name);
    return out.empty() ? std::string(lang_code) : out;
}

std::string format_date(std::string_view iso_date, std::string_view lang) {
    if (iso_date.size() != 10 || iso_date[4] != '-' || iso_date[7] != '-') return std::string(iso_date);
    const int year = parse_int(iso_date.substr(0, 4));
    const int month = parse_int(iso_date.substr(5, 2));
    const int day = parse_int(iso_date.substr(8, 2));
    if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31) return std::string(iso_date);

    const icu::Locale locale(std::string(lang).c_str());
    std::unique_ptr<icu::DateFormat> format(
        icu::DateFormat::createDateInstance(icu::DateFormat::kMedium, locale));
    UErrorCode status = U_ZERO_ERROR;
    // A UTC calendar on both sides so the date never shifts with the machine's time zone.
    icu::GregorianCalendar calendar(*icu::TimeZone::getGMT(), locale, status);
    if (!format || U_FAILURE(status)) return std::string(iso_date);
    calendar.clear();
    calendar.set(year, month - 1, day);
    const UDate when = calendar.getTime(status);
    if (U_FAILURE(status)) return std::string(iso_date);
    format->setTimeZone(*icu::TimeZone::getGMT());
    icu::UnicodeString out;
    format->format(when, out);
    return to_utf8(out);
}

std::string format_integer(int value, std::string_view lang) {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::NumberFormat> format(
        icu::NumberFormat::createInstance(icu::Locale(std::string(lang).c_str()), status));
    if (!format || U_FAILURE(status)) return std::to_string(value);
    format->setGroupingUsed(false);
    icu::UnicodeString out;
    format->format(static_cast<int32_t>(value), out);
    return to_utf8(out);
}

}  // namespace kk::cv
