#pragma once
// Exports of staff mode as CSV that Excel opens correctly and cannot execute: UTF-8 with BOM, ';', CRLF,
// RFC 4180 quoting and formula injection neutralised (db/csv/writer.hpp, as the vacancy export).
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "db/result.hpp"
#include "db/timestamps.hpp"

namespace kk::staff {

using CsvRow = std::vector<std::string>;

// The CSV text of `header` and `rows`.
std::string csv_text(const CsvRow& header, const std::vector<CsvRow>& rows);

// Writes csv_text() to "<dir>/<stem>-<UTC yyyymmdd-hhmmss>.csv" with mode 0600 (exports hold personal
// data), through a temporary file renamed into place; creates `dir` when missing. Returns the file.
db::Result<std::filesystem::path> write_csv_export(const std::filesystem::path& dir, std::string_view stem,
                                                   const CsvRow& header, const std::vector<CsvRow>& rows,
                                                   db::TimePoint now);

// A fresh "<dir>/<stem>-<UTC yyyymmdd-hhmmss>.<extension>" path (a counter added when it exists).
std::filesystem::path export_path(const std::filesystem::path& dir, std::string_view stem, std::string_view extension,
                                  db::TimePoint now);

}  // namespace kk::staff
