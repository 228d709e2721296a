#pragma once
// A streaming RFC 4180 reader: quoted fields may hold delimiters, doubled quotes and line breaks; records end
// at CRLF, LF or a lone CR; blank lines are skipped. Every record carries the physical line it starts on
// (quoted line breaks count), so reports point at the line a person sees in an editor. Memory stays
// O(chunk + longest record), whatever the file size; a record longer than max_record_bytes is flagged, not kept.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "db/csv/decoder.hpp"
#include "db/csv/source.hpp"

namespace kk::db::csv {

struct ReaderOptions {
    char delimiter = '\0';  // '\0': from an Excel "sep=X" first line, else detect ';', ',' or '\t' from the header
    std::size_t max_record_bytes = 1 << 20;
};

struct Record {
    std::vector<std::string> fields;  // UTF-8; line breaks inside quoted fields become LF
    std::uint64_t line = 0;           // 1-based physical line where the record starts
    bool unterminated_quote = false;  // the file ended inside a quoted field
    bool oversized = false;           // longer than max_record_bytes; fields are truncated
    std::optional<std::size_t> stray_quote_field;  // first field with a quote inside unquoted text
};

class Reader {
public:
    explicit Reader(ByteSource& source, ReaderOptions options = {});
    ~Reader();
    Reader(const Reader&) = delete;
    Reader& operator=(const Reader&) = delete;

    // Reads the next record into `record`; false at the end of the input or on a decoding error.
    bool next(Record& record);
    // Set when reading stopped because the bytes are not valid in the detected encoding (or unreadable).
    const std::optional<DecodeError>& error() const;
    std::optional<Encoding> encoding() const;
    // The delimiter in use; known after the first next().
    char delimiter() const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// Chooses the delimiter for a header line: the most frequent of ';', '\t', ',' outside quotes
// (ties in that order); ';' when none occurs.
char detect_delimiter(std::string_view first_line);

}  // namespace kk::db::csv
