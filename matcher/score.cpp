#include "matcher/score.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <string>
#include <utility>

#include "matcher/geo.hpp"
#include "matcher/normalise.hpp"

namespace kk::matcher {

namespace {

// ASCII folds to lower case; anything else goes through ICU so both spellings meet.
std::string fold(std::string_view text) {
    const bool ascii =
        std::all_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
    if (!ascii) return fold_for_matching(text);
    std::string out(text);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

std::vector<std::uint32_t> trigrams(std::string_view text) {
    const std::string folded = fold(text);
    std::string padded(folded.size() + 2, ' ');
    std::copy(folded.begin(), folded.end(), padded.begin() + 1);
    std::vector<std::uint32_t> grams;
    if (padded.size() < 3) return grams;
    grams.reserve(padded.size() - 2);
    for (std::size_t i = 0; i + 2 < padded.size(); ++i)
        grams.push_back(static_cast<std::uint32_t>(static_cast<unsigned char>(padded[i])) << 16 |
                        static_cast<std::uint32_t>(static_cast<unsigned char>(padded[i + 1])) << 8 |
                        static_cast<std::uint32_t>(static_cast<unsigned char>(padded[i + 2])));
    std::sort(grams.begin(), grams.end());
    grams.erase(std::unique(grams.begin(), grams.end()), grams.end());
    return grams;
}

int level_rank(LanguageLevel level) {
    return static_cast<int>(level);
}

// Which classes a licence class includes under German law (FeV §6(3)), the common cases only.
struct Covered {
    std::string_view held;
    std::array<std::string_view, 6> also;
};
constexpr std::array<Covered, 9> kLicenceCovers{{
    {"CE", {"C", "C1E", "C1", "BE", "B", "T"}},
    {"C1E", {"C1", "BE", "B", "", "", ""}},
    {"C", {"C1", "B", "", "", "", ""}},
    {"C1", {"B", "", "", "", "", ""}},
    {"DE", {"D", "D1E", "D1", "BE", "B", ""}},
    {"D", {"D1", "B", "", "", "", ""}},
    {"D1", {"B", "", "", "", "", ""}},
    {"BE", {"B", "", "", "", "", ""}},
    {"B", {"AM", "L", "", "", "", ""}},
}};

// Sorted distinct trigrams of a short ASCII text without allocating; returns the count, or -1 when the text
// is not short ASCII (then the general path folds through ICU).
constexpr std::size_t kShort = 62;
int short_ascii_trigrams(std::string_view text, std::array<std::uint32_t, kShort>& grams) {
    if (text.size() > kShort - 2) return -1;
    std::array<unsigned char, kShort + 2> padded{};
    padded[0] = ' ';
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c >= 0x80) return -1;
        padded[i + 1] = c >= 'A' && c <= 'Z' ? static_cast<unsigned char>(c - 'A' + 'a') : c;
    }
    padded[text.size() + 1] = ' ';
    const std::size_t n = text.size();  // (n + 2) - 2 trigrams
    for (std::size_t i = 0; i < n; ++i)
        grams[i] = static_cast<std::uint32_t>(padded[i]) << 16 |
                   static_cast<std::uint32_t>(padded[i + 1]) << 8 | static_cast<std::uint32_t>(padded[i + 2]);
    std::sort(grams.begin(), grams.begin() + static_cast<std::ptrdiff_t>(n));
    return static_cast<int>(std::unique(grams.begin(), grams.begin() + static_cast<std::ptrdiff_t>(n)) -
                            grams.begin());
}

double dice(const std::uint32_t* a, std::size_t na, const std::uint32_t* b, std::size_t nb) {
    if (na == 0 || nb == 0) return 0.0;
    std::size_t common = 0;
    for (std::size_t i = 0, j = 0; i < na && j < nb;) {
        if (a[i] == b[j]) {
            ++common, ++i, ++j;
        } else if (a[i] < b[j]) {
            ++i;
        } else {
            ++j;
        }
    }
    return 2.0 * static_cast<double>(common) / static_cast<double>(na + nb);
}

}  // namespace

double trigram_dice(std::string_view a, std::string_view b) {
    // Ranking compares one text with many: remember the first argument's trigrams (per thread).
    thread_local std::string last_a;
    thread_local std::array<std::uint32_t, kShort> sa;
    thread_local int na = -1;
    if (a != last_a) {
        last_a.assign(a);
        na = short_ascii_trigrams(a, sa);
    }
    std::array<std::uint32_t, kShort> sb;
    const int nb = na < 0 ? -1 : short_ascii_trigrams(b, sb);
    if (na >= 0 && nb >= 0)
        return dice(sa.data(), static_cast<std::size_t>(na), sb.data(), static_cast<std::size_t>(nb));
    const auto ga = trigrams(a);
    const auto gb = trigrams(b);
    return dice(ga.data(), ga.size(), gb.data(), gb.size());
}

bool is_listed(const Vacancy& vacancy, std::chrono::sys_days today) {
    return vacancy.open && (!vacancy.valid_until || *vacancy.valid_until >= today);
}

bool licence_covers(std::string_view held, std::string_view needed) {
    if (held == needed) return true;
    for (const Covered& c : kLicenceCovers)
        if (c.held == held)
            return std::find(c.also.begin(), c.also.end(), needed) != c.also.end() && !needed.empty();
    return false;
}

LanguageLevel german_level(const Candidate& candidate) {
    LanguageLevel best = LanguageLevel::None;
    for (const auto& language : candidate.languages)
        if (language.code == "de" && level_rank(language.level) > level_rank(best)) best = language.level;
    return best;
}

Scorer::Scorer(const SkillGraph& graph, TextSimilarity similarity)
    : graph_(&graph), similarity_(std::move(similarity)) {}

