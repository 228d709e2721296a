// Resolution against the real shipped catalog: per language, what people actually type (own script, typos,
// missing diacritics, script variants, synonyms, German compounds, other languages) must put the expected
// skill at rank 1 through the same CatalogResolver the vacancy import uses.
#include "db/catalog_resolver.hpp"

#include <catch2/catch.hpp>
#include <map>
#include <string>

#include "db/catalog.hpp"
#include "i18n/languages.hpp"
#include "tests/support/temp_dir.hpp"

using namespace kk;

namespace {

struct Query {
    const char* lang;
    const char* text;
    const char* expected;
    const char* what;  // what the query exercises
};

// clang-format off
const Query kQueries[] = {
    {"de", "Gabelstaplerfahren", "operate_forklift", "compound"},
    {"de", "Staplerschein", "operate_forklift", "synonym"},
    {"de", "Gabelstapler-Fahren", "operate_forklift", "hyphenated compound"},
    {"de", "Schweissen", "welding", "ß as ss"},
    {"de", "Schweisarbeiten", "welding", "typo"},
    {"de", "Geschirrspülen", "wash_dishes", "compound of a two-word label"},
    {"de", "Zimmerreinigung", "clean_rooms", "synonym"},
    {"de", "Kasse bedinen", "operate_cash_register", "typo"},
    {"de", "LKW fahren", "drive_truck", "case"},
    {"de", "erste hilfe", "first_aid", "lower case"},
    {"de", "Waende streichen", "paint_walls", "ä as ae"},
    {"de", "Altenpflege", "elderly_care", "synonym"},
    {"de", "Ziegel mauern", "lay_bricks", "synonym"},
    {"de", "Erntearbeit", "harvest_crops", "synonym"},

    {"en", "forklfit driving", "operate_forklift", "typo"},
    {"en", "Welding", "welding", "case"},
    {"en", "weldng", "welding", "typo"},
    {"en", "dishes wash", "wash_dishes", "word order"},
    {"en", "room cleaning", "clean_rooms", "synonym"},
    {"en", "cash register", "operate_cash_register", "partial label"},
    {"en", "drive a lorry", "drive_truck", "synonym"},
    {"en", "brick laying", "lay_bricks", "split compound"},
    {"en", "elderly care", "elderly_care", "synonym"},
    {"en", "harvesting", "harvest_crops", "synonym"},
    {"en", "Gabelstapler fahren", "operate_forklift", "German label in English"},

    {"ar", "رافعه شوكيه", "operate_forklift", "teh marbuta as heh"},
    {"ar", "اللِّحَام", "welding", "harakat"},
    {"ar", "اللحـــام", "welding", "tatweel"},
    {"ar", "لحام", "welding", "without the definite article"},
    {"ar", "اسعاف اولي", "first_aid", "alef without hamza"},
    {"ar", "غسل الصحون", "wash_dishes", "label"},
    {"ar", "تنظيف الغرف", "clean_rooms", "label"},
    {"ar", "كاشير", "operate_cash_register", "synonym"},
    {"ar", "سواقة شاحنه", "drive_truck", "synonym, teh marbuta"},
    {"ar", "رعايه المسنين", "elderly_care", "teh marbuta"},
    {"ar", "الحصاد", "harvest_crops", "synonym"},
    {"ar", "welding", "welding", "English in Arabic"},

    {"fa", "جوشكاري", "welding", "Arabic kaf and yeh"},
    {"fa", "ليفتراك", "operate_forklift", "Arabic yeh and kaf"},
    {"fa", "ظرف شویی", "wash_dishes", "split compound"},
    {"fa", "کمکهای اولیه", "first_aid", "ZWNJ dropped"},
    {"fa", "آجر چینی", "lay_bricks", "split compound"},
    {"fa", "مراقبت از سالمندان", "elderly_care", "label"},
    {"fa", "صندوقداری", "operate_cash_register", "synonym"},
    {"fa", "برداشت محصول", "harvest_crops", "label"},
    {"fa", "نظافت اتاقها", "clean_rooms", "ZWNJ dropped"},
    {"fa", "رنگ امیزی", "paint_walls", "alef madda as alef, split"},

    {"fa_AF", "ویلدنگ", "welding", "label"},
    {"fa_AF", "دریوری لاری", "drive_truck", "synonym"},
    {"fa_AF", "فورک لفت رانی", "operate_forklift", "split"},
    {"fa_AF", "خشت چینی", "lay_bricks", "split"},
    {"fa_AF", "ظرفشویی", "wash_dishes", "joined"},
    {"fa_AF", "کشیر", "operate_cash_register", "synonym"},
    {"fa_AF", "كمك اوليه", "first_aid", "Arabic kaf and yeh"},
    {"fa_AF", "مراقبت از کهنسالان", "elderly_care", "synonym"},
    {"fa_AF", "درو کردن حاصلات", "harvest_crops", "label"},
    {"fa_AF", "پاک کاری اتاق هوتل", "clean_rooms", "split"},
    {"fa_AF", "رنگمالی", "paint_walls", "synonym"},

    {"ps", "ویلډنګ", "welding", "label"},
    {"ps", "ويلډنګ", "welding", "Arabic yeh"},
    {"ps", "فورک لفټ چلول", "operate_forklift", "label"},
    {"ps", "لوښي مینځل", "wash_dishes", "label"},
    {"ps", "خښتې ایښودل", "lay_bricks", "label"},
    {"ps", "لومړنۍ مرستې", "first_aid", "label"},
    {"ps", "صندوق چلول", "operate_cash_register", "label"},
    {"ps", "ټرک چلول", "drive_truck", "synonym"},
    {"ps", "فصل راټولول", "harvest_crops", "label"},
    {"ps", "کوټې پاکول", "clean_rooms", "label"},
    {"ps", "رنګ کول", "paint_walls", "synonym"},

    {"ckb", "لەحیمکردن", "welding", "label"},
    {"ckb", "لەحیم کردن", "welding", "split"},
    {"ckb", "فۆرکلیفت", "operate_forklift", "synonym"},
    {"ckb", "قاپشۆردن", "wash_dishes", "label"},
    {"ckb", "خشتڕیزکردن", "lay_bricks", "synonym"},
    {"ckb", "یارمەتی سەرەتایی", "first_aid", "synonym"},
    {"ckb", "کاشێری", "operate_cash_register", "synonym"},
    {"ckb", "شۆفێری لۆری", "drive_truck", "synonym"},
    {"ckb", "دروێنە", "harvest_crops", "synonym"},
    {"ckb", "پاککردنەوەی ژوور", "clean_rooms", "label"},
    {"ckb", "چاودێری پیران", "elderly_care", "synonym"},

    {"ku", "qeynax kirin", "welding", "label"},
    {"ku", "qaynax kirin", "welding", "typo"},
    {"ku", "forklift ajotin", "operate_forklift", "label"},
    {"ku", "firaq sustin", "wash_dishes", "no diacritics"},
    {"ku", "kerpic danin", "lay_bricks", "no diacritics"},
    {"ku", "alikariya pesin", "first_aid", "no diacritics"},
    {"ku", "kase bikaranin", "operate_cash_register", "no diacritics"},
    {"ku", "dirun kirin", "harvest_crops", "no diacritics"},
    {"ku", "odeyan paqij kirin", "clean_rooms", "label"},
    {"ku", "lenerina kal u piran", "elderly_care", "no diacritics"},

    {"uk", "ЗВАРЮВАННЯ", "welding", "upper case"},
    {"uk", "зварюваня", "welding", "typo"},
    {"uk", "керувати навантажувачем", "operate_forklift", "lower case"},
    {"uk", "мити посуд", "wash_dishes", "lower case"},
    {"uk", "класти цеглу", "lay_bricks", "lower case"},
    {"uk", "перша допомога", "first_aid", "synonym"},
    {"uk", "касир", "operate_cash_register", "synonym"},
    {"uk", "вантажівка", "drive_truck", "synonym"},
    {"uk", "збір врожаю", "harvest_crops", "synonym"},
    {"uk", "прибирання номерів", "clean_rooms", "synonym"},
    {"uk", "сварка", "welding", "Russian word in Ukrainian"},

    {"ru", "СВАРОЧНЫЕ РАБОТЫ", "welding", "upper case"},
    {"ru", "управлять погрузчиком", "operate_forklift", "lower case"},
    {"ru", "мытье посуды", "wash_dishes", "ё as е"},
    {"ru", "кирпичная кладка", "lay_bricks", "synonym"},
    {"ru", "первая помощ", "first_aid", "typo"},
    {"ru", "кассир", "operate_cash_register", "synonym"},
    {"ru", "дальнобой", "drive_truck", "synonym"},
    {"ru", "сбор урожая", "harvest_crops", "synonym"},
    {"ru", "уборка номеров", "clean_rooms", "synonym"},
    {"ru", "уход за пожилыми", "elderly_care", "partial label"},
    {"ru", "покраска стен", "paint_walls", "synonym"},

    {"bg", "Заваряване", "welding", "label"},
    {"bg", "мотокар", "operate_forklift", "synonym"},
    {"bg", "миене на чинии", "wash_dishes", "lower case"},
    {"bg", "зидане с тухли", "lay_bricks", "lower case"},
    {"bg", "първа помощ", "first_aid", "synonym"},
    {"bg", "КАСИЕР", "operate_cash_register", "upper case"},
    {"bg", "шофиране на камион", "drive_truck", "partial label"},
    {"bg", "жътва", "harvest_crops", "synonym"},
    {"bg", "почистване на стаи", "clean_rooms", "lower case"},
    {"bg", "грижа за възрастни хора", "elderly_care", "lower case"},
    {"bg", "боядисване на стени", "paint_walls", "lower case"},

    {"tr", "KAYNAK YAPMAK", "welding", "upper case"},
    {"tr", "forklift kullanmak", "operate_forklift", "label"},
    {"tr", "BULAŞIK YIKAMAK", "wash_dishes", "Turkish dotless I upper case"},
    {"tr", "tugla ormek", "lay_bricks", "no diacritics"},
    {"tr", "İLK YARDIM", "first_aid", "Turkish dotted İ"},
    {"tr", "kasiyerlik", "operate_cash_register", "synonym"},
    {"tr", "tır kullanmak", "drive_truck", "synonym"},
    {"tr", "hasat", "harvest_crops", "synonym"},
    {"tr", "oda temizliği", "clean_rooms", "synonym"},
    {"tr", "yaşlı bakımı", "elderly_care", "synonym"},
    {"tr", "duvar boyamak", "paint_walls", "partial label"},

    {"ro", "sudura", "welding", "no diacritics"},
    {"ro", "stivuitor", "operate_forklift", "synonym"},
    {"ro", "zidarie din caramida", "lay_bricks", "no diacritics"},
    {"ro", "prim ajutor", "first_aid", "synonym"},
    {"ro", "casa de marcat", "operate_cash_register", "no diacritics"},
    {"ro", "permis CE", "drive_truck", "synonym"},
    {"ro", "recoltare", "harvest_crops", "lower case"},
    {"ro", "curatenie in camere", "clean_rooms", "no diacritics"},
    {"ro", "ingrijire batrani", "elderly_care", "no diacritics"},
    {"ro", "zugraveli", "paint_walls", "no diacritics"},

    {"pl", "SPAWANIE", "welding", "upper case"},
    {"pl", "wozek widlowy", "operate_forklift", "no diacritics"},
    {"pl", "zmywanie naczyn", "wash_dishes", "no diacritics"},
    {"pl", "murowanie z cegly", "lay_bricks", "no diacritics"},
    {"pl", "udzielanie pierwszej pomocy", "first_aid", "lower case"},
    {"pl", "kasa fiskalna", "operate_cash_register", "synonym"},
    {"pl", "ciezarowka", "drive_truck", "no diacritics"},
    {"pl", "zniwa", "harvest_crops", "no diacritics"},
    {"pl", "sprzatanie pokoi", "clean_rooms", "no diacritics"},
    {"pl", "opieka nad seniorami", "elderly_care", "synonym"},
    {"pl", "malowanie scian", "paint_walls", "no diacritics"},

    {"fr", "poste a souder", "welding", "no diacritics"},
    {"fr", "cariste", "operate_forklift", "synonym"},
    {"fr", "faire la vaiselle", "wash_dishes", "typo"},
    {"fr", "poser des briques", "lay_bricks", "label"},
    {"fr", "premiers secours", "first_aid", "partial label"},
    {"fr", "caisse enregistreuse", "operate_cash_register", "partial label"},
    {"fr", "conduire un camion", "drive_truck", "synonym"},
    {"fr", "recolte", "harvest_crops", "no diacritics"},
    {"fr", "menage des chambres", "clean_rooms", "no diacritics"},
    {"fr", "personnes agees", "elderly_care", "partial, no diacritics"},
    {"fr", "peindre les murs", "paint_walls", "partial label"},

    {"so", "alxan", "welding", "label"},
    {"so", "alxaan", "welding", "typo"},
    {"so", "forklift wadid", "operate_forklift", "synonym"},
    {"so", "weel dhaqid", "wash_dishes", "label"},
    {"so", "bulukeeti dhigid", "lay_bricks", "label"},
    {"so", "gargaarka degdegga", "first_aid", "partial label"},
    {"so", "kaashiirnimo", "operate_cash_register", "synonym"},
    {"so", "lori wadid", "drive_truck", "synonym"},
    {"so", "goosasho", "harvest_crops", "synonym"},
    {"so", "qol nadiifin", "clean_rooms", "synonym"},
    {"so", "daryeelka odayaasha", "elderly_care", "synonym"},

    {"ti", "ብያዳ", "welding", "label"},
    {"ti", "ፎርክሊፍት", "operate_forklift", "synonym"},
    {"ti", "ኣቑሑ ምሕጻብ", "wash_dishes", "label"},
    {"ti", "ብሎኬት ምህናጽ", "lay_bricks", "label"},
    {"ti", "ቀዳማይ ረድኤት", "first_aid", "synonym"},
    {"ti", "ካሳ ምጥቃም", "operate_cash_register", "label"},
    {"ti", "ካምዮን ምዝዋር", "drive_truck", "synonym"},
    {"ti", "ዓጺድ", "harvest_crops", "synonym"},
    {"ti", "ክፍልታት ምጽራይ", "clean_rooms", "label"},
    {"ti", "ኣረጋውያን ምክንኻን", "elderly_care", "label"},
    {"ti", "ምቕባእ", "paint_walls", "synonym"},

    // All words of a longer label must beat a label sharing fewer words or a near-typo of one word.
    {"fa", "رانندگی کامیون", "drive_truck", "all words of a longer label"},
    {"ku", "kamyon ajotin", "drive_truck", "all words of a longer label ('kamyonet ajotin' is drive_van)"},
    {"ro", "spalat vase", "wash_dishes", "all words of 'spălat vase de mână' ('spălător vase' is a job)"},

    // Cross-language: people type German words from job adverts, or their own language in another UI language.
    {"ar", "Schweißen", "welding", "German in Arabic"},
    {"uk", "Gabelstapler", "operate_forklift", "German in Ukrainian"},
    {"tr", "Erste Hilfe", "first_aid", "German in Turkish"},
    {"pl", "Geschirr spülen", "wash_dishes", "German in Polish"},
    {"fa", "اللحام", "welding", "Arabic in Farsi"},
    {"ru", "зварювання", "welding", "Ukrainian in Russian"},
    {"bg", "сварка", "welding", "Russian in Bulgarian"},
    {"de", "welding", "welding", "English in German"},
    {"so", "forklift driving", "operate_forklift", "English in Somali"},
    {"ckb", "welding", "welding", "English in Sorani"},
    {"ti", "welding", "welding", "English in Tigrinya"},

    // More typos in non-Latin scripts.
    {"ru", "сбор урожаа", "harvest_crops", "typo"},
    {"uk", "мити посут", "wash_dishes", "typo"},
    {"bg", "заварявне", "welding", "typo (missing letter)"},
    {"ar", "غسيل الصحون", "wash_dishes", "near synonym (غسيل for غسل)"},
};
// clang-format on

// Built once per test binary: the shipped catalog loaded into a fresh database, then the resolver over it.
const db::CatalogResolver& shipped_resolver() {
    static const db::CatalogResolver* resolver = [] {
        test::TempDir dir;
        auto store = db::Store::open(dir / "kiosk.db");
        REQUIRE(store);
        REQUIRE(db::ensure_shipped_catalog(*store, KK_TEST_LOCALE_DIR));
        auto built = db::CatalogResolver::from_store(*store);
        REQUIRE(built);
        return new db::CatalogResolver(std::move(*built));
    }();
    return *resolver;
}

}  // namespace

