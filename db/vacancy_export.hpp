#pragma once
// Writing open vacancies as CSV that Excel opens correctly and that import-vacancies reads back unchanged:
// UTF-8 with BOM, ';', CRLF, RFC 4180 quoting, formula injection neutralised (see db/csv/writer.hpp).
#include <filesystem>
#include <ostream>

#include "db/result.hpp"
#include "db/store.hpp"

namespace kk::db {

// Streams every open vacancy to `out` (header first); returns how many were written.
Result<std::size_t> export_vacancies(Store& store, std::ostream& out);

// Writes to `file` through a temporary file beside it, renamed into place only when complete.
Result<std::size_t> export_vacancies(Store& store, const std::filesystem::path& file);

}  // namespace kk::db
