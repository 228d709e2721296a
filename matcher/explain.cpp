#include "matcher/explain.hpp"

#include <array>
#include <cmath>
#include <cstdio>

namespace kk::matcher {

namespace {

// The German wording, in one place. Keys follow the locale bundles' dotted style so i18n can take them over;
// {0}, {1} are replaced in order.
struct Wording {
    std::string_view key;
    std::string_view text;
};
constexpr std::array<Wording, 17> kWordingDe{{
    {"match.summary", "Passt zu {0} %: {1} von {2} Pflichtkenntnissen erfüllt"},
    {"match.summary_no_required", "Passt zu {0} %"},
    {"match.partly", "teilweise: {0}"},
    {"match.partly_item", "{0} durch {1}"},
    {"match.missing", "es fehlt: {0}"},
    {"match.distance", "{0} km entfernt"},
    {"match.distance_unknown", "Entfernung unbekannt"},
    {"match.experience", "Berufserfahrung im Beruf"},
    {"match.blocker.distance", "außerhalb des Pendelradius von {0} km"},
    {"match.blocker.licence_missing", "Führerschein Klasse {0} fehlt"},
    {"match.blocker.licence_not_converted", "ausländischer Führerschein Klasse {0} noch nicht umgeschrieben"},
    {"match.blocker.german_level", "Deutsch unter {0}"},
    {"match.blocker.german_level_supported", "Deutsch unter {0}, der Betrieb unterstützt das Deutschlernen"},
    {"match.notes", "Hinweis: {0}"},
    {"list.separator", ", "},
    {"sentence.separator", "; "},
    {"sentence.end", "."},
}};

std::string_view wording(std::string_view key) {
    for (const Wording& w : kWordingDe)
        if (w.key == key) return w.text;
    return key;
}

std::string fill(std::string_view key, std::initializer_list<std::string_view> args) {
    const std::string_view pattern = wording(key);
    std::string out;
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        if (pattern[i] == '{' && i + 2 < pattern.size() && pattern[i + 2] == '}') {
            const auto n = static_cast<std::size_t>(pattern[i + 1] - '0');
            if (n < args.size()) out += *(args.begin() + n);
            i += 2;
        } else {
            out += pattern[i];
        }
    }
    return out;
}

// German decimal comma.
std::string format_decimal(double value, int decimals) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
    std::string s(buffer);
    for (char& c : s)
        if (c == '.') c = ',';
    return s;
}

std::string_view level_name(LanguageLevel level) {
    static constexpr std::array<std::string_view, 8> kNames{"",   "A1", "A2", "B1",
                                                            "B2", "C1", "C2", "Muttersprache"};
    return kNames[static_cast<std::size_t>(level)];
}

std::string join(const std::vector<std::string>& parts, std::string_view key) {
    std::string out;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        if (i > 0) out += wording(key);
        out += parts[i];
    }
    return out;
}

const VacancySkill& requirement_of(const Vacancy& vacancy, const SkillMatch& m) {
    return m.required ? vacancy.required[m.requirement] : vacancy.optional[m.requirement];
}

}  // namespace

std::string_view relation_code(SkillRelation relation) {
    switch (relation) {
        case SkillRelation::Same:
            return "same";
        case SkillRelation::NarrowerBroader:
            return "narrower_broader";
        case SkillRelation::Sibling:
            return "sibling";
        case SkillRelation::SameOccupation:
            return "same_occupation";
        case SkillRelation::None:
            return "text";
    }
    return "text";
}

std::string_view blocker_code(Blocker blocker) {
    switch (blocker) {
        case Blocker::Distance:
            return "distance";
        case Blocker::LicenceMissing:
            return "licence_missing";
        case Blocker::LicenceNotConverted:
            return "licence_not_converted";
        case Blocker::GermanLevel:
            return "german_level";
    }
    return "";
}

std::string sentence_de(const Match& match, const Candidate& candidate, const Vacancy& vacancy) {
    std::vector<std::string> parts;
    const std::string percent = std::to_string(static_cast<int>(std::lround(match.score * 100)));
    std::size_t met = 0;
    std::vector<std::string> partly;
    for (const SkillMatch& m : match.matched) {
        if (m.required) ++met;
        if (m.required && m.similarity < 1.0 && partly.size() < 3)
            partly.push_back(fill("match.partly_item", {requirement_of(vacancy, m).text,
                                                        candidate.skills[m.candidate_skill].text}));
    }
    parts.push_back(
        vacancy.required.empty()
            ? fill("match.summary_no_required", {percent})
            : fill("match.summary", {percent, std::to_string(met), std::to_string(vacancy.required.size())}));
    if (!partly.empty()) parts.push_back(fill("match.partly", {join(partly, "list.separator")}));
    if (!match.missing.empty()) {
        std::vector<std::string> missing;
        for (const std::size_t r : match.missing) missing.push_back(vacancy.required[r].text);
        parts.push_back(fill("match.missing", {join(missing, "list.separator")}));
    }
    if (match.components.experience > 0) parts.emplace_back(wording("match.experience"));
    parts.push_back(match.distance_km ? fill("match.distance", {format_decimal(*match.distance_km, 1)})
                                      : std::string(wording("match.distance_unknown")));
    std::vector<std::string> notes;
    for (const Blocker b : match.blockers) {
        switch (b) {
            case Blocker::Distance:
                notes.push_back(fill(
                    "match.blocker.distance",
                    {format_decimal(candidate.max_commute_km.value_or(ScoreWeights::kDefaultCommuteKm), 0)}));
                break;
            case Blocker::LicenceMissing:
                notes.push_back(fill("match.blocker.licence_missing", {vacancy.licence}));
                break;
            case Blocker::LicenceNotConverted:
                notes.push_back(fill("match.blocker.licence_not_converted", {vacancy.licence}));
                break;
            case Blocker::GermanLevel:
                notes.push_back(fill(vacancy.german_support ? "match.blocker.german_level_supported"
                                                            : "match.blocker.german_level",
                                     {level_name(vacancy.german)}));
                break;
        }
    }
    if (!notes.empty()) parts.push_back(fill("match.notes", {join(notes, "list.separator")}));
    return join(parts, "sentence.separator") + std::string(wording("sentence.end"));
}

Explanation explain(const Match& match, const Candidate& candidate, const Vacancy& vacancy) {
    Explanation e;
    e.score = match.score;
    e.components = match.components;
    e.distance_km = match.distance_km;
    e.reachable = match.reachable;
    for (const SkillMatch& m : match.matched) {
        const CandidateSkill& skill = candidate.skills[m.candidate_skill];
        e.matched.push_back({requirement_of(vacancy, m).text, skill.text, m.similarity, m.required,
                             skill.verified, relation_code(m.relation)});
    }
    for (const std::size_t r : match.missing) e.missing.push_back(vacancy.required[r].text);
    for (const Blocker b : match.blockers) e.blockers.push_back(blocker_code(b));
    e.sentence_de = sentence_de(match, candidate, vacancy);
    return e;
}

}  // namespace kk::matcher
