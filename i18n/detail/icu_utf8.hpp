#pragma once
// UTF-8 <-> icu::UnicodeString for implementation files that use ICU directly. Not a public header of
// kk::i18n: ICU types stay out of public headers.
#include <unicode/unistr.h>

#include <string>
#include <string_view>

namespace kk::i18n::detail {

inline icu::UnicodeString from_utf8(std::string_view s) {
    return icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
}

inline std::string to_utf8(const icu::UnicodeString& s) {
    std::string out;
    s.toUTF8String(out);
    return out;
}

}  // namespace kk::i18n::detail
