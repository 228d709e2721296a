#pragma once
// The append-only audit log: who did what to which record, when. Entries hold ids and event names only,
// never personal data (no names, contact data or free text a person typed), so they may outlive an erased
// candidate. The table's triggers refuse UPDATE and DELETE.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "db/result.hpp"
#include "db/store.hpp"
#include "db/timestamps.hpp"

namespace kk::db {

struct AuditEntry {
    std::int64_t id = 0;
    std::string at{};            // UTC ISO 8601
    std::string actor{};         // staff username, or "cli:<unix user>" for kioskctl
    std::string action{};        // dotted event name: candidate.view, review.status, ...
    std::string subject_kind{};  // candidate, review, staff_user, vacancies, ...
    std::optional<std::int64_t>
        subject_id{};      // the record's id; nullopt when the action has no single subject
    std::string detail{};  // ids and codes only
};

// Appends inside the caller's transaction (or autocommit); throws kk::db::Error. For modules of kk::db.
std::int64_t append_audit_entry(Connection& connection, const AuditEntry& entry);

// Appends one entry (its `id` is ignored, `at` is set from `now`); returns the new entry's id.
Result<std::int64_t> append_audit(Store& store, AuditEntry entry, TimePoint now);

// Records that `actor` opened candidate `candidate_id`'s profile (a staff view; the GDPR wants views logged).
Result<std::int64_t> audit_candidate_view(Store& store, const std::string& actor, std::int64_t candidate_id,
                                          TimePoint now);

// Entries at or after `since` (all when nullopt), oldest first.
Result<std::vector<AuditEntry>> read_audit(Store& store, std::optional<TimePoint> since = std::nullopt);

}  // namespace kk::db
