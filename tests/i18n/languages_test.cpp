#include "i18n/languages.hpp"

#include <catch2/catch.hpp>
#include <set>
#include <string>

using namespace kk::i18n;

TEST_CASE("the kiosk offers the 17 UI languages", "[i18n]") {
    const std::set<std::string> codes(ui_languages().begin(), ui_languages().end());
    CHECK(codes == std::set<std::string>{"de", "en", "ar", "fa_AF", "fa", "ps", "uk", "ru", "tr", "ku", "ckb",
                                         "ti", "so", "ro", "pl", "bg", "fr"});
    CHECK(is_ui_language("ckb"));
    CHECK_FALSE(is_ui_language("xx"));
}

TEST_CASE("right-to-left comes from ICU", "[i18n]") {
    std::set<std::string> rtl;
    for (auto code : ui_languages()) {
        if (is_rtl(code)) rtl.insert(std::string(code));
    }
    CHECK(rtl == std::set<std::string>{"ar", "fa_AF", "fa", "ps", "ckb"});
}

TEST_CASE("language names come from CLDR in their own script", "[i18n]") {
    CHECK(native_name("de") == "Deutsch");
    CHECK(native_name("ar") == "العربية");
    CHECK(native_name("fa_AF") == "دری");
    CHECK(native_name("ti") == "ትግርኛ");
    CHECK(native_name("uk") == "українська");
    for (auto code : ui_languages()) CHECK(native_name(code) != std::string(code));
}
