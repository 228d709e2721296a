#include "db/catalog.hpp"

#include <nlohmann/json.hpp>

#include <functional>
#include <set>
#include <unordered_map>

#include "i18n/languages.hpp"

namespace kk::db {
namespace {

using nlohmann::json;

constexpr char kFingerprintKey[] = "catalog_fingerprint";

constexpr char kSelectMetaSql[] = "SELECT value FROM app_meta WHERE key = ?";
constexpr char kUpsertMetaSql[] =
    "INSERT INTO app_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value";

constexpr char kUpsertCategorySql[] =
    "INSERT INTO catalog_categories (code, icon, codepoint, position) VALUES (?, ?, ?, ?) "
    "ON CONFLICT (code) DO UPDATE SET icon = excluded.icon, codepoint = excluded.codepoint, "
    "position = excluded.position RETURNING id";

constexpr char kFindSkillSql[] = "SELECT id FROM skills WHERE code = ? OR (? <> '' AND esco_uri = ?) ORDER BY code = ? DESC, id LIMIT 1";
constexpr char kInsertSkillSql[] = "INSERT INTO skills (code, esco_uri) VALUES (?, ?) RETURNING id";
constexpr char kUpdateSkillSql[] = "UPDATE skills SET code = ?, esco_uri = ? WHERE id = ?";
constexpr char kSetBroaderSql[] = "UPDATE skills SET broader_skill_id = ? WHERE id = ?";

constexpr char kFindOccupationSql[] =
    "SELECT id FROM occupations WHERE code = ? OR (? <> '' AND esco_uri = ?) ORDER BY code = ? DESC, id LIMIT 1";
constexpr char kInsertOccupationSql[] =
    "INSERT INTO occupations (code, esco_uri, category_id, icon, codepoint, regulated) VALUES (?, ?, ?, ?, ?, ?) "
    "RETURNING id";
constexpr char kUpdateOccupationSql[] =
    "UPDATE occupations SET code = ?, esco_uri = ?, category_id = ?, icon = ?, codepoint = ?, regulated = ? "
    "WHERE id = ?";
constexpr char kUpsertRelationSql[] =
    "INSERT INTO occupation_skills (occupation_id, skill_id, relation) VALUES (?, ?, ?) "
    "ON CONFLICT (occupation_id, skill_id) DO UPDATE SET relation = excluded.relation";

constexpr char kUpsertCategoryLabelSql[] =
    "INSERT INTO category_labels (category_id, language, preferred, synonyms, reviewed) VALUES (?, ?, ?, ?, ?) "
    "ON CONFLICT (category_id, language) DO UPDATE SET preferred = excluded.preferred, "
    "synonyms = excluded.synonyms, reviewed = excluded.reviewed";
constexpr char kUpsertOccupationLabelSql[] =
    "INSERT INTO occupation_labels (occupation_id, language, preferred, synonyms, reviewed) VALUES (?, ?, ?, ?, ?) "
    "ON CONFLICT (occupation_id, language) DO UPDATE SET preferred = excluded.preferred, "
    "synonyms = excluded.synonyms, reviewed = excluded.reviewed";
constexpr char kSetRecognitionNoteSql[] =
    "UPDATE occupation_labels SET recognition_note = ? WHERE occupation_id = ? AND language = ?";
constexpr char kUpsertSkillLabelSql[] =
    "INSERT INTO skill_labels (skill_id, language, preferred, synonyms, reviewed) VALUES (?, ?, ?, ?, ?) "
    "ON CONFLICT (skill_id, language) DO UPDATE SET preferred = excluded.preferred, "
    "synonyms = excluded.synonyms, reviewed = excluded.reviewed";

constexpr char kSkillLabelEntriesSql[] =
    "SELECT s.code, l.language, l.preferred, l.synonyms FROM skill_labels AS l "
    "JOIN skills AS s ON s.id = l.skill_id WHERE s.skill_type <> 'skill group' ORDER BY s.code, l.language";
constexpr char kOccupationLabelEntriesSql[] =
    "SELECT o.code, l.language, l.preferred, l.synonyms FROM occupation_labels AS l "
    "JOIN occupations AS o ON o.id = l.occupation_id ORDER BY o.code, l.language";

constexpr char kCountsSql[] =
    "SELECT (SELECT count(*) FROM catalog_categories), (SELECT count(*) FROM occupations), "
    "(SELECT count(*) FROM skills), (SELECT count(*) FROM occupation_skills)";
constexpr char kLanguageStatsSql[] =
    "SELECT language, sum(kind = 'occupation'), sum(kind = 'skill'), sum(json_array_length(synonyms)), "
    "sum(reviewed) FROM ("
    " SELECT 'occupation' AS kind, language, synonyms, reviewed FROM occupation_labels"
    " UNION ALL SELECT 'skill', language, synonyms, reviewed FROM skill_labels"
    ") GROUP BY language ORDER BY language";

std::string text_of(const json& object, const char* key) {
    const auto it = object.find(key);
    return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::vector<std::string> strings_of(const json& object, const char* key) {
    std::vector<std::string> out;
    if (const auto it = object.find(key); it != object.end() && it->is_array()) {
        for (const auto& v : *it) {
            if (v.is_string()) out.push_back(v.get<std::string>());
        }
    }
    return out;
}

std::int64_t single_id(Statement& statement) {
    const std::int64_t id = statement.step() ? statement.column_int(0) : 0;
    statement.reset();
    return id;
}

// FNV-1a over the catalog JSON and every label: changes when either changes.
std::string fingerprint(std::string_view json_text, const CatalogLabelsByLanguage& labels) {
    std::uint64_t h = 1469598103934665603ULL;
    auto add = [&h](std::string_view s) {
        for (char c : s) {
            h ^= static_cast<unsigned char>(c);
            h *= 1099511628211ULL;
        }
        h ^= 0xFF;
        h *= 1099511628211ULL;
    };
    add(json_text);
    for (const auto& [lang, list] : labels) {
        add(lang);
        for (const auto& l : list) {
            add(l.id);
            add(l.label);
            for (const auto& s : l.synonyms) add(s);
            add(l.reviewed ? "r" : "u");
        }
    }
    char buffer[17];
    std::snprintf(buffer, sizeof buffer, "%016llx", static_cast<unsigned long long>(h));
    return buffer;
}

}  // namespace

Result<CatalogStructure> parse_catalog_structure(std::string_view text) {
    const json doc = json::parse(text, nullptr, false);
    if (doc.is_discarded() || !doc.is_object()) return Result<CatalogStructure>::fail("catalog: not valid JSON");
    CatalogStructure s;
    for (const auto& c : doc.value("categories", json::array())) {
        s.categories.push_back({text_of(c, "id"), text_of(c, "icon"), text_of(c, "codepoint")});
    }
    for (const auto& k : doc.value("skills", json::array())) {
        s.skills.push_back({text_of(k, "id"), text_of(k, "esco"), text_of(k, "broader")});
    }
    for (const auto& o : doc.value("occupations", json::array())) {
        CatalogOccupation occ;
        occ.code = text_of(o, "id");
        occ.category = text_of(o, "category");
        occ.icon = text_of(o, "icon");
        occ.codepoint = text_of(o, "codepoint");
        occ.esco_uri = text_of(o, "esco");
        occ.regulated = o.value("regulated", false);
        occ.essential = strings_of(o, "essential");
        occ.optional = strings_of(o, "optional");
        s.occupations.push_back(std::move(occ));
    }

    auto fail = [](std::string message) { return Result<CatalogStructure>::fail("catalog: " + message); };
    std::set<std::string> categories, skills, occupations;
    for (const auto& c : s.categories) {
        if (c.code.empty() || !categories.insert(c.code).second) return fail("empty or repeated category '" + c.code + "'");
    }
    std::unordered_map<std::string, std::string> broader;
    for (const auto& k : s.skills) {
        if (k.code.empty() || !skills.insert(k.code).second) return fail("empty or repeated skill '" + k.code + "'");
        broader[k.code] = k.broader;
    }
    for (const auto& k : s.skills) {
        if (!k.broader.empty() && !skills.count(k.broader)) return fail("skill '" + k.code + "' has unknown broader '" + k.broader + "'");
        std::string at = k.code;
        for (std::size_t steps = 0; !at.empty(); ++steps) {
            if (steps > skills.size()) return fail("broader skills form a cycle at '" + k.code + "'");
            at = broader[at];
        }
    }
    for (const auto& o : s.occupations) {
        if (o.code.empty() || !occupations.insert(o.code).second) return fail("empty or repeated occupation '" + o.code + "'");
        if (!categories.count(o.category)) return fail("occupation '" + o.code + "' has unknown category '" + o.category + "'");
        for (const auto* list : {&o.essential, &o.optional}) {
            for (const auto& k : *list) {
                if (!skills.count(k)) return fail("occupation '" + o.code + "' names unknown skill '" + k + "'");
            }
        }
    }
    if (s.occupations.empty() || s.skills.empty()) return fail("no occupations or no skills");
    return Result<CatalogStructure>::ok(std::move(s));
}

CatalogLabelsByLanguage read_shipped_labels(const std::filesystem::path& bundle_dir) {
    CatalogLabelsByLanguage labels;
    labels["en"] = i18n::read_catalog_labels(bundle_dir, "root");
    for (auto lang : i18n::ui_languages()) {
        if (lang == "en") continue;
        auto list = i18n::read_catalog_labels(bundle_dir, std::string(lang));
        if (!list.empty()) labels[std::string(lang)] = std::move(list);
    }
    return labels;
}

Result<CatalogLoadReport> load_catalog(Store& store, const CatalogStructure& s, const CatalogLabelsByLanguage& labels) {
    try {
        Connection& c = store.connection();
        Transaction transaction(c);
        CatalogLoadReport report;
        report.loaded = true;

        std::unordered_map<std::string, std::int64_t> category_ids, skill_ids, occupation_ids;
        Statement upsert_category(c, kUpsertCategorySql);
        for (std::size_t i = 0; i < s.categories.size(); ++i) {
            const auto& cat = s.categories[i];
            upsert_category.bind(1, cat.code).bind(2, cat.icon).bind(3, cat.codepoint).bind(4, static_cast<std::int64_t>(i));
            category_ids[cat.code] = single_id(upsert_category);
            ++report.categories;
        }

        Statement find_skill(c, kFindSkillSql), insert_skill(c, kInsertSkillSql), update_skill(c, kUpdateSkillSql);
        auto optional_uri = [](const std::string& uri) { return uri.empty() ? std::optional<std::string>() : uri; };
        for (const auto& k : s.skills) {
            find_skill.bind(1, k.code).bind(2, k.esco_uri).bind(3, k.esco_uri).bind(4, k.code);
            std::int64_t id = single_id(find_skill);
            if (id == 0) {
                insert_skill.bind(1, k.code).bind(2, optional_uri(k.esco_uri));
                id = single_id(insert_skill);
            } else {
                update_skill.bind(1, k.code).bind(2, optional_uri(k.esco_uri)).bind(3, id).run();
            }
            skill_ids[k.code] = id;
            ++report.skills;
        }
        Statement set_broader(c, kSetBroaderSql);
        for (const auto& k : s.skills) {
            if (k.broader.empty()) {
                set_broader.bind_null(1);
            } else {
                set_broader.bind(1, skill_ids.at(k.broader));
            }
            set_broader.bind(2, skill_ids.at(k.code)).run();
        }

        Statement find_occ(c, kFindOccupationSql), insert_occ(c, kInsertOccupationSql), update_occ(c, kUpdateOccupationSql);
        Statement upsert_relation(c, kUpsertRelationSql);
        for (const auto& o : s.occupations) {
            find_occ.bind(1, o.code).bind(2, o.esco_uri).bind(3, o.esco_uri).bind(4, o.code);
            std::int64_t id = single_id(find_occ);
            const std::int64_t category = category_ids.at(o.category);
            const std::int64_t regulated = o.regulated ? 1 : 0;
            if (id == 0) {
                insert_occ.bind(1, o.code).bind(2, optional_uri(o.esco_uri)).bind(3, category).bind(4, o.icon)
                    .bind(5, o.codepoint).bind(6, regulated);
                id = single_id(insert_occ);
            } else {
                update_occ.bind(1, o.code).bind(2, optional_uri(o.esco_uri)).bind(3, category).bind(4, o.icon)
                    .bind(5, o.codepoint).bind(6, regulated).bind(7, id).run();
            }
            occupation_ids[o.code] = id;
            ++report.occupations;
            for (const auto& [list, relation] : {std::pair{&o.essential, "essential"}, std::pair{&o.optional, "optional"}}) {
                for (const auto& k : *list) {
                    upsert_relation.bind(1, id).bind(2, skill_ids.at(k)).bind(3, relation).run();
                    ++report.relations;
                }
            }
        }

        Statement category_label(c, kUpsertCategoryLabelSql), occupation_label(c, kUpsertOccupationLabelSql),
            skill_label(c, kUpsertSkillLabelSql), recognition(c, kSetRecognitionNoteSql);
        for (const auto& [lang, list] : labels) {
            for (const auto& l : list) {
                const std::string synonyms = json(l.synonyms).dump();
                const std::int64_t reviewed = l.reviewed ? 1 : 0;
                auto upsert = [&](Statement& st, const std::unordered_map<std::string, std::int64_t>& ids) {
                    const auto it = ids.find(l.id);
                    if (it == ids.end()) return;  // a label for an entry the structure no longer has
                    st.bind(1, it->second).bind(2, lang).bind(3, l.label).bind(4, synonyms).bind(5, reviewed).run();
                    ++report.labels;
                };
                switch (l.kind) {
                    case i18n::CatalogKind::Category: upsert(category_label, category_ids); break;
                    case i18n::CatalogKind::Occupation: upsert(occupation_label, occupation_ids); break;
                    case i18n::CatalogKind::Skill: upsert(skill_label, skill_ids); break;
                    case i18n::CatalogKind::Recognition: break;  // after the occupation labels exist
                }
            }
            for (const auto& l : list) {
                if (l.kind != i18n::CatalogKind::Recognition) continue;
                if (const auto it = occupation_ids.find(l.id); it != occupation_ids.end()) {
                    recognition.bind(1, l.label).bind(2, it->second).bind(3, lang).run();
                }
            }
        }
        transaction.commit();
        return Result<CatalogLoadReport>::ok(report);
    } catch (const Error& e) {
        return Result<CatalogLoadReport>::fail(std::string("catalog: ") + e.what());
    }
}

Result<CatalogLoadReport> ensure_shipped_catalog(Store& store, const std::filesystem::path& bundle_dir) {
    auto structure = parse_catalog_structure(shipped_catalog_json());
    if (!structure) return Result<CatalogLoadReport>::fail(structure.error());
    const CatalogLabelsByLanguage labels = read_shipped_labels(bundle_dir);
    if (labels.empty() || labels.begin()->second.empty()) {
        return Result<CatalogLoadReport>::fail("catalog: no labels found in " + bundle_dir.string());
    }
    const std::string print = fingerprint(shipped_catalog_json(), labels);
    try {
        Statement select(store.connection(), kSelectMetaSql);
        select.bind(1, kFingerprintKey);
        if (select.step() && select.column_text(0) == print) return Result<CatalogLoadReport>::ok({});
    } catch (const Error& e) {
        return Result<CatalogLoadReport>::fail(std::string("catalog: ") + e.what());
    }
    auto report = load_catalog(store, *structure, labels);
    if (!report) return report;
    try {
        Statement upsert(store.connection(), kUpsertMetaSql);
        upsert.bind(1, kFingerprintKey).bind(2, print).run();
    } catch (const Error& e) {
        return Result<CatalogLoadReport>::fail(std::string("catalog: ") + e.what());
    }
    return report;
}

Result<std::vector<matcher::LabelEntry>> catalog_label_entries(Store& store) {
    try {
        std::vector<matcher::LabelEntry> entries;
        for (const auto& [sql, kind] : {std::pair{kSkillLabelEntriesSql, matcher::ConceptKind::skill},
                                        std::pair{kOccupationLabelEntriesSql, matcher::ConceptKind::occupation}}) {
            Statement select(store.connection(), sql);
            while (select.step()) {
                const std::string code = select.column_text(0);
                const std::string lang = select.column_text(1);
                entries.push_back({code, lang, select.column_text(2), true, kind});
                const json synonyms = json::parse(select.column_text(3), nullptr, false);
                if (!synonyms.is_array()) continue;
                for (const auto& s : synonyms) {
                    if (s.is_string()) entries.push_back({code, lang, s.get<std::string>(), false, kind});
                }
            }
        }
        return Result<std::vector<matcher::LabelEntry>>::ok(std::move(entries));
    } catch (const Error& e) {
        return Result<std::vector<matcher::LabelEntry>>::fail(std::string("catalog: ") + e.what());
    }
}

Result<CatalogStats> catalog_stats(Store& store) {
    try {
        CatalogStats stats;
        Statement counts(store.connection(), kCountsSql);
        if (counts.step()) {
            stats.categories = static_cast<int>(counts.column_int(0));
            stats.occupations = static_cast<int>(counts.column_int(1));
            stats.skills = static_cast<int>(counts.column_int(2));
            stats.relations = static_cast<int>(counts.column_int(3));
        }
        Statement per_language(store.connection(), kLanguageStatsSql);
        while (per_language.step()) {
            stats.languages.push_back({per_language.column_text(0), static_cast<int>(per_language.column_int(1)),
                                       static_cast<int>(per_language.column_int(2)),
                                       static_cast<int>(per_language.column_int(3)),
                                       static_cast<int>(per_language.column_int(4))});
        }
        return Result<CatalogStats>::ok(std::move(stats));
    } catch (const Error& e) {
        return Result<CatalogStats>::fail(std::string("catalog: ") + e.what());
    }
}

}  // namespace kk::db
