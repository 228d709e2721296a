#include "i18n/digits.hpp"

#include <catch2/catch.hpp>

using kk::i18n::parse_digits;

TEST_CASE("numbers may be typed in the digits of any script", "[i18n]") {
    CHECK(parse_digits("1990") == 1990);
    CHECK(parse_digits("١٩٩٠") == 1990);      // Arabic-Indic
    CHECK(parse_digits("۱۹۹۰") == 1990);      // Extended Arabic-Indic (Persian, Dari, Pashto)
    CHECK(parse_digits("१९९०") == 1990);      // Devanagari
    CHECK(parse_digits("１９９０") == 1990);  // fullwidth
    CHECK(parse_digits("1٩۹0") == 1990);      // mixed scripts in one field
    CHECK(parse_digits(" 07 ") == 7);
    CHECK(parse_digits("0") == 0);
}

TEST_CASE("anything but digits is refused", "[i18n]") {
    CHECK_FALSE(parse_digits(""));
    CHECK_FALSE(parse_digits("  "));
    CHECK_FALSE(parse_digits("12a"));
    CHECK_FALSE(parse_digits("-5"));
    CHECK_FALSE(parse_digits("1 2"));
    CHECK_FALSE(parse_digits("፲፱"));    // Ethiopic numerals are not positional digits
    CHECK_FALSE(parse_digits("²"));     // superscript: a digit, but not decimal
    CHECK_FALSE(parse_digits("\xFF"));  // not UTF-8
    CHECK_FALSE(parse_digits("99999999999999999999"));
    CHECK(parse_digits("120", 120) == 120);
    CHECK_FALSE(parse_digits("121", 120));
}
