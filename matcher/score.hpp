#pragma once
// Scoring one candidate against one vacancy: named components, blockers, and which skill met which
// requirement. All weights and thresholds of the engine are the constants in ScoreWeights below.
#include <chrono>
#include <cstddef>
#include <functional>
#include <optional>
#include <string_view>
#include <vector>

#include "matcher/model.hpp"
#include "matcher/skill_graph.hpp"

namespace kk::matcher {

// Similarity of two texts in [0,1] (1 = same). Must be deterministic and symmetric enough for ranking;
// the fuzzy similarity of matcher/similarity.hpp plugs in here.
using TextSimilarity = std::function<double(std::string_view, std::string_view)>;

// Dice coefficient over byte trigrams of fold_for_matching(text) padded with one space each side.
// A simple default for tests and benches. O(n log n) in the text lengths.
double trigram_dice(std::string_view a, std::string_view b);

struct ScoreWeights {
    static constexpr double kRequired = 0.70;               // required-skill coverage
    static constexpr double kOptional = 0.15;               // optional-skill coverage
    static constexpr double kExperience = 0.15;             // years in the vacancy's occupation
    static constexpr double kExperienceFullYears = 5;       // years at which experience counts fully
    static constexpr double kGermanPenaltyPerLevel = 0.15;  // per CEFR level below the vacancy's
    static constexpr double kGermanPenaltyPerLevelWithSupport = 0.04;  // ... when the employer helps learning
    static constexpr double kTextFloor = 0.5;  // text similarity below this is no match at all
    static constexpr double kTextWeight =
        0.9;  // a text match counts at most this much (less sure than the catalog)
    static constexpr double kMinResolvedConfidence =
        0.6;  // a vacancy skill resolved less surely is compared as text
    static constexpr double kDefaultCommuteKm = 30;  // when the candidate gave no radius
};

enum class Blocker : std::uint8_t { Distance, LicenceMissing, LicenceNotConverted, GermanLevel };

// One requirement met (partly) by one candidate skill.
struct SkillMatch {
    bool required = true;
    std::size_t requirement = 0;                   // index into vacancy.required or vacancy.optional
    std::size_t candidate_skill = 0;               // index into candidate.skills
    double similarity = 0;                         // (0,1]
    SkillRelation relation = SkillRelation::None;  // None = matched by text similarity
};

struct ScoreComponents {
    double required_coverage =
        0;  // mean best match over required skills (over optional ones when none required)
    double optional_coverage = 0;
    double experience = 0;     // 0..1
    double german_factor = 1;  // multiplies the rest; 1 = no gap
};

struct Match {
    std::size_t candidate = 0;  // index in the caller's candidate list
    std::size_t vacancy = 0;    // index in the caller's vacancy list
    double score = 0;           // [0,1]
    ScoreComponents components;
    std::optional<double> distance_km;  // empty when either location is unknown
    bool reachable = true;  // false: beyond the radius or licence lacking; ranked below reachable ones
    std::vector<SkillMatch> matched;
    std::vector<std::size_t> missing;  // required skills nobody met (indices into vacancy.required)
    std::vector<Blocker> blockers;
};

// Best candidate skill for one requirement: highest value, the lowest skill index among equals.
struct BestSkill {
    double value = 0;
    std::size_t candidate_skill = 0;
    SkillRelation relation = SkillRelation::None;
};

// True when the vacancy may be shown at all: open and valid_until not before today.
bool is_listed(const Vacancy& vacancy, std::chrono::sys_days today);

// True when a held licence class covers the needed one ("CE" covers "C" and "B", ...). Classes compare
// case-sensitively in the official upper-case spelling.
bool licence_covers(std::string_view held, std::string_view needed);

// The candidate's German level (highest "de" entry), None when not stated.
LanguageLevel german_level(const Candidate& candidate);

// Evaluates candidate × vacancy pair by pair, with no index. The reference for every faster path.
class Scorer {
  public:
    Scorer(const SkillGraph& graph, TextSimilarity similarity);

    // Value of a text pair: similarity scaled by kTextWeight, 0 below kTextFloor or when a text is empty.
    double text_value(std::string_view candidate_text, std::string_view requirement_text) const;
    // Whether the requirement is compared through the catalog.
    static bool resolved(const VacancySkill& requirement);
    // Value of one candidate skill for one requirement: catalog relatedness when both are resolved, else
    // text.
    BestSkill pair_value(const CandidateSkill& skill, const VacancySkill& requirement) const;
    // Scans all candidate skills. O(skills).
    BestSkill best_for(const Candidate& candidate, const VacancySkill& requirement) const;

    // The full evaluation. score is 0 when nothing matches (an empty profile scores 0 everywhere).
    Match evaluate(const Candidate& candidate, const Vacancy& vacancy) const;

    // Parts shared with the fast path so both compute bit-identical scores.
    static double experience(const Candidate& candidate, const Vacancy& vacancy);
    static double experience(const Candidate& candidate, std::optional<OccupationId> occupation);
    static double german_factor(const Candidate& candidate, const Vacancy& vacancy);
    static double german_factor(LanguageLevel needed, bool supported, LanguageLevel held);
    static double compose(const ScoreComponents& components);
    // Distance, reachability and the distance/licence/German blockers; leaves the skill parts untouched.
    static void assess_reach(const Candidate& candidate, const Vacancy& vacancy, Match& match);

    const SkillGraph& graph() const { return *graph_; }
    const TextSimilarity& similarity() const { return similarity_; }

  private:
    const SkillGraph* graph_;
    TextSimilarity similarity_;
};

// Result order: reachable first, then score descending, then known distance ascending (unknown last),
// then the tie key (vacancy employer/reference or candidate ref, compared by the caller).
// Returns <0, 0, >0 for the part before the tie key.
int compare_rank(const Match& a, const Match& b);

}  // namespace kk::matcher
