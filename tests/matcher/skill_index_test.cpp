#include "matcher/skill_index.hpp"

#include <catch2/catch.hpp>

using namespace kk::matcher;

namespace {

struct Concept {
    const char* id;
    ConceptKind kind;
    std::vector<std::pair<const char*, std::vector<const char*>>> labels;  // lang -> preferred label, synonyms
};

// A small hand-written catalog in the kiosk's languages; the first label of each language is preferred.
std::vector<LabelEntry> catalog() {
    const std::vector<Concept> concepts = {
        {"skill:forklift", ConceptKind::skill,
         {{"de", {"Gabelstapler fahren", "Staplerfahren"}},
          {"en", {"drive a forklift", "forklift driving", "operate forklift", "forklift"}},
          {"ar", {"قيادة الرافعة الشوكية"}},
          {"fa", {"رانندگی لیفتراک"}},
          {"fa_AF", {"لیفتراک رانی"}},
          {"ps", {"د فورک لفټ چلول"}},
          {"uk", {"керування навантажувачем", "водіння навантажувача"}},
          {"ru", {"вождение погрузчика", "управление погрузчиком"}},
          {"tr", {"forklift kullanmak", "forklift operatörlüğü"}},
          {"ti", {"ፎርክሊፍት ምዝዋር"}}}},
        {"skill:welding", ConceptKind::skill,
         {{"de", {"Schweißen", "Schweißarbeiten"}},
          {"en", {"welding", "weld metal parts"}},
          {"ar", {"لحام", "لحام المعادن"}},
          {"fa", {"جوشکاری"}},
          {"fa_AF", {"جوشکاری"}},
          {"ps", {"ویلډینګ"}},
          {"uk", {"зварювання", "зварювальні роботи"}},
          {"ru", {"сварка", "сварочные работы"}},
          {"tr", {"kaynak yapmak", "kaynakçılık"}},
          {"ti", {"ብየዳ"}}}},
        {"skill:cooking", ConceptKind::skill,
         {{"de", {"Kochen", "Speisen zubereiten"}},
          {"en", {"cooking", "prepare meals"}},
          {"ar", {"طبخ", "إعداد الطعام"}},
          {"fa", {"آشپزی", "پخت غذا"}},
          {"fa_AF", {"آشپزی"}},
          {"ps", {"پخلی"}},
          {"uk", {"приготування їжі"}},
          {"ru", {"приготовление пищи"}},
          {"tr", {"yemek pişirmek", "aşçılık"}},
          {"ti", {"ምግቢ ምድላው"}}}},
        {"skill:cleaning", ConceptKind::skill,
         {{"de", {"Gebäudereinigung", "Reinigen"}},
          {"en", {"cleaning", "clean buildings"}},
          {"ar", {"تنظيف المباني"}},
          {"fa", {"نظافت ساختمان"}},
          {"ps", {"پاکول"}},
          {"uk", {"прибирання приміщень"}},
          {"ru", {"уборка помещений"}},
          {"tr", {"bina temizliği", "temizlik"}},
          {"ti", {"ጽሬት ህንጻ"}}}},
        {"skill:elderly-care", ConceptKind::skill,
         {{"de", {"Altenpflege", "Seniorenbetreuung"}},
          {"en", {"elderly care", "care for older people"}},
          {"ar", {"رعاية المسنين"}},
          {"fa", {"مراقبت از سالمندان"}},
          {"uk", {"догляд за літніми людьми"}},
          {"ru", {"уход за пожилыми людьми"}},
          {"tr", {"yaşlı bakımı"}}}},
        {"skill:truck", ConceptKind::skill,
         {{"de", {"Lkw fahren", "Lastkraftwagen fahren"}},
          {"en", {"drive a truck", "drive heavy goods vehicles"}},
          {"uk", {"водіння вантажівки"}},
          {"ru", {"вождение грузовика"}},
          {"tr", {"kamyon kullanmak", "tır şoförlüğü"}}}},
        {"skill:excel", ConceptKind::skill, {{"de", {"Microsoft Excel"}}, {"en", {"Microsoft Excel", "Excel"}}}},
        {"occupation:electrician", ConceptKind::occupation,
         {{"de", {"Elektriker", "Elektroniker für Energie- und Gebäudetechnik"}},
          {"en", {"electrician"}},
          {"ar", {"كهربائي"}},
          {"fa", {"برقکار"}},
          {"uk", {"електрик"}},
          {"ru", {"электрик"}},
          {"tr", {"elektrikçi"}},
          {"ti", {"ኤሌክትሪሻን"}}}},
        {"skill:wash-dishes", ConceptKind::skill,
         {{"de", {"Geschirr spülen"}}, {"ro", {"Spălatul vaselor", "spălat vase de mână"}}}},
        {"skill:dishwasher", ConceptKind::skill,
         {{"de", {"Spülmaschine bedienen"}}, {"ro", {"mașină de spălat vase", "spălător vase"}}}},
        {"occupation:welder", ConceptKind::occupation,
         {{"de", {"Schweißer"}}, {"en", {"welder"}}, {"tr", {"kaynakçı"}}, {"uk", {"зварник"}}}},
    };
    std::vector<LabelEntry> entries;
    for (const Concept& c : concepts) {
        for (const auto& [lang, texts] : c.labels) {
            for (std::size_t i = 0; i < texts.size(); ++i) {
                entries.push_back(LabelEntry{.concept_id = c.id, .lang = lang, .label = texts[i],
                                             .is_preferred = i == 0, .kind = c.kind});
            }
        }
    }
    return entries;
}

const SkillIndex& index() {
    static const SkillIndex built(catalog());
    return built;
}

std::string top(std::string_view text, std::string_view lang) {
    const auto results = index().resolve(text, lang);
    return results.empty() ? std::string("(nothing)") : results.front().concept_id;
}

}  // namespace

