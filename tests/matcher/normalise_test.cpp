#include "matcher/normalise.hpp"

#include <catch2/catch.hpp>

#include <algorithm>

using kk::matcher::fold_case;
using kk::matcher::fold_for_matching;
using kk::matcher::latin_key;
using kk::matcher::matching_key;
using kk::matcher::tokenise;

TEST_CASE("folding makes case and compatibility forms equal", "[matcher]") {
    CHECK(fold_for_matching("Straße") == fold_for_matching("STRASSE"));
    CHECK(fold_for_matching("Schweißen") == "schweissen");
    CHECK(fold_for_matching("ＣＮＣ") == "cnc");          // full-width letters
    CHECK(fold_for_matching("Ｅｌｅｋｔｒｉｋ") == "elektrik");
    CHECK(fold_for_matching("Маляр") == "маляр");
}

TEST_CASE("folding keeps text of scripts without case", "[matcher]") {
    CHECK(fold_for_matching("نجار") == "نجار");
    CHECK(fold_for_matching("") == "");
}

TEST_CASE("case folding follows Turkish and Azeri dotted and dotless i", "[matcher]") {
    CHECK(fold_case("KALIP", "tr") == "kalıp");
    CHECK(fold_case("KALIP", "en") == "kalip");
    CHECK(fold_case("İSTANBUL", "tr") == "istanbul");
    CHECK(fold_case("DİYARBAKIR", "tr_TR") == "diyarbakır");
    CHECK(fold_case("İŞÇİ", "az") == "işçi");
    CHECK(fold_case("Schweißen", "de") == "schweissen");  // diacritics stay at this level
    CHECK(fold_case("Électricien", "fr") == "électricien");
}

TEST_CASE("the matching key folds diacritics", "[matcher]") {
    CHECK(matching_key("Schweißen", "de") == "schweissen");
    CHECK(matching_key("SCHWEISSEN", "de") == "schweissen");
    CHECK(matching_key("Électricien", "fr") == "electricien");
    CHECK(matching_key("Spawanie, łączenie", "pl") == "spawanie laczenie");
    CHECK(matching_key("Sudură", "ro") == "sudura");
    CHECK(matching_key("Șofer", "ro") == matching_key("Şofer", "ro"));  // comma and cedilla below
    CHECK(matching_key("Bäcker", "de") == "backer");
    // Turkish typed on an ASCII keyboard meets the real spelling, whatever the case of the input.
    CHECK(matching_key("KAYNAKÇILIK", "tr") == "kaynakcilik");
    CHECK(matching_key("yaşlı bakımı", "tr") == matching_key("YASLI BAKIMI", "tr"));
    CHECK(matching_key("İşçi", "tr") == "isci");
}

TEST_CASE("the matching key folds Cyrillic ё and keeps ґ", "[matcher]") {
    CHECK(matching_key("Ёлка", "ru") == "елка");
    CHECK(matching_key("Їжак", "uk") == "іжак");
    CHECK(matching_key("ґанок", "uk") == "ґанок");  // a letter of its own, not г with a mark
    CHECK(matching_key("м'ясо", "uk") == matching_key("мясо", "uk"));
    CHECK(matching_key("м’ясо", "uk") == "мясо");
}

TEST_CASE("the matching key unifies Arabic-script spellings", "[matcher]") {
    const std::string alef = matching_key("احمد", "ar");
    CHECK(matching_key("أحمد", "ar") == alef);
    CHECK(matching_key("إحمد", "ar") == alef);
    CHECK(matching_key("آحمد", "ar") == alef);
    CHECK(matching_key("ٱحمد", "ar") == alef);
    // Persian yeh and kaf against their Arabic forms; alef maksura.
    CHECK(matching_key("آشپزی", "fa") == matching_key("آشپزي", "ar"));
    CHECK(matching_key("جوشکاری", "fa") == matching_key("جوشكاري", "ar"));
    CHECK(matching_key("مستشفى", "ar") == matching_key("مستشفي", "ar"));
    CHECK(matching_key("مدرسة", "ar") == matching_key("مدرسه", "fa"));  // teh marbuta
    CHECK(matching_key("خانۀ", "fa") == matching_key("خانه", "fa"));    // heh with yeh above
    CHECK(matching_key("مؤسسه", "fa") == matching_key("موسسه", "fa"));  // waw with hamza
    CHECK(matching_key("نـجـار", "ar") == "نجار");                       // tatweel
    CHECK(matching_key("نَجَّار", "ar") == "نجار");                        // harakat
    CHECK(matching_key("می‌خواهم", "fa") == matching_key("میخواهم", "fa"));  // ZWNJ
}

TEST_CASE("the matching key drops the Arabic definite article", "[matcher]") {
    CHECK(matching_key("اللحام", "ar") == matching_key("لحام", "ar"));
    CHECK(matching_key("الطبخ والتنظيف", "ar") == matching_key("طبخ والتنظيف", "ar"));
    CHECK(matching_key("إلى", "ar") != matching_key("ى", "ar"));  // a short word keeps its letters
    CHECK(matching_key("الم", "ar") == "الم");
}

TEST_CASE("the matching key turns digits of any script into ASCII", "[matcher]") {
    CHECK(matching_key("٣ سنوات", "ar") == matching_key("3 سنوات", "ar"));
    CHECK(matching_key("۱۲ ماه", "fa") == matching_key("12 ماه", "fa"));
    CHECK(matching_key("१२", "en") == "12");
    CHECK(matching_key("Führerschein Klasse ＣＥ ２", "de") == "fuhrerschein klasse ce 2");
}

TEST_CASE("the matching key keeps words only, one space apart", "[matcher]") {
    CHECK(matching_key("  Gabelstapler-Fahren, (CE)! ", "de") == "gabelstapler fahren ce");
    CHECK(matching_key("...!?", "de").empty());
    CHECK(matching_key("", "de").empty());
    CHECK(matching_key("ምግቢ  ምድላው።", "ti") == "ምግቢ ምድላው");
    const std::string key = matching_key("Lkw-Fahrer/in (m/w/d)", "de");
    CHECK(matching_key(key, "de") == key);  // idempotent
}

TEST_CASE("tokenise splits at ICU word boundaries", "[matcher]") {
    CHECK(tokenise("Gabelstapler fahren, Lager.") == std::vector<std::string>{"Gabelstapler", "fahren", "Lager"});
    CHECK(tokenise("قيادة الرافعة") == std::vector<std::string>{"قيادة", "الرافعة"});
    CHECK(tokenise("водій  навантажувача") == std::vector<std::string>{"водій", "навантажувача"});
    CHECK(tokenise(" - ").empty());
}

TEST_CASE("the Latin key transliterates every script to ASCII", "[matcher]") {
    CHECK(latin_key("сварка", "ru") == "svarka");
    CHECK(latin_key("Форклифт", "uk") == "forklift");
    CHECK(latin_key("ፎርክሊፍት", "ti") == "forklift");
    CHECK(latin_key("welding", "en") == "welding");
    for (const char* text : {"نجار", "جوشکاری", "зварювання", "ብየዳ", "Ölçüm"}) {
        const std::string latin = latin_key(text, "und");
        INFO(text << " -> " << latin);
        CHECK_FALSE(latin.empty());
        CHECK(std::all_of(latin.begin(), latin.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; }));
    }
}
