#include "matcher/skill_graph.hpp"

#include <algorithm>
#include <tuple>

namespace kk::matcher {

double relation_weight(SkillRelation relation) {
    switch (relation) {
        case SkillRelation::Same:
            return 1.0;
        case SkillRelation::NarrowerBroader:
            return 0.7;
        case SkillRelation::Sibling:
            return 0.4;
        case SkillRelation::SameOccupation:
            return 0.3;
        case SkillRelation::None:
            return 0.0;
    }
    return 0.0;
}

namespace {

struct Edge {
    SkillId from;
    SkillId to;
    SkillRelation relation;
};

// Adds every pair of a group in both directions.
void add_clique(const std::vector<SkillId>& members, SkillRelation relation, std::vector<Edge>& edges) {
    for (std::size_t i = 0; i < members.size(); ++i)
        for (std::size_t j = 0; j < members.size(); ++j)
            if (members[i] != members[j]) edges.push_back({members[i], members[j], relation});
}

// Groups values by key; keys need not be dense.
template <typename Key>
std::vector<std::vector<SkillId>> group_by(std::vector<std::pair<Key, SkillId>> pairs) {
    std::sort(pairs.begin(), pairs.end());
    pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
    std::vector<std::vector<SkillId>> groups;
    for (std::size_t i = 0; i < pairs.size(); ++i) {
        if (i == 0 || pairs[i].first != pairs[i - 1].first) groups.emplace_back();
        groups.back().push_back(pairs[i].second);
    }
    return groups;
}

}  // namespace

SkillGraph SkillGraph::build(const SkillGraphInput& input) {
    const std::size_t n = input.node_count;
    std::vector<Edge> edges;
    std::vector<std::pair<SkillId, SkillId>> children;  // (broader, narrower)
    for (const auto& [narrower, broader] : input.broader) {
        if (narrower >= n || broader >= n || narrower == broader) continue;
        edges.push_back({narrower, broader, SkillRelation::NarrowerBroader});
        edges.push_back({broader, narrower, SkillRelation::NarrowerBroader});
        children.emplace_back(broader, narrower);
    }
    for (const auto& group : group_by(std::move(children)))
        if (group.size() <= kMaxSiblingGroup) add_clique(group, SkillRelation::Sibling, edges);

    std::vector<std::size_t> occupations_per_skill(n, 0);
    std::vector<std::pair<OccupationId, SkillId>> essential;
    for (const auto& [occupation, skill] : input.essential)
        if (skill < n) essential.emplace_back(occupation, skill);
    std::sort(essential.begin(), essential.end());
    essential.erase(std::unique(essential.begin(), essential.end()), essential.end());
    for (const auto& pair : essential) ++occupations_per_skill[pair.second];
    std::erase_if(essential,
                  [&](const auto& p) { return occupations_per_skill[p.second] > kMaxOccupationsPerSkill; });
    for (const auto& group : group_by(std::move(essential)))
        add_clique(group, SkillRelation::SameOccupation, edges);

    // Strongest relation first per (from, to): the enum is ordered strongest first.
    std::sort(edges.begin(), edges.end(), [](const Edge& a, const Edge& b) {
        return std::tie(a.from, a.to, a.relation) < std::tie(b.from, b.to, b.relation);
    });
    edges.erase(std::unique(edges.begin(), edges.end(),
                            [](const Edge& a, const Edge& b) { return a.from == b.from && a.to == b.to; }),
                edges.end());

    SkillGraph graph;
    graph.offsets_.assign(n + 1, 0);
    graph.entries_.reserve(edges.size());
    for (const Edge& e : edges) {
        ++graph.offsets_[e.from + 1];
        graph.entries_.push_back({e.to, e.relation});
    }
    for (std::size_t i = 0; i < n; ++i) graph.offsets_[i + 1] += graph.offsets_[i];
    return graph;
}

std::span<const RelatedSkill> SkillGraph::neighbours(SkillId a) const {
    if (a >= node_count()) return {};
    return std::span<const RelatedSkill>(entries_).subspan(offsets_[a], offsets_[a + 1] - offsets_[a]);
}

SkillRelation SkillGraph::relation(SkillId a, SkillId b) const {
    if (a == b) return SkillRelation::Same;
    const auto list = neighbours(a);
    const auto it = std::lower_bound(list.begin(), list.end(), b,
                                     [](const RelatedSkill& r, SkillId id) { return r.skill < id; });
    return it != list.end() && it->skill == b ? it->relation : SkillRelation::None;
}

std::size_t SkillGraph::memory_bytes() const {
    return offsets_.capacity() * sizeof(std::uint32_t) + entries_.capacity() * sizeof(RelatedSkill);
}

}  // namespace kk::matcher
