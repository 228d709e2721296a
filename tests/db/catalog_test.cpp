#include "db/catalog.hpp"

#include <catch2/catch.hpp>
#include <map>
#include <set>

#include "db/sqlite.hpp"
#include "i18n/languages.hpp"
#include "matcher/skill_index.hpp"
#include "tests/support/temp_dir.hpp"

using namespace kk;

namespace {
std::int64_t count(db::Store& store, const char* sql) {
    db::Statement s(store.connection(), sql);
    return s.step() ? s.column_int(0) : -1;
}
std::string text(db::Store& store, const char* sql) {
    db::Statement s(store.connection(), sql);
    return s.step() ? s.column_text(0) : std::string();
}
}  // namespace

TEST_CASE("the shipped catalog is large enough and consistent", "[db][catalog]") {
    auto structure = db::parse_catalog_structure(db::shipped_catalog_json());
    REQUIRE(structure);
    CHECK(structure->occupations.size() >= 60);
    CHECK(structure->skills.size() >= 400);
    std::set<std::string> linked;
    for (const auto& o : structure->occupations) {
        CHECK_FALSE(o.icon.empty());
        linked.insert(o.essential.begin(), o.essential.end());
        linked.insert(o.optional.begin(), o.optional.end());
    }
    for (const auto& k : structure->skills) {
        INFO(k.code);
        CHECK(linked.count(k.code) == 1);  // every skill belongs to some occupation
    }
}

TEST_CASE("catalog JSON with broken references or cycles is refused", "[db][catalog]") {
    CHECK_FALSE(db::parse_catalog_structure("not json"));
    const char* cycle = R"({"categories":[{"id":"c"}],"skills":[{"id":"a","broader":"b"},{"id":"b","broader":"a"}],
        "occupations":[{"id":"o","category":"c","essential":["a"]}]})";
    auto r = db::parse_catalog_structure(cycle);
    REQUIRE_FALSE(r);
    CHECK_THAT(r.error(), Catch::Contains("cycle"));
    const char* unknown = R"({"categories":[{"id":"c"}],"skills":[{"id":"a"}],
        "occupations":[{"id":"o","category":"c","essential":["zz"]}]})";
    CHECK_THAT(db::parse_catalog_structure(unknown).error(), Catch::Contains("unknown skill 'zz'"));
}

TEST_CASE("every occupation and skill has a label in all 17 languages", "[db][catalog][i18n]") {
    auto structure = db::parse_catalog_structure(db::shipped_catalog_json());
    REQUIRE(structure);
    const auto labels = db::read_shipped_labels(KK_TEST_LOCALE_DIR);
    for (auto lang : i18n::ui_languages()) {
        const std::string key = lang == "en" ? "en" : std::string(lang);
        INFO(key);
        REQUIRE(labels.count(key) == 1);
        std::map<i18n::CatalogKind, std::set<std::string>> ids;
        for (const auto& l : labels.at(key)) {
            CHECK_FALSE(l.label.empty());
            ids[l.kind].insert(l.id);
        }
        for (const auto& o : structure->occupations) {
            CHECK(ids[i18n::CatalogKind::Occupation].count(o.code) == 1);
            if (o.regulated) CHECK(ids[i18n::CatalogKind::Recognition].count(o.code) == 1);
        }
        for (const auto& k : structure->skills) CHECK(ids[i18n::CatalogKind::Skill].count(k.code) == 1);
        for (const auto& c : structure->categories) CHECK(ids[i18n::CatalogKind::Category].count(c.code) == 1);
    }
}

TEST_CASE("the shipped catalog loads into SQLite once and idempotently", "[db][catalog]") {
    test::TempDir dir;
    auto store = db::Store::open(dir / "kiosk.db");
    REQUIRE(store);
    auto first = db::ensure_shipped_catalog(*store, KK_TEST_LOCALE_DIR);
    REQUIRE(first);
    CHECK(first->loaded);
    CHECK(first->occupations >= 60);
    const auto skills = count(*store, "SELECT count(*) FROM skills");
    const auto labels = count(*store, "SELECT count(*) FROM skill_labels");
    CHECK(skills >= 400);
    CHECK(labels == skills * 17);

    auto second = db::ensure_shipped_catalog(*store, KK_TEST_LOCALE_DIR);
    REQUIRE(second);
    CHECK_FALSE(second->loaded);
    // Loading again by force changes nothing either.
    auto again = db::load_catalog(*store, *db::parse_catalog_structure(db::shipped_catalog_json()),
                                  db::read_shipped_labels(KK_TEST_LOCALE_DIR));
    REQUIRE(again);
    CHECK(count(*store, "SELECT count(*) FROM skills") == skills);
    CHECK(count(*store, "SELECT count(*) FROM skill_labels") == labels);

    CHECK(text(*store, "SELECT l.preferred FROM skill_labels l JOIN skills s ON s.id = l.skill_id "
                       "WHERE s.code = 'lay_bricks' AND l.language = 'de'") == "Mauern errichten");
    CHECK(count(*store, "SELECT count(*) FROM skills WHERE broader_skill_id IS NOT NULL") > 20);
    CHECK_FALSE(text(*store, "SELECT l.recognition_note FROM occupation_labels l JOIN occupations o "
                             "ON o.id = l.occupation_id WHERE o.code = 'nurse' AND l.language = 'ar'").empty());
}

TEST_CASE("catalog labels from the store resolve text in several languages", "[db][catalog][matcher]") {
    test::TempDir dir;
    auto store = db::Store::open(dir / "kiosk.db");
    REQUIRE(store);
    REQUIRE(db::ensure_shipped_catalog(*store, KK_TEST_LOCALE_DIR));
    auto entries = db::catalog_label_entries(*store);
    REQUIRE(entries);
    const matcher::SkillIndex index(*entries);
    auto top = [&](const char* text, const char* lang) {
        const auto r = index.resolve(text, lang, {.top_n = 1, .threshold = 0.5, .kind = std::nullopt});
        return r.empty() ? std::string() : r.front().concept_id;
    };
    CHECK(top("Gabelstapler fahren", "de") == "operate_forklift");
    CHECK(top("Gabelstaplerfahren", "de") == "operate_forklift");
    CHECK(top("Maurer", "de") == "bricklayer");
}

TEST_CASE("catalog stats count labels per language", "[db][catalog]") {
    test::TempDir dir;
    auto store = db::Store::open(dir / "kiosk.db");
    REQUIRE(store);
    REQUIRE(db::ensure_shipped_catalog(*store, KK_TEST_LOCALE_DIR));
    auto stats = db::catalog_stats(*store);
    REQUIRE(stats);
    CHECK(stats->languages.size() == 17);
    for (const auto& l : stats->languages) {
        INFO(l.lang);
        CHECK(l.skills == stats->skills);
        CHECK(l.occupations == stats->occupations);
    }
}
