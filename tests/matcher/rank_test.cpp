#include "matcher/rank.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <random>
#include <sstream>

#include "matcher/reference_scorer.hpp"

using namespace kk::matcher;
using namespace std::chrono;

namespace {

constexpr sys_days kToday = sys_days{2026y / November / 21};
constexpr SkillId kSkills = 120;
constexpr SkillId kGroups = 12;

const std::vector<std::string> kWords{
    "schweissen", "gabelstapler", "kommissionieren", "lackieren", "mauern",     "pflegen",    "kochen",
    "reinigen",   "montieren",    "verpacken",       "fliesen",   "elektrik",   "trockenbau", "gartenbau",
    "backen",     "kassieren",    "fahren",          "melken",    "schreinern", "putzen"};

// Appends without operator+, which trips GCC 12's -Wrestrict false positive (PR 105329).
std::string concat(std::string_view a, std::string_view b) {
    std::string s;
    s.reserve(a.size() + b.size());
    s.append(a);
    s.append(b);
    return s;
}

std::string label(SkillId id) {
    const char suffix[3] = {' ', static_cast<char>('a' + id / 20), '\0'};
    return concat(kWords[id % kWords.size()], suffix);
}

class Generator {
  public:
    explicit Generator(unsigned seed) : rng_(seed) {}

    int uniform(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng_); }
    double real(double lo, double hi) { return std::uniform_real_distribution<double>(lo, hi)(rng_); }
    bool chance(double p) { return real(0, 1) < p; }

    std::string typo(std::string s) {
        if (s.size() > 3 && chance(0.6))
            s[static_cast<std::size_t>(uniform(1, static_cast<int>(s.size()) - 2))] = 'x';
        return s;
    }

    SkillGraph graph() {
        SkillGraphInput in;
        in.node_count = kSkills + kGroups;
        for (SkillId s = 0; s < kSkills; ++s) {
            if (chance(0.7))
                in.broader.emplace_back(s, kSkills + static_cast<SkillId>(uniform(0, kGroups - 1)));
            else if (chance(0.5))
                in.broader.emplace_back(s, static_cast<SkillId>(uniform(0, kSkills - 1)));
        }
        for (OccupationId o = 0; o < 15; ++o)
            for (int i = 0; i < 6; ++i)
                in.essential.emplace_back(o, static_cast<SkillId>(uniform(0, kSkills - 1)));
        return SkillGraph::build(in);
    }

    std::optional<GeoPoint> place() {
        if (chance(0.15)) return std::nullopt;
        if (chance(0.03))
            return GeoPoint{chance(0.5) ? std::nan("") : 123.0, real(8.3, 9.6)};  // broken coordinates
        return GeoPoint{real(50.8, 51.6), real(8.3, 9.6)};
    }

    Candidate candidate(int n) {
        Candidate c;
        c.ref = concat("K", std::to_string(n % 40));  // repeated refs exercise the tie key
        for (int i = uniform(0, 8); i > 0; --i) {
            // Ids up to kSkills + 5 also name skills outside the graph.
            const auto id = static_cast<SkillId>(uniform(0, kSkills + 5));
            if (chance(0.75))
                c.skills.push_back({id, label(id), "de", chance(0.3)});
            else
                c.skills.push_back(
                    {std::nullopt, chance(0.8) ? typo(label(id)) : kWords[id % kWords.size()], "ar", false});
        }
        if (chance(0.3))
            c.occupations.push_back(
                {static_cast<OccupationId>(uniform(0, 14)), "beruf", uniform(0, 8) * 1.0});
        if (chance(0.7)) c.languages.push_back({"de", static_cast<LanguageLevel>(uniform(0, 7))});
        static const std::vector<std::string> kClasses{"B", "C", "CE", "C1", "D"};
        for (int i = uniform(0, 2); i > 0; --i)
            c.licence_classes.push_back(kClasses[static_cast<std::size_t>(uniform(0, 4))]);
        c.foreign_licence_only = chance(0.2);
        c.location = place();
        if (chance(0.8)) c.max_commute_km = uniform(5, 60);
        return c;
    }

    VacancySkill requirement() {
        const auto id = static_cast<SkillId>(uniform(0, kSkills - 1));
        if (chance(0.2)) return {chance(0.5) ? typo(label(id)) : label(id), std::nullopt, 0.0};
        return {chance(0.8) ? label(id) : typo(label(id)), id, real(0.4, 1.0)};
    }

