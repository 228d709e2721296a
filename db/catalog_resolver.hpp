#pragma once
// The SkillResolver the vacancy import uses once the catalog is loaded: a matcher::SkillIndex over every
// skill label in the store (our catalog plus any ESCO import), with codes mapped back to skills.id.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "db/result.hpp"
#include "db/skill_resolver.hpp"
#include "db/store.hpp"
#include "matcher/skill_index.hpp"

namespace kk::db {

// Below this score a resolution is dropped: the matcher's typo tier for a real misspelling scores above it,
// while an unrelated word that shares a few trigrams with some label stays below (see catalog_resolve_test).
inline constexpr double kCatalogResolveThreshold = 0.8;

class CatalogResolver final : public SkillResolver {
  public:
    // Reads every skill label of the store and builds the index: O(labels); about a second for full ESCO.
    // Fails when the store cannot be read or holds no skill labels (run `kioskctl init` first).
    static Result<CatalogResolver> from_store(Store& store, double threshold = kCatalogResolveThreshold);

    // The best catalog skill for `text` written in `language`, or no id when nothing scores ≥ the threshold.
    SkillResolution resolve(std::string_view text, std::string_view language) const override;

    // Ranked skills for `text`, best first, at most `top_n`, none below the threshold.
    std::vector<matcher::Resolution> search(std::string_view text, std::string_view language,
                                            std::size_t top_n) const;

    // skills.id of a catalog code, if the store had it when this resolver was built.
    std::optional<std::int64_t> skill_id(std::string_view code) const;
    // The preferred label of a skill code in `language`, if the store has one.
    std::optional<std::string> label(std::string_view code, std::string_view language) const;

    std::size_t label_count() const;

  private:
    CatalogResolver(std::unique_ptr<matcher::SkillIndex> index,
                    std::unordered_map<std::string, std::int64_t> ids, double threshold);
    std::unique_ptr<matcher::SkillIndex> index_;
    std::unordered_map<std::string, std::int64_t> ids_;
    double threshold_ = kCatalogResolveThreshold;
};

}  // namespace kk::db
