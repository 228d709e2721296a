#pragma once
// The vacancy CSV format, pure: column names, header mapping, validation of one row into VacancyFields with
// reasons in German and English, and the cells export writes. No I/O, no database.
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "db/csv/reader.hpp"
#include "db/vacancies.hpp"

namespace kk::db {

enum class VacancyColumn {
    reference,
    employer,
    title,
    postcode,
    city,
    required_skills,
    optional_skills,
    german_level,
    language_support,
    driving_licence,
    hours,
    description,
    contact,
    valid_until,
};

struct VacancyColumnInfo {
    VacancyColumn column;
    std::string_view german;
    std::string_view english;
    bool required;
};

// All columns in the order the template and the export write them.
std::span<const VacancyColumnInfo> vacancy_columns();

// A reason a person understands, in both languages, tied to a column (header text as in the file).
struct Problem {
    std::string column;
    std::string reason_de;
    std::string reason_en;
};

struct VacancyHeader {
    std::vector<std::string> names;                     // header cells as written (trimmed)
    std::vector<std::optional<VacancyColumn>> columns;  // per header cell; nullopt = unknown
    std::vector<Problem> warnings;                      // unknown columns (ignored)
    std::vector<Problem> errors;                        // missing required or duplicate columns: file refused
};

// Maps header cells: case-insensitive, surrounding spaces ignored, German or English, umlauts or ae/oe/ue,
// spaces or hyphens for underscores.
VacancyHeader map_vacancy_header(const std::vector<std::string>& cells);

struct ParsedRow {
    std::optional<VacancyFields> vacancy;  // set when the row is valid
    std::vector<Problem> problems;         // why it is rejected (empty when valid)
    std::vector<Problem> warnings;         // accepted with a note (e.g. a postcode Excel shortened)
    std::string employer;                  // of a rejected row, as far as readable (a valid row has them in
    std::string reference;                 // `vacancy`; copying them for every row slowed imports down)
};

// True for a record whose cells are all empty or spaces (Excel writes such rows below the data).
bool is_blank_record(const csv::Record& record);

// Checks one data record against the header. Pure; O(record size).
ParsedRow parse_vacancy_row(const VacancyHeader& header, const csv::Record& record);
// The same into `row`, whatever it held, reusing its strings' memory: an import reads millions of rows.
void parse_vacancy_row(const VacancyHeader& header, const csv::Record& record, ParsedRow& row);

// Splits a skills cell: on '|' when the cell contains one (so a skill may contain commas), else on ','.
// Trims each skill, drops empty ones and case-insensitive duplicates, keeps the order.
std::vector<std::string> split_skills(std::string_view cell);
void split_skills(std::string_view cell, std::vector<std::string>& out);  // into `out`, replacing it

// The identity of an employer name: case-folded, inner whitespace collapsed.
std::string employer_key(std::string_view name);

// A stable 64-bit digest of every field, to tell unchanged rows from changed ones.
std::uint64_t vacancy_fingerprint(const VacancyFields& fields);

// The cells export writes for a vacancy, in vacancy_columns() order, German values (before CSV quoting).
std::vector<std::string> vacancy_cells(const VacancyFields& fields);

// The template: UTF-8 BOM, German headers, ';', CRLF, one example row.
std::string vacancy_template_csv();

}  // namespace kk::db
