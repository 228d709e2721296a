#pragma once
// The subset of ICU resource bundle source syntax that locales/*.txt use, read and written without genrb,
// so translation tooling can count, export and import messages. The subset:
//   // line comments
//   lang:table {                       (or `lang {`)
//       dotted.key { "message" }       UI messages: flat string keys at the top level
//       reviewed:array { "key" ... }   keys whose translation a person has checked
//       other { ... }                  any other table (e.g. `catalog`): kept verbatim, never interpreted
//   }
// Strings use \" \\ \n \t \uXXXX escapes; adjacent strings "a" "b" are concatenated as genrb does.
#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace kk::i18n {

struct BundleSource {
    std::string name;                                           // "root", "de", "fa_AF"
    std::vector<std::pair<std::string, std::string>> messages;  // top-level string keys, file order
    std::set<std::string> reviewed;                             // entries of the `reviewed` array
    std::vector<std::string> other_tables;  // raw text of tables we do not own, file order

    const std::string* find(const std::string& key) const;
    // Sets `key` to `text`, keeping its position or appending.
    void set(const std::string& key, std::string text);
};

struct ParseResult {
    std::optional<BundleSource> bundle;
    std::string error;  // "line N: what", set when bundle is empty
};

// Parses bundle source text (UTF-8, an optional BOM is skipped). Pure.
ParseResult parse_bundle_source(std::string_view text);

// Reads and parses a file; the error names the file.
ParseResult read_bundle_source(const std::filesystem::path& file);

// Reads a genrb-compiled bundle <dir>/<name>.res without inheritance (ures_openDirect): its own top-level
// strings and reviewed marks; other tables are not kept. For tooling on a machine without the sources.
ParseResult read_compiled_bundle(const std::filesystem::path& dir, const std::string& name);

// Source text for `bundle` in the subset above: messages in the order of `key_order` (keys not in it
// follow in their own order), then the reviewed array (sorted), then the other tables verbatim.
std::string write_bundle_source(const BundleSource& bundle, const std::vector<std::string>& key_order);

// Escapes a message for a quoted bundle string.
std::string quote_bundle_string(std::string_view text);

}  // namespace kk::i18n
