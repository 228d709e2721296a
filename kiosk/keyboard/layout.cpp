#include "kiosk/keyboard/layout.hpp"

#include <unicode/uchar.h>

#include <map>

namespace kk::keyboard {
namespace {

// A row of letter keys from a string of code points; `upper` gives the shifted forms (same length) or
// is empty for scripts without case.
Row letters(std::u32string_view lower, std::u32string_view upper = {}) {
    Row row;
    for (size_t i = 0; i < lower.size(); ++i) {
        Key key;
        key.text = std::u32string(1, lower[i]);
        if (!upper.empty()) key.shifted = std::u32string(1, upper[i]);
        row.push_back(key);
    }
    return row;
}

Key special(KeyKind kind, float width) {
    Key key;
    key.kind = kind;
    key.width = width;
    return key;
}

Row with_shift_and_backspace(Row row) {
    row.insert(row.begin(), special(KeyKind::Shift, 1.5f));
    row.push_back(special(KeyKind::Backspace, 1.5f));
    return row;
}

Row with_backspace(Row row) {
    row.push_back(special(KeyKind::Backspace, 1.5f));
    return row;
}

Row bottom_row() { return {special(KeyKind::Digits, 1.5f), special(KeyKind::Space, 6.0f), special(KeyKind::Enter, 2.0f)}; }

Layout latin(std::string id, std::u32string_view extra_lower, std::u32string_view extra_upper, bool qwertz) {
    Layout layout;
    layout.id = std::move(id);
    if (!extra_lower.empty()) layout.rows.push_back(letters(extra_lower, extra_upper));
    layout.rows.push_back(qwertz ? letters(U"qwertzuiop", U"QWERTZUIOP") : letters(U"qwertyuiop", U"QWERTYUIOP"));
    layout.rows.push_back(letters(U"asdfghjkl", U"ASDFGHJKL"));
    layout.rows.push_back(with_shift_and_backspace(
        qwertz ? letters(U"yxcvbnm-.@", U"YXCVBNM_:@") : letters(U"zxcvbnm-.@", U"ZXCVBNM_:@")));
    layout.rows.push_back(bottom_row());
    return layout;
}

Layout caseless(std::string id, std::vector<std::u32string_view> rows, bool rtl) {
    Layout layout;
    layout.id = std::move(id);
    layout.right_to_left = rtl;
    for (size_t i = 0; i < rows.size(); ++i) {
        Row row = letters(rows[i]);
        layout.rows.push_back(i + 1 == rows.size() ? with_backspace(std::move(row)) : std::move(row));
    }
    layout.rows.push_back(bottom_row());
    return layout;
}

Layout cyrillic(std::string id, std::u32string_view r1, std::u32string_view u1, std::u32string_view r2,
                std::u32string_view u2, std::u32string_view r3, std::u32string_view u3) {
    Layout layout;
    layout.id = std::move(id);
    layout.rows.push_back(letters(r1, u1));
    layout.rows.push_back(letters(r2, u2));
    layout.rows.push_back(with_shift_and_backspace(letters(r3, u3)));
    layout.rows.push_back(bottom_row());
    return layout;
}

// Tigrinya's consonants in the traditional order; each key types the first order and offers the others.
Layout geez() {
    Layout layout;
    layout.id = "geez";
    layout.geez = true;
    layout.rows.push_back(letters(U"ሀለሐመረሰሸቀቐበቨ"));
    layout.rows.push_back(letters(U"ተቸነኘአከኸወዐዘዠ"));
    layout.rows.push_back(with_backspace(letters(U"የደጀገጠጨጰጸፀፈፐ")));
    layout.rows.push_back(bottom_row());
    return layout;
}

const std::map<std::string, Layout, std::less<>>& layouts() {
    static const std::map<std::string, Layout, std::less<>> all = [] {
        std::map<std::string, Layout, std::less<>> m;
        m["de"] = latin("de", U"äöüß", U"ÄÖÜẞ", true);
        m["en"] = latin("en", U"", U"", false);
        m["tr"] = latin("latin-tr", U"çğıiöşü", U"ÇĞIİÖŞÜ", false);
        m["ku"] = latin("latin-ku", U"çêîşû", U"ÇÊÎŞÛ", false);
        m["so"] = latin("latin-so", U"'", U"'", false);
        m["ro"] = latin("latin-ro", U"ăâîșț", U"ĂÂÎȘȚ", false);
        m["pl"] = latin("latin-pl", U"ąćęłńóśźż", U"ĄĆĘŁŃÓŚŹŻ", false);
        m["fr"] = latin("latin-fr", U"éèêàçùâîôœ", U"ÉÈÊÀÇÙÂÎÔŒ", false);
        m["ar"] = caseless("arabic", {U"ضصثقفغعهخحج", U"شسيبلاتنمكط", U"ئءؤرىةوزظدذ"}, true);
        m["fa"] = caseless("persian", {U"ضصثقفغعهخحجچ", U"شسیبلاتنمکگ", U"ظطزرذدپوژآ"}, true);
        m["fa_AF"] = m["fa"];
        m["ps"] = caseless("pashto", {U"ضصثقفغعهخحجچځڅ", U"شسیبلاتنمکګټډ", U"ظطزرذدپوژړږښڼېۍئ"}, true);
        m["ckb"] = caseless("sorani", {U"قوەرتیئحۆپغ", U"اسدفگهژکلڵڕ", U"زخجڤبنمێشچع"}, true);
        m["uk"] = cyrillic("cyrillic-uk", U"йцукенгшщзхї", U"ЙЦУКЕНГШЩЗХЇ", U"фівапролджєґ", U"ФІВАПРОЛДЖЄҐ",
                           U"ячсмитьбю'", U"ЯЧСМИТЬБЮ'");
        m["ru"] = cyrillic("cyrillic-ru", U"йцукенгшщзхъ", U"ЙЦУКЕНГШЩЗХЪ", U"фывапролджэё", U"ФЫВАПРОЛДЖЭЁ",
                           U"ячсмитьбю", U"ЯЧСМИТЬБЮ");
        m["bg"] = cyrillic("cyrillic-bg", U"явертъуиопчш", U"ЯВЕРТЪУИОПЧШ", U"асдфгхйклщ", U"АСДФГХЙКЛЩ",
                           U"зьцжбнмю", U"ЗЬЦЖБНМЮ");
        m["ti"] = geez();
        return m;
    }();
    return all;
}

}  // namespace

const Layout& layout_for_language(std::string_view lang) {
    const auto& all = layouts();
    if (auto it = all.find(lang); it != all.end()) return it->second;
    return all.at("de");
}

const Row& digits_row() {
    static const Row row = letters(U"1234567890");
    return row;
}

// Ethiopic syllables come in rows of eight code points: first order at a multiple of 8, then u, i, a, e,
// ə, o, and in some rows a labialised form.
char32_t geez_base(char32_t c) {
    if (c < 0x1200 || c > 0x135A) return 0;
    const char32_t base = c & ~static_cast<char32_t>(7);
    return u_isdefined(static_cast<UChar32>(base)) ? base : 0;
}

std::u32string geez_vowel_forms(char32_t base) {
    if (geez_base(base) != base) return {};
    std::u32string forms;
    for (char32_t order = 0; order < 8; ++order) {
        const char32_t c = base + order;
        if (u_isdefined(static_cast<UChar32>(c)) && u_isalpha(static_cast<UChar32>(c))) forms.push_back(c);
    }
    return forms;
}

}  // namespace kk::keyboard
