#pragma once
// Script facts about free text, from ICU. ICU types stay out of this header.
#include <string>
#include <string_view>

namespace kk::cv {

// True when the text has a letter outside the Latin script (Arabic, Cyrillic, Ethiopic, ...). O(n).
bool has_non_latin_letters(std::string_view utf8);

// ICU "Any-Latin; Latin-ASCII": a plain Latin rendering of any script, for readers who cannot read it.
// The transliterator is built once per thread. O(n) in the length of the text.
std::string to_latin(std::string_view utf8);

// Display names from ICU/CLDR in `display_lang`: a country by ISO code ("SY" → "Syrien"), a language by id
// ("ar" → "Arabisch"). An unknown code comes back as it is.
std::string country_name(std::string_view iso_code, std::string_view display_lang);
std::string language_name(std::string_view lang_code, std::string_view display_lang);

// A date "YYYY-MM-DD" in ICU's medium style for `lang` ("21.11.2026" in German); the input when unparsable.
std::string format_date(std::string_view iso_date, std::string_view lang);

// An integer in the digits of `lang` ("2" in German, "٢" in Arabic), without grouping.
std::string format_integer(int value, std::string_view lang);

}  // namespace kk::cv
