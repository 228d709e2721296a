#pragma once
// The translator's table for `kioskctl locales export/import`: two columns `key;<lang>`, UTF-8 with a BOM
// (so spreadsheet programs detect the encoding), RFC 4180 quoting, CRLF line ends. Pure.
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace kk::cli {

struct TranslationRow {
    std::string key;
    std::string text;
    std::size_t line = 0;  // 1-based line where the row starts in the file
};

struct TranslationTable {
    std::string lang;  // from the header's second column
    std::vector<TranslationRow> rows;
};

// The file text for `lang` and its rows (key, text) in order.
std::string write_translation_csv(std::string_view lang,
                                  const std::vector<std::pair<std::string, std::string>>& rows);

struct CsvParse {
    std::optional<TranslationTable> table;
    std::string error;  // "line N: what"
};

// Reads a table written by write_translation_csv or saved by a spreadsheet program: optional BOM, ';' or ','
// separators (taken from the header), quoted fields with doubled quotes and line breaks, blank lines skipped.
CsvParse parse_translation_csv(std::string_view text);

}  // namespace kk::cli
