#include "db/catalog_resolver.hpp"

#include <algorithm>

#include "db/catalog.hpp"

namespace kk::db {
namespace {

constexpr char kSkillIdsSql[] = "SELECT code, id FROM skills ORDER BY id";

}  // namespace

CatalogResolver::CatalogResolver(std::unique_ptr<matcher::SkillIndex> index,
                                 std::unordered_map<std::string, std::int64_t> ids, double threshold)
    : index_(std::move(index)), ids_(std::move(ids)), threshold_(threshold) {}

Result<CatalogResolver> CatalogResolver::from_store(Store& store, double threshold) {
    auto entries = catalog_label_entries(store);
    if (!entries) return Result<CatalogResolver>::fail(entries.error());
    // Occupation labels would let "Koch" resolve a skill to an occupation code; the resolver maps skills
    // only.
    std::erase_if(*entries,
                  [](const matcher::LabelEntry& e) { return e.kind != matcher::ConceptKind::skill; });
    if (entries->empty()) {
        return Result<CatalogResolver>::fail(
            "catalog: the database holds no skills; run kioskctl init first");
    }
    std::unordered_map<std::string, std::int64_t> ids;
    try {
        Statement select(store.connection(), kSkillIdsSql);
        while (select.step()) ids.emplace(select.column_text(0), select.column_int(1));
    } catch (const Error& e) {
        return Result<CatalogResolver>::fail(std::string("catalog: ") + e.what());
    }
    return Result<CatalogResolver>::ok(
        CatalogResolver(std::make_unique<matcher::SkillIndex>(*entries), std::move(ids), threshold));
}

SkillResolution CatalogResolver::resolve(std::string_view text, std::string_view language) const {
    try {
        const auto found = search(text, language, 1);
        if (found.empty()) return {};
        const auto id = skill_id(found.front().concept_id);
        if (!id) return {};
        return {.skill_id = id, .confidence = std::clamp(found.front().score, 0.0, 1.0)};
    } catch (...) {
        return {};  // the interface promises not to throw; an unresolved skill keeps its text
    }
}

std::vector<matcher::Resolution> CatalogResolver::search(std::string_view text, std::string_view language,
                                                         std::size_t top_n) const {
    return index_->resolve(text, language,
                           {.top_n = top_n, .threshold = threshold_, .kind = matcher::ConceptKind::skill});
}

std::optional<std::int64_t> CatalogResolver::skill_id(std::string_view code) const {
    const auto it = ids_.find(std::string(code));
    return it == ids_.end() ? std::nullopt : std::optional<std::int64_t>(it->second);
}

std::optional<std::string> CatalogResolver::label(std::string_view code, std::string_view language) const {
    return index_->preferred_label(code, language);
}

std::size_t CatalogResolver::label_count() const {
    return index_->label_count();
}

}  // namespace kk::db
