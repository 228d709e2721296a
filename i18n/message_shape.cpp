#include "i18n/message_shape.hpp"

#include <unicode/locid.h>
#include <unicode/messagepattern.h>
#include <unicode/msgfmt.h>
#include <unicode/plurrule.h>
#include <unicode/strenum.h>

#include <memory>

#include "i18n/detail/icu_utf8.hpp"

namespace kk::i18n {
namespace {

using detail::from_utf8;
using detail::to_utf8;

ArgKind kind_of(UMessagePatternArgType type) {
    switch (type) {
        case UMSGPAT_ARG_TYPE_PLURAL:
            return ArgKind::Plural;
        case UMSGPAT_ARG_TYPE_SELECTORDINAL:
            return ArgKind::SelectOrdinal;
        case UMSGPAT_ARG_TYPE_SELECT:
            return ArgKind::Select;
        default:
            return ArgKind::Simple;
    }
}

std::string join(const std::set<std::string>& items) {
    std::string out;
    for (const auto& item : items) out += (out.empty() ? "" : ", ") + item;
    return out;
}

}  // namespace

ShapeResult message_shape(std::string_view pattern, std::string_view locale) {
    const icu::UnicodeString text = from_utf8(pattern);
    UErrorCode status = U_ZERO_ERROR;
    UParseError parse_error{};
    // MessageFormat checks more than MessagePattern (e.g. that plural has "other"); both must accept.
    icu::MessageFormat format(text, icu::Locale(std::string(locale).c_str()), parse_error, status);
    if (U_FAILURE(status)) {
        return {std::nullopt, std::string("does not parse as MessageFormat (") + u_errorName(status) +
                                  " at offset " + std::to_string(parse_error.offset) + ")"};
    }
    icu::MessagePattern parsed(text, &parse_error, status);
    if (U_FAILURE(status)) return {std::nullopt, std::string("does not parse: ") + u_errorName(status)};

    MessageShape shape;
    std::vector<std::string> open_args;
    for (int32_t i = 0; i < parsed.countParts(); ++i) {
        const icu::MessagePattern::Part& part = parsed.getPart(i);
        const UMessagePatternPartType type = part.getType();
        if (type == UMSGPAT_PART_TYPE_ARG_START) {
            const icu::MessagePattern::Part& name_part = parsed.getPart(i + 1);
            const std::string name = to_utf8(parsed.getSubstring(name_part));
            const ArgKind kind = kind_of(part.getArgType());
            auto [it, inserted] = shape.arguments.emplace(name, kind);
            if (!inserted && it->second == ArgKind::Simple) it->second = kind;
            if (kind != ArgKind::Simple) shape.selectors[name];
            open_args.push_back(name);
        } else if (type == UMSGPAT_PART_TYPE_ARG_LIMIT) {
            if (!open_args.empty()) open_args.pop_back();
        } else if (type == UMSGPAT_PART_TYPE_ARG_SELECTOR && !open_args.empty()) {
            shape.selectors[open_args.back()].insert(to_utf8(parsed.getSubstring(part)));
        }
    }
    return {std::move(shape), {}};
}

std::set<std::string> plural_categories(std::string_view locale) {
    std::set<std::string> out;
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::PluralRules> rules(
        icu::PluralRules::forLocale(icu::Locale(std::string(locale).c_str()), status));
    if (U_FAILURE(status) || !rules) return out;
    std::unique_ptr<icu::StringEnumeration> keywords(rules->getKeywords(status));
    if (U_FAILURE(status) || !keywords) return out;
    while (const icu::UnicodeString* keyword = keywords->snext(status)) {
        if (U_FAILURE(status)) break;
        out.insert(to_utf8(*keyword));
    }
    return out;
}

std::string check_translation(std::string_view pattern, std::string_view locale,
                              std::string_view root_pattern) {
    const ShapeResult translated = message_shape(pattern, locale);
    if (!translated.shape) return translated.error;
    const ShapeResult root = message_shape(root_pattern, "en");
    if (!root.shape) return "the English message itself " + root.error;

    std::set<std::string> want, have;
    for (const auto& [name, kind] : root.shape->arguments) want.insert(name);
    for (const auto& [name, kind] : translated.shape->arguments) have.insert(name);
    if (want != have) return "uses placeholders {" + join(have) + "} but English uses {" + join(want) + "}";
    for (const auto& [name, kind] : root.shape->arguments) {
        if (translated.shape->arguments.at(name) != kind)
            return "argument {" + name + "} is not of the English kind";
        if (kind == ArgKind::Select &&
            translated.shape->selectors.at(name) != root.shape->selectors.at(name)) {
            return "select {" + name + "} needs exactly the keywords " + join(root.shape->selectors.at(name));
        }
        if (kind == ArgKind::Plural) {
            const auto& present = translated.shape->selectors.at(name);
            std::set<std::string> missing;
            for (const auto& category : plural_categories(locale)) {
                if (!present.count(category)) missing.insert(category);
            }
            if (!missing.empty()) return "plural {" + name + "} lacks the categories " + join(missing);
        }
    }
    return {};
}

std::vector<std::pair<std::string, std::string>> sample_select_values(const MessageShape& shape) {
    std::vector<std::pair<std::string, std::string>> out;
    for (const auto& [name, kind] : shape.arguments) {
        if (kind == ArgKind::Select && !shape.selectors.at(name).empty()) {
            out.emplace_back(name, *shape.selectors.at(name).begin());
        }
    }
    return out;
}

}  // namespace kk::i18n
