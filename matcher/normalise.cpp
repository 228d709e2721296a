#include "matcher/normalise.hpp"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/ustring.h>
#include <unicode/unistr.h>

#include <cassert>
#include <memory>

namespace kk::matcher {
namespace {

icu::UnicodeString from_utf8(std::string_view utf8) {
    return icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
}

std::string utf8_of(const icu::UnicodeString& text) {
    std::string out;
    text.toUTF8String(out);
    return out;
}

icu::UnicodeString from_utf32(std::u32string_view text) {
    return icu::UnicodeString::fromUTF32(reinterpret_cast<const UChar32*>(text.data()),
                                         static_cast<int32_t>(text.size()));
}

std::u32string utf32_of(const icu::UnicodeString& text) {
    std::u32string out;
    out.reserve(static_cast<std::size_t>(text.length()));
    for (int32_t i = 0; i < text.length();) {
        const UChar32 c = text.char32At(i);
        out.push_back(static_cast<char32_t>(c));
        i += U16_LENGTH(c);
    }
    return out;
}

const icu::Normalizer2& normalizer(const char* name, UNormalization2Mode mode) {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* n = icu::Normalizer2::getInstance(nullptr, name, mode, status);
    // The built-in nfc/nfkc data ships inside libicudata; failing here means a broken ICU install.
    assert(U_SUCCESS(status) && n != nullptr);
    return *n;
}

bool is_turkic(std::string_view lang) {
    const auto primary = lang.substr(0, lang.find_first_of("_-"));
    return primary == "tr" || primary == "az";
}

icu::UnicodeString folded(std::string_view utf8, std::string_view lang) {
    UErrorCode status = U_ZERO_ERROR;
    icu::UnicodeString text = normalizer("nfkc", UNORM2_COMPOSE).normalize(from_utf8(utf8), status);
    if (U_FAILURE(status)) text = from_utf8(utf8);
    text.foldCase(is_turkic(lang) ? U_FOLD_CASE_EXCLUDE_SPECIAL_I : U_FOLD_CASE_DEFAULT);
    return text;
}

// Letters without a canonical decomposition that users write without their mark.
// Returns the replacement (up to two code points) or 0 when `c` has none.
std::u32string_view latin_fold(char32_t c) {
    switch (c) {
        case U'ı': return U"i";
        case U'ł': return U"l";
        case U'ø': return U"o";
        case U'đ': return U"d";
        case U'ħ': return U"h";
        case U'ŧ': return U"t";
        case U'ƀ': return U"b";
        case U'ß': return U"ss";
        case U'æ': return U"ae";
        case U'œ': return U"oe";
        case U'þ': return U"th";
        default: return {};
    }
}

// Arabic-script letters that Arabic, Persian, Dari, Pashto and Kurdish keyboards write differently.
char32_t arabic_fold(char32_t c) {
    switch (c) {
        case 0x0622: case 0x0623: case 0x0625: case 0x0671: case 0x0672: case 0x0673:
            return 0x0627;  // alef with madda/hamza/wasla -> alef
        case 0x06CC: case 0x0649: case 0x0626: case 0x06D2: case 0x06D3:
            return 0x064A;  // Farsi yeh, alef maksura, yeh with hamza, yeh barree -> yeh
        case 0x0643: return 0x06A9;  // Arabic kaf -> keheh (Persian kaf)
        case 0x0629: case 0x06C0: case 0x06BE: case 0x06C1: case 0x06C2: case 0x06D5:
            return 0x0647;  // teh marbuta, heh with yeh, heh doachashmee, heh goal, ae -> heh
        case 0x0624: return 0x0648;  // waw with hamza -> waw
        default: return c;
    }
}

bool is_apostrophe(char32_t c) {
    return c == U'\'' || c == U'`' || c == 0x2018 || c == 0x2019 || c == 0x02BC || c == 0x02BB ||
           c == 0x02BE || c == 0x02BF || c == 0x00B4;
}

// Steps 3-6 of the matching key on case-folded text.
icu::UnicodeString fold_marks_and_letters(const icu::UnicodeString& text) {
    UErrorCode status = U_ZERO_ERROR;
    const icu::UnicodeString decomposed = normalizer("nfc", UNORM2_DECOMPOSE).normalize(text, status);
    if (U_FAILURE(status)) return text;
    icu::UnicodeString out;
    for (int32_t i = 0; i < decomposed.length();) {
        const UChar32 c = decomposed.char32At(i);
        i += U16_LENGTH(c);
        const auto type = static_cast<UCharCategory>(u_charType(c));
        if (type == U_FORMAT_CHAR) continue;
        if (type == U_NON_SPACING_MARK || type == U_ENCLOSING_MARK) {
            UErrorCode script_status = U_ZERO_ERROR;
            // Only marks shared between scripts are diacritics; Indic vowel signs carry meaning.
            if (uscript_getScript(c, &script_status) == USCRIPT_INHERITED) continue;
        }
        if (c == 0x0640 || is_apostrophe(static_cast<char32_t>(c))) continue;  // tatweel only stretches
        if (type == U_DECIMAL_DIGIT_NUMBER) {
            out.append(static_cast<UChar32>(0x30 + u_charDigitValue(c)));
            continue;
        }
        if (const auto latin = latin_fold(static_cast<char32_t>(c)); !latin.empty()) {
            for (const char32_t l : latin) out.append(static_cast<UChar32>(l));
            continue;
        }
        out.append(static_cast<UChar32>(arabic_fold(static_cast<char32_t>(c))));
    }
    status = U_ZERO_ERROR;
    icu::UnicodeString composed = normalizer("nfc", UNORM2_COMPOSE).normalize(out, status);
    return U_SUCCESS(status) ? composed : out;
}

// One word-break iterator per thread: creating one loads the rules, cloning it is cheap but still not free.
icu::BreakIterator* word_breaker() {
    thread_local std::unique_ptr<icu::BreakIterator> breaker = [] {
        UErrorCode status = U_ZERO_ERROR;
        std::unique_ptr<icu::BreakIterator> b(icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
        if (U_FAILURE(status)) b.reset();
        return b;
    }();
    return breaker.get();
}

template <typename OnWord>
void for_each_word(const icu::UnicodeString& text, OnWord&& on_word) {
    icu::BreakIterator* breaker = word_breaker();
    if (breaker == nullptr) {
        on_word(text);
        return;
    }
    breaker->setText(text);
    int32_t start = breaker->first();
    for (int32_t end = breaker->next(); end != icu::BreakIterator::DONE; start = end, end = breaker->next()) {
        if (breaker->getRuleStatus() < UBRK_WORD_NONE_LIMIT) continue;  // spaces, punctuation, symbols
        on_word(icu::UnicodeString(text, start, end - start));
    }
}

icu::UnicodeString key_of(const icu::UnicodeString& case_folded) {
    const icu::UnicodeString plain = fold_marks_and_letters(case_folded);
    icu::UnicodeString key;
    for_each_word(plain, [&](const icu::UnicodeString& word) {
        if (!key.isEmpty()) key.append(static_cast<UChar>(u' '));
        // The Arabic definite article is part of the written word ("اللحام" = "the welding"); people
        // type the word with or without it, so the key drops it (on labels and queries alike).
        constexpr int32_t kArticleLength = 2;
        const bool article = word.length() >= kArticleLength + 2 && word.charAt(0) == u'\u0627' &&
                             word.charAt(1) == u'\u0644';
        key.append(word, article ? kArticleLength : 0, word.length());
    });
    return key;
}

icu::Transliterator* latin_transliterator() {
    thread_local std::unique_ptr<icu::Transliterator> translit = [] {
        UErrorCode status = U_ZERO_ERROR;
        std::unique_ptr<icu::Transliterator> t(
            icu::Transliterator::createInstance("Any-Latin; Latin-ASCII", UTRANS_FORWARD, status));
        if (U_FAILURE(status)) t.reset();
        return t;
    }();
    return translit.get();
}

}  // namespace

std::string fold_for_matching(std::string_view utf8) {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfkc_cf = icu::Normalizer2::getNFKCCasefoldInstance(status);
    const icu::UnicodeString source = from_utf8(utf8);
    if (U_FAILURE(status)) return std::string(utf8);
    icu::UnicodeString result = nfkc_cf->normalize(source, status);
    if (U_FAILURE(status)) return std::string(utf8);
    return utf8_of(result);
}

std::string fold_case(std::string_view utf8, std::string_view lang) { return utf8_of(folded(utf8, lang)); }

std::string matching_key(std::string_view utf8, std::string_view lang) {
    return utf8_of(key_of(folded(utf8, lang)));
}

std::u32string matching_key32(std::string_view utf8, std::string_view lang) {
    return utf32_of(key_of(folded(utf8, lang)));
}

std::vector<std::string> tokenise(std::string_view utf8) {
    std::vector<std::string> words;
    for_each_word(from_utf8(utf8), [&](const icu::UnicodeString& word) { words.push_back(utf8_of(word)); });
    return words;
}

std::u32string latin_key32(std::u32string_view key) {
    bool ascii = true;
    for (const char32_t c : key) ascii = ascii && c < 0x80;
    if (ascii) return std::u32string(key);
    icu::UnicodeString text = from_utf32(key);
    if (icu::Transliterator* t = latin_transliterator()) t->transliterate(text);
    // ICU writes the Ethiopic sixth-order vowel as ǝ, which Latin spellings of Tigrinya words leave out.
    text.findAndReplace(icu::UnicodeString(static_cast<UChar32>(0x01DD)), icu::UnicodeString());
    icu::UnicodeString case_folded = text;
    case_folded.foldCase(U_FOLD_CASE_DEFAULT);
    return utf32_of(key_of(case_folded));
}

std::string latin_key(std::string_view utf8, std::string_view lang) {
    return to_utf8(latin_key32(matching_key32(utf8, lang)));
}

std::u32string to_utf32(std::string_view utf8) { return utf32_of(from_utf8(utf8)); }

std::string to_utf8(std::u32string_view text) { return utf8_of(from_utf32(text)); }

}  // namespace kk::matcher
