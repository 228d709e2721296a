#include "matcher/explain.hpp"

#include <catch2/catch.hpp>

using namespace kk::matcher;

TEST_CASE("the explanation names what matched, what is missing, distance and blockers", "[matcher]") {
    SkillGraphInput in;
    in.node_count = 4;
    in.broader = {{1, 0}};
    const SkillGraph graph = SkillGraph::build(in);
    const Scorer scorer(graph, trigram_dice);

    Candidate c;
    c.skills = {{1, "Gabelstapler fahren", "de", true}, {std::nullopt, "Komisionieren", "de", false}};
    c.location = GeoPoint{51.2756, 8.873};
    c.max_commute_km = 20;
    c.languages = {{"de", LanguageLevel::A2}};
    Vacancy v;
    v.reference = std::string{"L-7"};
    v.required = {{"Flurförderzeuge bedienen", 0, 0.9},
                  {"Kommissionieren", std::nullopt, 0},
                  {"Staplerschein", 3, 1.0}};
    v.location = GeoPoint{51.3166, 9.4912};
    v.licence = std::string{"C"};
    v.german = LanguageLevel::B1;
    v.german_support = true;

    const Match m = scorer.evaluate(c, v);
    const Explanation e = explain(m, c, v);
    REQUIRE(e.matched.size() == 2);
    CHECK(e.matched[0].requirement == "Flurförderzeuge bedienen");
    CHECK(e.matched[0].by == "Gabelstapler fahren");
    CHECK(e.matched[0].how == "narrower_broader");
    CHECK(e.matched[0].verified);
    CHECK(e.matched[1].by == "Komisionieren");
    CHECK(e.matched[1].how == "text");
    CHECK(e.missing == std::vector<std::string>{"Staplerschein"});
    CHECK(e.blockers == std::vector<std::string_view>{"distance", "licence_missing", "german_level"});
    CHECK_FALSE(e.reachable);
    CHECK(e.components.german_factor < 1.0);

    const std::string& s = e.sentence_de;
    CHECK(s.find("2 von 3 Pflichtkenntnissen") != std::string::npos);
    CHECK(s.find("Flurförderzeuge bedienen durch Gabelstapler fahren") != std::string::npos);
    CHECK(s.find("es fehlt: Staplerschein") != std::string::npos);
    CHECK(s.find("43,") != std::string::npos);  // decimal comma
    CHECK(s.find("Pendelradius von 20 km") != std::string::npos);
    CHECK(s.find("Führerschein Klasse C fehlt") != std::string::npos);
    CHECK(s.find("unterstützt das Deutschlernen") != std::string::npos);
    CHECK(s.back() == '.');
    CHECK(std::count(s.begin(), s.end(), '.') == 1);
}

TEST_CASE("an unknown distance is said, not guessed", "[matcher]") {
    const SkillGraph graph = SkillGraph::build({});
    const Scorer scorer(graph, trigram_dice);
    Candidate c;
    c.skills = {{std::nullopt, "Backen", "de", false}};
    Vacancy v;
    v.optional = {{"backen", std::nullopt, 0}};
    const Match m = scorer.evaluate(c, v);
    const std::string s = sentence_de(m, c, v);
    CHECK(s.find("Passt zu 77 %") == 0);  // 0.85 × 0.9
    CHECK(s.find("Entfernung unbekannt") != std::string::npos);
}
