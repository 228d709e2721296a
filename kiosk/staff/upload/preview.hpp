#pragma once
// The upload preview: a CSV file's first rows read with the import's own reader (encoding and delimiter
// detection) and header mapping, cut to what a table cell shows. No ImGui, no database.
#include <cstddef>
#include <string>
#include <string_view>

#include "db/csv/source.hpp"
#include "kiosk/staff/upload/state.hpp"

namespace kk::staff {

// Cells longer than this many characters are cut with an ellipsis in the table.
inline constexpr std::size_t kPreviewCellChars = 48;

// The first `max_rows` non-blank data rows of `source`, with the header cells the import knows as columns.
// Reads only as far as needed: O(max_rows) records, whatever the file size.
UploadPreview read_upload_preview(db::csv::ByteSource& source, std::size_t max_rows);

// `text` on one line (line breaks and tabs as spaces), cut to `max_chars` code points with "…".
std::string preview_cell(std::string_view text, std::size_t max_chars = kPreviewCellChars);

}  // namespace kk::staff
