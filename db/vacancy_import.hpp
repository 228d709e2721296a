#pragma once
// Importing employers' vacancy CSV files (format: db/vacancy_csv.hpp, README "Vacancy CSV").
// All writes of one import happen in one transaction: the file is imported as a whole or, on a file-level
// problem, --strict with rejected rows, --dry-run, or a crash, not at all. Rows are streamed; memory does not
// grow with the file size (the first 1000 rejections are listed, the rest only counted).
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "db/csv/source.hpp"
#include "db/result.hpp"
#include "db/skill_resolver.hpp"
#include "db/store.hpp"
#include "db/vacancy_csv.hpp"

namespace kk::db {

struct ImportOptions {
    bool dry_run = false;  // validate and count, write nothing
    bool strict = false;   // any rejected row: import nothing
    bool replace = false;  // close open vacancies of the file's employers that the file does not list
    const SkillResolver* resolver = nullptr;  // nullptr: skills stay unresolved
    std::string actor = "kioskctl";           // for the audit log
};

struct RowReport {
    std::uint64_t line = 0;  // physical line in the file where the row starts (1 = header)
    Problem problem;
};

struct FileError {
    std::string reason_de;
    std::string reason_en;
    std::optional<std::uint64_t> byte_offset;  // for bytes not valid in the detected encoding
};

struct ImportReport {
    std::string encoding;  // e.g. "Windows-1252"; empty when not detected
    char delimiter = '\0';
    bool dry_run = false;
    bool committed = false;  // true when the writes are in the database
    std::uint64_t read = 0;  // data rows (blank rows are not counted)
    std::uint64_t inserted = 0;
    std::uint64_t updated = 0;
    std::uint64_t unchanged = 0;
    std::uint64_t closed = 0;  // by --replace
    std::uint64_t rejected = 0;
    std::vector<RowReport> rejections;  // one entry per problem, rows in file order
    std::uint64_t rejections_not_listed = 0;
    std::vector<RowReport> warnings;
    std::vector<FileError> file_errors;  // non-empty: nothing was imported
};

// The process exit code for a report: 0 all rows imported, 3 some rows rejected (the valid ones imported),
// 2 nothing imported (file-level error, --strict with rejections, or every row rejected).
int import_exit_code(const ImportReport& report);

// Imports from `source`. Fails (Result error, exit code 1) only on internal errors such as a database that
// cannot be written; everything about the file itself is in the report.
Result<ImportReport> import_vacancies(Store& store, csv::ByteSource& source, const ImportOptions& options);
Result<ImportReport> import_vacancies(Store& store, const std::filesystem::path& file, const ImportOptions& options);

}  // namespace kk::db
