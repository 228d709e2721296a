#pragma once
// Writing CSV cells that Excel opens correctly and cannot execute.
#include <string>
#include <string_view>

namespace kk::db::csv {

// RFC 4180 quoting: the cell is quoted when it contains the delimiter, a quote, CR or LF; quotes double.
std::string quote_field(std::string_view cell, char delimiter);

// Spreadsheet formula injection: a cell starting with '=', '+', '-', '@', tab, CR or an apostrophe gets a
// leading apostrophe (the apostrophe case keeps the mapping reversible). unneutralise() undoes it.
std::string neutralise_formula(std::string_view cell);
// A view into `cell`: the import checks every cell, and most are kept as they are.
std::string_view unneutralise_formula(std::string_view cell);

// Both: what export writes for one cell.
inline std::string export_field(std::string_view cell, char delimiter) {
    return quote_field(neutralise_formula(cell), delimiter);
}

}  // namespace kk::db::csv
