#include "db/data_protection.hpp"

#include <sodium.h>
#include <sqlite3.h>
#include <sys/stat.h>

#include <fstream>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <set>

#include "db/audit.hpp"

namespace kk::db {
namespace {

using Json = nlohmann::ordered_json;

constexpr char kSelectByCodeSql[] = "SELECT id FROM candidates WHERE resume_code = ?";
constexpr char kSelectByIdSql[] = "SELECT id FROM candidates WHERE id = ?";
// Tables whose rows die with a row of `?`: the ownership graph of personal data.
constexpr char kSelectCascadeChildrenSql[] =
    "SELECT m.name, f.\"from\", f.\"to\" FROM sqlite_schema AS m JOIN pragma_foreign_key_list(m.name) AS f "
    "WHERE m.type = 'table' AND f.\"table\" = ? AND f.on_delete = 'CASCADE' ORDER BY m.name, f.\"from\"";
constexpr char kSelectCandidateAuditSql[] =
    "SELECT id, at, actor, action, subject_kind, subject_id, detail FROM audit_log "
    "WHERE subject_kind = 'candidate' AND subject_id = ? ORDER BY id";
constexpr char kDeleteCandidateSql[] = "DELETE FROM candidates WHERE id = ?";
constexpr char kCheckpointSql[] = "PRAGMA wal_checkpoint(TRUNCATE)";
constexpr char kSelectDraftDaysSql[] = "SELECT value FROM app_meta WHERE key = ?";
// Last activity: the profile's own update or the latest status change of one of its reviews.
constexpr char kSelectActivitySql[] =
    "SELECT c.id, c.status, c.updated_at, "
    "MAX(c.updated_at, COALESCE((SELECT MAX(r.status_changed_at) FROM match_reviews AS r "
    "WHERE r.candidate_id = c.id), '')) FROM candidates AS c ORDER BY c.id";

struct StatementDeleter {
    void operator()(sqlite3_stmt* stmt) const { sqlite3_finalize(stmt); }
};
using RawStatement = std::unique_ptr<sqlite3_stmt, StatementDeleter>;

std::string quoted_identifier(const std::string& name) {
    std::string out = "\"";
    for (const char c : name) {
        out += c;
        if (c == '"') out += '"';
    }
    return out + "\"";
}

std::string base64(const unsigned char* data, std::size_t size) {
    const int variant = sodium_base64_VARIANT_ORIGINAL;
    std::string out(sodium_base64_ENCODED_LEN(size, variant), '\0');
    sodium_bin2base64(out.data(), out.size(), data, size, variant);
    out.resize(out.size() - 1);  // the terminating NUL
    return out;
}

// Rows owned by one candidate, per table, found by walking cascading foreign keys.
struct OwnedRows {
    std::map<std::string, Json> tables;  // table -> array of row objects
    std::vector<std::string> paths;      // values of *_path columns: files generated for the person
};

// Appends the rows of `table` whose `column` equals one of `keys`; returns them.
Json select_rows(Connection& connection, const std::string& table, const std::string& column,
                 const std::vector<Json>& keys, std::vector<std::string>& paths) {
    // A generic dump of any owned table: its columns are not known here, so SELECT * is the point.
    const std::string sql = "SELECT * FROM " + quoted_identifier(table) + " WHERE " +
                            quoted_identifier(column) + " = ? ORDER BY 1, 2";
    sqlite3_stmt* raw = nullptr;
    if (sqlite3_prepare_v2(connection.handle(), sql.c_str(), -1, &raw, nullptr) != SQLITE_OK) {
        sqlite3_finalize(raw);
        throw Error("prepare failed for " + table + ": " + sqlite3_errmsg(connection.handle()));
    }
    RawStatement stmt(raw);
    Json rows = Json::array();
    for (const Json& key : keys) {
        sqlite3_reset(stmt.get());
        if (key.is_number_integer()) {
            sqlite3_bind_int64(stmt.get(), 1, key.get<std::int64_t>());
        } else {
            const std::string text = key.is_string() ? key.get<std::string>() : key.dump();
            sqlite3_bind_text(stmt.get(), 1, text.c_str(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
        }
        int rc = SQLITE_ROW;
        while ((rc = sqlite3_step(stmt.get())) == SQLITE_ROW) {
            Json row = Json::object();
            const int columns = sqlite3_column_count(stmt.get());
            for (int i = 0; i < columns; ++i) {
                const std::string name = sqlite3_column_name(stmt.get(), i);
                switch (sqlite3_column_type(stmt.get(), i)) {
                    case SQLITE_INTEGER:
                        row[name] = sqlite3_column_int64(stmt.get(), i);
                        break;
                    case SQLITE_FLOAT:
                        row[name] = sqlite3_column_double(stmt.get(), i);
                        break;
                    case SQLITE_TEXT: {
                        const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt.get(), i));
                        row[name] =
                            std::string(text, static_cast<std::size_t>(sqlite3_column_bytes(stmt.get(), i)));
                        if (name.size() > 5 && name.ends_with("_path"))
                            paths.push_back(row[name].get<std::string>());
                        break;
                    }
                    case SQLITE_BLOB: {
                        const auto* data =
                            static_cast<const unsigned char*>(sqlite3_column_blob(stmt.get(), i));
                        row[name] =
                            base64(data, static_cast<std::size_t>(sqlite3_column_bytes(stmt.get(), i)));
                        break;
                    }
                    default:
                        row[name] = nullptr;
                }
            }
            rows.push_back(std::move(row));
        }
        if (rc != SQLITE_DONE)
            throw Error("reading " + table + " failed: " + sqlite3_errmsg(connection.handle()));
    }
    return rows;
}

void collect_owned(Connection& connection, const std::string& table, const std::string& column,
                   const std::vector<Json>& keys, std::set<std::string>& visited, OwnedRows& owned) {
    if (keys.empty() || !visited.insert(table).second) return;
    Json rows = select_rows(connection, table, column, keys, owned.paths);
    struct Child {
        std::string table, column, parent_column;
    };
    std::vector<Child> children;
    {
        Statement select(connection, kSelectCascadeChildrenSql);
        select.bind(1, table);
        while (select.step()) {
            children.push_back(Child{.table = select.column_text(0),
                                     .column = select.column_text(1),
                                     .parent_column = select.column_optional_text(2).value_or("id")});
        }
    }
    for (const Child& child : children) {
        std::vector<Json> child_keys;
        for (const Json& row : rows) {
            if (row.contains(child.parent_column)) child_keys.push_back(row[child.parent_column]);
        }
        collect_owned(connection, child.table, child.column, child_keys, visited, owned);
    }
    owned.tables[table] = std::move(rows);
}

OwnedRows owned_rows(Connection& connection, std::int64_t candidate_id) {
    OwnedRows owned;
    std::set<std::string> visited;
    collect_owned(connection, "candidates", "id", {Json(candidate_id)}, visited, owned);
    return owned;
}

bool checkpoint(Connection& connection) {
    Statement pragma(connection, kCheckpointSql);
    return pragma.step() && pragma.column_int(0) == 0;
}

void delete_candidate_in(Connection& connection, std::int64_t candidate_id, const std::string& actor,
                         const char* action, const std::string& detail, TimePoint now) {
    Statement remove(connection, kDeleteCandidateSql);
    remove.bind(1, candidate_id).run();
    append_audit_entry(connection, AuditEntry{.at = utc_timestamp(now),
                                              .actor = actor,
                                              .action = action,
                                              .subject_kind = "candidate",
                                              .subject_id = candidate_id,
                                              .detail = detail});
}

void remove_files(const std::vector<std::string>& paths, EraseReport& report) {
    for (const std::string& path : paths) {
        if (path.empty()) continue;
        std::error_code ec;
        if (std::filesystem::remove(path, ec)) {
            report.files_removed.push_back(path);
        } else if (ec) {
            report.files_failed.push_back(path);
        }
    }
}

}  // namespace

Result<std::int64_t> find_candidate_id(Store& store, std::string_view ref) {
    try {
        std::string_view digits = ref;
        if (!digits.empty() && digits.front() == '#') digits.remove_prefix(1);
        const bool numeric = !digits.empty() && digits.size() < 19 &&
                             digits.find_first_not_of("0123456789") == std::string_view::npos;
        Statement select(store.connection(), numeric ? kSelectByIdSql : kSelectByCodeSql);
        if (numeric) {
            select.bind(1, static_cast<std::int64_t>(std::stoll(std::string(digits))));
        } else {
            select.bind(1, ref);
        }
        if (!select.step()) return Result<std::int64_t>::fail("no candidate " + std::string(ref));
        return Result<std::int64_t>::ok(select.column_int(0));
    } catch (const Error& e) {
        return Result<std::int64_t>::fail(e.what());
    }
}

Result<std::string> export_candidate_json(Store& store, std::int64_t candidate_id, const std::string& actor,
                                          TimePoint now) {
    try {
        Connection& connection = store.connection();
        Transaction transaction(connection);
        OwnedRows owned = owned_rows(connection, candidate_id);
        Json& candidate_rows = owned.tables["candidates"];
        if (candidate_rows.empty())
            return Result<std::string>::fail("no candidate #" + std::to_string(candidate_id));
        Json document = Json::object();
        document["exported_at"] = utc_timestamp(now);
        document["candidate"] = candidate_rows.front();
        Json tables = Json::object();
        for (auto& [table, rows] : owned.tables) {
            if (table != "candidates") tables[table] = std::move(rows);
        }
        document["owned"] = std::move(tables);
        append_audit_entry(connection, AuditEntry{.at = utc_timestamp(now),
                                                  .actor = actor,
                                                  .action = "candidate.export",
                                                  .subject_kind = "candidate",
                                                  .subject_id = candidate_id,
                                                  .detail = ""});
        Json audit = Json::array();
        {
            Statement select(connection, kSelectCandidateAuditSql);
            select.bind(1, candidate_id);
            while (select.step()) {
                audit.push_back(Json{{"id", select.column_int(0)},
                                     {"at", select.column_text(1)},
                                     {"actor", select.column_text(2)},
                                     {"action", select.column_text(3)},
                                     {"detail", select.column_text(6)}});
            }
        }
        document["audit_log"] = std::move(audit);
        transaction.commit();
        return Result<std::string>::ok(document.dump(2) + "\n");
    } catch (const Error& e) {
        return Result<std::string>::fail(e.what());
    }
}

Result<bool> export_candidate(Store& store, std::int64_t candidate_id, const std::filesystem::path& file,
                              const std::string& actor, TimePoint now) {
    auto json = export_candidate_json(store, candidate_id, actor, now);
    if (!json) return Result<bool>::fail(json.error());
    const std::filesystem::path partial = file.string() + ".partial";
    {
        // Personal data: readable by the owner only, from the first byte on.
        const mode_t previous = ::umask(077);
        std::ofstream out(partial, std::ios::binary | std::ios::trunc);
        ::umask(previous);
        if (!out) return Result<bool>::fail("cannot write " + partial.string());
        out << *json;
        out.flush();
        if (!out) {
            std::error_code ec;
            std::filesystem::remove(partial, ec);
            return Result<bool>::fail("cannot write " + partial.string());
        }
    }
    std::error_code ec;
    std::filesystem::rename(partial, file, ec);
    if (ec) {
        std::filesystem::remove(partial, ec);
        return Result<bool>::fail("cannot write " + file.string());
    }
    return Result<bool>::ok(true);
}

Result<EraseReport> erase_candidate(Store& store, std::int64_t candidate_id, const std::string& actor,
                                    TimePoint now) {
    try {
        Connection& connection = store.connection();
        EraseReport report;
        report.candidate_id = candidate_id;
        std::vector<std::string> paths;
        {
            Transaction transaction(connection);
            OwnedRows owned = owned_rows(connection, candidate_id);
            if (owned.tables["candidates"].empty()) {
                return Result<EraseReport>::fail("no candidate #" + std::to_string(candidate_id));
            }
            paths = std::move(owned.paths);
            delete_candidate_in(connection, candidate_id, actor, "candidate.erase",
                                "candidate #" + std::to_string(candidate_id) + " erased by " + actor, now);
            transaction.commit();
        }
        remove_files(paths, report);
        report.file_compacted = checkpoint(connection);
        return Result<EraseReport>::ok(std::move(report));
    } catch (const Error& e) {
        return Result<EraseReport>::fail(e.what());
    }
}

Result<bool> erase_compact(Store& store) {
    try {
        return Result<bool>::ok(checkpoint(store.connection()));
    } catch (const Error& e) {
        return Result<bool>::fail(e.what());
    }
}

std::optional<TimePoint> retention_cutoff(std::string_view period, TimePoint now) {
    using namespace std::chrono;
    if (period.size() < 2) return std::nullopt;
    const char unit = period.back();
    const std::string_view digits = period.substr(0, period.size() - 1);
    if (digits.size() > 5 || digits.find_first_not_of("0123456789") != std::string_view::npos)
        return std::nullopt;
    const int n = std::stoi(std::string(digits));
    const auto day = floor<days>(now);
    const auto time_of_day = now - day;
    if (unit == 'd') return now - days{n};
    if (unit != 'm' && unit != 'y') return std::nullopt;
    const year_month_day ymd{day};
    const year_month month = (ymd.year() / ymd.month()) - months{unit == 'm' ? n : 12 * n};
    year_month_day target = month / ymd.day();
    if (!target.ok()) target = month / last;  // 31 March minus one month is 28/29 February
    return TimePoint{sys_days{target}} + time_of_day;
}

Result<std::optional<int>> configured_draft_days(Store& store) {
    try {
        Statement select(store.connection(), kSelectDraftDaysSql);
        select.bind(1, kDraftRetentionKey);
        if (!select.step()) return Result<std::optional<int>>::ok(std::nullopt);
        const std::string value = select.column_text(0);
        if (value.empty() || value.size() > 5 || value.find_first_not_of("0123456789") != std::string::npos) {
            return Result<std::optional<int>>::fail(std::string("app_meta ") + kDraftRetentionKey +
                                                    " is not a number of days: " + value);
        }
        return Result<std::optional<int>>::ok(std::stoi(value));
    } catch (const Error& e) {
        return Result<std::optional<int>>::fail(e.what());
    }
}

Result<std::vector<PurgedCandidate>> purge_candidates(Store& store, const PurgeOptions& options,
                                                      TimePoint now) {
    try {
        Connection& connection = store.connection();
        const std::string inactive = options.inactive_before ? utc_timestamp(*options.inactive_before) : "";
        const std::string drafts = options.drafts_before ? utc_timestamp(*options.drafts_before) : "";
        std::vector<PurgedCandidate> selected;
        std::vector<std::string> paths;
        {
            Transaction transaction(connection);
            {
                Statement select(connection, kSelectActivitySql);
                while (select.step()) {
                    PurgedCandidate c{
                        .id = select.column_int(0), .reason = "", .last_activity = select.column_text(3)};
                    const bool is_draft = select.column_text(1) == "incomplete";
                    if (!inactive.empty() && c.last_activity < inactive) {
                        c.reason = "inactive";
                    } else if (!drafts.empty() && is_draft && select.column_text(2) < drafts) {
                        c.reason = "draft";
                    } else {
                        continue;
                    }
                    selected.push_back(std::move(c));
                }
            }
            if (options.dry_run) return Result<std::vector<PurgedCandidate>>::ok(std::move(selected));
            for (const PurgedCandidate& c : selected) {
                OwnedRows owned = owned_rows(connection, c.id);
                paths.insert(paths.end(), owned.paths.begin(), owned.paths.end());
                delete_candidate_in(
                    connection, c.id, options.actor, "candidate.purge",
                    "candidate #" + std::to_string(c.id) + " purged (" + c.reason + ") by " + options.actor,
                    now);
            }
            transaction.commit();
        }
        EraseReport files;
        remove_files(paths, files);
        (void)checkpoint(connection);
        return Result<std::vector<PurgedCandidate>>::ok(std::move(selected));
    } catch (const Error& e) {
        return Result<std::vector<PurgedCandidate>>::fail(e.what());
    }
}

}  // namespace kk::db
