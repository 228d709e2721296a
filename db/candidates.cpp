#include "db/candidates.hpp"
#include "db/timestamps.hpp"

#include <algorithm>
#include <ctime>
#include <sstream>

namespace kk::db {
namespace {

constexpr char kSelectCandidateIdSql[] = "SELECT id FROM candidates WHERE resume_code = ?";
constexpr char kInsertCandidateSql[] =
    "INSERT INTO candidates (resume_code, status, ui_language, given_name, family_name, birth_date, nationality, "
    "phone, email, street, postcode, city, consent_at, consent_text_version, consent_language, created_at, "
    "updated_at, name_own, draft_step) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
    "RETURNING id";
constexpr char kUpdateCandidateSql[] =
    "UPDATE candidates SET status = ?, ui_language = ?, given_name = ?, family_name = ?, birth_date = ?, "
    "nationality = ?, phone = ?, email = ?, street = ?, postcode = ?, city = ?, consent_at = ?, "
    "consent_text_version = ?, consent_language = ?, updated_at = ?, name_own = ?, draft_step = ? WHERE id = ?";
constexpr char kSelectCandidateSql[] =
    "SELECT id, resume_code, status, ui_language, given_name, family_name, birth_date, nationality, phone, email, "
    "street, postcode, city, consent_at, consent_text_version, consent_language, name_own, draft_step "
    "FROM candidates "
    "WHERE resume_code = ?";
constexpr char kSelectCodesSql[] = "SELECT resume_code FROM candidates ORDER BY resume_code";

constexpr char kDeleteExperiencesSql[] = "DELETE FROM work_experiences WHERE candidate_id = ?";
constexpr char kDeleteEducationsSql[] = "DELETE FROM educations WHERE candidate_id = ?";
constexpr char kDeleteLanguagesSql[] = "DELETE FROM candidate_languages WHERE candidate_id = ?";
constexpr char kDeleteSkillsSql[] = "DELETE FROM candidate_skills WHERE candidate_id = ?";
constexpr char kDeleteMobilitySql[] = "DELETE FROM candidate_mobility WHERE candidate_id = ?";
constexpr char kDeleteAvailabilitySql[] = "DELETE FROM candidate_availability WHERE candidate_id = ?";

constexpr char kInsertExperienceSql[] =
    "INSERT INTO work_experiences (candidate_id, position, occupation_id, title, language, employer, city, country, "
    "start_month, end_month, is_current, description, years) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
constexpr char kInsertEducationSql[] =
    "INSERT INTO educations (candidate_id, position, kind, title, language, institution, city, country, start_month, "
    "end_month, completed, recognition, years) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
constexpr char kInsertLanguageSql[] =
    "INSERT INTO candidate_languages (candidate_id, language, level) VALUES (?, ?, ?) "
    "ON CONFLICT (candidate_id, language) DO UPDATE SET level = excluded.level";
constexpr char kInsertSkillSql[] =
    "INSERT INTO candidate_skills (candidate_id, skill_id, free_text, language, source) VALUES (?, ?, ?, ?, ?)";
constexpr char kInsertMobilitySql[] =
    "INSERT INTO candidate_mobility (candidate_id, licence_classes, foreign_licence_unconverted, max_commute_km, "
    "public_transport, car, bike) VALUES (?, ?, ?, ?, ?, ?, ?)";
constexpr char kInsertAvailabilitySql[] =
    "INSERT INTO candidate_availability (candidate_id, available_from, hours, shift_work, weekends) "
    "VALUES (?, ?, ?, ?, ?)";

constexpr char kSelectExperiencesSql[] =
    "SELECT o.code, w.title, w.language, w.employer, w.city, w.country, w.start_month, w.end_month, w.is_current, "
    "w.description, w.years FROM work_experiences w LEFT JOIN occupations o ON o.id = w.occupation_id "
    "WHERE w.candidate_id = ? ORDER BY w.position";
constexpr char kSelectEducationsSql[] =
    "SELECT kind, title, language, institution, city, country, start_month, end_month, completed, recognition, "
    "years FROM educations WHERE candidate_id = ? ORDER BY position";
constexpr char kSelectLanguagesSql[] =
    "SELECT language, level FROM candidate_languages WHERE candidate_id = ? ORDER BY language";
constexpr char kSelectSkillsSql[] =
    "SELECT k.code, s.free_text, s.language, s.source FROM candidate_skills s LEFT JOIN skills k ON k.id = s.skill_id "
    "WHERE s.candidate_id = ? ORDER BY s.id";
constexpr char kSelectMobilitySql[] =
    "SELECT licence_classes, foreign_licence_unconverted, max_commute_km, public_transport, car, bike "
    "FROM candidate_mobility WHERE candidate_id = ?";
constexpr char kSelectAvailabilitySql[] =
    "SELECT available_from, hours, shift_work, weekends FROM candidate_availability WHERE candidate_id = ?";

constexpr char kSkillIdSql[] = "SELECT id FROM skills WHERE code = ?";
constexpr char kOccupationIdSql[] = "SELECT id FROM occupations WHERE code = ?";

std::string utc_now() { return utc_timestamp(std::chrono::system_clock::now()); }

std::string join(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& item : items) out += (out.empty() ? "" : ",") + item;
    return out;
}

std::vector<std::string> split(const std::string& text) {
    std::vector<std::string> out;
    std::stringstream stream(text);
    for (std::string item; std::getline(stream, item, ',');) {
        if (!item.empty()) out.push_back(item);
    }
    return out;
}

std::int64_t code_id(Connection& c, const char* sql, const std::string& code, const char* what) {
    Statement select(c, sql);
    select.bind(1, code);
    if (!select.step()) throw Error(std::string("unknown ") + what + " code '" + code + "'");
    return select.column_int(0);
}

std::optional<int> optional_int(Statement& row, int column) {
    if (row.is_null(column)) return std::nullopt;
    return static_cast<int>(row.column_int(column));
}

CandidateRecord read_candidate(Connection& c, Statement& row) {
    CandidateRecord r;
    const std::int64_t id = row.column_int(0);
    r.resume_code = row.column_text(1);
    r.status = row.column_text(2);
    r.ui_language = row.column_text(3);
    r.given_name = row.column_text(4);
    r.family_name = row.column_text(5);
    r.birth_date = row.column_optional_text(6);
    r.nationality = row.column_text(7);
    r.phone = row.column_text(8);
    r.email = row.column_text(9);
    r.street = row.column_text(10);
    r.postcode = row.column_optional_text(11);
    r.city = row.column_text(12);
    r.consent_at = row.column_text(13);
    r.consent_text_version = row.column_text(14);
    r.consent_language = row.column_text(15);
    r.name_own = row.column_text(16);
    r.draft_step = row.column_optional_text(17);

    Statement experiences(c, kSelectExperiencesSql);
    experiences.bind(1, id);
    while (experiences.step()) {
        r.experiences.push_back({experiences.column_optional_text(0), experiences.column_text(1),
                                 experiences.column_text(2), experiences.column_text(3), experiences.column_text(4),
                                 experiences.column_text(5), experiences.column_optional_text(6),
                                 experiences.column_optional_text(7), experiences.column_int(8) != 0,
                                 experiences.column_text(9), optional_int(experiences, 10)});
    }
    Statement educations(c, kSelectEducationsSql);
    educations.bind(1, id);
    while (educations.step()) {
        r.educations.push_back({educations.column_text(0), educations.column_text(1), educations.column_text(2),
                                educations.column_text(3), educations.column_text(4), educations.column_text(5),
                                educations.column_optional_text(6), educations.column_optional_text(7),
                                educations.column_int(8) != 0, educations.column_text(9),
                                optional_int(educations, 10)});
    }
    Statement languages(c, kSelectLanguagesSql);
    languages.bind(1, id);
    while (languages.step()) r.languages.push_back({languages.column_text(0), languages.column_text(1)});
    Statement skills(c, kSelectSkillsSql);
    skills.bind(1, id);
    while (skills.step()) {
        r.skills.push_back({skills.column_optional_text(0), skills.column_optional_text(1), skills.column_text(2),
                            skills.column_text(3) == "verified"});
    }
    Statement mobility(c, kSelectMobilitySql);
    mobility.bind(1, id);
    if (mobility.step()) {
        r.licence_classes = split(mobility.column_text(0));
        r.foreign_licence_unconverted = mobility.column_int(1) != 0;
        if (!mobility.is_null(2)) r.max_commute_km = static_cast<int>(mobility.column_int(2));
        r.public_transport = mobility.column_int(3) != 0;
        r.car = mobility.column_int(4) != 0;
        r.bike = mobility.column_int(5) != 0;
    }
    Statement availability(c, kSelectAvailabilitySql);
    availability.bind(1, id);
    if (availability.step()) {
        r.available_from = availability.column_optional_text(0);
        r.hours = split(availability.column_text(1));
        r.shift_work = availability.column_int(2) != 0;
        r.weekends = availability.column_int(3) != 0;
    }
    return r;
}

std::optional<CandidateRecord> load_in(Connection& c, std::string_view resume_code) {
    Statement row(c, kSelectCandidateSql);
    row.bind(1, resume_code);
    if (!row.step()) return std::nullopt;
    return read_candidate(c, row);
}

void write_children(Connection& c, std::int64_t id, const CandidateRecord& r) {
    for (const char* sql : {kDeleteExperiencesSql, kDeleteEducationsSql, kDeleteLanguagesSql, kDeleteSkillsSql,
                            kDeleteMobilitySql, kDeleteAvailabilitySql}) {
        Statement(c, sql).bind(1, id).run();
    }
    Statement experience(c, kInsertExperienceSql);
    for (std::size_t i = 0; i < r.experiences.size(); ++i) {
        const auto& e = r.experiences[i];
        experience.bind(1, id).bind(2, static_cast<std::int64_t>(i));
        if (e.occupation_code) {
            experience.bind(3, code_id(c, kOccupationIdSql, *e.occupation_code, "occupation"));
        } else {
            experience.bind_null(3);
        }
        experience.bind(4, e.title).bind(5, e.language).bind(6, e.employer).bind(7, e.city).bind(8, e.country)
            .bind(9, e.start_month).bind(10, e.end_month).bind(11, e.is_current ? 1 : 0).bind(12, e.description)
            .bind(13, e.years).run();
    }
    Statement education(c, kInsertEducationSql);
    for (std::size_t i = 0; i < r.educations.size(); ++i) {
        const auto& e = r.educations[i];
        education.bind(1, id).bind(2, static_cast<std::int64_t>(i)).bind(3, e.kind).bind(4, e.title)
            .bind(5, e.language).bind(6, e.institution).bind(7, e.city).bind(8, e.country).bind(9, e.start_month)
            .bind(10, e.end_month).bind(11, e.completed ? 1 : 0).bind(12, e.recognition).bind(13, e.years).run();
    }
    Statement language(c, kInsertLanguageSql);
    for (const auto& l : r.languages) language.bind(1, id).bind(2, l.language).bind(3, l.level).run();
    Statement skill(c, kInsertSkillSql);
    for (const auto& s : r.skills) {
        if (!s.skill_code && !s.free_text) throw Error("a skill needs a catalog code or text");
        skill.bind(1, id);
        if (s.skill_code) {
            skill.bind(2, code_id(c, kSkillIdSql, *s.skill_code, "skill"));
        } else {
            skill.bind_null(2);
        }
        skill.bind(3, s.free_text).bind(4, s.language).bind(5, s.verified ? "verified" : "self_reported").run();
    }
    Statement(c, kInsertMobilitySql)
        .bind(1, id)
        .bind(2, join(r.licence_classes))
        .bind(3, r.foreign_licence_unconverted ? 1 : 0)
        .bind(4, r.max_commute_km)
        .bind(5, r.public_transport ? 1 : 0)
        .bind(6, r.car ? 1 : 0)
        .bind(7, r.bike ? 1 : 0)
        .run();
    Statement(c, kInsertAvailabilitySql)
        .bind(1, id)
        .bind(2, r.available_from)
        .bind(3, join(r.hours))
        .bind(4, r.shift_work ? 1 : 0)
        .bind(5, r.weekends ? 1 : 0)
        .run();
}

}  // namespace