TEST_CASE("an exact label or synonym in the query's language scores 1", "[matcher]") {
    for (const auto& [text, lang, expected] : std::vector<std::tuple<const char*, const char*, const char*>>{
             {"Staplerfahren", "de", "skill:forklift"},
             {"SCHWEISSEN", "de", "skill:welding"},
             {"forklift driving", "en", "skill:forklift"},
             {"لحام المعادن", "ar", "skill:welding"},
             {"جوشکاری", "fa", "skill:welding"},
             {"پخلی", "ps", "skill:cooking"},
             {"ویلډینګ", "ps", "skill:welding"},
             {"لیفتراک رانی", "fa_AF", "skill:forklift"},
             {"зварювальні роботи", "uk", "skill:welding"},
             {"Сварка", "ru", "skill:welding"},
             {"YAŞLI BAKIMI", "tr", "skill:elderly-care"},
             {"ምግቢ ምድላው", "ti", "skill:cooking"},
         }) {
        INFO(text << " [" << lang << "]");
        const auto results = index().resolve(text, lang);
        REQUIRE_FALSE(results.empty());
        CHECK(results.front().concept_id == expected);
        CHECK(results.front().score == 1.0);
        CHECK(results.front().matched_lang == lang);
    }
}

TEST_CASE("spelling variants of each script resolve at rank 1", "[matcher]") {
    for (const auto& [text, lang, expected] : std::vector<std::tuple<const char*, const char*, const char*>>{
             // German compounds and their split form, both ways.
             {"Gabelstaplerfahren", "de", "skill:forklift"},
             {"Alten Pflege", "de", "skill:elderly-care"},
             {"Gebäude-Reinigung", "de", "skill:cleaning"},
             // Typos.
             {"Schweisen", "de", "skill:welding"},
             {"Gabelstaplerfaren", "de", "skill:forklift"},
             {"weldign", "en", "skill:welding"},
             {"clening", "en", "skill:cleaning"},
             {"elderly car", "en", "skill:elderly-care"},
             {"зварюванн", "uk", "skill:welding"},
             {"вождение погрущика", "ru", "skill:forklift"},
             {"ምግቢ ምድላዉ", "ti", "skill:cooking"},
             {"ویلډنګ", "ps", "skill:welding"},
             {"د فورک لفت چلول", "ps", "skill:forklift"},
             {"قيادة الرافعه الشوكيه", "ar", "skill:forklift"},
             // Word order.
             {"fahren Gabelstapler", "de", "skill:forklift"},
             {"meals prepare", "en", "skill:cooking"},
             {"погрузчика вождение", "ru", "skill:forklift"},
             // Arabic-script spellings: Arabic yeh and kaf in a Persian word, harakat, tatweel, ZWNJ.
             {"جوشكاري", "fa", "skill:welding"},
             {"لِحَام", "ar", "skill:welding"},
             {"آشـپـزی", "fa_AF", "skill:cooking"},
             {"رانندگی\u200cلیفتراک", "fa", "skill:forklift"},
             // Turkish on an ASCII keyboard, and dotted capital İ.
             {"yasli bakimi", "tr", "skill:elderly-care"},
             {"KAYNAKÇILIK", "tr", "skill:welding"},
             {"ELEKTRİKÇİ", "tr", "occupation:electrician"},
             {"asclik", "tr", "skill:cooking"},
         }) {
        INFO(text << " [" << lang << "]");
        CHECK(top(text, lang) == expected);
    }
}

