#include "kiosk/keyboard/layout.hpp"

#include <catch2/catch.hpp>
#include <set>

#include "i18n/languages.hpp"
#include "kiosk/keyboard/editor.hpp"

using namespace kk::keyboard;

namespace {
std::set<char32_t> typeable(const Layout& layout) {
    std::set<char32_t> out;
    for (const auto& row : layout.rows) {
        for (const auto& key : row) {
            for (char32_t c : key.text) out.insert(c);
            for (char32_t c : key.shifted) out.insert(c);
        }
    }
    return out;
}
bool can_type(const Layout& layout, std::u32string_view letters) {
    const auto keys = typeable(layout);
    for (char32_t c : letters) {
        if (!keys.count(c)) return false;
    }
    return true;
}
}  // namespace

TEST_CASE("every UI language has a keyboard for its letters", "[kiosk][keyboard]") {
    CHECK(can_type(layout_for_language("de"), U"äöüßÄÖÜqwertzy"));
    CHECK(can_type(layout_for_language("tr"), U"çğıİöşü"));
    CHECK(can_type(layout_for_language("ku"), U"çêîşû"));
    CHECK(can_type(layout_for_language("ro"), U"ăâîșț"));
    CHECK(can_type(layout_for_language("pl"), U"ąćęłńóśźż"));
    CHECK(can_type(layout_for_language("fr"), U"éèêàçœ"));
    CHECK(can_type(layout_for_language("ar"), U"ابتثجحخدذرزسشصضطظعغفقكلمنهوية"));
    CHECK(can_type(layout_for_language("fa"), U"پچژگکی"));
    CHECK(can_type(layout_for_language("fa_AF"), U"پچژگکی"));
    CHECK(can_type(layout_for_language("ps"), U"ټډړږښګڼځڅېۍ"));
    CHECK(can_type(layout_for_language("ckb"), U"ڕڵۆێەڤ"));
    CHECK(can_type(layout_for_language("uk"), U"ґєіїщ"));
    CHECK(can_type(layout_for_language("ru"), U"ёъыэ"));
    CHECK(can_type(layout_for_language("bg"), U"ъщюя"));
    CHECK(layout_for_language("ti").geez);
    for (auto lang : kk::i18n::ui_languages()) {
        const Layout& layout = layout_for_language(lang);
        INFO(lang);
        CHECK(layout.right_to_left == kk::i18n::is_rtl(lang));
        bool has_backspace = false, has_space = false;
        for (const auto& row : layout.rows) {
            for (const auto& key : row) {
                has_backspace |= key.kind == KeyKind::Backspace;
                has_space |= key.kind == KeyKind::Space;
            }
        }
        CHECK(has_backspace);
        CHECK(has_space);
    }
    CHECK(digits_row().size() == 10);
}

TEST_CASE("Ge'ez consonants offer their vowel forms", "[kiosk][keyboard]") {
    CHECK(geez_vowel_forms(U'ሰ').substr(0, 7) == U"ሰሱሲሳሴስሶ");
    CHECK(geez_vowel_forms(U'ለ').substr(0, 7) == U"ለሉሊላሌልሎ");
    CHECK(geez_base(U'ላ') == U'ለ');
    CHECK(geez_base(U'a') == 0);
    CHECK(geez_vowel_forms(U'ሱ').empty());
    for (const auto& row : layout_for_language("ti").rows) {
        for (const auto& key : row) {
            if (key.kind == KeyKind::Char) CHECK(geez_vowel_forms(key.text[0]).size() >= 7);
        }
    }
}
