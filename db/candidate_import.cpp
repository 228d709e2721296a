#include "db/candidate_import.hpp"
#include "db/timestamps.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <ctime>
#include <fstream>
#include <set>

#include "db/catalog.hpp"

namespace kk::db {
namespace {

using nlohmann::json;

constexpr std::size_t kMaxListedRejections = 1000;

constexpr char kSkillByUriSql[] = "SELECT code FROM skills WHERE esco_uri = ?";
constexpr char kSkillByCodeSql[] = "SELECT code FROM skills WHERE code = ?";

const std::set<std::string, std::less<>> kLicenceClasses = {"AM", "A1", "A2", "A",  "B",  "BE", "C1", "C1E", "C",
                                                           "CE", "D1", "D1E", "D", "DE", "L",  "T"};
const std::set<std::string, std::less<>> kLevels = {"A1", "A2", "B1", "B2", "C1", "C2", "native"};

// A problem with the line: becomes its rejection reason.
struct LineError {
    std::string reason;
};

std::string utc_now() { return utc_timestamp(std::chrono::system_clock::now()); }

std::string string_field(const json& object, const char* name, const std::string& fallback = {}) {
    const auto it = object.find(name);
    if (it == object.end() || it->is_null()) return fallback;
    if (!it->is_string()) throw LineError{std::string("'") + name + "' must be a string"};
    return it->get<std::string>();
}

const json* array_field(const json& object, const char* name) {
    const auto it = object.find(name);
    if (it == object.end() || it->is_null()) return nullptr;
    if (!it->is_array()) throw LineError{std::string("'") + name + "' must be an array"};
    return &*it;
}

bool is_month(const std::string& s) {
    return s.size() == 7 && std::isdigit(static_cast<unsigned char>(s[0])) && s[4] == '-' &&
           std::all_of(s.begin(), s.begin() + 4, [](char c) { return c >= '0' && c <= '9'; }) &&
           ((s[5] == '0' && s[6] >= '1' && s[6] <= '9') || (s[5] == '1' && s[6] >= '0' && s[6] <= '2'));
}

bool is_date(const std::string& s) {
    return s.size() == 10 && is_month(s.substr(0, 7)) && s[7] == '-' && std::isdigit(static_cast<unsigned char>(s[8])) &&
           std::isdigit(static_cast<unsigned char>(s[9])) && s.substr(8) >= "01" && s.substr(8) <= "31";
}

std::string hours_code(const std::string& value) {
    if (value == "full_time") return "full_time";
    if (value == "part_time") return "part_time";
    if (value == "minijob" || value == "mini_job") return "minijob";
    if (value == "shift" || value == "shifts") return "shift";
    throw LineError{"availability '" + value + "' is not full_time, part_time, shifts or mini_job"};
}

std::optional<std::string> resolve(const matcher::SkillIndex* index, const std::string& text, const std::string& lang,
                                   matcher::ConceptKind kind) {
    if (index == nullptr || text.empty()) return std::nullopt;
    const auto found = index->resolve(text, lang, {.top_n = 1, .threshold = kCandidateResolveThreshold, .kind = kind});
    if (found.empty()) return std::nullopt;
    return found.front().concept_id;
}

std::optional<std::string> lookup_code(Store& store, const char* sql, const std::string& key) {
    Statement select(store.connection(), sql);
    select.bind(1, key);
    if (!select.step()) return std::nullopt;
    return select.column_text(0);
}

CandidateRecord parse(const json& j, const matcher::SkillIndex* index, Store& store, const std::string& now,
                      int& resolved, int& unresolved) {
    if (!j.is_object()) throw LineError{"the line is not a JSON object"};
    CandidateRecord r;
    r.resume_code = string_field(j, "ref");
    if (r.resume_code.empty()) throw LineError{"'ref' is missing"};
    r.ui_language = string_field(j, "ui_lang", "de");
    r.given_name = string_field(j, "given_name");
    r.family_name = string_field(j, "family_name");
    if (const auto it = j.find("postcode"); it != j.end() && !it->is_null()) {
        const std::string postcode = it->is_string() ? it->get<std::string>() : it->dump();
        if (postcode.size() != 5 || !std::all_of(postcode.begin(), postcode.end(), [](char c) { return c >= '0' && c <= '9'; })) {
            throw LineError{"'postcode' must be 5 digits"};
        }
        r.postcode = postcode;
    }
    if (const auto it = j.find("max_commute_km"); it != j.end() && !it->is_null()) {
        if (!it->is_number() || it->get<double>() < 0 || it->get<double>() > 1000) {
            throw LineError{"'max_commute_km' must be a number from 0 to 1000"};
        }
        r.max_commute_km = static_cast<int>(it->get<double>() + 0.5);
    }
    if (const json* mobility = array_field(j, "mobility")) {
        for (const auto& m : *mobility) {
            const std::string value = m.is_string() ? m.get<std::string>() : m.dump();
            if (value == "car") {
                r.car = true;
            } else if (value == "public_transport") {
                r.public_transport = true;
            } else if (value == "bike") {
                r.bike = true;
            } else {
                throw LineError{"mobility '" + value + "' is not car, public_transport or bike"};
            }
        }
    }
    if (const json* licences = array_field(j, "driving_licence")) {
        for (const auto& l : *licences) {
            const std::string value = l.is_string() ? l.get<std::string>() : l.dump();
            if (kLicenceClasses.count(value) == 0) throw LineError{"driving licence class '" + value + "' is unknown"};
            if (std::find(r.licence_classes.begin(), r.licence_classes.end(), value) == r.licence_classes.end()) {
                r.licence_classes.push_back(value);
            }
        }
    }
    if (const auto it = j.find("foreign_licence_only"); it != j.end() && !it->is_null()) {
        if (!it->is_boolean()) throw LineError{"'foreign_licence_only' must be true or false"};
        r.foreign_licence_unconverted = it->get<bool>();
    }
    if (const json* languages = array_field(j, "languages")) {
        for (const auto& l : *languages) {
            if (!l.is_object()) throw LineError{"each language must be {\"code\": ..., \"level\": ...}"};
            CandidateLanguageEntry entry{string_field(l, "code"), string_field(l, "level")};
            if (entry.language.empty()) throw LineError{"a language has no 'code'"};
            if (kLevels.count(entry.level) == 0) {
                throw LineError{"language level '" + entry.level + "' is not native or A1..C2"};
            }
            r.languages.push_back(std::move(entry));
        }
    }
    if (const json* skills = array_field(j, "skills")) {
        for (const auto& s : *skills) {
            if (!s.is_object()) throw LineError{"each skill must be an object with text, uri or id"};
            CandidateSkillEntry entry;
            entry.language = string_field(s, "lang", r.ui_language);
            if (s.contains("id")) {
                const std::string id = string_field(s, "id");
                entry.skill_code = lookup_code(store, kSkillByCodeSql, id);
                if (!entry.skill_code) throw LineError{"skill id '" + id + "' is not in the catalog"};
            } else if (s.contains("uri")) {
                const std::string uri = string_field(s, "uri");
                entry.skill_code = lookup_code(store, kSkillByUriSql, uri);
                if (!entry.skill_code) throw LineError{"skill URI '" + uri + "' is not in the catalog"};
            } else if (s.contains("text")) {
                const std::string text = string_field(s, "text");
                if (text.empty()) throw LineError{"a skill has an empty 'text'"};
                entry.free_text = text;
                entry.skill_code = resolve(index, text, entry.language, matcher::ConceptKind::skill);
                ++(entry.skill_code ? resolved : unresolved);
            } else {
                throw LineError{"a skill needs 'text', 'uri' or 'id'"};
            }
            if (std::find(r.skills.begin(), r.skills.end(), entry) == r.skills.end()) r.skills.push_back(std::move(entry));
        }
    }
    if (const json* experience = array_field(j, "experience")) {
        for (const auto& e : *experience) {
            if (!e.is_object()) throw LineError{"each experience must be an object"};
            CandidateExperience x;
            x.title = string_field(e, "title");
            if (x.title.empty()) throw LineError{"an experience has no 'title'"};
            x.language = string_field(e, "lang", r.ui_language);
            x.employer = string_field(e, "employer");
            x.country = string_field(e, "country");
            const std::string from = string_field(e, "from");
            const std::string to = string_field(e, "to");
            if (!from.empty() && !is_month(from)) throw LineError{"experience 'from' '" + from + "' is not YYYY-MM"};
            if (!to.empty() && !is_month(to)) throw LineError{"experience 'to' '" + to + "' is not YYYY-MM"};
            if (!from.empty() && !to.empty() && to < from) throw LineError{"experience ends before it starts"};
            if (!from.empty()) x.start_month = from;
            if (!to.empty()) x.end_month = to;
            x.is_current = to.empty() && !from.empty();
            x.occupation_code = resolve(index, x.title, x.language, matcher::ConceptKind::occupation);
            r.experiences.push_back(std::move(x));
        }
    }
    if (const auto it = j.find("availability"); it != j.end() && !it->is_null()) {
        auto add_hours = [&](const json& value) {
            if (!value.is_string()) throw LineError{"'availability' hours must be strings"};
            const std::string code = hours_code(value.get<std::string>());
            if (std::find(r.hours.begin(), r.hours.end(), code) == r.hours.end()) r.hours.push_back(code);
        };
        if (it->is_string()) {
            add_hours(*it);
        } else if (it->is_array()) {
            for (const auto& h : *it) add_hours(h);
        } else if (it->is_object()) {
            const std::string from = string_field(*it, "from");
            if (!from.empty() && !is_date(from)) throw LineError{"availability 'from' '" + from + "' is not YYYY-MM-DD"};
            if (!from.empty()) r.available_from = from;
            if (const json* hours = array_field(*it, "hours")) {
                for (const auto& h : *hours) add_hours(h);
            }
        } else {
            throw LineError{"'availability' must be a string, an array or an object"};
        }
        r.shift_work = std::find(r.hours.begin(), r.hours.end(), "shift") != r.hours.end();
    }
    // The source system collected consent; without its details the import's time and version stand for it.
    r.consent_at = now;
    r.consent_text_version = "import";
    r.consent_language = r.ui_language;
    if (const auto it = j.find("consent"); it != j.end() && !it->is_null()) {
        if (!it->is_object()) throw LineError{"'consent' must be an object {at, version, language}"};
        r.consent_at = string_field(*it, "at", now);
        r.consent_text_version = string_field(*it, "version", "import");
        r.consent_language = string_field(*it, "language", r.ui_language);
    }
    r.status = r.skills.empty() && r.experiences.empty() ? "incomplete" : "complete";
    return r;
}

}  // namespace

int candidate_import_exit_code(const CandidateImportReport& report) {
    if (!report.file_errors.empty()) return 2;
    if (report.rejected == 0) return report.read == 0 ? 2 : 0;
    return report.inserted + report.updated + report.unchanged > 0 ? 3 : 2;
}

Result<CandidateRecord> parse_candidate_line(std::string_view line, const matcher::SkillIndex* index, Store& store,
                                             const std::string& now, int& resolved, int& unresolved) {
    const json j = json::parse(line, nullptr, false);
    if (j.is_discarded()) return Result<CandidateRecord>::fail("not valid JSON");
    try {
        return Result<CandidateRecord>::ok(parse(j, index, store, now, resolved, unresolved));
    } catch (const LineError& e) {
        return Result<CandidateRecord>::fail(e.reason);
    } catch (const json::exception& e) {
        return Result<CandidateRecord>::fail(std::string("wrong type: ") + e.what());
    } catch (const Error& e) {
        return Result<CandidateRecord>::fail(std::string("database: ") + e.what());
    }
}

Result<CandidateImportReport> import_candidates(Store& store, const std::filesystem::path& file) {
    CandidateImportReport report;
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        report.file_errors.push_back("cannot open " + file.string());
        return Result<CandidateImportReport>::ok(std::move(report));
    }
    auto entries = catalog_label_entries(store);
    if (!entries) return Result<CandidateImportReport>::fail(entries.error());
    std::optional<matcher::SkillIndex> index;
    if (!entries->empty()) index.emplace(*entries);
    const std::string now = utc_now();
    try {
        Transaction transaction(store.connection());
        std::set<std::string> seen;
        std::string line;
        std::uint64_t number = 0;
        auto reject = [&](std::string reason) {
            ++report.rejected;
            if (report.rejections.size() < kMaxListedRejections) report.rejections.push_back({number, std::move(reason)});
        };
        while (std::getline(in, line)) {
            ++number;
            if (!line.empty() && line.back() == '\r') line.pop_back();
            if (number == 1 && line.rfind("\xEF\xBB\xBF", 0) == 0) line.erase(0, 3);
            if (line.find_first_not_of(" \t") == std::string::npos) continue;
            ++report.read;
            int resolved = 0, unresolved = 0;
            auto record = parse_candidate_line(line, index ? &*index : nullptr, store, now, resolved, unresolved);
            if (!record) {
                reject(record.error());
                continue;
            }
            if (!seen.insert(record->resume_code).second) {
                reject("ref '" + record->resume_code + "' appears earlier in the file");
                continue;
            }
            // Without consent details in the line, a re-import keeps the consent already on record.
            if (record->consent_at == now) {
                if (auto stored = load_candidate(store, record->resume_code); stored && *stored) {
                    record->consent_at = (*stored)->consent_at;
                    record->consent_text_version = (*stored)->consent_text_version;
                    record->consent_language = (*stored)->consent_language;
                }
            }
            report.skills_resolved += static_cast<std::uint64_t>(resolved);
            report.skills_unresolved += static_cast<std::uint64_t>(unresolved);
            switch (upsert_candidate_in(store.connection(), *record, now)) {
                case UpsertOutcome::inserted: ++report.inserted; break;
                case UpsertOutcome::updated: ++report.updated; break;
                case UpsertOutcome::unchanged: ++report.unchanged; break;
            }
        }
        if (in.bad()) {
            report.file_errors.push_back("read error in " + file.string());
            return Result<CandidateImportReport>::ok(std::move(report));
        }
        if (report.read == 0) {
            report.file_errors.push_back("no candidate lines in the file");
            return Result<CandidateImportReport>::ok(std::move(report));
        }
        transaction.commit();
        report.committed = true;
    } catch (const Error& e) {
        return Result<CandidateImportReport>::fail(std::string("candidates: ") + e.what());
    }
    return Result<CandidateImportReport>::ok(std::move(report));
}

}  // namespace kk::db
