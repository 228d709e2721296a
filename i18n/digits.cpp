#include "i18n/digits.hpp"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

namespace kk::i18n {

std::optional<std::int64_t> parse_digits(std::string_view utf8, std::int64_t max) {
    const auto* s = reinterpret_cast<const uint8_t*>(utf8.data());
    const auto length = static_cast<int32_t>(utf8.size());
    std::int64_t value = 0;
    int32_t i = 0;
    int digits = 0;
    bool trailing_space = false;
    while (i < length) {
        UChar32 c = 0;
        U8_NEXT(s, i, length, c);
        if (c < 0) return std::nullopt;  // ill-formed UTF-8
        if (u_isUWhiteSpace(c)) {
            if (digits > 0) trailing_space = true;
            continue;
        }
        if (trailing_space || u_charType(c) != U_DECIMAL_DIGIT_NUMBER) return std::nullopt;
        const int32_t d = u_charDigitValue(c);
        if (d < 0 || d > 9 || value > (max - d) / 10) return std::nullopt;
        value = value * 10 + d;
        ++digits;
    }
    if (digits == 0) return std::nullopt;
    return value;
}

}  // namespace kk::i18n
