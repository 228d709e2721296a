#include "db/cv_profile.hpp"

#include <algorithm>

namespace kk::db {
namespace {

constexpr char kSkillLabelSql[] =
    "SELECT l.preferred FROM skill_labels l JOIN skills s ON s.id = l.skill_id WHERE s.code = ? AND l.language = ?";
constexpr char kOccupationLabelSql[] =
    "SELECT l.preferred FROM occupation_labels l JOIN occupations o ON o.id = l.occupation_id "
    "WHERE o.code = ? AND l.language = ?";
constexpr char kCategoryLabelSql[] =
    "SELECT l.preferred FROM category_labels l JOIN catalog_categories c ON c.id = l.category_id "
    "WHERE c.code = ? AND l.language = ?";
// Own category first, then the occupations it is essential (then optional) to, then up the broader chain.
constexpr char kSkillCategorySql[] = R"sql(
WITH RECURSIVE chain (id, depth) AS (
    SELECT id, 0 FROM skills WHERE code = ?
    UNION ALL
    SELECT s.broader_skill_id, chain.depth + 1 FROM skills s JOIN chain ON s.id = chain.id
    WHERE s.broader_skill_id IS NOT NULL AND chain.depth < 16
)
SELECT code FROM (
    SELECT c.code AS code, chain.depth AS depth, 0 AS kind, '' AS via FROM chain
        JOIN skills s ON s.id = chain.id JOIN catalog_categories c ON c.id = s.category_id
    UNION ALL
    SELECT c.code, chain.depth, CASE os.relation WHEN 'essential' THEN 1 ELSE 2 END, o.code FROM chain
        JOIN occupation_skills os ON os.skill_id = chain.id JOIN occupations o ON o.id = os.occupation_id
        JOIN catalog_categories c ON c.id = o.category_id
)
ORDER BY depth, kind, via, code LIMIT 1
)sql";

std::optional<std::string> single_text(Store& store, const char* sql, std::string_view a, std::string_view b) {
    try {
        Statement select(store.connection(), sql);
        select.bind(1, a).bind(2, b);
        if (select.step()) return select.column_text(0);
    } catch (const Error&) {
        // A label the catalog cannot give is shown in the person's own words or the fallback language.
    }
    return std::nullopt;
}

cv::Term term(const std::optional<std::string>& code, const char* kind, const std::string& text,
              const std::string& lang) {
    if (code) return {std::string(kind) + ":" + *code, {}};
    return {{}, {text, lang}};
}

cv::WorkingTime working_time(const std::vector<std::string>& hours) {
    const bool full = std::find(hours.begin(), hours.end(), "full_time") != hours.end();
    const bool part = std::find(hours.begin(), hours.end(), "part_time") != hours.end() ||
                      std::find(hours.begin(), hours.end(), "minijob") != hours.end();
    if (full && !part) return cv::WorkingTime::FullTime;
    if (part && !full) return cv::WorkingTime::PartTime;
    return cv::WorkingTime::Any;
}

cv::Recognition recognition(const std::string& r) {
    if (r == "full" || r == "not_needed") return cv::Recognition::Recognised;
    if (r == "in_progress" || r == "partial") return cv::Recognition::Applied;
    if (r == "refused") return cv::Recognition::NotRecognised;
    return cv::Recognition::NotGiven;
}

}  // namespace

cv::CvProfile to_cv_profile(const CandidateRecord& r, const std::string& today) {
    cv::CvProfile p;
    p.given_names = r.given_name;
    p.family_name = r.family_name;
    p.address = {r.street, r.postcode.value_or(""), r.city};
    p.phone = r.phone;
    p.email = r.email;
    p.birth_date = r.birth_date.value_or("");
    p.nationality = r.nationality;
    p.ui_lang = r.ui_language;
    for (const auto& e : r.experiences) {
        cv::Experience x;
        x.from = e.start_month.value_or("");
        x.to = e.is_current ? "" : e.end_month.value_or("");
        x.position = term(e.occupation_code, "occupation", e.title, e.language);
        // A resolved title still shows what the person wrote when it differs from the catalog's words.
        if (e.occupation_code && !e.title.empty()) x.position.own = {e.title, e.language};
        x.employer = e.employer;
        x.place = e.city;
        x.country = e.country;
        if (!e.description.empty()) x.tasks.push_back({e.description, e.language});
        x.years = e.years;
        p.experiences.push_back(std::move(x));
    }
    for (const auto& e : r.educations) {
        cv::Education x;
        x.from = e.start_month.value_or("");
        x.to = e.end_month.value_or("");
        x.title = {{}, {e.title, e.language}};
        x.institution = e.institution;
        x.place = e.city;
        x.country = e.country;
        x.recognition = recognition(e.recognition);
        x.years = e.years;
        x.kind = e.kind;
        p.education.push_back(std::move(x));
    }
    for (const auto& l : r.languages) {
        cv::LanguageSkill s;
        s.code = l.language;
        s.native = l.level == "native";
        static const std::pair<const char*, cv::Cefr> kLevels[] = {{"A1", cv::Cefr::A1}, {"A2", cv::Cefr::A2},
                                                                   {"B1", cv::Cefr::B1}, {"B2", cv::Cefr::B2},
                                                                   {"C1", cv::Cefr::C1}, {"C2", cv::Cefr::C2}};
        for (const auto& [name, level] : kLevels) {
            if (l.level == name) s.level = level;
        }
        p.languages.push_back(s);
    }
    for (const auto& s : r.skills) {
        p.skills.push_back({term(s.skill_code, "skill", s.free_text.value_or(""), s.language), s.verified});
    }
    p.licence_classes = r.licence_classes;
    p.licence_foreign_only = r.foreign_licence_unconverted;
    p.mobility.commute_km = r.max_commute_km;
    p.mobility.own_car = r.car;
    p.mobility.shift_work = r.shift_work;
    p.availability.from_date = r.available_from.value_or("");
    p.availability.working_time = working_time(r.hours);
    p.place = r.city;
    p.date = today;
    return p;
}

std::optional<std::string> StoreCatalogLabels::label(std::string_view id, std::string_view lang) const {
    const auto colon = id.find(':');
    if (colon == std::string_view::npos) return std::nullopt;
    const std::string_view kind = id.substr(0, colon);
    const std::string_view code = id.substr(colon + 1);
    if (kind == "skill") return single_text(store_, kSkillLabelSql, code, lang);
    if (kind == "occupation") return single_text(store_, kOccupationLabelSql, code, lang);
    if (kind == "category") return single_text(store_, kCategoryLabelSql, code, lang);
    return std::nullopt;
}

std::optional<std::string> StoreCatalogLabels::category(std::string_view skill_id) const {
    if (skill_id.rfind("skill:", 0) != 0) return std::nullopt;
    try {
        Statement select(store_.connection(), kSkillCategorySql);
        select.bind(1, skill_id.substr(6));
        if (select.step()) return "category:" + select.column_text(0);
    } catch (const Error&) {
        // No category: the CV lists the skill under "other".
    }
    return std::nullopt;
}

}  // namespace kk::db