TEST_CASE("all words of a short query inside a longer label beat a near-typo of one word", "[matcher]") {
    CHECK(top("spalat vase", "ro") == "skill:wash-dishes");  // not "spălător vase"
    CHECK(top("spălător vase", "ro") == "skill:dishwasher");
    CHECK(top("Gabelstapler", "de") == "skill:forklift");
}

TEST_CASE("a label of another language is found, ranked below the query's own language", "[matcher]") {
    CHECK(top("welding", "de") == "skill:welding");
    CHECK(top("Schweißer", "en") == "occupation:welder");
    CHECK(top("Elektriker", "uk") == "occupation:electrician");
    CHECK(top("сварка", "uk") == "skill:welding");  // a Russian word typed in the Ukrainian UI
    const auto results = index().resolve("welding", "de");
    REQUIRE_FALSE(results.empty());
    CHECK(results.front().score < 1.0);
    CHECK(results.front().matched_lang == "en");
}

TEST_CASE("Dari and Farsi labels count as one language", "[matcher]") {
    const auto results = index().resolve("مراقبت از سالمندان", "fa_AF");  // only a Farsi label exists
    REQUIRE_FALSE(results.empty());
    CHECK(results.front().concept_id == "skill:elderly-care");
    CHECK(results.front().score == 1.0);
    CHECK(results.front().matched_lang == "fa");
    const auto arabic = index().resolve("رعاية المسنين", "fa_AF");  // Arabic is another language
    REQUIRE_FALSE(arabic.empty());
    CHECK(arabic.front().score < 1.0);
}

TEST_CASE("Latin transliteration finds words written in another script", "[matcher]") {
    CHECK(top("svarka", "de") == "skill:welding");         // Russian label, Latin keyboard
    CHECK(top("форклифт", "uk") == "skill:forklift");      // loanword of an English label
    CHECK(top("ፎርክሊፍት", "ti") == "skill:forklift");      // the same in Ethiopic script
    CHECK(top("elektrik", "de") == "occupation:electrician");
    const auto results = index().resolve("svarka", "de");
    REQUIRE_FALSE(results.empty());
    CHECK(results.front().score < 0.9);
}

TEST_CASE("nonsense and unknown words return nothing rather than a guess", "[matcher]") {
    for (const auto& [text, lang] : std::vector<std::pair<const char*, const char*>>{
             {"xqzvbnm", "de"},
             {"asdfgh", "en"},
             {"Raumfahrt", "de"},
             {"ضصثق", "ar"},
             {"щзхъ", "ru"},
             {"", "de"},
             {"?!", "en"},
             {"ab cd ef gh ij kl mn op qr st uv wx yz", "en"},
         }) {
        INFO(text << " [" << lang << "]");
        CHECK(index().resolve(text, lang).empty());
    }
}

TEST_CASE("a long text is cut, not refused", "[matcher]") {
    std::string text = "Schweißen";
    for (int i = 0; i < 3000; ++i) text += " und so weiter";
    const auto results = index().resolve(text, "de", ResolveOptions{.top_n = 5, .threshold = 0.0, .kind = {}});
    REQUIRE_FALSE(results.empty());  // the cut key still shares trigrams with "Schweißen"
    CHECK(results.size() <= 5);
    CHECK(index().autocomplete(text, "de").size() <= 8);
}