UpsertOutcome upsert_candidate_in(Connection& c, const CandidateRecord& r, const std::string& now) {
    if (r.resume_code.empty()) throw Error("a candidate needs a resume code");
    if (r.consent_at.empty() || r.consent_text_version.empty() || r.consent_language.empty()) {
        throw Error("a candidate needs consent (time, text version, language)");
    }
    Statement select(c, kSelectCandidateIdSql);
    select.bind(1, r.resume_code);
    if (select.step()) {
        const std::int64_t id = select.column_int(0);
        select.reset();
        // Languages come back sorted by code; compare in that order.
        CandidateRecord wanted = r;
        std::sort(wanted.languages.begin(), wanted.languages.end(),
                  [](const auto& a, const auto& b) { return a.language < b.language; });
        if (load_in(c, r.resume_code) == wanted) return UpsertOutcome::unchanged;
        Statement(c, kUpdateCandidateSql)
            .bind(1, r.status).bind(2, r.ui_language).bind(3, r.given_name).bind(4, r.family_name)
            .bind(5, r.birth_date).bind(6, r.nationality).bind(7, r.phone).bind(8, r.email).bind(9, r.street)
            .bind(10, r.postcode).bind(11, r.city).bind(12, r.consent_at).bind(13, r.consent_text_version)
            .bind(14, r.consent_language).bind(15, now).bind(16, r.name_own).bind(17, r.draft_step).bind(18, id)
            .run();
        write_children(c, id, r);
        return UpsertOutcome::updated;
    }
    Statement insert(c, kInsertCandidateSql);
    insert.bind(1, r.resume_code).bind(2, r.status).bind(3, r.ui_language).bind(4, r.given_name)
        .bind(5, r.family_name).bind(6, r.birth_date).bind(7, r.nationality).bind(8, r.phone).bind(9, r.email)
        .bind(10, r.street).bind(11, r.postcode).bind(12, r.city).bind(13, r.consent_at)
        .bind(14, r.consent_text_version).bind(15, r.consent_language).bind(16, now).bind(17, now)
        .bind(18, r.name_own).bind(19, r.draft_step);
    if (!insert.step()) throw Error("candidate insert returned no id");
    const std::int64_t id = insert.column_int(0);
    insert.reset();
    write_children(c, id, r);
    return UpsertOutcome::inserted;
}

