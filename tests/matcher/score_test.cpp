#include "matcher/score.hpp"

#include <catch2/catch.hpp>

#include <cmath>

#include "matcher/rank.hpp"
#include "matcher/reference_scorer.hpp"

using namespace kk::matcher;
using namespace std::chrono;

namespace {

constexpr sys_days kToday = sys_days{2026y / November / 21};
constexpr GeoPoint kKorbach{51.2756, 8.873};
constexpr GeoPoint kFrankenberg{51.0589, 8.7967};  // about 25 km from Korbach
constexpr GeoPoint kKassel{51.3166, 9.4912};       // about 43 km

// Skills 0..4 under group 10 (siblings); 5 narrower of 0; occupation 0 needs 0 and 6.
SkillGraph test_graph() {
    SkillGraphInput in;
    in.node_count = 11;
    in.broader = {{0, 10}, {1, 10}, {2, 10}, {3, 10}, {4, 10}, {5, 0}};
    in.essential = {{0, 0}, {0, 6}};
    return SkillGraph::build(in);
}

CandidateSkill skill(SkillId id) {
    return {id, "skill " + std::to_string(id), "de", false};
}
CandidateSkill text(std::string t) {
    return {std::nullopt, std::move(t), "ar", false};
}
VacancySkill req(SkillId id) {
    return {"requirement " + std::to_string(id), id, 1.0};
}

Vacancy vacancy(std::string ref, std::vector<VacancySkill> required) {
    Vacancy v;
    v.reference = std::move(ref);
    v.employer = "Muster GmbH";
    v.title = "Helfer";
    v.required = std::move(required);
    v.location = kKorbach;
    return v;
}

Candidate candidate(std::vector<CandidateSkill> skills) {
    Candidate c;
    c.ref = "K-1";
    c.skills = std::move(skills);
    c.location = kKorbach;
    c.max_commute_km = 30;
    return c;
}

struct Fixture {
    SkillGraph graph = test_graph();
    Scorer scorer{graph, trigram_dice};
};

}  // namespace

TEST_CASE("an empty profile scores 0 against every vacancy", "[matcher]") {
    Fixture f;
    Candidate empty;
    Vacancy v = vacancy("V1", {req(0), req(1)});
    v.optional = {req(2)};
    v.occupation = 0;
    CHECK(f.scorer.evaluate(empty, v).score == 0.0);
    Vacancy bare;  // nothing on either side matches nothing
    CHECK(f.scorer.evaluate(candidate({skill(0)}), bare).score == 0.0);
    const std::vector<Vacancy> vs{v};
    CHECK(reference_vacancies_for(f.scorer, vs, empty, kToday, 10).empty());
    const std::vector<Candidate> cs{empty};
    MatchIndex index(f.scorer, vs, cs);
    CHECK(index.vacancies_for(empty, kToday, 10).empty());
    CHECK(index.candidates_for(v, kToday, 10).empty());
}

TEST_CASE("score grows with coverage and with the closeness of the relation", "[matcher]") {
    Fixture f;
    const Vacancy v = vacancy("V1", {req(0), req(1), req(2)});
    const double none = f.scorer.evaluate(candidate({skill(7)}), v).score;
    const double sibling = f.scorer.evaluate(candidate({skill(3)}), v).score;
    const double one = f.scorer.evaluate(candidate({skill(0)}), v).score;
    const double two = f.scorer.evaluate(candidate({skill(0), skill(1)}), v).score;
    const double all = f.scorer.evaluate(candidate({skill(0), skill(1), skill(2)}), v).score;
    CHECK(none == 0.0);
    CHECK(0.0 < sibling);
    CHECK(sibling < one);
    // Closeness of the relation, on a single requirement.
    const Vacancy single = vacancy("V2", {req(0)});
    const double by_sibling = f.scorer.evaluate(candidate({skill(3)}), single).score;
    const double by_narrower = f.scorer.evaluate(candidate({skill(5)}), single).score;
    const double by_same = f.scorer.evaluate(candidate({skill(0)}), single).score;
    CHECK(0.0 < by_sibling);
    CHECK(by_sibling < by_narrower);
    CHECK(by_narrower < by_same);
    CHECK(one < two);
    CHECK(two < all);
    CHECK(all == Approx(ScoreWeights::kRequired));
    CHECK(all <= 1.0);
}

