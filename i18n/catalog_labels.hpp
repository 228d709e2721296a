#pragma once
// The skill catalog's labels as translators keep them: in each language's bundle, a `catalog` table with
// category, occupation and skill arrays (label first, then synonyms) and recognition notes. Read from the
// compiled bundles without inheritance, so an untranslated entry stays missing instead of borrowing English.
#include <filesystem>
#include <string>
#include <vector>

namespace kk::i18n {

enum class CatalogKind { Category, Occupation, Skill, Recognition };

struct CatalogLabel {
    CatalogKind kind = CatalogKind::Skill;
    std::string id;                     // the catalog id, e.g. "lay_bricks"
    std::string label;                  // preferred label (for Recognition: the note)
    std::vector<std::string> synonyms;
    bool reviewed = false;              // listed in the bundle's `reviewed` array as catalog.<kind>.<id>
};

// The catalog labels of bundle `name` ("root" holds English) in `bundle_dir`. Empty when the bundle or its
// catalog table is absent.
std::vector<CatalogLabel> read_catalog_labels(const std::filesystem::path& bundle_dir, const std::string& name);

// "category", "occupation", "skill", "recognition".
const char* to_string(CatalogKind kind);

}  // namespace kk::i18n