Result<UpsertOutcome> upsert_candidate(Store& store, const CandidateRecord& record) {
    try {
        Transaction transaction(store.connection());
        const UpsertOutcome outcome = upsert_candidate_in(store.connection(), record, utc_now());
        transaction.commit();
        return Result<UpsertOutcome>::ok(outcome);
    } catch (const Error& e) {
        return Result<UpsertOutcome>::fail(std::string("candidate: ") + e.what());
    }
}

Result<std::optional<CandidateRecord>> load_candidate(Store& store, std::string_view resume_code) {
    try {
        return Result<std::optional<CandidateRecord>>::ok(load_in(store.connection(), resume_code));
    } catch (const Error& e) {
        return Result<std::optional<CandidateRecord>>::fail(std::string("candidate: ") + e.what());
    }
}

Result<std::vector<std::string>> list_candidate_codes(Store& store) {
    try {
        std::vector<std::string> codes;
        Statement select(store.connection(), kSelectCodesSql);
        while (select.step()) codes.push_back(select.column_text(0));
        return Result<std::vector<std::string>>::ok(std::move(codes));
    } catch (const Error& e) {
        return Result<std::vector<std::string>>::fail(std::string("candidates: ") + e.what());
    }
}

Result<std::vector<CandidateRecord>> list_candidates(Store& store) {
    auto codes = list_candidate_codes(store);
    if (!codes) return Result<std::vector<CandidateRecord>>::fail(codes.error());
    try {
        std::vector<CandidateRecord> records;
        records.reserve(codes->size());
        for (const auto& code : *codes) {
            if (auto r = load_in(store.connection(), code)) records.push_back(std::move(*r));
        }
        return Result<std::vector<CandidateRecord>>::ok(std::move(records));
    } catch (const Error& e) {
        return Result<std::vector<CandidateRecord>>::fail(std::string("candidates: ") + e.what());
    }
}

std::string generate_resume_code(std::mt19937_64& random) {
    std::uniform_int_distribution<std::size_t> pick(0, kResumeCodeAlphabet.size() - 1);
    std::string code;
    for (int i = 0; i < 8; ++i) {
        if (i == 4) code += '-';
        code += kResumeCodeAlphabet[pick(random)];
    }
    return code;
}

Result<std::string> new_resume_code(Store& store) {
    std::random_device device;
    std::mt19937_64 random((static_cast<std::uint64_t>(device()) << 32) ^ device());
    try {
        Statement select(store.connection(), kSelectCandidateIdSql);
        for (int attempt = 0; attempt < 100; ++attempt) {
            std::string code = generate_resume_code(random);
            select.bind(1, code);
            const bool taken = select.step();
            select.reset();
            if (!taken) return Result<std::string>::ok(std::move(code));
        }
        return Result<std::string>::fail("candidates: no free resume code after 100 attempts");
    } catch (const Error& e) {
        return Result<std::string>::fail(std::string("candidates: ") + e.what());
    }
}

}  // namespace kk::db
