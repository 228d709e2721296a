#include "kiosk/app/draft_store_sqlite.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <map>

#include "db/candidates.hpp"
#include "db/catalog.hpp"
#include "db/catalog_resolver.hpp"
#include "db/data_protection.hpp"
#include "db/matching.hpp"
#include "db/sqlite.hpp"
#include "db/timestamps.hpp"
#include "i18n/collation.hpp"
#include "i18n/digits.hpp"
#include "kiosk/keyboard/editor.hpp"
#include "matcher/explain.hpp"
#include "matcher/rank.hpp"
#include "matcher/similarity.hpp"
#include "matcher/skill_index.hpp"

namespace kk::kiosk {
namespace {

// Bumped whenever the consent text (consent.* messages) changes meaning.
constexpr char kConsentTextVersion[] = "kiosk-consent-1";

constexpr char kCandidateIdSql[] = "SELECT id FROM candidates WHERE resume_code = ?";
constexpr char kCategoriesSql[] =
    "SELECT c.code, c.codepoint, COALESCE(l.preferred, d.preferred, c.code) FROM catalog_categories AS c "
    "LEFT JOIN category_labels AS l ON l.category_id = c.id AND l.language = ? "
    "LEFT JOIN category_labels AS d ON d.category_id = c.id AND d.language = 'de' "
    "ORDER BY c.position, c.code";
constexpr char kOccupationsSql[] =
    "SELECT o.code, COALESCE(c.code, ''), o.codepoint, COALESCE(l.preferred, d.preferred, o.code), "
    "COALESCE(d.preferred, '') FROM occupations AS o "
    "LEFT JOIN catalog_categories AS c ON c.id = o.category_id "
    "LEFT JOIN occupation_labels AS l ON l.occupation_id = o.id AND l.language = ? "
    "LEFT JOIN occupation_labels AS d ON d.occupation_id = o.id AND d.language = 'de' "
    "ORDER BY o.code";
constexpr char kOccupationSkillsSql[] =
    "SELECT o.code, s.code, r.relation FROM occupation_skills AS r "
    "JOIN occupations AS o ON o.id = r.occupation_id JOIN skills AS s ON s.id = r.skill_id "
    "ORDER BY o.code, r.relation, s.code";
constexpr char kSkillsSql[] =
    "SELECT s.code, COALESCE(l.preferred, d.preferred, s.code), COALESCE(d.preferred, '') FROM skills AS s "
    "JOIN occupation_skills AS r ON r.skill_id = s.id "
    "LEFT JOIN skill_labels AS l ON l.skill_id = s.id AND l.language = ? "
    "LEFT JOIN skill_labels AS d ON d.skill_id = s.id AND d.language = 'de' "
    "GROUP BY s.id ORDER BY s.code";
constexpr char kPostcodeCountSql[] = "SELECT COUNT(*) FROM postcodes";
constexpr char kPostcodeSql[] = "SELECT COUNT(*) FROM postcodes WHERE postcode = ?";

// The store keeps root (English) labels under "en" and Dari under "fa_AF".
std::string store_lang(std::string_view lang) { return lang.empty() ? "en" : std::string(lang); }

std::string ascii_digits(std::string_view typed, std::size_t count) {
    std::string out;
    for (char32_t c : keyboard::to_u32(typed)) {
        if (c == U' ') continue;
        const auto d = i18n::parse_digits(keyboard::to_utf8(std::u32string_view(&c, 1)), 9);
        if (!d) return {};
        out.push_back(static_cast<char>('0' + *d));
    }
    return out.size() == count ? out : std::string{};
}

// "DD.MM.YYYY" in any script's digits (any separator) to "YYYY-MM-DD", else nullopt.
std::optional<std::string> iso_birth_date(std::string_view typed) {
    std::vector<std::string> parts(1);
    for (char32_t c : keyboard::to_u32(typed)) {
        if (i18n::parse_digits(keyboard::to_utf8(std::u32string_view(&c, 1)), 9)) {
            parts.back() += keyboard::to_utf8(std::u32string_view(&c, 1));
        } else if (!parts.back().empty()) {
            parts.emplace_back();
        }
    }
    if (parts.size() != 3) return std::nullopt;
    const auto day = i18n::parse_digits(parts[0], 31);
    const auto month = i18n::parse_digits(parts[1], 12);
    const auto year = i18n::parse_digits(parts[2], 2100);
    if (!day || !month || !year || *day < 1 || *month < 1 || *year < 1900) return std::nullopt;
    char out[16];
    std::snprintf(out, sizeof out, "%04d-%02d-%02d", static_cast<int>(*year), static_cast<int>(*month),
                  static_cast<int>(*day));
    return std::string(out);
}

std::string date_in_days(int days) {
    const auto today = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
    return db::utc_timestamp(today + std::chrono::days(days)).substr(0, 10);
}

const char* level_code(LanguageLevel level) {
    switch (level) {
        case LanguageLevel::A1: return "A1";
        case LanguageLevel::A2: return "A2";
        case LanguageLevel::B1: return "B1";
        case LanguageLevel::B2: return "B2";
        case LanguageLevel::C1: return "C1";
        case LanguageLevel::C2: return "C2";
        case LanguageLevel::Native: return "native";
    }
    return "A1";
}

const char* recognition_code(Recognition r) {
    switch (r) {
        case Recognition::Unknown: return "unknown";
        case Recognition::NotStarted: return "not_started";
        case Recognition::InProgress: return "in_progress";
        case Recognition::Recognised: return "full";
    }
    return "unknown";
}

db::CandidateRecord to_record(const Session& s, std::string_view ui_lang, Screen step, std::string code) {
    db::CandidateRecord r;
    r.resume_code = std::move(code);
    r.status = step == Screen::Done ? "complete" : "incomplete";
    r.ui_language = std::string(ui_lang);
    r.draft_step = step_name(step);
    r.name_own = s.personal.name_own;
    // The passport order is unknown; the last word is taken as the family name, staff can correct it.
    const std::string& name = s.personal.name_latin;
    const auto space = name.find_last_of(' ');
    if (space == std::string::npos) {
        r.family_name = name;
    } else {
        r.given_name = name.substr(0, space);
        r.family_name = name.substr(space + 1);
    }
    r.birth_date = iso_birth_date(s.personal.birth_date);
    r.phone = s.personal.phone;
    r.email = s.personal.email;
    if (auto postcode = ascii_digits(s.personal.postcode, 5); !postcode.empty()) r.postcode = postcode;
    r.consent_at = db::utc_timestamp(std::chrono::system_clock::now());
    r.consent_text_version = kConsentTextVersion;
    r.consent_language = std::string(ui_lang);
    for (const auto& e : s.experiences) {
        db::CandidateExperience x;
        if (!e.occupation.empty()) x.occupation_code = e.occupation;
        x.title = e.title;
        x.language = std::string(ui_lang);
        x.employer = e.employer;
        x.country = e.country;
        x.years = e.years;
        r.experiences.push_back(std::move(x));
    }
    const EducationInfo& ed = s.education;
    auto education = [&](const char* kind, const char* recognition, std::optional<int> years) {
        db::CandidateEducation x;
        x.kind = kind;
        x.language = std::string(ui_lang);
        x.completed = true;
        x.recognition = recognition;
        x.years = years;
        r.educations.push_back(std::move(x));
    };
    if (ed.school_years > 0) education("school", "unknown", ed.school_years);
    if (ed.vocational) education("vocational", recognition_code(ed.recognition), std::nullopt);
    if (ed.university) education("university", recognition_code(ed.recognition), std::nullopt);
    for (const auto& l : s.languages) r.languages.push_back({l.code, level_code(l.level)});
    for (const auto& skill : s.skills) {
        db::CandidateSkillEntry k;
        k.skill_code = skill;
        k.language = std::string(ui_lang);
        r.skills.push_back(std::move(k));
    }
    const MobilityInfo& m = s.mobility;
    r.licence_classes = m.licences;
    r.foreign_licence_unconverted = m.foreign_licence;
    r.max_commute_km = m.max_km;
    r.public_transport = m.public_transport;
    r.car = m.car;
    r.bike = m.bike;
    r.available_from = date_in_days(m.start == StartWhen::Now ? 0 : m.start == StartWhen::OneMonth ? 30 : 91);
    if (m.full_time) r.hours.push_back("full_time");
    if (m.part_time) r.hours.push_back("part_time");
    if (m.mini_job) r.hours.push_back("minijob");
    if (m.shifts) r.hours.push_back("shift");
    r.shift_work = m.shifts;
    return r;
}

LanguageLevel level_of(std::string_view code) {
    for (LanguageLevel l : {LanguageLevel::A1, LanguageLevel::A2, LanguageLevel::B1, LanguageLevel::B2, LanguageLevel::C1,
                            LanguageLevel::C2, LanguageLevel::Native}) {
        if (code == level_code(l)) return l;
    }
    return LanguageLevel::A1;
}

Recognition recognition_of(std::string_view code) {
    for (Recognition r : {Recognition::NotStarted, Recognition::InProgress, Recognition::Recognised}) {
        if (code == recognition_code(r)) return r;
    }
    return Recognition::Unknown;
}

// The inverse of to_record for what the record keeps.
Session to_session(const db::CandidateRecord& r, std::int64_t id) {
    Session s;
    s.consent_given = true;
    s.draft_id = id;
    s.resume_code = r.resume_code;
    s.personal.name_own = r.name_own;
    s.latin_suggestion = latin_name_suggestion(r.name_own);
    s.personal.name_latin = r.given_name.empty() ? r.family_name : r.given_name + " " + r.family_name;
    s.personal.phone = r.phone;
    s.personal.email = r.email;
    s.personal.postcode = r.postcode.value_or("");
    if (r.birth_date && r.birth_date->size() == 10) {
        const std::string& d = *r.birth_date;  // YYYY-MM-DD back to what the person typed: DD.MM.YYYY
        s.personal.birth_date = d.substr(8, 2) + "." + d.substr(5, 2) + "." + d.substr(0, 4);
    }
    for (const auto& e : r.experiences) {
        if (!e.occupation_code && e.title.empty()) continue;  // nothing the flow could show
        s.experiences.push_back({.occupation = e.occupation_code.value_or(""),
                                 .years = e.years.value_or(1),
                                 .title = e.title,
                                 .employer = e.employer,
                                 .country = e.country});
    }
    for (const auto& k : r.skills) {
        if (k.skill_code) s.skills.push_back(*k.skill_code);
    }
    for (const auto& l : r.languages) s.languages.push_back({l.language, level_of(l.level)});
    for (const auto& e : r.educations) {
        if (e.kind == "school") s.education.school_years = e.years.value_or(0);
        if (e.kind == "vocational") s.education.vocational = true;
        if (e.kind == "university") s.education.university = true;
        if (e.kind == "vocational" || e.kind == "university") s.education.recognition = recognition_of(e.recognition);
    }
    MobilityInfo& m = s.mobility;
    m.licences = r.licence_classes;
    std::sort(m.licences.begin(), m.licences.end());
    m.foreign_licence = r.foreign_licence_unconverted;
    if (r.max_commute_km) m.max_km = *r.max_commute_km;
    m.public_transport = r.public_transport;
    m.car = r.car;
    m.bike = r.bike;
    for (const auto& h : r.hours) {
        m.full_time = m.full_time || h == "full_time";
        m.part_time = m.part_time || h == "part_time";
        m.mini_job = m.mini_job || h == "minijob";
    }
    m.shifts = r.shift_work;
    if (r.available_from) {
        const std::string& from = *r.available_from;
        m.start = from > date_in_days(60) ? StartWhen::ThreeMonths : from > date_in_days(15) ? StartWhen::OneMonth
                                                                                             : StartWhen::Now;
    }
    return s;
}

}  // namespace

std::optional<LoadedDraft> SqliteDraftStore::load(std::string_view resume_code) {
    auto record = db::load_candidate(store_, resume_code);
    if (!record || !*record || (*record)->status != "incomplete") return std::nullopt;
    try {
        db::Statement select(store_.connection(), kCandidateIdSql);
        select.bind(1, std::string(resume_code));
        if (!select.step()) return std::nullopt;
        std::optional<Screen> step;
        if ((*record)->draft_step) step = screen_of_step(*(*record)->draft_step);
        return LoadedDraft{to_session(**record, select.column_int(0)), (*record)->ui_language, step};
    } catch (const db::Error&) {
        return std::nullopt;
    }
}

std::optional<SavedDraft> SqliteDraftStore::save(const Session& session, std::string_view ui_lang, Screen step) {
    std::string code = session.resume_code;
    if (code.empty()) {
        auto fresh = db::new_resume_code(store_);
        if (!fresh) return std::nullopt;
        code = *fresh;
    }
    if (!db::upsert_candidate(store_, to_record(session, ui_lang, step, code))) return std::nullopt;
    try {
        db::Statement select(store_.connection(), kCandidateIdSql);
        select.bind(1, code);
        if (!select.step()) return std::nullopt;
        return SavedDraft{select.column_int(0), code};
    } catch (const db::Error&) {
        return std::nullopt;
    }
}

SqliteCatalogSource::SqliteCatalogSource(db::Store& store) : store_(store) {}
SqliteCatalogSource::~SqliteCatalogSource() = default;

CatalogView SqliteCatalogSource::load(std::string_view lang) {
    CatalogView view;
    view.lang = std::string(lang);
    try {
        const std::string l = store_lang(lang);
        db::Statement categories(store_.connection(), kCategoriesSql);
        categories.bind(1, l);
        while (categories.step()) {
            view.categories.push_back({categories.column_text(0), categories.column_text(2),
                                       keyboard::to_utf8(std::u32string(1, static_cast<char32_t>(
                                           std::strtoul(categories.column_text(1).c_str(), nullptr, 16))))});
        }
        std::map<std::string, std::size_t> by_code;
        db::Statement occupations(store_.connection(), kOccupationsSql);
        occupations.bind(1, l);
        while (occupations.step()) {
            CatalogOccupationView o;
            o.code = occupations.column_text(0);
            o.category = occupations.column_text(1);
            const auto cp = std::strtoul(occupations.column_text(2).c_str(), nullptr, 16);
            if (cp != 0) o.icon = keyboard::to_utf8(std::u32string(1, static_cast<char32_t>(cp)));
            o.label = occupations.column_text(3);
            o.label_de = occupations.column_text(4);
            view.occupations.push_back(std::move(o));
        }
        for (std::size_t i = 0; i < view.occupations.size(); ++i) by_code[view.occupations[i].code] = i;
        db::Statement relations(store_.connection(), kOccupationSkillsSql);
        while (relations.step()) {
            const auto it = by_code.find(relations.column_text(0));
            if (it == by_code.end()) continue;
            auto& o = view.occupations[it->second];
            (relations.column_text(2) == "essential" ? o.essential : o.optional).push_back(relations.column_text(1));
        }
        db::Statement skills(store_.connection(), kSkillsSql);
        skills.bind(1, l);
        while (skills.step()) {
            view.skills.push_back({skills.column_text(0), skills.column_text(1), skills.column_text(2)});
        }
    } catch (const db::Error&) {
        return view;  // an empty list: the screens show what there is
    }
    const i18n::Collation collation(lang);
    collation.sort_by(view.occupations, [](const CatalogOccupationView& o) -> const std::string& { return o.label; });
    collation.sort_by(view.skills, [](const CatalogSkillView& s) -> const std::string& { return s.label; });
    last_ = view;
    return view;
}

const matcher::SkillIndex* SqliteCatalogSource::index() {
    if (!index_) {
        auto entries = db::catalog_label_entries(store_);
        if (!entries) return nullptr;
        index_ = std::make_unique<matcher::SkillIndex>(*entries);
    }
    return index_.get();
}

std::optional<std::string> SqliteCatalogSource::resolve_occupation(std::string_view typed, std::string_view lang) {
    const matcher::SkillIndex* skills = index();
    if (skills == nullptr) return std::nullopt;
    // The same confidence the vacancy import trusts; below it the person's words are kept as they are.
    const matcher::ResolveOptions options{
        .top_n = 1, .threshold = db::kCatalogResolveThreshold, .kind = matcher::ConceptKind::occupation};
    const auto found = skills->resolve(typed, store_lang(lang), options);
    if (found.empty()) return std::nullopt;
    return found.front().concept_id;
}

std::vector<SkillSuggestion> SqliteCatalogSource::suggest(std::string_view typed, std::string_view lang) {
    const matcher::SkillIndex* skills = index();
    if (skills == nullptr) return {};
    matcher::AutocompleteOptions options;
    options.top_n = 6;
    options.kind = matcher::ConceptKind::skill;
    std::vector<SkillSuggestion> out;
    for (const auto& s : skills->autocomplete(typed, store_lang(lang), options)) {
        const CatalogSkillView* known = last_.skill(s.concept_id);
        out.push_back({s.concept_id, known != nullptr ? known->label : s.matched_label, s.german_label});
    }
    return out;
}

std::optional<bool> SqliteCatalogSource::postcode_known(std::string_view postcode) {
    try {
        db::Statement count(store_.connection(), kPostcodeCountSql);
        if (!count.step() || count.column_int(0) == 0) return std::nullopt;
        db::Statement find(store_.connection(), kPostcodeSql);
        find.bind(1, postcode);
        return find.step() && find.column_int(0) > 0;
    } catch (const db::Error&) {
        return std::nullopt;
    }
}

std::vector<VacancyTip> SqliteVacancyFinder::best_reachable(std::string_view resume_code, std::size_t count) {
    // Unreachable ones (too far, licence missing) are skipped, so ask for a few more than needed.
    constexpr std::size_t kCandidatesToExplain = 20;
    auto entries = db::catalog_label_entries(store_);
    if (!entries) return {};
    std::optional<matcher::SkillIndex> index;
    if (!entries->empty()) index.emplace(*entries);
    const auto today = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
    auto data = db::load_match_data(store_, index ? &*index : nullptr, today);
    if (!data) return {};
    const auto it = std::find_if(data->candidates.begin(), data->candidates.end(),
                                 [&](const matcher::Candidate& c) { return c.ref == resume_code; });
    if (it == data->candidates.end()) return {};
    const matcher::Scorer scorer(data->catalog.graph, matcher::trigram_dice);
    const matcher::MatchIndex match_index(scorer, data->vacancies, data->candidates);
    std::vector<VacancyTip> tips;
    for (const auto& match : match_index.vacancies_for(*it, today, kCandidatesToExplain)) {
        const matcher::Vacancy& v = data->vacancies[match.vacancy];
        const auto e = matcher::explain(match, *it, v);
        if (!e.reachable || !e.blockers.empty()) continue;
        tips.push_back({v.title, v.employer, e.distance_km ? static_cast<int>(std::lround(*e.distance_km)) : -1,
                        static_cast<int>(e.matched.size())});
        if (tips.size() == count) break;
    }
    return tips;
}

db::Result<std::size_t> purge_stale_drafts(db::Store& store, db::TimePoint now) {
    const auto days = db::configured_draft_days(store);
    if (!days) return db::Result<std::size_t>::fail(days.error());
    const db::PurgeOptions options{.inactive_before = std::nullopt,
                                   .drafts_before = now - std::chrono::days(days->value_or(kDefaultDraftDays)),
                                   .dry_run = false,
                                   .actor = "kiosk"};
    const auto purged = db::purge_candidates(store, options, now);
    if (!purged) return db::Result<std::size_t>::fail(purged.error());
    return db::Result<std::size_t>::ok(purged->size());
}

}  // namespace kk::kiosk
