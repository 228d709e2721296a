#include "kiosk/keyboard/editor.hpp"

#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <memory>

namespace kk::keyboard {

std::u32string to_u32(std::string_view utf8) {
    const icu::UnicodeString s =
        icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
    std::u32string out;
    for (int32_t i = 0; i < s.length();) {
        const UChar32 c = s.char32At(i);
        out.push_back(static_cast<char32_t>(c));
        i += U16_LENGTH(c);
    }
    return out;
}

std::string to_utf8(std::u32string_view text) {
    icu::UnicodeString s;
    for (char32_t c : text) s.append(static_cast<UChar32>(c));
    std::string out;
    s.toUTF8String(out);
    return out;
}

std::string erase_last_character(std::string_view text) {
    if (text.empty()) return {};
    const icu::UnicodeString s =
        icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> it(icu::BreakIterator::createCharacterInstance(icu::Locale::getRoot(), status));
    int32_t cut = s.length() - 1;
    if (U_SUCCESS(status)) {
        it->setText(s);
        cut = it->preceding(s.length());
        if (cut == icu::BreakIterator::DONE) cut = 0;
    }
    std::string out;
    s.tempSubString(0, cut).toUTF8String(out);
    return out;
}

std::string type_text(std::string text, std::string_view typed_utf8) {
    for (char32_t c : to_u32(typed_utf8)) {
        if (u_iscntrl(static_cast<UChar32>(c)) || c == 0xFFFD) continue;
        text += to_utf8(std::u32string_view(&c, 1));
    }
    return text;
}

Edit press(const Layout& layout, const Edit& current, const Key& key) {
    Edit next = current;
    next.submitted = false;
    switch (key.kind) {
        case KeyKind::Char: {
            const bool upper = current.state.shift && !key.shifted.empty();
            next.text += to_utf8(upper ? key.shifted : key.text);
            next.state.shift = false;
            next.state.geez_base = 0;
            if (layout.geez && key.text.size() == 1 && !geez_vowel_forms(key.text[0]).empty()) {
                next.state.geez_base = key.text[0];
            }
            break;
        }
        case KeyKind::Shift: next.state.shift = !current.state.shift; break;
        case KeyKind::Backspace:
            next.text = erase_last_character(current.text);
            next.state.geez_base = 0;
            break;
        case KeyKind::Space:
            next.text += ' ';
            next.state.geez_base = 0;
            break;
        case KeyKind::Enter:
            next.submitted = true;
            next.state.geez_base = 0;
            break;
        case KeyKind::Digits: next.state.digits = !current.state.digits; break;
    }
    return next;
}

Edit choose_vowel_form(const Edit& current, char32_t form) {
    Edit next = current;
    next.submitted = false;
    const std::u32string text = to_u32(current.text);
    if (current.state.geez_base == 0 || text.empty() || geez_base(text.back()) != current.state.geez_base ||
        geez_base(form) != current.state.geez_base) {
        return next;
    }
    std::u32string replaced = text;
    replaced.back() = form;
    next.text = to_utf8(replaced);
    next.state.geez_base = 0;
    return next;
}

}  // namespace kk::keyboard