TEST_CASE("every UI language has at least ten resolve queries", "[db][catalog][resolve]") {
    std::map<std::string, int> per_language;
    for (const auto& q : kQueries) ++per_language[q.lang];
    for (auto lang : i18n::ui_languages()) {
        INFO(lang);
        CHECK(per_language[std::string(lang)] >= 10);
    }
}

template <std::size_t N>
void check_rank_one(const Query (&queries)[N]) {
    const auto& resolver = shipped_resolver();
    for (const auto& q : queries) {
        const auto found = resolver.search(q.text, q.lang, 3);
        std::string got = "nothing";
        if (!found.empty()) {
            got = found.front().concept_id + " via '" + found.front().matched_label + "' (" +
                  found.front().matched_lang + ", " + std::to_string(found.front().score) + ")";
        }
        INFO(q.lang << " '" << q.text << "' (" << q.what << "): expected " << q.expected << ", got " << got);
        CHECK((!found.empty() && found.front().concept_id == q.expected));
    }
}

TEST_CASE("queries in every language resolve to the expected catalog skill at rank 1",
          "[db][catalog][resolve]") {
    check_rank_one(kQueries);
}

TEST_CASE("words that name no catalog skill resolve to nothing rather than a guess",
          "[db][catalog][resolve]") {
    const auto& resolver = shipped_resolver();
    const std::pair<const char*, const char*> unrelated[] = {
        {"de", "Quantenphysik"},   {"de", "Klavier spielen"}, {"de", "Zahnarzt"},
        {"ru", "блокчейн"},        {"en", "astronaut"},       {"tr", "uzay mühendisliği"},
        {"fr", "pilote de ligne"}, {"de", "Xyzzqw blorf"},
    };
    for (const auto& [lang, text] : unrelated) {
        INFO(lang << " '" << text << "'");
        CHECK(resolver.search(text, lang, 3).empty());
        CHECK_FALSE(resolver.resolve(text, lang).skill_id);
    }
}

// A bare "Stapler" is what employers write for forklift driving; the narrower 'Stapler prüfen' (forklift
// inspection) shares the word, so the catalog lists "Stapler" as a synonym of operate_forklift.
TEST_CASE("a word shared by a skill and a narrower skill resolves to the one people mean",
          "[db][catalog][resolve]") {
    const auto found = shipped_resolver().search("Stapler", "de", 3);
    REQUIRE_FALSE(found.empty());
    CHECK(found.front().concept_id == "operate_forklift");
}