double Scorer::text_value(std::string_view candidate_text, std::string_view requirement_text) const {
    if (candidate_text.empty() || requirement_text.empty()) return 0.0;
    const double s = similarity_(candidate_text, requirement_text);
    return s >= ScoreWeights::kTextFloor ? std::min(1.0, s) * ScoreWeights::kTextWeight : 0.0;
}

bool Scorer::resolved(const VacancySkill& requirement) {
    return requirement.id.has_value() && requirement.confidence >= ScoreWeights::kMinResolvedConfidence;
}

BestSkill Scorer::pair_value(const CandidateSkill& skill, const VacancySkill& requirement) const {
    if (skill.id && resolved(requirement)) {
        const SkillRelation relation = graph_->relation(*skill.id, *requirement.id);
        return {relation_weight(relation), 0, relation};
    }
    return {text_value(skill.text, requirement.text), 0, SkillRelation::None};
}

BestSkill Scorer::best_for(const Candidate& candidate, const VacancySkill& requirement) const {
    BestSkill best;
    for (std::size_t i = 0; i < candidate.skills.size(); ++i) {
        BestSkill v = pair_value(candidate.skills[i], requirement);
        if (v.value > best.value) best = {v.value, i, v.relation};
    }
    return best;
}

double Scorer::experience(const Candidate& candidate, const Vacancy& vacancy) {
    return experience(candidate, vacancy.occupation);
}

double Scorer::experience(const Candidate& candidate, std::optional<OccupationId> occupation) {
    if (!occupation) return 0.0;
    double years = 0;
    for (const auto& held : candidate.occupations)
        if (held.id == occupation) years = std::max(years, held.years);
    return std::clamp(years / ScoreWeights::kExperienceFullYears, 0.0, 1.0);
}

double Scorer::german_factor(const Candidate& candidate, const Vacancy& vacancy) {
    return german_factor(vacancy.german, vacancy.german_support, german_level(candidate));
}

double Scorer::german_factor(LanguageLevel needed, bool supported, LanguageLevel held) {
    if (needed == LanguageLevel::None) return 1.0;
    const int gap = std::max(0, level_rank(needed) - level_rank(held));
    const double per_level =
        supported ? ScoreWeights::kGermanPenaltyPerLevelWithSupport : ScoreWeights::kGermanPenaltyPerLevel;
    return std::max(0.0, 1.0 - per_level * gap);
}

double Scorer::compose(const ScoreComponents& c) {
    const double raw = ScoreWeights::kRequired * c.required_coverage +
                       ScoreWeights::kOptional * c.optional_coverage +
                       ScoreWeights::kExperience * c.experience;
    return std::clamp(raw * c.german_factor, 0.0, 1.0);
}

void Scorer::assess_reach(const Candidate& candidate, const Vacancy& vacancy, Match& match) {
    match.blockers.clear();
    match.distance_km.reset();
    if (is_known(candidate.location) && is_known(vacancy.location)) {
        match.distance_km = haversine_km(*candidate.location, *vacancy.location);
        if (*match.distance_km > candidate.max_commute_km.value_or(ScoreWeights::kDefaultCommuteKm))
            match.blockers.push_back(Blocker::Distance);
    }
    if (!vacancy.licence.empty()) {
        const bool holds =
            std::any_of(candidate.licence_classes.begin(), candidate.licence_classes.end(),
                        [&](const std::string& held) { return licence_covers(held, vacancy.licence); });
        if (!holds)
            match.blockers.push_back(Blocker::LicenceMissing);
        else if (candidate.foreign_licence_only)
            match.blockers.push_back(Blocker::LicenceNotConverted);
    }
    match.reachable = match.blockers.empty();
    if (german_factor(candidate, vacancy) < 1.0) match.blockers.push_back(Blocker::GermanLevel);
}

Match Scorer::evaluate(const Candidate& candidate, const Vacancy& vacancy) const {
    Match match;
    double required_sum = 0;
    for (std::size_t r = 0; r < vacancy.required.size(); ++r) {
        const BestSkill best = best_for(candidate, vacancy.required[r]);
        required_sum += best.value;
        if (best.value > 0)
            match.matched.push_back({true, r, best.candidate_skill, best.value, best.relation});
        else
            match.missing.push_back(r);
    }
    double optional_sum = 0;
    for (std::size_t o = 0; o < vacancy.optional.size(); ++o) {
        const BestSkill best = best_for(candidate, vacancy.optional[o]);
        optional_sum += best.value;
        if (best.value > 0)
            match.matched.push_back({false, o, best.candidate_skill, best.value, best.relation});
    }
    ScoreComponents& c = match.components;
    c.optional_coverage =
        vacancy.optional.empty() ? 0.0 : optional_sum / static_cast<double>(vacancy.optional.size());
    c.required_coverage = vacancy.required.empty()
                              ? c.optional_coverage
                              : required_sum / static_cast<double>(vacancy.required.size());
    c.experience = experience(candidate, vacancy);
    c.german_factor = german_factor(candidate, vacancy);
    match.score = compose(c);
    assess_reach(candidate, vacancy, match);
    return match;
}

int compare_rank(const Match& a, const Match& b) {
    if (a.reachable != b.reachable) return a.reachable ? -1 : 1;
    if (a.score != b.score) return a.score > b.score ? -1 : 1;
    if (a.distance_km.has_value() != b.distance_km.has_value()) return a.distance_km ? -1 : 1;
    if (a.distance_km && *a.distance_km != *b.distance_km) return *a.distance_km < *b.distance_km ? -1 : 1;
    return 0;
}

}  // namespace kk::matcher
