#include "db/matching.hpp"

#include <algorithm>
#include <array>

#include "db/postcodes.hpp"

namespace kk::db {
namespace {

constexpr char kSkillsSql[] = "SELECT id, code, broader_skill_id FROM skills ORDER BY id";
constexpr char kOccupationsSql[] = "SELECT id, code FROM occupations ORDER BY id";
constexpr char kEssentialSql[] =
    "SELECT occupation_id, skill_id FROM occupation_skills WHERE relation = 'essential' "
    "ORDER BY occupation_id, skill_id";

// Licence classes from least to most demanding, so the last listed one is what a vacancy really needs.
constexpr std::array<std::string_view, 16> kLicenceOrder = {"AM", "A1", "A2", "A",   "B",  "BE", "L",  "T",
                                                            "C1", "C1E", "C", "CE", "D1", "D1E", "D", "DE"};

std::size_t licence_rank(std::string_view cls) {
    const auto it = std::find(kLicenceOrder.begin(), kLicenceOrder.end(), cls);
    return static_cast<std::size_t>(it - kLicenceOrder.begin());
}

matcher::LanguageLevel level_of(const std::string& level) {
    using L = matcher::LanguageLevel;
    if (level == "native") return L::Native;
    static const std::array<std::pair<std::string_view, L>, 6> levels = {
        {{"A1", L::A1}, {"A2", L::A2}, {"B1", L::B1}, {"B2", L::B2}, {"C1", L::C1}, {"C2", L::C2}}};
    for (const auto& [name, value] : levels) {
        if (level == name) return value;
    }
    return L::None;
}

std::uint8_t hours_flags(const std::vector<std::string>& hours) {
    std::uint8_t flags = 0;
    for (const auto& h : hours) {
        if (h == "full_time") flags |= matcher::kFullTime;
        if (h == "part_time") flags |= matcher::kPartTime;
        if (h == "shift") flags |= matcher::kShifts;
        if (h == "minijob") flags |= matcher::kMiniJob;
    }
    return flags;
}

std::optional<std::chrono::sys_days> parse_date(const std::optional<std::string>& text) {
    if (!text || text->size() != 10) return std::nullopt;
    const int y = std::stoi(text->substr(0, 4));
    const unsigned m = static_cast<unsigned>(std::stoi(text->substr(5, 2)));
    const unsigned d = static_cast<unsigned>(std::stoi(text->substr(8, 2)));
    const std::chrono::year_month_day ymd{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
    if (!ymd.ok()) return std::nullopt;
    return std::chrono::sys_days{ymd};
}

// Months since year 0 of a "YYYY-MM", nullopt when malformed.
std::optional<int> month_index(const std::optional<std::string>& text) {
    if (!text || text->size() != 7) return std::nullopt;
    return std::stoi(text->substr(0, 4)) * 12 + std::stoi(text->substr(5, 2)) - 1;
}

std::optional<matcher::GeoPoint> locate(const std::optional<std::string>& postcode,
                                        const std::map<std::string, matcher::GeoPoint, std::less<>>& centroids) {
    if (!postcode) return std::nullopt;
    const auto it = centroids.find(*postcode);
    if (it == centroids.end()) return std::nullopt;
    return it->second;
}

std::optional<std::string> resolve(const matcher::SkillIndex* index, const std::string& text, std::string_view lang,
                                   matcher::ConceptKind kind, double& score) {
    if (index == nullptr || text.empty()) return std::nullopt;
    const auto found = index->resolve(text, lang, {.top_n = 1, .threshold = kMatchResolveThreshold, .kind = kind});
    if (found.empty()) return std::nullopt;
    score = found.front().score;
    return found.front().concept_id;
}

std::vector<matcher::VacancySkill> vacancy_skills(const std::vector<VacancySkill>& skills, const MatchCatalog& catalog,
                                                  const matcher::SkillIndex* index) {
    std::vector<matcher::VacancySkill> out;
    for (const auto& s : skills) {
        matcher::VacancySkill v{s.text, std::nullopt, 0};
        if (s.skill_id) {
            if (const auto it = catalog.skill_by_row.find(*s.skill_id); it != catalog.skill_by_row.end()) {
                v.id = it->second;
                v.confidence = s.confidence;
            }
        } else {
            double score = 0;
            if (const auto code = resolve(index, s.text, "de", matcher::ConceptKind::skill, score)) {
                if (const auto it = catalog.skill_by_code.find(*code); it != catalog.skill_by_code.end()) {
                    v.id = it->second;
                    v.confidence = score;
                }
            }
        }
        out.push_back(std::move(v));
    }
    return out;
}

}  // namespace

Result<MatchCatalog> load_match_catalog(Store& store) {
    try {
        MatchCatalog catalog;
        matcher::SkillGraphInput input;
        std::vector<std::pair<std::int64_t, std::int64_t>> broader_rows;
        Statement skills(store.connection(), kSkillsSql);
        while (skills.step()) {
            const auto id = static_cast<matcher::SkillId>(catalog.skill_codes.size());
            const std::int64_t row = skills.column_int(0);
            catalog.skill_codes.push_back(skills.column_text(1));
            catalog.skill_by_row.emplace(row, id);
            catalog.skill_by_code.emplace(catalog.skill_codes.back(), id);
            if (!skills.is_null(2)) broader_rows.emplace_back(row, skills.column_int(2));
        }
        for (const auto& [narrower, broader] : broader_rows) {
            const auto b = catalog.skill_by_row.find(broader);
            if (b != catalog.skill_by_row.end()) input.broader.emplace_back(catalog.skill_by_row.at(narrower), b->second);
        }
        Statement occupations(store.connection(), kOccupationsSql);
        while (occupations.step()) {
            const auto id = static_cast<matcher::OccupationId>(catalog.occupation_codes.size());
            catalog.occupation_codes.push_back(occupations.column_text(1));
            catalog.occupation_by_row.emplace(occupations.column_int(0), id);
            catalog.occupation_by_code.emplace(catalog.occupation_codes.back(), id);
        }
        Statement essential(store.connection(), kEssentialSql);
        while (essential.step()) {
            const auto o = catalog.occupation_by_row.find(essential.column_int(0));
            const auto s = catalog.skill_by_row.find(essential.column_int(1));
            if (o != catalog.occupation_by_row.end() && s != catalog.skill_by_row.end()) {
                input.essential.emplace_back(o->second, s->second);
            }
        }
        input.node_count = catalog.skill_codes.size();
        catalog.graph = matcher::SkillGraph::build(input);
        return Result<MatchCatalog>::ok(std::move(catalog));
    } catch (const Error& e) {
        return Result<MatchCatalog>::fail(std::string("matching: ") + e.what());
    }
}

matcher::Vacancy to_matcher_vacancy(const Vacancy& vacancy, const MatchCatalog& catalog,
                                    const std::map<std::string, matcher::GeoPoint, std::less<>>& centroids,
                                    const matcher::SkillIndex* index) {
    const VacancyFields& f = vacancy.fields;
    matcher::Vacancy v;
    v.reference = f.reference;
    v.employer = f.employer;
    v.title = f.title;
    double score = 0;
    if (const auto code = resolve(index, f.title, "de", matcher::ConceptKind::occupation, score)) {
        if (const auto it = catalog.occupation_by_code.find(*code); it != catalog.occupation_by_code.end()) {
            v.occupation = it->second;
        }
    }
    v.required = vacancy_skills(vacancy.required_skills, catalog, index);
    v.optional = vacancy_skills(vacancy.optional_skills, catalog, index);
    v.german = f.german_level ? level_of(*f.german_level) : matcher::LanguageLevel::None;
    v.german_support = f.language_support;
    for (const auto& cls : f.driving_licence) {
        if (v.licence.empty() || licence_rank(cls) > licence_rank(v.licence)) v.licence = cls;
    }
    v.location = locate(std::optional<std::string>(f.postcode), centroids);
    v.hours = hours_flags(f.hours);
    v.valid_until = parse_date(f.valid_until);
    v.open = vacancy.status == "open";
    return v;
}

matcher::Candidate to_matcher_candidate(const CandidateRecord& r, const MatchCatalog& catalog,
                                        const std::map<std::string, matcher::GeoPoint, std::less<>>& centroids,
                                        const matcher::SkillIndex* index, std::chrono::sys_days today) {
    matcher::Candidate c;
    c.ref = r.resume_code;
    for (const auto& s : r.skills) {
        matcher::CandidateSkill skill;
        if (s.skill_code) {
            if (const auto it = catalog.skill_by_code.find(*s.skill_code); it != catalog.skill_by_code.end()) {
                skill.id = it->second;
            }
        }
        if (s.free_text) {
            skill.text = *s.free_text;
            skill.lang = s.language;
        } else if (s.skill_code) {
            const auto label = index != nullptr ? index->preferred_label(*s.skill_code, "de") : std::nullopt;
            skill.text = label.value_or(*s.skill_code);
            skill.lang = "de";
        }
        skill.verified = s.verified;
        c.skills.push_back(std::move(skill));
    }
    const std::chrono::year_month_day now{today};
    const int this_month = static_cast<int>(now.year()) * 12 + static_cast<int>(static_cast<unsigned>(now.month())) - 1;
    for (const auto& e : r.experiences) {
        matcher::CandidateOccupation o;
        o.title = e.title;
        if (e.occupation_code) {
            if (const auto it = catalog.occupation_by_code.find(*e.occupation_code); it != catalog.occupation_by_code.end()) {
                o.id = it->second;
            }
        }
        const auto from = month_index(e.start_month);
        const auto to = e.is_current ? std::optional<int>(this_month) : month_index(e.end_month);
        // Both ends count: 2019-03 to 2019-03 is one month.
        if (from && to && *to >= *from) o.years = (*to - *from + 1) / 12.0;
        c.occupations.push_back(std::move(o));
    }
    for (const auto& l : r.languages) c.languages.push_back({l.language, level_of(l.level)});
    c.licence_classes = r.licence_classes;
    c.foreign_licence_only = r.foreign_licence_unconverted;
    c.location = locate(r.postcode, centroids);
    if (r.max_commute_km) c.max_commute_km = *r.max_commute_km;
    c.mobility = static_cast<std::uint8_t>((r.car ? matcher::kCar : 0) | (r.public_transport ? matcher::kPublicTransport : 0) |
                                           (r.bike ? matcher::kBike : 0));
    c.availability = hours_flags(r.hours);
    c.start_date = parse_date(r.available_from);
    return c;
}

Result<MatchData> load_match_data(Store& store, const matcher::SkillIndex* index, std::chrono::sys_days today) {
    MatchData data;
    auto catalog = load_match_catalog(store);
    if (!catalog) return Result<MatchData>::fail(catalog.error());
    data.catalog = std::move(*catalog);
    auto centroids = postcode_centroids(store);
    if (!centroids) return Result<MatchData>::fail(centroids.error());
    auto vacancies = list_vacancies(store, VacancyFilter::open_only);
    if (!vacancies) return Result<MatchData>::fail(vacancies.error());
    for (const auto& v : *vacancies) data.vacancies.push_back(to_matcher_vacancy(v, data.catalog, *centroids, index));
    auto candidates = list_candidates(store);
    if (!candidates) return Result<MatchData>::fail(candidates.error());
    for (const auto& r : *candidates) {
        data.candidates.push_back(to_matcher_candidate(r, data.catalog, *centroids, index, today));
    }
    return Result<MatchData>::ok(std::move(data));
}

}  // namespace kk::db
