#pragma once
// The skill/occupation catalog in the store: our shipped catalog (structure in db/catalog/catalog.json,
// labels in the locale bundles) loaded into SQLite, and read back for matching and display.
#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "db/result.hpp"
#include "db/store.hpp"
#include "i18n/catalog_labels.hpp"
#include "matcher/skill_index.hpp"

namespace kk::db {

struct CatalogCategory {
    std::string code;
    std::string icon;       // Font Awesome 4.7 name
    std::string codepoint;  // its glyph, hex
};

struct CatalogOccupation {
    std::string code;
    std::string category;
    std::string icon;
    std::string codepoint;
    std::string esco_uri;  // empty when ESCO has no matching concept
    bool regulated = false;
    std::vector<std::string> essential;  // skill codes
    std::vector<std::string> optional;
};

struct CatalogSkill {
    std::string code;
    std::string esco_uri;
    std::string broader;  // code of the broader skill, empty for a top skill
};

struct CatalogStructure {
    std::vector<CatalogCategory> categories;
    std::vector<CatalogOccupation> occupations;
    std::vector<CatalogSkill> skills;
};

// The catalog.json shipped with this build (compiled in).
std::string_view shipped_catalog_json();

// Parses and checks catalog JSON: unique codes, every reference known, no broader cycles.
Result<CatalogStructure> parse_catalog_structure(std::string_view json);

// Labels per language, keyed by the language the store uses ("en" for the root bundle).
using CatalogLabelsByLanguage = std::map<std::string, std::vector<i18n::CatalogLabel>>;

// Reads the catalog labels of every UI language from compiled bundles in `bundle_dir`.
CatalogLabelsByLanguage read_shipped_labels(const std::filesystem::path& bundle_dir);

struct CatalogLoadReport {
    int categories = 0;
    int occupations = 0;
    int skills = 0;
    int relations = 0;
    int labels = 0;
    bool loaded = false;  // false when the store already had this exact catalog
};

// Merges the catalog into the store in one transaction: entries matched by code, else by ESCO URI (so an
// earlier ESCO import keeps its other languages), labels upserted per language. Idempotent.
Result<CatalogLoadReport> load_catalog(Store& store, const CatalogStructure& structure,
                                       const CatalogLabelsByLanguage& labels);

// Loads the shipped catalog unless the store already holds this exact version (a fingerprint of the JSON
// and the labels is kept in app_meta). Called at start-up and by `kioskctl init`.
Result<CatalogLoadReport> ensure_shipped_catalog(Store& store, const std::filesystem::path& bundle_dir);

// Every label of every skill and occupation, for building a matcher::SkillIndex. Concept ids are the
// catalog codes.
Result<std::vector<matcher::LabelEntry>> catalog_label_entries(Store& store);

struct CatalogLanguageStats {
    std::string lang;
    int occupations = 0;
    int skills = 0;
    int synonyms = 0;
    int reviewed = 0;
};

struct CatalogStats {
    int categories = 0;
    int occupations = 0;
    int skills = 0;
    int relations = 0;
    std::vector<CatalogLanguageStats> languages;  // sorted by language code
};

Result<CatalogStats> catalog_stats(Store& store);

}  // namespace kk::db