TEST_CASE("optional skills add less than required ones, experience adds", "[matcher]") {
    Fixture f;
    Vacancy v = vacancy("V1", {req(0), req(1)});
    v.optional = {req(2), req(3)};
    v.occupation = 0;
    const double base = f.scorer.evaluate(candidate({skill(0)}), v).score;
    const double with_optional = f.scorer.evaluate(candidate({skill(0), skill(2)}), v).score;
    const double with_required = f.scorer.evaluate(candidate({skill(0), skill(1)}), v).score;
    CHECK(base < with_optional);
    CHECK(with_optional < with_required);
    Candidate experienced = candidate({skill(0)});
    experienced.occupations = {{0, "Lagerhelfer", 2.0}};
    const Match m = f.scorer.evaluate(experienced, v);
    CHECK(m.components.experience == Approx(2.0 / ScoreWeights::kExperienceFullYears));
    CHECK(m.score > base);
    experienced.occupations = {{1, "anderer Beruf", 9.0}};
    CHECK(f.scorer.evaluate(experienced, v).score == base);
}

TEST_CASE("unresolved text meets a requirement by similarity, never fully", "[matcher]") {
    Fixture f;
    Vacancy v = vacancy("V1", {{"Gabelstaplerfahren", std::nullopt, 0.0}});
    const Match typo = f.scorer.evaluate(candidate({text("Gabelstablerfahren")}), v);
    CHECK(typo.score > 0.0);
    REQUIRE(typo.matched.size() == 1);
    CHECK(typo.matched[0].relation == SkillRelation::None);
    CHECK(typo.matched[0].similarity <= ScoreWeights::kTextWeight);
    CHECK(f.scorer.evaluate(candidate({text("Altenpflege")}), v).score == 0.0);
    // A resolution below the confidence threshold is compared as text, not by its catalog id.
    v.required = {{"skill 0", 0, 0.3}};
    const Match low = f.scorer.evaluate(candidate({skill(0)}), v);
    REQUIRE(low.matched.size() == 1);
    CHECK(low.matched[0].relation == SkillRelation::None);
}

TEST_CASE("a German level below the vacancy's lowers the score, much less with support on the job",
          "[matcher]") {
    Fixture f;
    Candidate c = candidate({skill(0)});
    c.languages = {{"ar", LanguageLevel::Native}, {"de", LanguageLevel::A2}};
    Vacancy v = vacancy("V1", {req(0)});
    const double no_requirement = f.scorer.evaluate(c, v).score;
    v.german = LanguageLevel::B2;
    const Match without = f.scorer.evaluate(c, v);
    v.german_support = true;
    const Match with = f.scorer.evaluate(c, v);
    CHECK(without.score < with.score);
    CHECK(with.score < no_requirement);
    CHECK(no_requirement - with.score < (no_requirement - without.score) / 2);
    CHECK(std::find(without.blockers.begin(), without.blockers.end(), Blocker::GermanLevel) !=
          without.blockers.end());
    CHECK(without.reachable);  // German is a note, not a reason to rank below
    c.languages = {{"de", LanguageLevel::C1}};
    CHECK(f.scorer.evaluate(c, v).score == no_requirement);
}

TEST_CASE("beyond the radius or without the licence ranks below every reachable vacancy, flagged",
          "[matcher]") {
    Fixture f;
    Candidate c = candidate({skill(0), skill(1)});
    c.licence_classes = {"CE"};
    c.foreign_licence_only = true;
    std::vector<Vacancy> vs;
    vs.push_back(vacancy("far-perfect", {req(0), req(1)}));
    vs.back().location = kKassel;
    vs.push_back(vacancy("near-weak", {req(0), req(2), req(3)}));
    vs.back().location = kFrankenberg;
    vs.push_back(vacancy("licence-perfect", {req(0), req(1)}));
    vs.back().licence = "C";
    vs.push_back(vacancy("unknown-distance", {req(0), req(2), req(4)}));
    vs.back().location.reset();

    const auto ranked = reference_vacancies_for(f.scorer, vs, c, kToday, 10);
    REQUIRE(ranked.size() == 4);
    CHECK(vs[ranked[0].vacancy].reference == "near-weak");
    CHECK(ranked[0].distance_km.value() == Approx(24.5).margin(1.5));
    CHECK(vs[ranked[1].vacancy].reference == "unknown-distance");  // same score, unknown distance after known
    CHECK_FALSE(ranked[1].distance_km.has_value());
    CHECK(ranked[1].reachable);
    // Both unreachable ones score the same: the nearer (licence) one first.
    CHECK(vs[ranked[2].vacancy].reference == "licence-perfect");
    CHECK(ranked[2].blockers == std::vector<Blocker>{Blocker::LicenceNotConverted});
    CHECK(vs[ranked[3].vacancy].reference == "far-perfect");
    CHECK(ranked[3].blockers == std::vector<Blocker>{Blocker::Distance});
    CHECK_FALSE(ranked[3].reachable);
    CHECK(ranked[2].score > ranked[0].score);

    c.foreign_licence_only = false;
    CHECK(f.scorer.evaluate(c, vs[2]).reachable);
    c.licence_classes = {"B"};
    CHECK(f.scorer.evaluate(c, vs[2]).blockers == std::vector<Blocker>{Blocker::LicenceMissing});
    c.max_commute_km = 50;
    CHECK(f.scorer.evaluate(c, vs[0]).reachable);
}

