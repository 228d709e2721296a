#include "db/esco_import.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <stdexcept>
#include <unordered_map>
#include <unordered_set>

#include "db/csv/reader.hpp"
#include "db/csv/source.hpp"
#include "db/sqlite.hpp"

namespace kk::db {
namespace {

namespace fs = std::filesystem;

constexpr char kSkillsByUriSql[] =
    "SELECT id, code, esco_uri FROM skills WHERE esco_uri IS NOT NULL ORDER BY id";
constexpr char kOccupationsByUriSql[] =
    "SELECT id, code, esco_uri FROM occupations WHERE esco_uri IS NOT NULL ORDER BY id";
constexpr char kInsertSkillSql[] =
    "INSERT INTO skills (code, esco_uri, skill_type) VALUES (?, ?, ?) RETURNING id";
constexpr char kUpdateSkillTypeSql[] =
    "UPDATE skills SET skill_type = ? WHERE id = ? AND skill_type IS NOT ?";
constexpr char kInsertOccupationSql[] =
    "INSERT INTO occupations (code, esco_uri, isco_code, regulated) VALUES (?, ?, ?, ?) RETURNING id";
constexpr char kUpdateOccupationSql[] =
    "UPDATE occupations SET isco_code = ?, regulated = ? WHERE id = ? AND (isco_code IS NOT ? OR regulated "
    "IS NOT ?)";
constexpr char kInsertSkillLabelSql[] =
    "INSERT INTO skill_labels (skill_id, language, preferred, synonyms, reviewed) VALUES (?, ?, ?, ?, 0) "
    "ON CONFLICT (skill_id, language) DO NOTHING";
constexpr char kRefreshSkillLabelSql[] =
    "UPDATE skill_labels SET preferred = ?, synonyms = ? "
    "WHERE skill_id = ? AND language = ? AND (preferred IS NOT ? OR synonyms IS NOT ?)";
constexpr char kInsertOccupationLabelSql[] =
    "INSERT INTO occupation_labels (occupation_id, language, preferred, synonyms, reviewed) VALUES (?, ?, ?, "
    "?, 0) "
    "ON CONFLICT (occupation_id, language) DO NOTHING";
constexpr char kRefreshOccupationLabelSql[] =
    "UPDATE occupation_labels SET preferred = ?, synonyms = ? "
    "WHERE occupation_id = ? AND language = ? AND (preferred IS NOT ? OR synonyms IS NOT ?)";
constexpr char kUpsertRelationSql[] =
    "INSERT INTO occupation_skills (occupation_id, skill_id, relation) VALUES (?, ?, ?) "
    "ON CONFLICT (occupation_id, skill_id) DO UPDATE SET relation = excluded.relation "
    "WHERE relation IS NOT excluded.relation";
constexpr char kSkillGroupType[] = "skill group";
constexpr char kUpsertSkillRelationSql[] =
    "INSERT INTO skill_relations (skill_id, related_skill_id, relation) VALUES (?, ?, ?) "
    "ON CONFLICT (skill_id, related_skill_id) DO UPDATE SET relation = excluded.relation "
    "WHERE relation <> excluded.relation";
constexpr char kSetBroaderSql[] =
    "UPDATE skills SET broader_skill_id = ? WHERE id = ? AND broader_skill_id IS NOT ?";

class ImportError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

// Processing order: labels before relations, full skill files before collections.
enum class FileKind { skills, collection, skill_groups, occupations, occupation_skills, skill_broader, skill_skill, skipped };

struct EscoFile {
    fs::path path;
    FileKind kind = FileKind::skipped;
    std::string lang;  // empty for the language-independent relation files
};

bool is_language_suffix(std::string_view s) {
    return (s.size() == 2 || s.size() == 3) &&
           std::all_of(s.begin(), s.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

std::optional<EscoFile> classify(const fs::path& path) {
    if (path.extension() != ".csv") return std::nullopt;
    std::string base = path.stem().string();
    std::string lang;
    if (const auto cut = base.rfind('_');
        cut != std::string::npos && is_language_suffix(base.substr(cut + 1))) {
        lang = base.substr(cut + 1);
        base.resize(cut);
    }
    auto ends_with = [&base](std::string_view tail) {
        return base.size() >= tail.size() && base.compare(base.size() - tail.size(), tail.size(), tail) == 0;
    };
    if (base == "skills" && !lang.empty()) return EscoFile{path, FileKind::skills, lang};
    if (base == "occupations" && !lang.empty()) return EscoFile{path, FileKind::occupations, lang};
    if (ends_with("SkillsCollection") && !lang.empty()) return EscoFile{path, FileKind::collection, lang};
    if (base == "occupationSkillRelations") return EscoFile{path, FileKind::occupation_skills, ""};
    if (base == "broaderRelationsSkillPillar") return EscoFile{path, FileKind::skill_broader, ""};
    if (base == "skillSkillRelations") return EscoFile{path, FileKind::skill_skill, ""};
    if (base == "skillsHierarchy" && !lang.empty()) return EscoFile{path, FileKind::skill_groups, lang};
    static const std::set<std::string> kKnownUnused = {"skillGroups",    "broaderRelationsOccPillar",
                                                       "ISCOGroups",     "conceptSchemes",
                                                       "greenShareOcc",  "dictionary"};
    if (kKnownUnused.count(base)) return EscoFile{path, FileKind::skipped, lang};
    return std::nullopt;
}

// Counts the bytes the CSV reader pulls, for the progress bar.
class CountingSource final : public csv::ByteSource {
  public:
    CountingSource(csv::ByteSource& inner, std::uint64_t& counter) : inner_(inner), counter_(counter) {}
    std::optional<std::size_t> read(char* buffer, std::size_t size) override {
        const auto n = inner_.read(buffer, size);
        if (n) counter_ += *n;
        return n;
    }

  private:
    csv::ByteSource& inner_;
    std::uint64_t& counter_;
};

// One CSV row with its columns looked up by header name.
class Row {
  public:
    Row(const std::vector<std::string>& fields, const std::vector<int>& index)
        : fields_(fields), index_(index) {}
    // The field of the i-th requested column; empty when the column is absent or the row is short.
    std::string_view operator[](std::size_t i) const {
        const int at = index_[i];
        return at >= 0 && static_cast<std::size_t>(at) < fields_.size()
                   ? std::string_view(fields_[static_cast<std::size_t>(at)])
                   : std::string_view();
    }

  private:
    const std::vector<std::string>& fields_;
    const std::vector<int>& index_;
};

struct Progress {
    const EscoImportOptions& options;
    std::uint64_t done = 0;
    std::uint64_t total = 0;
    void tick() const {
        if (options.progress) options.progress(done, total);
    }
};

// Calls `fn` for every data row of `path`; `columns` are looked up in the header, those in `required` must
// exist.
template <typename Fn>
void for_each_row(const fs::path& path, const std::vector<std::string>& columns, std::size_t required,
                  Progress& progress, Fn&& fn) {
    std::string error;
    auto file = csv::FileSource::open(path, error);
    if (!file) throw ImportError(path.string() + ": " + error);
    CountingSource source(*file, progress.done);
    csv::Reader reader(source, {.delimiter = ',', .max_record_bytes = 1 << 22});
    csv::Record record;
    if (!reader.next(record)) throw ImportError(path.string() + ": no header line");
    std::vector<int> index(columns.size(), -1);
    for (std::size_t c = 0; c < columns.size(); ++c) {
        for (std::size_t f = 0; f < record.fields.size(); ++f) {
            std::string_view name = record.fields[f];
            if (name.substr(0, 3) == "\xEF\xBB\xBF") name.remove_prefix(3);
            if (name == columns[c]) index[c] = static_cast<int>(f);
        }
        if (c < required && index[c] < 0)
            throw ImportError(path.string() + ": no column '" + columns[c] + "'");
    }
    std::uint64_t rows = 0;
    while (reader.next(record)) {
        fn(Row(record.fields, index));
        if (++rows % 2048 == 0) progress.tick();
    }
    if (reader.error())
        throw ImportError(path.string() + ": not readable as CSV near byte " +
                          std::to_string(reader.error()->byte_offset));
    progress.tick();
}

std::string trim(std::string_view s) {
    const auto begin = s.find_first_not_of(" \t\r\n");
    if (begin == std::string_view::npos) return {};
    const auto end = s.find_last_not_of(" \t\r\n");
    return std::string(s.substr(begin, end - begin + 1));
}

// altLabels and hiddenLabels hold one label per line; the collection files separate them with " | ".
void add_labels(std::string_view field, const std::string& preferred, std::vector<std::string>& out) {
    std::size_t start = 0;
    while (start <= field.size()) {
        std::size_t end = field.find_first_of("\n|", start);
        if (end == std::string_view::npos) end = field.size();
        std::string label = trim(field.substr(start, end - start));
        if (!label.empty() && label != preferred && std::find(out.begin(), out.end(), label) == out.end()) {
            out.push_back(std::move(label));
        }
        start = end + 1;
    }
}

struct Concept {
    std::int64_t id = 0;
    bool ours = false;  // carries our code: labels and attributes are ours, ESCO only fills gaps
};

using ConceptMap = std::unordered_map<std::string, Concept>;

ConceptMap load_concepts(Connection& c, const char* sql) {
    ConceptMap map;
    Statement select(c, sql);
    while (select.step()) {
        const std::string code = select.column_text(1);
        std::string uri = select.column_text(2);
        map.emplace(std::move(uri), Concept{select.column_int(0), code != select.column_text(2)});
    }
    return map;
}

std::int64_t single_id(Statement& statement) {
    const std::int64_t id = statement.step() ? statement.column_int(0) : 0;
    statement.reset();
    return id;
}

class Importer {
  public:
    Importer(Connection& c, EscoImportReport& report)
        : c_(c),
          report_(report),
          skills_(load_concepts(c, kSkillsByUriSql)),
          occupations_(load_concepts(c, kOccupationsByUriSql)),
          insert_skill_(c, kInsertSkillSql),
          update_skill_(c, kUpdateSkillTypeSql),
          insert_occupation_(c, kInsertOccupationSql),
          update_occupation_(c, kUpdateOccupationSql),
          insert_skill_label_(c, kInsertSkillLabelSql),
          refresh_skill_label_(c, kRefreshSkillLabelSql),
          insert_occupation_label_(c, kInsertOccupationLabelSql),
          refresh_occupation_label_(c, kRefreshOccupationLabelSql),
          upsert_relation_(c, kUpsertRelationSql),
          upsert_skill_relation_(c, kUpsertSkillRelationSql),
          set_broader_(c, kSetBroaderSql) {}

    // A skill group of the hierarchy (skillsHierarchy_xx.csv): kept as a skill of type "skill group" so
    // ESCO's broader links that point at groups hold; groups are not offered for resolution.
    void group_row(const std::string& lang, std::string_view uri, std::string_view label,
                   std::string_view parent_uri) {
        if (uri.empty() || label.empty()) return;
        const std::string key(uri);
        Concept& concept_ = skills_[key];
        if (seen_groups_.insert(key).second) {
            ++report_.skill_groups_read;
            if (concept_.id == 0) {
                insert_skill_.bind(1, key).bind(2, key).bind(3, kSkillGroupType);
                concept_.id = single_id(insert_skill_);
                ++report_.skill_groups_inserted;
            }
        }
        if (labelled_[lang].insert("s" + key).second) {
            write_label(insert_skill_label_, refresh_skill_label_, concept_, lang, label, {}, {});
        }
        if (!parent_uri.empty()) broader_row(uri, parent_uri);
    }

    // skillSkillRelations: a skill that is essential or optional for another skill.
    void skill_relation_row(std::string_view uri, std::string_view relation, std::string_view related_uri) {
        const auto skill = skills_.find(std::string(uri));
        const auto related = skills_.find(std::string(related_uri));
        if (skill == skills_.end() || related == skills_.end() || skill->second.id == 0 ||
            related->second.id == 0 || (relation != "essential" && relation != "optional")) {
            ++report_.rows_skipped;
            return;
        }
        upsert_skill_relation_.bind(1, skill->second.id).bind(2, related->second.id).bind(3, relation).run();
        report_.skill_relations_written += c_.changes();
    }

    void skill_row(const std::string& lang, std::string_view uri, std::string_view type,
                   std::string_view preferred, std::string_view alt, std::string_view hidden) {
        if (uri.empty()) {
            ++report_.rows_skipped;
            return;
        }
        const std::string key(uri);
        if (!labelled_[lang].insert("s" + key).second) return;  // a skill in two collections: the first wins
        Concept& concept_ = skills_[key];
        if (seen_skills_.insert(key).second) {
            ++report_.skills_read;
            if (concept_.id == 0) {
                insert_skill_.bind(1, key).bind(2, key).bind(3, type);
                concept_.id = single_id(insert_skill_);
                ++report_.skills_inserted;
            } else if (concept_.ours) {
                ++report_.matched_ours;
            } else if (!type.empty()) {
                update_skill_.bind(1, type).bind(2, concept_.id).bind(3, type).run();
                report_.concepts_updated += c_.changes();
            }
        }
        write_label(insert_skill_label_, refresh_skill_label_, concept_, lang, preferred, alt, hidden);
    }

    void occupation_row(const std::string& lang, std::string_view uri, std::string_view isco,
                        std::string_view regulated_note, std::string_view preferred, std::string_view alt,
                        std::string_view hidden) {
        if (uri.empty()) {
            ++report_.rows_skipped;
            return;
        }
        const std::string key(uri);
        Concept& concept_ = occupations_[key];
        if (seen_occupations_.insert(key).second) {
            ++report_.occupations_read;
            const std::int64_t regulated =
                regulated_note.size() >= 10 &&
                        regulated_note.substr(regulated_note.size() - 10) == "/regulated"
                    ? 1
                    : 0;
            const std::optional<std::string> isco_code =
                isco.empty() ? std::nullopt : std::optional<std::string>(std::string(isco));
            if (concept_.id == 0) {
                insert_occupation_.bind(1, key).bind(2, key).bind(3, isco_code).bind(4, regulated);
                concept_.id = single_id(insert_occupation_);
                ++report_.occupations_inserted;
            } else if (concept_.ours) {
                ++report_.matched_ours;
            } else {
                update_occupation_.bind(1, isco_code)
                    .bind(2, regulated)
                    .bind(3, concept_.id)
                    .bind(4, isco_code)
                    .bind(5, regulated)
                    .run();
                report_.concepts_updated += c_.changes();
            }
        }
        write_label(insert_occupation_label_, refresh_occupation_label_, concept_, lang, preferred, alt,
                    hidden);
    }

    void relation_row(std::string_view occupation_uri, std::string_view relation,
                      std::string_view skill_uri) {
        ++report_.relations_read;
        const auto occupation = occupations_.find(std::string(occupation_uri));
        const auto skill = skills_.find(std::string(skill_uri));
        if (occupation == occupations_.end() || skill == skills_.end() || occupation->second.id == 0 ||
            skill->second.id == 0 || (relation != "essential" && relation != "optional")) {
            ++report_.rows_skipped;
            return;
        }
        if (occupation->second.ours) return;  // our occupations keep our curated skill lists
        upsert_relation_.bind(1, occupation->second.id).bind(2, skill->second.id).bind(3, relation).run();
        report_.relations_written += c_.changes();
    }

  public:
    void broader_row(std::string_view uri, std::string_view broader_uri) {
        const auto skill = skills_.find(std::string(uri));
        const auto broader = skills_.find(std::string(broader_uri));
        // Most broader links point at skill groups, which are not imported; those rows are expected.
        if (skill == skills_.end() || broader == skills_.end() || skill->second.id == 0 ||
            broader->second.id == 0)
            return;
        if (skill->second.ours || !with_broader_.insert(skill->second.id).second)
            return;  // first broader wins
        set_broader_.bind(1, broader->second.id).bind(2, skill->second.id).bind(3, broader->second.id).run();
        report_.broader_set += c_.changes();
    }

  private:
    void write_label(Statement& insert, Statement& refresh, const Concept& concept_, const std::string& lang,
                     std::string_view preferred_field, std::string_view alt, std::string_view hidden) {
        const std::string preferred = trim(preferred_field);
        if (preferred.empty()) return;
        std::vector<std::string> synonyms;
        add_labels(alt, preferred, synonyms);
        add_labels(hidden, preferred, synonyms);
        const std::string synonyms_json = nlohmann::json(synonyms).dump();
        insert.bind(1, concept_.id).bind(2, lang).bind(3, preferred).bind(4, synonyms_json).run();
        if (c_.changes() > 0) {
            ++report_.labels_inserted;
            return;
        }
        if (concept_.ours) return;  // our label in this language stays as our translators wrote it
        refresh.bind(1, preferred)
            .bind(2, synonyms_json)
            .bind(3, concept_.id)
            .bind(4, lang)
            .bind(5, preferred)
            .bind(6, synonyms_json)
            .run();
        report_.labels_updated += c_.changes();
    }

    Connection& c_;
    EscoImportReport& report_;
    ConceptMap skills_, occupations_;
    std::unordered_set<std::string> seen_skills_, seen_occupations_, seen_groups_;
    std::map<std::string, std::unordered_set<std::string>> labelled_;
    std::unordered_set<std::int64_t> with_broader_;
    Statement insert_skill_, update_skill_, insert_occupation_, update_occupation_, insert_skill_label_,
        refresh_skill_label_, insert_occupation_label_, refresh_occupation_label_, upsert_relation_,
        upsert_skill_relation_, set_broader_;
};

std::vector<EscoFile> find_files(const std::vector<fs::path>& dirs) {
    std::vector<EscoFile> files;
    for (const auto& dir : dirs) {
        std::error_code ec;
        if (!fs::is_directory(dir, ec)) throw ImportError(dir.string() + " is not a directory");
        std::size_t found = 0;
        for (const auto& entry : fs::directory_iterator(dir, ec)) {
            if (!entry.is_regular_file(ec)) continue;
            if (auto f = classify(entry.path())) {
                files.push_back(std::move(*f));
                ++found;
            }
        }
        if (ec) throw ImportError(dir.string() + ": " + ec.message());
        if (found == 0)
            throw ImportError(dir.string() +
                              " holds no ESCO CSV file (skills_xx.csv, occupations_xx.csv, ...)");
    }
    std::sort(files.begin(), files.end(), [](const EscoFile& a, const EscoFile& b) {
        return std::tie(a.kind, a.path) < std::tie(b.kind, b.path);
    });
    // A language with a full skills file does not need its collections, which are subsets of it.
    std::set<std::string> full;
    for (const auto& f : files) {
        if (f.kind == FileKind::skills) full.insert(f.lang);
    }
    for (auto& f : files) {
        if (f.kind == FileKind::collection && full.count(f.lang)) f.kind = FileKind::skipped;
    }
    return files;
}

}  // namespace

Result<EscoImportReport> import_esco(Store& store, const std::vector<fs::path>& dirs,
                                     const EscoImportOptions& options) {
    if (dirs.empty()) return Result<EscoImportReport>::fail("esco: no directory given");
    try {
        const std::vector<EscoFile> files = find_files(dirs);
        EscoImportReport report;
        Progress progress{options};
        std::set<std::string> languages;
        for (const auto& f : files) {
            if (f.kind == FileKind::skipped) {
                report.skipped_files.push_back(f.path.string());
                continue;
            }
            std::error_code ec;
            progress.total += fs::file_size(f.path, ec);
            if (!f.lang.empty()) languages.insert(f.lang);
        }
        Connection& c = store.connection();
        Transaction transaction(c);
        Importer importer(c, report);
        for (const auto& f : files) {
            switch (f.kind) {
                case FileKind::skills:
                case FileKind::collection:
                    for_each_row(
                        f.path, {"conceptUri", "preferredLabel", "skillType", "altLabels", "hiddenLabels"}, 2,
                        progress,
                        [&](const Row& r) { importer.skill_row(f.lang, r[0], r[2], r[1], r[3], r[4]); });
                    break;
                case FileKind::occupations:
                    for_each_row(f.path,
                                 {"conceptUri", "preferredLabel", "iscoGroup", "regulatedProfessionNote",
                                  "altLabels", "hiddenLabels"},
                                 2, progress, [&](const Row& r) {
                                     importer.occupation_row(f.lang, r[0], r[2], r[3], r[1], r[4], r[5]);
                                 });
                    break;
                case FileKind::occupation_skills:
                    for_each_row(f.path, {"occupationUri", "relationType", "skillUri"}, 3, progress,
                                 [&](const Row& r) { importer.relation_row(r[0], r[1], r[2]); });
                    break;
                case FileKind::skill_broader:
                    for_each_row(f.path, {"conceptUri", "broaderUri"}, 2, progress,
                                 [&](const Row& r) { importer.broader_row(r[0], r[1]); });
                    break;
                case FileKind::skill_groups:
                    for_each_row(f.path,
                                 {"Level 0 URI", "Level 0 preferred term", "Level 1 URI", "Level 1 preferred term",
                                  "Level 2 URI", "Level 2 preferred term", "Level 3 URI", "Level 3 preferred term"},
                                 2, progress, [&](const Row& r) {
                                     std::string_view parent;
                                     for (std::size_t level = 0; level < 4; ++level) {
                                         const std::string_view uri = r[2 * level];
                                         if (uri.empty()) break;
                                         importer.group_row(f.lang, uri, trim(r[2 * level + 1]), parent);
                                         parent = uri;
                                     }
                                 });
                    break;
                case FileKind::skill_skill:
                    for_each_row(f.path, {"originalSkillUri", "relationType", "relatedSkillUri"}, 3, progress,
                                 [&](const Row& r) { importer.skill_relation_row(r[0], r[1], r[2]); });
                    break;
                case FileKind::skipped:
                    break;
            }
            report.files.push_back(f.path.string());
        }
        transaction.commit();
        report.languages.assign(languages.begin(), languages.end());
        return Result<EscoImportReport>::ok(std::move(report));
    } catch (const ImportError& e) {
        return Result<EscoImportReport>::fail(std::string("esco: ") + e.what());
    } catch (const Error& e) {
        return Result<EscoImportReport>::fail(std::string("esco: ") + e.what());
    } catch (const fs::filesystem_error& e) {
        return Result<EscoImportReport>::fail(std::string("esco: ") + e.what());
    }
}

}  // namespace kk::db
