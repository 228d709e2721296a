#include "db/csv/writer.hpp"

namespace kk::db::csv {
namespace {
bool needs_neutralising(char c) {
    return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' || c == '\'';
}
}  // namespace

std::string quote_field(std::string_view cell, char delimiter) {
    const bool quote = cell.find_first_of(std::string{delimiter, '"', '\r', '\n'}) != std::string_view::npos;
    if (!quote) return std::string(cell);
    std::string out;
    out.reserve(cell.size() + 2);
    out += '"';
    for (const char c : cell) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
    return out;
}

std::string neutralise_formula(std::string_view cell) {
    if (!cell.empty() && needs_neutralising(cell.front())) return "'" + std::string(cell);
    return std::string(cell);
}

std::string_view unneutralise_formula(std::string_view cell) {
    if (cell.size() >= 2 && cell.front() == '\'' && needs_neutralising(cell[1])) return cell.substr(1);
    return cell;
}

}  // namespace kk::db::csv
