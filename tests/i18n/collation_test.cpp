#include "i18n/collation.hpp"

#include <catch2/catch.hpp>

using kk::i18n::Collation;

TEST_CASE("labels sort the way the reader's language sorts them", "[i18n]") {
    std::vector<std::string> de{"Zahnarzt", "Ärztin", "Bäcker", "apotheker"};
    Collation(std::string_view("de")).sort(de);
    CHECK(de == std::vector<std::string>{"apotheker", "Ärztin", "Bäcker", "Zahnarzt"});

    // Swedish puts Ä after Z, German does not: the collator follows the language.
    std::vector<std::string> sv{"Ärlig", "Zebra"};
    Collation(std::string_view("sv")).sort(sv);
    CHECK(sv == std::vector<std::string>{"Zebra", "Ärlig"});

    const Collation tr("tr");  // Turkish: ç after c, before d
    std::vector<std::string> words{"dal", "çay", "cam"};
    tr.sort(words);
    CHECK(words == std::vector<std::string>{"cam", "çay", "dal"});

    struct Item {
        std::string label;
        int id;
    };
    std::vector<Item> items{{"Bäcker", 1}, {"Ärztin", 2}};
    Collation(std::string_view("de")).sort_by(items, [](const Item& i) { return i.label; });
    CHECK(items.front().id == 2);
}
