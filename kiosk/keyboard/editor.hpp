#pragma once
// Editing a text field with keys from the on-screen or the physical keyboard. Pure: takes the field's text
// and the keyboard's state, returns new ones. The caret stays at the end of the text (kiosk fields are short).
#include <string>
#include <string_view>

#include "kiosk/keyboard/layout.hpp"

namespace kk::keyboard {

struct KeyboardState {
    bool shift = false;
    bool digits = false;       // the digits row is shown in place of the letters
    char32_t geez_base = 0;    // the Ge'ez consonant just typed, whose vowel forms are offered

    bool operator==(const KeyboardState&) const = default;
};

struct Edit {
    std::string text;
    KeyboardState state;
    bool submitted = false;  // Enter was pressed
};

// Applies an on-screen key. Shift applies to the next letter only.
Edit press(const Layout& layout, const Edit& current, const Key& key);

// Replaces the Ge'ez syllable just typed with another vowel form of the same consonant.
Edit choose_vowel_form(const Edit& current, char32_t form);

// Appends text typed on a physical keyboard (UTF-8). Control characters are dropped.
std::string type_text(std::string text, std::string_view typed_utf8);

// Removes the last user-perceived character (grapheme cluster), so a base letter and its marks go together.
std::string erase_last_character(std::string_view text);

// The code points of a UTF-8 string, and back.
std::u32string to_u32(std::string_view utf8);
std::string to_utf8(std::u32string_view text);

}  // namespace kk::keyboard
