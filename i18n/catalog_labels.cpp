#include "i18n/catalog_labels.hpp"

#include <unicode/ures.h>
#include <unicode/unistr.h>

#include <memory>
#include <set>

namespace kk::i18n {
namespace {

struct Closer {
    void operator()(UResourceBundle* b) const { ures_close(b); }
};
using Resource = std::unique_ptr<UResourceBundle, Closer>;

std::string utf8_of(const UChar* s, int32_t length) {
    std::string out;
    icu::UnicodeString(s, length).toUTF8String(out);
    return out;
}

Resource child(UResourceBundle* parent, const char* key) {
    UErrorCode status = U_ZERO_ERROR;
    Resource r(ures_getByKey(parent, key, nullptr, &status));
    if (U_FAILURE(status)) return nullptr;
    return r;
}

std::set<std::string> reviewed_keys(UResourceBundle* bundle) {
    std::set<std::string> keys;
    Resource reviewed = child(bundle, "reviewed");
    if (!reviewed) return keys;
    for (int32_t i = 0; i < ures_getSize(reviewed.get()); ++i) {
        UErrorCode status = U_ZERO_ERROR;
        int32_t length = 0;
        const UChar* s = ures_getStringByIndex(reviewed.get(), i, &length, &status);
        if (U_SUCCESS(status)) keys.insert(utf8_of(s, length));
    }
    return keys;
}

}  // namespace

const char* to_string(CatalogKind kind) {
    switch (kind) {
        case CatalogKind::Category: return "category";
        case CatalogKind::Occupation: return "occupation";
        case CatalogKind::Skill: return "skill";
        case CatalogKind::Recognition: return "recognition";
    }
    return "skill";
}

std::vector<CatalogLabel> read_catalog_labels(const std::filesystem::path& bundle_dir, const std::string& name) {
    std::vector<CatalogLabel> labels;
    std::string dir = bundle_dir.string();
    if (!dir.empty() && dir.back() != '/') dir += '/';
    UErrorCode status = U_ZERO_ERROR;
    Resource bundle(ures_openDirect(dir.c_str(), name.c_str(), &status));
    if (U_FAILURE(status)) return labels;
    Resource catalog = child(bundle.get(), "catalog");
    if (!catalog) return labels;
    const std::set<std::string> reviewed = reviewed_keys(bundle.get());

    for (CatalogKind kind :
         {CatalogKind::Category, CatalogKind::Occupation, CatalogKind::Skill, CatalogKind::Recognition}) {
        Resource table = child(catalog.get(), to_string(kind));
        if (!table) continue;
        for (int32_t i = 0; i < ures_getSize(table.get()); ++i) {
            UErrorCode item_status = U_ZERO_ERROR;
            Resource item(ures_getByIndex(table.get(), i, nullptr, &item_status));
            if (U_FAILURE(item_status)) continue;
            CatalogLabel label;
            label.kind = kind;
            label.id = ures_getKey(item.get());
            std::vector<std::string> strings;
            if (ures_getType(item.get()) == URES_STRING) {
                int32_t length = 0;
                const UChar* s = ures_getString(item.get(), &length, &item_status);
                if (U_SUCCESS(item_status)) strings.push_back(utf8_of(s, length));
            } else {
                for (int32_t j = 0; j < ures_getSize(item.get()); ++j) {
                    UErrorCode s_status = U_ZERO_ERROR;
                    int32_t length = 0;
                    const UChar* s = ures_getStringByIndex(item.get(), j, &length, &s_status);
                    if (U_SUCCESS(s_status)) strings.push_back(utf8_of(s, length));
                }
            }
            if (strings.empty() || strings.front().empty()) continue;
            label.label = strings.front();
            label.synonyms.assign(strings.begin() + 1, strings.end());
            label.reviewed = reviewed.count(std::string("catalog.") + to_string(kind) + "." + label.id) != 0;
            labels.push_back(std::move(label));
        }
    }
    return labels;
}

}  // namespace kk::i18n