TEST_CASE("resolve orders by score, then id, and honours top_n and kind", "[matcher]") {
    // "kaynak" is a prefix of both the welding skill and the welder occupation in Turkish.
    const auto both = index().resolve("kaynakci", "tr", ResolveOptions{.top_n = 10, .threshold = 0.5, .kind = {}});
    REQUIRE(both.size() >= 2);
    for (std::size_t i = 1; i < both.size(); ++i) {
        CHECK((both[i - 1].score > both[i].score ||
               (both[i - 1].score == both[i].score && both[i - 1].concept_id < both[i].concept_id)));
    }
    CHECK(both.front().concept_id == "occupation:welder");
    const auto skills =
        index().resolve("kaynakci", "tr", ResolveOptions{.top_n = 10, .threshold = 0.5, .kind = ConceptKind::skill});
    REQUIRE_FALSE(skills.empty());
    CHECK(skills.front().concept_id == "skill:welding");
    for (const auto& r : skills) CHECK(r.concept_id.starts_with("skill:"));
    CHECK(index().resolve("kaynakci", "tr", ResolveOptions{.top_n = 1, .threshold = 0.5, .kind = {}}).size() == 1);
}

TEST_CASE("autocomplete completes prefixes in the user's language with the German label", "[matcher]") {
    auto suggestions = index().autocomplete("Gabel", "de");
    REQUIRE_FALSE(suggestions.empty());
    CHECK(suggestions.front().concept_id == "skill:forklift");
    CHECK(suggestions.front().matched_label == "Gabelstapler fahren");
    CHECK(suggestions.front().german_label == "Gabelstapler fahren");

    suggestions = index().autocomplete("зварю", "uk");
    REQUIRE_FALSE(suggestions.empty());
    CHECK(suggestions.front().concept_id == "skill:welding");
    CHECK(suggestions.front().german_label == "Schweißen");

    suggestions = index().autocomplete("لحا", "ar");
    REQUIRE_FALSE(suggestions.empty());
    CHECK(suggestions.front().concept_id == "skill:welding");

    suggestions = index().autocomplete("asçı", "tr");
    REQUIRE_FALSE(suggestions.empty());
    CHECK(suggestions.front().concept_id == "skill:cooking");
}

TEST_CASE("autocomplete tolerates typos and completes inner words", "[matcher]") {
    auto suggestions = index().autocomplete("Gabelstabler", "de");
    REQUIRE_FALSE(suggestions.empty());
    CHECK(suggestions.front().concept_id == "skill:forklift");

    // "fahren" starts an inner word of two skills; the shorter label ranks first.
    suggestions = index().autocomplete("fahren", "de");
    REQUIRE(suggestions.size() >= 2);
    CHECK(suggestions[0].concept_id == "skill:truck");
    CHECK(suggestions[1].concept_id == "skill:forklift");

    // "Schweißen" and "Schweißer" complete equally well: the concept id decides.
    suggestions = index().autocomplete("Schweiß", "de");
    REQUIRE(suggestions.size() >= 2);
    CHECK(suggestions[0].score == suggestions[1].score);
    CHECK(suggestions[0].concept_id == "occupation:welder");
    CHECK(suggestions[1].concept_id == "skill:welding");
}

TEST_CASE("autocomplete stays in the user's language", "[matcher]") {
    CHECK(index().autocomplete("weld", "de").empty());
    CHECK(index().autocomplete("weld", "xx").empty());
    const auto dari = index().autocomplete("مراقبت", "fa_AF");  // a Farsi label serves Dari
    REQUIRE_FALSE(dari.empty());
    CHECK(dari.front().concept_id == "skill:elderly-care");
    CHECK(index().autocomplete("رعاية", "fa_AF").empty());  // Arabic is not
    CHECK(index().autocomplete("", "de").empty());
    const auto suggestions = index().autocomplete("weld", "en");
    REQUIRE(suggestions.size() >= 2);
    CHECK(suggestions[0].concept_id == "occupation:welder");  // "welder" is shorter than "welding"
    CHECK(suggestions[1].concept_id == "skill:welding");
}

TEST_CASE("the index answers preferred labels and counts", "[matcher]") {
    CHECK(index().preferred_label("skill:welding", "de") == "Schweißen");
    CHECK(index().preferred_label("skill:welding", "tr") == "kaynak yapmak");
    CHECK_FALSE(index().preferred_label("skill:excel", "ar"));
    CHECK_FALSE(index().preferred_label("skill:none", "de"));
    CHECK(index().concept_count() == 11);
    CHECK(index().label_count() == catalog().size());
}
