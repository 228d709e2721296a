#pragma once
// Turns a byte stream in one of the encodings employers' spreadsheets produce into UTF-8, chunk by chunk.
// Detection: a byte order mark decides (UTF-8, UTF-16LE/BE); without one, a sample of the start that is
// valid UTF-8 means UTF-8, anything else is Windows-1252 (what German Excel writes) unless ICU's charset
// detector says UTF-16/32 without a BOM, which is refused. Bytes that are not valid in the detected encoding
// stop decoding with their byte offset; nothing is ever replaced silently. ICU stays out of this header.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "db/csv/source.hpp"

namespace kk::db::csv {

enum class Encoding { utf8, utf8_bom, utf16le, utf16be, windows1252 };

std::string_view encoding_name(Encoding encoding);

struct DecodeError {
    std::uint64_t byte_offset = 0;  // from the start of the file, BOM included
    std::string what;               // English, e.g. "invalid UTF-8"
    std::string what_de;
};

class Utf8Decoder {
public:
    explicit Utf8Decoder(ByteSource& source);
    ~Utf8Decoder();
    Utf8Decoder(const Utf8Decoder&) = delete;
    Utf8Decoder& operator=(const Utf8Decoder&) = delete;

    // Replaces `out` with the next piece of valid UTF-8 text (never splitting a character); returns false
    // at the end of the input or on an error (then error() is set). Memory: O(chunk size), not O(file).
    bool next(std::string& out);
    // Known after the first call to next().
    std::optional<Encoding> encoding() const;
    const std::optional<DecodeError>& error() const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace kk::db::csv
