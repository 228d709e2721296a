#pragma once
// Text normalisation for matching. Pure; ICU only. ICU types stay out of this header.
//
// The matching key of a text (matching_key) is what the skill index compares. It is built in this order:
//   1. NFKC (full-width, ligatures, Arabic presentation forms become their plain letters);
//   2. case folding, locale-aware: for Turkish and Azeri (lang "tr", "az") I -> ı and İ -> i;
//   3. diacritics folded: every combining mark of the Inherited script is dropped after NFD, so é -> e,
//      ş -> s, ą -> a, ё -> е, й -> и, ї -> і, and Arabic harakat, superscript alef and hamza marks go too;
//      letters without a decomposition are mapped: ı -> i, ł -> l, ø -> o, đ -> d, æ -> ae, œ -> oe, ß -> ss;
//      (ı -> i because Turkish users often type on ASCII keyboards: "isci" must find "işçi");
//      Ukrainian ґ stays distinct from г (a letter of its own, not a mark; one edit for the fuzzy tiers);
//   4. Arabic script unified: alef variants (أ إ آ ٱ) -> ا, yeh (ی ى ي ئ) -> ي, kaf (ک ك) -> ک,
//      teh marbuta ة -> ه, heh variants (ۀ ھ ہ ە) -> ه, waw with hamza ؤ -> و, tatweel removed;
//   5. format characters (ZWNJ, ZWJ, soft hyphen, bidi marks) and apostrophes removed, so Persian
//      "می‌خواهم" and "میخواهم" agree;
//   6. decimal digits of any script (Arabic-Indic, Persian, Devanagari, ...) -> ASCII 0-9;
//   7. ICU word break: only word and number segments are kept, joined by single spaces.
#include <string>
#include <string_view>
#include <vector>

namespace kk::matcher {

// NFKC and default Unicode case folding; kept for callers that only need case-insensitive equality.
// Invalid UTF-8 sequences become U+FFFD. O(n) in the length of the text.
std::string fold_for_matching(std::string_view utf8);

// NFKC and case folding for language `lang` (BCP 47 or ICU id, e.g. "tr", "fa_AF"): Turkic dotted and
// dotless i for "tr" and "az", default folding otherwise. Diacritics are kept. O(n).
std::string fold_case(std::string_view utf8, std::string_view lang);

// The matching key described above, as UTF-8: lower case, no diacritics, words separated by one space,
// empty when the text has no letters or digits. Deterministic and idempotent. O(n).
std::string matching_key(std::string_view utf8, std::string_view lang);

// The same key as UTF-32 code points (what the similarity functions and the index work on). O(n).
std::u32string matching_key32(std::string_view utf8, std::string_view lang);

// Words and numbers of `utf8` in order, by ICU word break (punctuation and spaces dropped); the text is
// not normalised. O(n).
std::vector<std::string> tokenise(std::string_view utf8);

// Latin-ASCII transliteration (ICU "Any-Latin; Latin-ASCII") of a text, then its matching key, so
// "зварювання" -> "zvarjuvanna" and "نجار" -> "njar". The transliterator is created once per thread.
// O(n), but far slower per character than matching_key: call it once per label and query.
std::u32string latin_key32(std::u32string_view key);
std::string latin_key(std::string_view utf8, std::string_view lang);

// UTF-8 <-> UTF-32. Invalid UTF-8 sequences become U+FFFD. O(n).
std::u32string to_utf32(std::string_view utf8);
std::string to_utf8(std::u32string_view text);

}  // namespace kk::matcher
