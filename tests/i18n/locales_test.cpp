// The shipped locales/*.txt: every language complete, every message shaped like English and formatting in
// its own locale, plural categories as CLDR requires.
#include <catch2/catch.hpp>
#include <filesystem>
#include <string>

#include "i18n/bundle_source.hpp"
#include "i18n/languages.hpp"
#include "i18n/message_shape.hpp"
#include "i18n/messages.hpp"

using namespace kk::i18n;

namespace {

const std::filesystem::path kSources = std::filesystem::path(KK_TEST_SOURCE_DIR) / "locales";

BundleSource load(const std::string& name) {
    auto result = read_bundle_source(kSources / (name + ".txt"));
    INFO(result.error);
    REQUIRE(result.bundle);
    return *result.bundle;
}

// Languages with their own complete file: every UI language but English, whose texts are root.
std::vector<std::string> translated_languages() {
    std::vector<std::string> out;
    for (auto code : ui_languages()) {
        if (code != "en") out.emplace_back(code);
    }
    return out;
}

MessageArgs sample_args(const MessageShape& shape, std::int64_t number) {
    MessageArgs args;
    for (const auto& [name, kind] : shape.arguments) {
        if (kind == ArgKind::Select) {
            args.emplace_back(name, *shape.selectors.at(name).begin());
        } else {
            args.emplace_back(name, number);
        }
    }
    return args;
}

}  // namespace

TEST_CASE("root has English texts and every UI language has a bundle source", "[i18n][locales]") {
    const BundleSource root = load("root");
    CHECK(root.name == "root");
    CHECK(root.messages.size() >= 19);
    CHECK(*root.find("nav.back") == "Back");
    for (const auto& lang : translated_languages()) {
        CHECK(load(lang).name == lang);
    }
    // English is root; en.txt exists only so ICU finds an `en` bundle, and holds no messages.
    CHECK(load("en").messages.empty());
}

TEST_CASE("every key of root exists in every language with the same arguments", "[i18n][locales]") {
    const BundleSource root = load("root");
    for (const auto& lang : translated_languages()) {
        const BundleSource bundle = load(lang);
        for (const auto& [key, english] : root.messages) {
            INFO(lang << " " << key);
            const std::string* text = bundle.find(key);
            REQUIRE(text != nullptr);
            CHECK_FALSE(text->empty());
            CHECK(check_translation(*text, lang, english) == "");
        }
        for (const auto& [key, text] : bundle.messages) {
            INFO(lang << " has a key root lacks: " << key);
            CHECK(root.find(key) != nullptr);
        }
    }
}

TEST_CASE("plural messages carry every category CLDR requires in their language", "[i18n][locales]") {
    CHECK(plural_categories("ar") == std::set<std::string>{"zero", "one", "two", "few", "many", "other"});
    CHECK(plural_categories("de") == std::set<std::string>{"one", "other"});
    const BundleSource root = load("root");
    int plural_messages = 0;
    for (const auto& lang : translated_languages()) {
        const BundleSource bundle = load(lang);
        for (const auto& [key, text] : bundle.messages) {
            const auto shape = message_shape(text, lang);
            REQUIRE(shape.shape);
            for (const auto& [name, kind] : shape.shape->arguments) {
                if (kind != ArgKind::Plural) continue;
                ++plural_messages;
                for (const auto& category : plural_categories(lang)) {
                    INFO(lang << " " << key << " lacks " << category);
                    CHECK(shape.shape->selectors.at(name).count(category) == 1);
                }
            }
        }
    }
    CHECK(plural_messages >= 2 * 16);
}

TEST_CASE("every message formats in its locale through tr()", "[i18n][locales]") {
    set_process_default_locale("en");
    const BundleSource root = load("root");
    std::vector<std::string> langs = translated_languages();
    langs.emplace_back("en");
    for (const auto& lang : langs) {
        const Messages messages(KK_TEST_LOCALE_DIR, lang);
        for (const auto& [key, english] : root.messages) {
            INFO(lang << " " << key);
            CHECK(messages.lookup(key) == Lookup::Found);  // en is root: found, not a fallback
            const auto shape = message_shape(english, "en");
            REQUIRE(shape.shape);
            for (std::int64_t n : {0, 1, 2, 3, 5, 11, 21, 102}) {
                const std::string text = messages.tr(key, sample_args(*shape.shape, n));
                CHECK(text != key);
                CHECK_FALSE(text.empty());
                CHECK(text.find('{') == std::string::npos);
            }
        }
    }
}

TEST_CASE("plural messages pick the right form and the locale's digits", "[i18n][locales]") {
    set_process_default_locale("en");
    const Messages ar(KK_TEST_LOCALE_DIR, "ar");
    CHECK(ar.tr("items.selected", {{"count", std::int64_t{2}}}) == "اخترت مهارتين");
    CHECK(ar.tr("items.selected", {{"count", std::int64_t{3}}}) == "اخترت ٣ مهارات");
    CHECK(ar.tr("items.selected", {{"count", std::int64_t{11}}}) == "اخترت ١١ مهارة");
    const Messages ru(KK_TEST_LOCALE_DIR, "ru");
    CHECK(ru.tr("items.selected", {{"count", std::int64_t{21}}}) == "Выбран 21 навык");
    CHECK(ru.tr("items.selected", {{"count", std::int64_t{5}}}) == "Выбрано 5 навыков");
    const Messages de(KK_TEST_LOCALE_DIR, "de");
    CHECK(de.tr("nav.step", {{"step", std::int64_t{2}}, {"total", std::int64_t{5}}}) == "Schritt 2 von 5");
}

TEST_CASE("reviewed marks name existing entries, machine translations start unreviewed", "[i18n][locales]") {
    for (const auto& lang : translated_languages()) {
        const BundleSource bundle = load(lang);
        for (const auto& key : bundle.reviewed) {
            INFO(lang << " reviewed mark for an unknown entry " << key);
            // Catalog entries are marked as "catalog.<kind>.<id>" (i18n/catalog_labels.hpp); the rest are UI
            // keys.
            if (key.rfind("catalog.", 0) != 0) CHECK(bundle.find(key) != nullptr);
        }
    }
}
