#pragma once
// tr(): the one facade for user-visible messages. Messages are ICU MessageFormat patterns stored in ICU
// resource bundles (locales/*.txt compiled by genrb). Lookup falls back to root (English), then to the
// key itself; each fallback is logged once per key and language.
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace kk::i18n {

using MessageArg = std::variant<std::int64_t, double, std::string>;
using MessageArgs = std::vector<std::pair<std::string, MessageArg>>;

enum class Lookup { Found, FellBackToRoot, MissingKey };

class Messages {
public:
    // Opens the bundle for `lang` from `bundle_dir` (a directory of genrb .res files with root.res).
    Messages(std::filesystem::path bundle_dir, std::string lang);
    ~Messages();
    Messages(Messages&&) noexcept;
    Messages& operator=(Messages&&) noexcept;

    const std::string& lang() const { return lang_; }

    // The formatted message for `key`. Never throws; returns the key when nothing else works.
    std::string tr(std::string_view key, const MessageArgs& args = {}) const;

    // Where tr(key) would take its pattern from.
    Lookup lookup(std::string_view key) const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
    std::string lang_;
};

// The directory of compiled bundles shipped beside the running executable (<exe dir>/locales).
std::filesystem::path default_bundle_dir();

}  // namespace kk::i18n
