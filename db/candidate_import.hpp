#pragma once
// Importing candidates from JSON Lines (one object per line), for migrations and tests. Format: README
// "import-candidates". All writes of one file are one transaction; a rejected line changes nothing.
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "db/candidates.hpp"
#include "db/result.hpp"
#include "db/store.hpp"
#include "matcher/skill_index.hpp"

namespace kk::db {

struct CandidateLineError {
    std::uint64_t line = 0;  // 1-based line in the file
    std::string reason;
};

struct CandidateImportReport {
    std::uint64_t read = 0;  // non-blank lines
    std::uint64_t inserted = 0;
    std::uint64_t updated = 0;
    std::uint64_t unchanged = 0;
    std::uint64_t rejected = 0;
    std::uint64_t skills_resolved = 0;    // text skills the catalog placed
    std::uint64_t skills_unresolved = 0;  // text skills kept as free text only
    std::vector<CandidateLineError> rejections;  // in file order
    std::vector<std::string> file_errors;        // non-empty: nothing imported
    bool committed = false;
};

// 0 every line imported, 3 some rejected (the rest imported), 2 nothing imported.
int candidate_import_exit_code(const CandidateImportReport& report);

// Below this score a text skill or job title stays free text (the catalog resolver's threshold).
inline constexpr double kCandidateResolveThreshold = 0.8;

// Parses one JSONL line into a record; text skills and experience titles are resolved through `index` (may be
// nullptr: they stay free text). On a problem returns the reason (and leaves `record` unspecified).
// `resolved`/`unresolved` count text skills.
Result<CandidateRecord> parse_candidate_line(std::string_view line, const matcher::SkillIndex* index,
                                             Store& store, const std::string& now, int& resolved,
                                             int& unresolved);

// Imports the file: text skills resolved over the store's catalog labels. Fails (Result error, exit 1) only
// on internal errors; everything about the file is in the report.
Result<CandidateImportReport> import_candidates(Store& store, const std::filesystem::path& file);

}  // namespace kk::db