TEST_CASE("licence classes cover the classes German law includes", "[matcher]") {
    CHECK(licence_covers("CE", "B"));
    CHECK(licence_covers("CE", "C"));
    CHECK(licence_covers("C", "C1"));
    CHECK(licence_covers("B", "B"));
    CHECK_FALSE(licence_covers("B", "C"));
    CHECK_FALSE(licence_covers("C1", "C"));
    CHECK_FALSE(licence_covers("B", ""));
}

TEST_CASE("expired and closed vacancies never appear", "[matcher]") {
    Fixture f;
    const Candidate c = candidate({skill(0)});
    std::vector<Vacancy> vs{vacancy("open", {req(0)}), vacancy("expired", {req(0)}),
                            vacancy("closed", {req(0)}), vacancy("today", {req(0)})};
    vs[1].valid_until = kToday - days{1};
    vs[2].open = false;
    vs[3].valid_until = kToday;
    const std::vector<Candidate> cs{c};
    MatchIndex index(f.scorer, vs, cs);
    for (const auto& results :
         {reference_vacancies_for(f.scorer, vs, c, kToday, 10), index.vacancies_for(c, kToday, 10)}) {
        REQUIRE(results.size() == 2);
        CHECK(vs[results[0].vacancy].reference == "open");
        CHECK(vs[results[1].vacancy].reference == "today");
    }
    CHECK(index.candidates_for(vs[1], kToday, 10).empty());
    CHECK(index.candidates_for(vs[2], kToday, 10).empty());
    CHECK(index.candidates_for(vs[3], kToday, 10).size() == 1);
}

TEST_CASE("equal scores are ordered by distance, then by reference, the same every time", "[matcher]") {
    Fixture f;
    const Candidate c = candidate({skill(0)});
    std::vector<Vacancy> vs{vacancy("B", {req(0)}), vacancy("A", {req(0)}), vacancy("C", {req(0)})};
    vs[2].location = kFrankenberg;
    const std::vector<Candidate> cs{c};
    MatchIndex index(f.scorer, vs, cs);
    for (int run = 0; run < 3; ++run) {
        const auto results = index.vacancies_for(c, kToday, 3);
        REQUIRE(results.size() == 3);
        CHECK(vs[results[0].vacancy].reference == "A");
        CHECK(vs[results[1].vacancy].reference == "B");
        CHECK(vs[results[2].vacancy].reference == "C");
    }
    CHECK(index.vacancies_for(c, kToday, 1).size() == 1);
}

TEST_CASE("broken coordinates count as an unknown distance", "[matcher]") {
    Fixture f;
    Candidate c = candidate({skill(0)});
    Vacancy v = vacancy("V1", {req(0)});
    v.location = GeoPoint{std::nan(""), 8.8};
    Match m = f.scorer.evaluate(c, v);
    CHECK_FALSE(m.distance_km.has_value());
    CHECK(m.reachable);
    v.location = GeoPoint{51.0, 200.0};
    CHECK_FALSE(f.scorer.evaluate(c, v).distance_km.has_value());
    c.location = GeoPoint{std::nan(""), std::nan("")};
    v.location = kKassel;
    m = f.scorer.evaluate(c, v);
    CHECK_FALSE(m.distance_km.has_value());
    CHECK(m.blockers.empty());
}
