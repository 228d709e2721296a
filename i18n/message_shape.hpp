#pragma once
// What a translation must keep from the English message: its argument names, which arguments are plural or
// select, the select keywords, and the plural categories CLDR requires in the translation's language.
// Used by the locale tests and by `kioskctl locales import`.
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace kk::i18n {

enum class ArgKind { Simple, Plural, SelectOrdinal, Select };

struct MessageShape {
    std::map<std::string, ArgKind> arguments;                // every argument name, nested ones too
    std::map<std::string, std::set<std::string>> selectors;  // plural/select argument -> its keywords
    bool operator==(const MessageShape&) const = default;
};

struct ShapeResult {
    std::optional<MessageShape> shape;
    std::string error;  // the ICU parse error when the pattern is not valid MessageFormat
};

// Parses `pattern` as ICU MessageFormat for `locale` and describes its arguments. Pure.
ShapeResult message_shape(std::string_view pattern, std::string_view locale);

// The plural categories CLDR defines for `locale` ("one", "other"; Arabic has six), sorted.
std::set<std::string> plural_categories(std::string_view locale);

// Why `pattern` (in `locale`) cannot replace `root_pattern`, or empty when it can: the pattern must parse,
// use the same argument names and kinds as root, the same select keywords, and every plural argument
// must cover all CLDR categories of `locale`.
std::string check_translation(std::string_view pattern, std::string_view locale,
                              std::string_view root_pattern);

// Sample arguments for formatting `shape` in tests and checks: numbers for plural and simple arguments,
// the first keyword for select arguments. `count` is the number given to numeric arguments.
std::vector<std::pair<std::string, std::string>> sample_select_values(const MessageShape& shape);

}  // namespace kk::i18n
