#include "db/audit.hpp"

namespace kk::db {
namespace {

constexpr char kInsertAuditSql[] =
    "INSERT INTO audit_log (at, actor, action, subject_kind, subject_id, detail) VALUES (?, ?, ?, ?, ?, ?)";
constexpr char kSelectAuditSql[] =
    "SELECT id, at, actor, action, subject_kind, subject_id, detail FROM audit_log WHERE at >= ? ORDER BY id";

}  // namespace

std::int64_t append_audit_entry(Connection& connection, const AuditEntry& entry) {
    Statement insert(connection, kInsertAuditSql);
    insert.bind(1, entry.at).bind(2, entry.actor).bind(3, entry.action).bind(4, entry.subject_kind);
    insert.bind(5, entry.subject_id).bind(6, entry.detail).run();
    return connection.last_insert_rowid();
}

Result<std::int64_t> append_audit(Store& store, AuditEntry entry, TimePoint now) {
    if (entry.actor.empty() || entry.action.empty()) {
        return Result<std::int64_t>::fail("an audit entry needs an actor and an action");
    }
    entry.at = utc_timestamp(now);
    try {
        return Result<std::int64_t>::ok(append_audit_entry(store.connection(), entry));
    } catch (const Error& e) {
        return Result<std::int64_t>::fail(e.what());
    }
}

Result<std::int64_t> audit_candidate_view(Store& store, const std::string& actor, std::int64_t candidate_id,
                                          TimePoint now) {
    return append_audit(store,
                        AuditEntry{.actor = actor,
                                   .action = "candidate.view",
                                   .subject_kind = "candidate",
                                   .subject_id = candidate_id},
                        now);
}

Result<std::vector<AuditEntry>> read_audit(Store& store, std::optional<TimePoint> since) {
    try {
        Statement select(store.connection(), kSelectAuditSql);
        select.bind(1, since ? utc_timestamp(*since) : std::string());
        std::vector<AuditEntry> entries;
        while (select.step()) {
            AuditEntry e;
            e.id = select.column_int(0);
            e.at = select.column_text(1);
            e.actor = select.column_text(2);
            e.action = select.column_text(3);
            e.subject_kind = select.column_text(4);
            if (!select.is_null(5)) e.subject_id = select.column_int(5);
            e.detail = select.column_text(6);
            entries.push_back(std::move(e));
        }
        return Result<std::vector<AuditEntry>>::ok(std::move(entries));
    } catch (const Error& e) {
        return Result<std::vector<AuditEntry>>::fail(e.what());
    }
}

}  // namespace kk::db
