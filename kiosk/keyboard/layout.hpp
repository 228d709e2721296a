#pragma once
// On-screen keyboard layouts for every UI language. Pure data: screens draw them, the editor applies keys.
// Key captions for special keys (space, backspace, ...) come from the locale bundles, never from here.
#include <string>
#include <string_view>
#include <vector>

namespace kk::keyboard {

enum class KeyKind { Char, Shift, Backspace, Space, Enter, Digits };

struct Key {
    KeyKind kind = KeyKind::Char;
    std::u32string text;      // what a Char key types (one code point, or a short sequence)
    std::u32string shifted;   // with Shift; empty when the script has no case
    float width = 1.0f;       // in key units
};

using Row = std::vector<Key>;

struct Layout {
    std::string id;                 // "de", "latin-tr", "arabic", "persian", "pashto", "sorani", "cyrillic-uk", ...
    std::vector<Row> rows;          // letters, top to bottom, without the digits row
    bool right_to_left = false;     // the script is written right to left
    bool geez = false;              // Char keys are Ge'ez consonants: tapping one offers its vowel forms
};

// The layout a person writing in `lang` (a UI language) gets. Unknown languages get the German layout.
const Layout& layout_for_language(std::string_view lang);

// The digits row, available on every layout: ASCII digits (every field also accepts other scripts' digits).
const Row& digits_row();

// Ge'ez: the vowel forms (orders) of a consonant's base syllable, first order first. Empty when `base` is
// not a Ge'ez base syllable.
std::u32string geez_vowel_forms(char32_t base);

// The base (first-order) syllable of a Ge'ez syllable, or 0 when `c` is not one.
char32_t geez_base(char32_t c);

}  // namespace kk::keyboard