    Vacancy vacancy(int n) {
        Vacancy v;
        v.reference = concat("R", std::to_string(n % 60));
        v.employer = concat("E", std::to_string(n % 7));
        v.title = std::string{"Stelle"};
        for (int i = uniform(0, 6); i > 0; --i) v.required.push_back(requirement());
        for (int i = uniform(0, 3); i > 0; --i) v.optional.push_back(requirement());
        if (chance(0.5)) v.occupation = static_cast<OccupationId>(uniform(0, 14));
        v.german = static_cast<LanguageLevel>(uniform(0, 5));
        v.german_support = chance(0.4);
        static const std::vector<std::string> kNeeds{"B", "C", "CE"};
        if (chance(0.25)) v.licence = kNeeds[static_cast<std::size_t>(uniform(0, 2))];
        v.location = place();
        if (chance(0.7)) v.valid_until = kToday + days{uniform(-10, 30)};
        v.open = chance(0.9);
        return v;
    }

  private:
    std::mt19937 rng_;
};

// First difference between the fast and the reference result, empty when equal.
std::string difference(const std::vector<Match>& fast, const std::vector<Match>& reference) {
    std::ostringstream out;
    if (fast.size() != reference.size()) {
        out << "sizes " << fast.size() << " vs " << reference.size();
        return out.str();
    }
    for (std::size_t i = 0; i < fast.size(); ++i) {
        const Match& a = fast[i];
        const Match& b = reference[i];
        if (a.vacancy != b.vacancy || a.candidate != b.candidate || a.score != b.score ||
            a.reachable != b.reachable || a.distance_km != b.distance_km ||
            a.matched.size() != b.matched.size() || a.missing != b.missing || a.blockers != b.blockers) {
            out << "rank " << i << ": vacancy " << a.vacancy << "/" << b.vacancy << " candidate "
                << a.candidate << "/" << b.candidate << " score " << a.score << "/" << b.score;
            return out.str();
        }
    }
    return {};
}

}  // namespace

TEST_CASE("the indexed top-k equals the naive reference on random data, both directions", "[matcher]") {
    int queries = 0, nonempty = 0, unreachable = 0, text_matches = 0;
    for (const unsigned seed : {1u, 2u, 3u, 4u, 5u}) {
        Generator gen(seed);
        const SkillGraph graph = gen.graph();
        const Scorer scorer(graph, trigram_dice);
        std::vector<Vacancy> vacancies;
        for (int i = 0; i < 200; ++i) vacancies.push_back(gen.vacancy(i));
        std::vector<Candidate> candidates;
        for (int i = 0; i < 150; ++i) candidates.push_back(gen.candidate(i));
        const MatchIndex index(scorer, vacancies, candidates);
        const std::vector<std::size_t> ks{1, 3, 10, 50, 1000};

        for (int q = 0; q < 300; ++q) {
            const std::size_t k = ks[static_cast<std::size_t>(q) % ks.size()];
            // Half the queries come from the indexed lists, half are new (e.g. a profile being edited).
            const Candidate c = q % 2 == 0 ? candidates[static_cast<std::size_t>(q) % candidates.size()]
                                           : gen.candidate(1000 + q);
            const auto fast = index.vacancies_for(c, kToday, k);
            const auto reference = reference_vacancies_for(scorer, vacancies, c, kToday, k);
            INFO("seed " << seed << " candidate query " << q << " k " << k);
            const std::string diff = difference(fast, reference);
            CHECK(diff.empty());
            ++queries;
            nonempty += !fast.empty();
            for (const Match& m : fast) {
                unreachable += !m.reachable;
                for (const SkillMatch& s : m.matched) text_matches += s.relation == SkillRelation::None;
                CHECK(is_listed(vacancies[m.vacancy], kToday));
            }

            const Vacancy v = q % 2 == 0 ? vacancies[static_cast<std::size_t>(q) % vacancies.size()]
                                         : gen.vacancy(1000 + q);
            INFO("vacancy query " << q);
            CHECK(difference(index.candidates_for(v, kToday, k),
                             reference_candidates_for(scorer, candidates, v, kToday, k))
                      .empty());
            ++queries;
        }
    }
    CHECK(queries >= 3000);
    // The random data must exercise what it claims to: results, unreachable ones and text matches.
    CHECK(nonempty > 1000);
    CHECK(unreachable > 100);
    CHECK(text_matches > 100);
}
