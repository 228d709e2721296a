#include "kiosk/keyboard/editor.hpp"

#include <catch2/catch.hpp>

using namespace kk::keyboard;

namespace {
const Key& find_key(const Layout& layout, std::u32string_view text) {
    for (const auto& row : layout.rows) {
        for (const auto& key : row) {
            if (key.kind == KeyKind::Char && key.text == text) return key;
        }
    }
    FAIL("no key");
    static Key none;
    return none;
}
const Key& find_kind(const Layout& layout, KeyKind kind) {
    for (const auto& row : layout.rows) {
        for (const auto& key : row) {
            if (key.kind == kind) return key;
        }
    }
    FAIL("no key");
    static Key none;
    return none;
}
}  // namespace

TEST_CASE("typing an Arabic name on the on-screen keyboard", "[kiosk][keyboard]") {
    const Layout& ar = layout_for_language("ar");
    Edit e;
    for (std::u32string_view letter : {U"م", U"ح", U"م", U"د"}) e = press(ar, e, find_key(ar, letter));
    CHECK(e.text == "محمد");
    e = press(ar, e, find_kind(ar, KeyKind::Backspace));
    CHECK(e.text == "محم");
    e = press(ar, e, find_kind(ar, KeyKind::Enter));
    CHECK(e.submitted);
}

TEST_CASE("shift capitalises one letter", "[kiosk][keyboard]") {
    const Layout& de = layout_for_language("de");
    Edit e;
    e = press(de, e, find_kind(de, KeyKind::Shift));
    e = press(de, e, find_key(de, U"ü"));
    e = press(de, e, find_key(de, U"b"));
    CHECK(e.text == "Üb");
    CHECK_FALSE(e.state.shift);
}

TEST_CASE("Tigrinya: tap a consonant, then pick its vowel form", "[kiosk][keyboard]") {
    const Layout& ti = layout_for_language("ti");
    Edit e;
    e = press(ti, e, find_key(ti, U"ሰ"));
    CHECK(e.text == "ሰ");
    CHECK(e.state.geez_base == U'ሰ');
    e = choose_vowel_form(e, U'ሰ');  // first order stays
    e = press(ti, e, find_key(ti, U"ለ"));
    e = choose_vowel_form(e, U'ላ');
    e = press(ti, e, find_key(ti, U"መ"));
    CHECK(e.text == "ሰላመ");
    e = choose_vowel_form(e, U'ም');
    CHECK(e.text == "ሰላም");
    CHECK(e.state.geez_base == 0);
    // A vowel form of another consonant is refused.
    e = press(ti, e, find_key(ti, U"ረ"));
    e = choose_vowel_form(e, U'ሎ');
    CHECK(e.text == "ሰላምረ");
}

TEST_CASE("backspace removes a whole character with its marks", "[kiosk][keyboard]") {
    CHECK(erase_last_character("e\u0301") == "");
    CHECK(erase_last_character("Ali") == "Al");
    CHECK(erase_last_character("") == "");
    CHECK(erase_last_character("\U0001F600x") == "\U0001F600");
}

TEST_CASE("physical keyboard text is appended without control characters", "[kiosk][keyboard]") {
    CHECK(type_text("Ah", "med\n\t") == "Ahmed");
    CHECK(type_text("", "أحمد") == "أحمد");
}
