#pragma once
// Number entry that accepts the digits of any script: a person may type 1990, ١٩٩٠ (Arabic-Indic), ۱۹۹۰
// (Persian), १९९० (Devanagari) or mix them. Every input field parses through here.
#include <cstdint>
#include <optional>
#include <string_view>

namespace kk::i18n {

// The non-negative integer written in `utf8`: every code point must be a decimal digit (Unicode category
// Nd, value from u_charDigitValue); surrounding spaces are ignored. Empty, other characters, or a value
// above `max` give nullopt. Ethiopic numerals (፩ ፲ ፻) are not positional digits (category No) and are
// refused; Tigrinya speakers type 0-9. O(length).
std::optional<std::int64_t> parse_digits(std::string_view utf8, std::int64_t max = INT64_MAX);

}  // namespace kk::i18n
