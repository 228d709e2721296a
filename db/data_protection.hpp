#pragma once
// The GDPR duties of the store: access (export everything stored about a person), erasure (remove it and
// leave no bytes of it in the file), and retention (purge candidates without activity, stale drafts).
// Everything owned by a candidate is found by walking ON DELETE CASCADE foreign keys from `candidates`, so
// tables added later are covered without changes here.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "db/result.hpp"
#include "db/store.hpp"
#include "db/timestamps.hpp"

namespace kk::db {

// A candidate named by resume code (`K7Q2-9XWM`) or by id (`#42` or `42`). Fails when there is none.
Result<std::int64_t> find_candidate_id(Store& store, std::string_view ref);

// Everything stored about candidate `candidate_id` as a JSON document: the candidate row and every row owned
// through cascading foreign keys (nested per table), plus the audit entries about them. BLOBs (a photo) are
// base64. Writes audit entry candidate.export by `actor`.
Result<std::string> export_candidate_json(Store& store, std::int64_t candidate_id, const std::string& actor,
                                          TimePoint now);

// Writes export_candidate_json to `file` (mode 0600, through a temporary file renamed into place).
Result<bool> export_candidate(Store& store, std::int64_t candidate_id, const std::filesystem::path& file,
                              const std::string& actor, TimePoint now);

struct EraseReport {
    std::int64_t candidate_id = 0;
    std::vector<std::string> files_removed{};  // stored *_path files of the candidate (generated PDFs)
    std::vector<std::string> files_failed{};   // paths that existed but could not be removed
    bool file_compacted = false;               // WAL checkpointed and truncated: no old page images remain
};

// Deletes the candidate and everything of theirs in one transaction (secure_delete zeroes the freed
// content), removes files whose paths their rows stored, appends "candidate #id erased by <actor>" to the
// audit log, then checkpoints and truncates the WAL. When another connection holds a read transaction the
// checkpoint cannot finish: file_compacted is false and erase_compact() should be retried later.
Result<EraseReport> erase_candidate(Store& store, std::int64_t candidate_id, const std::string& actor,
                                    TimePoint now);

// PRAGMA wal_checkpoint(TRUNCATE); true when every frame was copied back and the WAL truncated to 0 bytes.
Result<bool> erase_compact(Store& store);

// "12m" (months), "30d" (days), "2y" (years) before `now`; nullopt for anything else.
std::optional<TimePoint> retention_cutoff(std::string_view period, TimePoint now);

// app_meta key holding the number of days after which an incomplete draft is purged.
inline constexpr char kDraftRetentionKey[] = "retention.draft_days";
Result<std::optional<int>> configured_draft_days(Store& store);

struct PurgeOptions {
    std::optional<TimePoint> inactive_before{};  // candidates whose last activity is older
    std::optional<TimePoint> drafts_before{};    // incomplete candidates last updated before this
    bool dry_run = false;
    std::string actor{};
};

struct PurgedCandidate {
    std::int64_t id = 0;
    std::string reason{};         // "inactive" or "draft"
    std::string last_activity{};  // latest of the profile's update and its reviews' status changes
};

// Finds (and unless dry_run erases, with audit entries candidate.purge) the candidates the rules select,
// by id. The WAL is checkpointed afterwards as for erase_candidate.
Result<std::vector<PurgedCandidate>> purge_candidates(Store& store, const PurgeOptions& options,
                                                      TimePoint now);

}  // namespace kk::db
