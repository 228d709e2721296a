#pragma once
// Explanations of a Match: structured (for JSON and the staff screen) and one German sentence built from a
// small wording table (explain.cpp, kWordingDe) whose keys the i18n layer can later take over.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "matcher/model.hpp"
#include "matcher/score.hpp"

namespace kk::matcher {

struct ExplainedSkill {
    std::string requirement;  // as the employer wrote it
    std::string by;           // the candidate skill's text
    double similarity = 0;
    bool required = true;
    bool verified = false;
    std::string_view how;  // relation_code()
};

struct Explanation {
    double score = 0;
    ScoreComponents components;
    std::optional<double> distance_km;
    bool reachable = true;
    std::vector<ExplainedSkill> matched;
    std::vector<std::string> missing;        // required skills as written
    std::vector<std::string_view> blockers;  // blocker_code()
    std::string sentence_de;
};

// Stable codes for JSON and message keys: "same", "narrower_broader", "sibling", "same_occupation", "text".
std::string_view relation_code(SkillRelation relation);
// "distance", "licence_missing", "licence_not_converted", "german_level".
std::string_view blocker_code(Blocker blocker);

// Explains a match of this candidate and vacancy (the ones Match was computed from).
Explanation explain(const Match& match, const Candidate& candidate, const Vacancy& vacancy);

// The one German sentence for staff and the CV hand-out, e.g. "Passt zu 78 %: 4 von 5 Pflichtkenntnissen
// erfüllt; es fehlt: Gabelstapler fahren; 12,4 km entfernt." Wording from kWordingDe only.
std::string sentence_de(const Match& match, const Candidate& candidate, const Vacancy& vacancy);

}  // namespace kk::matcher
