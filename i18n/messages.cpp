#include "i18n/messages.hpp"

#include <unicode/locid.h>
#include <unicode/msgfmt.h>
#include <unicode/ures.h>

#include <iostream>
#include <mutex>
#include <optional>
#include <set>
#include <unordered_map>

#include "i18n/detail/icu_utf8.hpp"

namespace kk::i18n {
namespace {

struct BundleCloser {
    void operator()(UResourceBundle* b) const { ures_close(b); }
};
using BundlePtr = std::unique_ptr<UResourceBundle, BundleCloser>;

using detail::from_utf8;
using detail::to_utf8;

icu::Formattable to_formattable(const MessageArg& arg) {
    if (const auto* i = std::get_if<std::int64_t>(&arg)) return icu::Formattable(static_cast<int64_t>(*i));
    if (const auto* d = std::get_if<double>(&arg)) return icu::Formattable(*d);
    return icu::Formattable(from_utf8(std::get<std::string>(arg)));
}

}  // namespace

struct Messages::Impl {
    BundlePtr bundle;
    BundlePtr root;                     // English, for messages whose translation does not format
    bool whole_bundle_is_root = false;  // the language has no bundle of its own
    bool is_english = false;            // "en" and "root" read root's English texts as their own
    mutable std::mutex mutex;
    mutable std::unordered_map<std::string, std::unique_ptr<icu::MessageFormat>> formats;
    mutable std::set<std::string> logged;

    void log_once(std::string_view what, std::string_view key, std::string_view lang) const {
        std::lock_guard lock(mutex);
        std::string id = std::string(what) + '\0' + std::string(key);
        if (logged.insert(id).second) {
            std::clog << "i18n: " << what << " for key '" << key << "' in language '" << lang << "'\n";
        }
    }

    // Pattern and where it came from. Keys are flat dotted names at the top level of the bundle.
    std::pair<icu::UnicodeString, Lookup> pattern(std::string_view key) const {
        if (!bundle) return {{}, Lookup::MissingKey};
        UErrorCode status = U_ZERO_ERROR;
        int32_t length = 0;
        const UChar* s = ures_getStringByKey(bundle.get(), std::string(key).c_str(), &length, &status);
        if (U_FAILURE(status) || s == nullptr) return {{}, Lookup::MissingKey};
        // English is root (locales/README.md): its texts are found, not a fallback.
        const bool from_root = !is_english && (whole_bundle_is_root || status == U_USING_DEFAULT_WARNING);
        return {icu::UnicodeString(s, length), from_root ? Lookup::FellBackToRoot : Lookup::Found};
    }
};

Messages::Messages(std::filesystem::path bundle_dir, std::string lang)
    : impl_(std::make_unique<Impl>()), lang_(std::move(lang)) {
    UErrorCode status = U_ZERO_ERROR;
    std::string dir = bundle_dir.string();
    if (!dir.empty() && dir.back() != '/') dir += '/';
    impl_->bundle.reset(ures_open(dir.c_str(), lang_.c_str(), &status));
    if (U_FAILURE(status)) {
        std::clog << "i18n: cannot open bundles in " << dir << ": " << u_errorName(status) << '\n';
        impl_->bundle.reset();
        return;
    }
    UErrorCode root_status = U_ZERO_ERROR;
    impl_->root.reset(ures_open(dir.c_str(), "root", &root_status));
    if (U_FAILURE(root_status)) impl_->root.reset();
    impl_->is_english = lang_ == "root" || lang_ == "en";
    impl_->whole_bundle_is_root = (status == U_USING_DEFAULT_WARNING) && !impl_->is_english;
}

Messages::~Messages() = default;
Messages::Messages(Messages&&) noexcept = default;
Messages& Messages::operator=(Messages&&) noexcept = default;

Lookup Messages::lookup(std::string_view key) const {
    return impl_->pattern(key).second;
}

std::string Messages::tr(std::string_view key, const MessageArgs& args) const {
    auto [pattern, where] = impl_->pattern(key);
    if (where == Lookup::MissingKey) {
        impl_->log_once("missing everywhere, showing the key", key, lang_);
        return std::string(key);
    }
    if (where == Lookup::FellBackToRoot) impl_->log_once("untranslated, using English", key, lang_);

    std::vector<icu::UnicodeString> names;
    std::vector<icu::Formattable> values;
    names.reserve(args.size());
    values.reserve(args.size());
    for (const auto& [name, value] : args) {
        names.push_back(from_utf8(name));
        values.push_back(to_formattable(value));
    }

    UErrorCode failure = U_ZERO_ERROR;  // the last ICU error, named in the log
    auto format_with = [&](const icu::UnicodeString& pat,
                           const char* locale_id) -> std::optional<std::string> {
        std::lock_guard lock(impl_->mutex);
        const std::string cache_key = std::string(locale_id) + '\0' + to_utf8(pat);
        auto it = impl_->formats.find(cache_key);
        if (it == impl_->formats.end()) {
            UErrorCode status = U_ZERO_ERROR;
            auto fmt = std::make_unique<icu::MessageFormat>(pat, icu::Locale(locale_id), status);
            if (U_FAILURE(status)) {
                failure = status;
                return std::nullopt;
            }
            it = impl_->formats.emplace(cache_key, std::move(fmt)).first;
        }
        UErrorCode status = U_ZERO_ERROR;
        icu::UnicodeString out;
        it->second->format(names.data(), values.data(), static_cast<int32_t>(values.size()), out, status);
        if (U_FAILURE(status)) {
            failure = status;
            return std::nullopt;
        }
        return to_utf8(out);
    };

    const char* locale_id = where == Lookup::FellBackToRoot ? "en" : lang_.c_str();
    if (auto text = format_with(pattern, locale_id)) return *text;
    impl_->log_once(std::string("message does not format (") + u_errorName(failure) + "), using English", key,
                    lang_);

    // The translation did not format: try the English pattern from root.
    if (impl_->root) {
        UErrorCode status = U_ZERO_ERROR;
        int32_t length = 0;
        const UChar* s = ures_getStringByKey(impl_->root.get(), std::string(key).c_str(), &length, &status);
        if (U_SUCCESS(status) && s != nullptr) {
            if (auto text = format_with(icu::UnicodeString(s, length), "en")) return *text;
        }
    }
    impl_->log_once(
        std::string("English message does not format either (") + u_errorName(failure) + "), showing the key",
        key, lang_);
    return std::string(key);
}

std::filesystem::path default_bundle_dir() {
    std::error_code ec;
    const auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
    if (ec) return "locales";
    return exe.parent_path() / "locales";
}

}  // namespace kk::i18n
