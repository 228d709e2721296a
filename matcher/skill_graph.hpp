#pragma once
// Relations between catalog skills, built once from plain vectors, looked up per requirement when scoring.
#include <cstddef>
#include <cstdint>
#include <span>
#include <utility>
#include <vector>

#include "matcher/model.hpp"

namespace kk::matcher {

// How two catalog skills relate, strongest first. The weights live in relation_weight() only.
enum class SkillRelation : std::uint8_t { None = 0, Same, NarrowerBroader, Sibling, SameOccupation };

// Weight of a relation in [0,1]: Same 1.0, NarrowerBroader 0.7, Sibling 0.4, SameOccupation 0.3, None 0.
double relation_weight(SkillRelation relation);

struct SkillGraphInput {
    // Nodes are 0..node_count-1: every catalog skill, plus skill groups that only serve as broader concepts.
    std::size_t node_count = 0;
    std::vector<std::pair<SkillId, SkillId>> broader;         // (narrower, broader)
    std::vector<std::pair<OccupationId, SkillId>> essential;  // (occupation, skill essential to it)
};

struct RelatedSkill {
    SkillId skill = 0;
    SkillRelation relation = SkillRelation::None;
};

class SkillGraph {
  public:
    // Siblings count only under a broader concept with at most this many narrower ones: in a group of
    // hundreds (e.g. "languages") being siblings says nothing.
    static constexpr std::size_t kMaxSiblingGroup = 40;
    // Same-occupation relations only for skills essential to at most this many occupations: a skill
    // essential everywhere ("use a computer") would relate every skill to every other.
    static constexpr std::size_t kMaxOccupationsPerSkill = 12;

    SkillGraph() = default;
    // Builds the symmetric neighbour lists, keeping the strongest relation per pair. Ids out of range are
    // ignored. O(R log R) in the number of derived pairs R.
    static SkillGraph build(const SkillGraphInput& input);

    std::size_t node_count() const { return offsets_.empty() ? 0 : offsets_.size() - 1; }
    // Same for a == b, else the strongest relation, None when unrelated or out of range. O(log degree).
    SkillRelation relation(SkillId a, SkillId b) const;
    double relatedness(SkillId a, SkillId b) const { return relation_weight(relation(a, b)); }
    // Related skills of a (not a itself), sorted by id. Empty when out of range.
    std::span<const RelatedSkill> neighbours(SkillId a) const;
    std::size_t memory_bytes() const;

  private:
    std::vector<std::uint32_t> offsets_;
    std::vector<RelatedSkill> entries_;
};

}  // namespace kk::matcher
