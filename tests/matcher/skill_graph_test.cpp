#include "matcher/skill_graph.hpp"

#include <catch2/catch.hpp>

using namespace kk::matcher;

namespace {

// 0..5 skills, 10 a skill group. 0,1,2 narrower of group 10; 3 narrower of 0; occupation 7 needs 0 and 4.
SkillGraph small_graph() {
    SkillGraphInput in;
    in.node_count = 11;
    in.broader = {{0, 10}, {1, 10}, {2, 10}, {3, 0}};
    in.essential = {{7, 0}, {7, 4}};
    return SkillGraph::build(in);
}

}  // namespace

TEST_CASE("relatedness follows the catalog relations and their documented weights", "[matcher]") {
    const SkillGraph g = small_graph();
    CHECK(g.relatedness(0, 0) == 1.0);
    CHECK(g.relatedness(0, 3) == relation_weight(SkillRelation::NarrowerBroader));
    CHECK(g.relatedness(3, 0) == relation_weight(SkillRelation::NarrowerBroader));
    CHECK(g.relatedness(0, 1) == relation_weight(SkillRelation::Sibling));
    CHECK(g.relatedness(0, 4) == relation_weight(SkillRelation::SameOccupation));
    CHECK(g.relatedness(1, 4) == 0.0);
    CHECK(g.relatedness(5, 0) == 0.0);
    CHECK(g.relatedness(99, 0) == 0.0);
    CHECK(relation_weight(SkillRelation::Same) > relation_weight(SkillRelation::NarrowerBroader));
    CHECK(relation_weight(SkillRelation::NarrowerBroader) > relation_weight(SkillRelation::Sibling));
    CHECK(relation_weight(SkillRelation::Sibling) > relation_weight(SkillRelation::SameOccupation));
    CHECK(relation_weight(SkillRelation::SameOccupation) > 0.0);
}

TEST_CASE("the strongest relation wins when two skills are related twice", "[matcher]") {
    SkillGraphInput in;
    in.node_count = 3;
    in.broader = {{1, 0}};
    in.essential = {{0, 0}, {0, 1}};  // also same-occupation, weaker
    const SkillGraph g = SkillGraph::build(in);
    CHECK(g.relation(0, 1) == SkillRelation::NarrowerBroader);
    CHECK(g.neighbours(0).size() == 1);
}

TEST_CASE("huge sibling groups and ubiquitous skills relate nothing", "[matcher]") {
    SkillGraphInput in;
    const SkillId group = SkillGraph::kMaxSiblingGroup + 1;
    in.node_count = group + 1;
    for (SkillId s = 0; s < group; ++s) in.broader.emplace_back(s, group);
    for (OccupationId o = 0; o <= SkillGraph::kMaxOccupationsPerSkill; ++o) {
        in.essential.emplace_back(o, 0);
        in.essential.emplace_back(o, 1 + o);
    }
    const SkillGraph g = SkillGraph::build(in);
    CHECK(g.relation(1, 2) == SkillRelation::None);
    CHECK(g.relation(0, 1) == SkillRelation::None);
    CHECK(g.relation(1, group) == SkillRelation::NarrowerBroader);
}
