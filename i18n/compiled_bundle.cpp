#include <unicode/ures.h>

#include <memory>

#include "i18n/bundle_source.hpp"

namespace kk::i18n {
namespace {

struct BundleCloser {
    void operator()(UResourceBundle* b) const { ures_close(b); }
};
using BundlePtr = std::unique_ptr<UResourceBundle, BundleCloser>;

std::string string_of(UResourceBundle* resource, UErrorCode& status) {
    int32_t length = 0;
    const UChar* s = ures_getString(resource, &length, &status);
    std::string out;
    if (U_SUCCESS(status)) icu::UnicodeString(s, length).toUTF8String(out);
    return out;
}

}  // namespace

ParseResult read_compiled_bundle(const std::filesystem::path& dir, const std::string& name) {
    std::string path = dir.string();
    if (!path.empty() && path.back() != '/') path += '/';
    UErrorCode status = U_ZERO_ERROR;
    BundlePtr bundle(ures_openDirect(path.c_str(), name.c_str(), &status));
    if (U_FAILURE(status)) {
        return {std::nullopt,
                (dir / (name + ".res")).string() + ": cannot open (" + u_errorName(status) + ")"};
    }
    BundleSource out;
    out.name = name;
    ures_resetIterator(bundle.get());
    while (ures_hasNext(bundle.get())) {
        UErrorCode item_status = U_ZERO_ERROR;
        BundlePtr item(ures_getNextResource(bundle.get(), nullptr, &item_status));
        if (U_FAILURE(item_status)) return {std::nullopt, name + ".res: " + u_errorName(item_status)};
        const std::string key = ures_getKey(item.get());
        const UResType type = ures_getType(item.get());
        if (type == URES_STRING) {
            out.messages.emplace_back(key, string_of(item.get(), item_status));
        } else if (key == "reviewed" && type == URES_ARRAY) {
            for (int32_t i = 0; i < ures_getSize(item.get()); ++i) {
                BundlePtr entry(ures_getByIndex(item.get(), i, nullptr, &item_status));
                if (U_SUCCESS(item_status)) out.reviewed.insert(string_of(entry.get(), item_status));
            }
        }
        if (U_FAILURE(item_status))
            return {std::nullopt, name + ".res: " + key + ": " + u_errorName(item_status)};
    }
    return {std::move(out), {}};
}

}  // namespace kk::i18n
