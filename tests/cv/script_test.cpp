#include "cv/script.hpp"

#include <catch2/catch.hpp>

using namespace kk::cv;

TEST_CASE("non-Latin letters are told apart from Latin text with digits and punctuation", "[cv]") {
    CHECK(has_non_latin_letters("بناء جدران"));
    CHECK(has_non_latin_letters("Мастер"));
    CHECK(has_non_latin_letters("ትግርኛ"));
    CHECK_FALSE(has_non_latin_letters("Fliesen Krüger GmbH, Straße 12 – 03/2016"));
    CHECK_FALSE(has_non_latin_letters("Şantiye işçisi"));
    CHECK_FALSE(has_non_latin_letters(""));
}

TEST_CASE("ICU transliterates other scripts to plain ASCII Latin", "[cv]") {
    const std::string latin = to_latin("بناء جدران");
    CHECK_FALSE(latin.empty());
    CHECK_FALSE(has_non_latin_letters(latin));
    CHECK(latin.find("jdran") != std::string::npos);
    CHECK(to_latin("Мастер") == "Master");
}

TEST_CASE("country and language names come from CLDR in the requested language", "[cv]") {
    CHECK(country_name("SY", "de") == "Syrien");
    CHECK(country_name("DE", "de") == "Deutschland");
    CHECK(country_name("SY", "ar") == "سوريا");
    CHECK(language_name("ar", "de") == "Arabisch");
    CHECK(language_name("de", "ar") == "الألمانية");
}

TEST_CASE("dates use the language's medium style and survive bad input", "[cv]") {
    CHECK(format_date("2026-11-21", "de") == "21.11.2026");
    CHECK(format_date("2026-01-05", "en") == "Jan 5, 2026");
    CHECK(format_date("21.11.2026", "de") == "21.11.2026");
    CHECK(format_date("2026-13-01", "de") == "2026-13-01");
}

TEST_CASE("integers come in the language's digits", "[cv]") {
    CHECK(format_integer(12, "de") == "12");
    CHECK(format_integer(12, "ar") == "١٢");
    CHECK(format_integer(2026, "de") == "2026");
}
