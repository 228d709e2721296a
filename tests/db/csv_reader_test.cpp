#include "db/csv/reader.hpp"

#include <catch2/catch.hpp>

#include "tests/support/files.hpp"
#include <algorithm>
#include <cstdint>
#include <fstream>
#include <iterator>

#include "db/csv/writer.hpp"

using namespace kk::db::csv;

namespace {

const std::filesystem::path kFixtures = std::filesystem::path(KK_TEST_SOURCE_DIR) / "tests" / "fixtures" / "csv";

struct Parsed {
    std::vector<Record> records;
    std::optional<DecodeError> error;
    std::optional<Encoding> encoding;
    char delimiter = '\0';
};

Parsed parse(std::string_view bytes, ReaderOptions options = {}) {
    MemorySource source(bytes);
    Reader reader(source, options);
    Parsed out;
    Record record;
    while (reader.next(record)) out.records.push_back(record);
    out.error = reader.error();
    out.encoding = reader.encoding();
    out.delimiter = reader.delimiter();
    return out;
}

using Fields = std::vector<std::string>;

}  // namespace

TEST_CASE("RFC 4180: quoted delimiters, doubled quotes and line breaks stay inside the field", "[db][csv]") {
    const auto p = parse("a;b;c\r\n\"x;y\";\"say \"\"hi\"\"\";\"two\r\nlines\"\r\nlast;;\n");
    REQUIRE(p.records.size() == 3);
    CHECK(p.records[0].fields == Fields{"a", "b", "c"});
    CHECK(p.records[1].fields == Fields{"x;y", "say \"hi\"", "two\nlines"});
    CHECK(p.records[2].fields == Fields{"last", "", ""});
}

TEST_CASE("records carry the physical line they start on, counting quoted line breaks", "[db][csv]") {
    const auto p = parse("h1,h2\n\"a\nb\nc\",d\n\n\ne,f\r\ng,\"h\r\n\"\rlone,cr\n");
    REQUIRE(p.records.size() == 5);
    CHECK(p.records[0].line == 1);
    CHECK(p.records[1].line == 2);
    CHECK(p.records[1].fields == Fields{"a\nb\nc", "d"});
    CHECK(p.records[2].line == 7);  // after two blank lines
    CHECK(p.records[3].line == 8);
    CHECK(p.records[3].fields == Fields{"g", "h\n"});
    CHECK(p.records[4].line == 10);
    CHECK(p.records[4].fields == Fields{"lone", "cr"});
}

TEST_CASE("any mix of CR, LF and CRLF inside quotes counts as lines, across read chunks too", "[db][csv]") {
    // Quoted fields made of line breaks and text in every order, spread over several 64 KiB chunks. The
    // expected line of each record and text of each field come from the rules, applied here byte by byte: CRLF
    // is one line break, a lone CR or LF is one, and inside a field each becomes LF.
    std::string file = "h1;h2\n";
    std::vector<std::string> expected_fields;
    std::vector<std::uint64_t> expected_lines;
    std::uint64_t line = 2;
    std::uint32_t state = 12345;
    auto next = [&] {
        state = state * 1103515245U + 12345U;
        return (state >> 16) % 6;
    };
    const std::string_view pieces[] = {"\r\n", "\r", "\n", "x", "yz", "\"\""};
    while (file.size() < 200 * 1024) {
        std::string raw, text;
        const std::size_t n = 1 + next() * 3;
        for (std::size_t k = 0; k < n; ++k) raw += pieces[next()];
        for (std::size_t i = 0; i < raw.size(); ++i) {
            if (raw[i] == '"') {
                text += '"';
                ++i;
            } else if (raw[i] == '\r') {
                text += '\n';
                if (i + 1 < raw.size() && raw[i + 1] == '\n') ++i;
            } else {
                text += raw[i];
            }
        }
        expected_lines.push_back(line);
        expected_fields.push_back(text);
        line += static_cast<std::uint64_t>(std::count(text.begin(), text.end(), '\n')) + 1;
        file += "\"" + raw + "\";r\r\n";
    }
    const auto p = parse(file);
    REQUIRE_FALSE(p.error);
    REQUIRE(p.records.size() == expected_fields.size() + 1);
    for (std::size_t i = 0; i < expected_fields.size(); ++i) {
        INFO("record " << i);
        CHECK(p.records[i + 1].line == expected_lines[i]);
        REQUIRE(p.records[i + 1].fields.size() == 2);
        CHECK(p.records[i + 1].fields[0] == expected_fields[i]);
    }

    // A decoded chunk ending anywhere in a quoted CR, text, LF, text: two line breaks, not one. The first chunk
    // is the 256 KiB the encoding is detected from.
    for (std::size_t pad = 256 * 1024 - 16; pad < 256 * 1024; ++pad) {
        const std::string head = "h1;h2\n" + std::string(pad - 6 - 3, 'a') + ";b\n";  // `pad` bytes
        const auto q = parse(head + "\"\rxx\nyy\";r\nlast;z\n");
        INFO("quoted field at byte " << head.size());
        REQUIRE(q.records.size() == 4);
        CHECK(q.records[2].fields[0] == "\nxx\nyy");
        CHECK(q.records[2].line == 3);
        CHECK(q.records[3].line == 6);
    }
}

TEST_CASE("the delimiter is detected from the header, ignoring quoted ones", "[db][csv]") {
    CHECK(detect_delimiter("a;b;c") == ';');
    CHECK(detect_delimiter("a,b,c") == ',');
    CHECK(detect_delimiter("a\tb\tc") == '\t');
    CHECK(detect_delimiter("\"a,b,c,d\";e;f") == ';');
    CHECK(detect_delimiter("single") == ';');
    CHECK(parse("x\ty\n1\t2\n").delimiter == '\t');
    CHECK(parse("x\ty\n1\t2\n").records[1].fields == Fields{"1", "2"});
}

TEST_CASE("an Excel sep= line names the delimiter and is skipped, lines still count from the file's start",
          "[db][csv]") {
    const auto p = parse("sep=,\r\na;b,c\r\n1;2,3\r\n");
    CHECK(p.delimiter == ',');
    REQUIRE(p.records.size() == 2);
    CHECK(p.records[0].fields == Fields{"a;b", "c"});
    CHECK(p.records[0].line == 2);
    CHECK(parse("sep=;").records.empty());
    CHECK(parse("sep=x;y\n").records[0].fields == Fields{"sep=x", "y"});
}

TEST_CASE("a last record without a line break is read, trailing blank lines are not records", "[db][csv]") {
    CHECK(parse("a;b\n1;2").records.size() == 2);
    CHECK(parse("a;b\n1;2\n\n\r\n\n").records.size() == 2);
    CHECK(parse("").records.empty());
}

TEST_CASE("malformed quoting is flagged, never guessed away", "[db][csv]") {
    const auto open = parse("a;b\n1;\"never closed\n2;3\n");
    REQUIRE(open.records.size() == 2);
    CHECK(open.records[1].unterminated_quote);
    CHECK(open.records[1].fields[1] == "never closed\n2;3\n");
    const auto stray = parse("a;b\n1;x\"y\n\"q\"z;2\n");
    REQUIRE(stray.records.size() == 3);
    CHECK(stray.records[1].stray_quote_field == std::optional<std::size_t>(1));
    CHECK(stray.records[2].stray_quote_field == std::optional<std::size_t>(0));
}

TEST_CASE("an oversized record is flagged and its text not kept", "[db][csv]") {
    const std::string big(5000, 'x');
    const auto p = parse("a;b\n" + big + ";1\nc;d\n", {.delimiter = '\0', .max_record_bytes = 1000});
    REQUIRE(p.records.size() == 3);
    CHECK(p.records[1].oversized);
    CHECK(p.records[1].fields[0].size() <= 1000);
    CHECK_FALSE(p.records[2].oversized);
    CHECK(p.records[2].fields == Fields{"c", "d"});
}

TEST_CASE("encodings are detected and converted with ICU", "[db][csv]") {
    SECTION("Windows-1252 with umlauts and sharp s") {
        const auto p = parse(kk::test::read_bytes(kFixtures / "win1252_semicolon.csv"));
        CHECK(p.encoding == Encoding::windows1252);
        CHECK(p.delimiter == ';');
        REQUIRE(p.records.size() == 4);
        CHECK(p.records[0].fields[8] == "Sprachförderung");
        CHECK(p.records[1].fields[1] == "Bäckerei Müller");
        CHECK(p.records[3].fields[1] == "Maßwerk GmbH");
    }
    SECTION("UTF-8 with BOM: the BOM is not part of the first header") {
        const auto p = parse(kk::test::read_bytes(kFixtures / "utf8_bom_comma.csv"));
        CHECK(p.encoding == Encoding::utf8_bom);
        CHECK(p.delimiter == ',');
        CHECK(p.records[0].fields[0] == "employer");
        CHECK(p.records[1].fields[5] == "Grundpflege | Hygiene, Desinfektion");
    }
    SECTION("UTF-16LE with BOM, tab separated, Cyrillic, Arabic and an emoji") {
        const auto p = parse(kk::test::read_bytes(kFixtures / "utf16le_bom_tab.csv"));
        CHECK(p.encoding == Encoding::utf16le);
        CHECK(p.delimiter == '\t');
        REQUIRE(p.records.size() == 3);
        CHECK(p.records[1].fields[6] == "Wir sprechen auch Українська та العربية");
        CHECK(p.records[2].fields[6] == "Emoji ok: 🚚");
    }
    SECTION("UTF-16BE with BOM") {
        const std::string be("\xFE\xFF\0a\0;\0b\0\n\0\xC3\0\xA4", 14);  // "a;b\nÃ¤" in UTF-16BE
        const auto p = parse(be);
        CHECK(p.encoding == Encoding::utf16be);
        REQUIRE(p.records.size() == 2);
        CHECK(p.records[1].fields[0] == "\xC3\x83\xC2\xA4");
    }
    SECTION("plain ASCII is UTF-8") { CHECK(parse("a;b\n1;2\n").encoding == Encoding::utf8); }
}

TEST_CASE("bytes not valid in the detected encoding stop reading with their offset", "[db][csv]") {
    SECTION("invalid UTF-8 after a BOM") {
        const auto p = parse(kk::test::read_bytes(kFixtures / "invalid_bytes.csv"));
        REQUIRE(p.error);
        CHECK(p.error->byte_offset == 264);
        CHECK(p.records.size() == 3);  // the header and two rows before the bad byte; the broken row is not handed out
    }
    SECTION("a byte Windows-1252 does not define") {
        const auto p = parse(kk::test::read_bytes(kFixtures / "invalid_windows1252.csv"));
        REQUIRE(p.error);
        CHECK(p.error->byte_offset == 212);
    }
    SECTION("an unpaired UTF-16 surrogate") {
        const std::string bytes("\xFF\xFE" "a\0;\0b\0\n\0" "\x00\xD8" "x\0", 14);
        const auto p = parse(bytes);
        REQUIRE(p.error);
        CHECK(p.error->byte_offset == 10);
    }
    SECTION("a UTF-16 file cut in the middle of a code unit") {
        const std::string bytes("\xFF\xFE" "a\0;\0b\0\n\0" "c", 11);
        const auto p = parse(bytes);
        REQUIRE(p.error);
        CHECK(p.error->byte_offset == 10);
    }
    SECTION("UTF-16 without a BOM is refused, not read as Latin-1") {
        std::string bytes;
        for (const char c : std::string("referenz;arbeitgeber;titel\nA;B;C\nD;E;F\n")) bytes += std::string{c, '\0'};
        const auto p = parse(bytes);
        REQUIRE(p.error);
        CHECK(p.error->byte_offset == 0);
    }
}

TEST_CASE("an invalid byte after any length of ASCII is found at its exact offset", "[db][csv]") {
    // ASCII is checked 8 bytes at a time: the bad byte at every alignment, after a valid character or not. The
    // BOM makes it UTF-8 (without one, a file that is not UTF-8 is read as Windows-1252).
    for (std::size_t run = 0; run < 40; ++run) {
        for (const std::string& before : {std::string(), std::string("\xc3\xa4")}) {
            const std::string head = "\xef\xbb\xbfh1;h2\n" + before + std::string(run, 'a');
            const auto p = parse(head + "\xff;b\n");
            INFO("after " << run << " ASCII bytes" << (before.empty() ? "" : " and an umlaut"));
            REQUIRE(p.error);
            CHECK(p.error->byte_offset == head.size());
            const auto good = parse(head + "\xc3\xb6;b\n");
            REQUIRE_FALSE(good.error);
            REQUIRE(good.records.size() == 2);
            CHECK(good.records[1].fields[0] == before + std::string(run, 'a') + "\xc3\xb6");
        }
    }
}

TEST_CASE("characters split across read chunks decode exactly", "[db][csv]") {
    // 3-byte and 4-byte characters at every alignment around the 64 KiB chunk size.
    std::string text = "h1;h2\n";
    std::size_t n = 0;
    while (text.size() < 300 * 1024) {
        text += "€ä𝄞 row " + std::to_string(n++) + ";\"q\"\"€\n𝄞\"\n";
    }
    const auto utf8 = parse(text);
    REQUIRE_FALSE(utf8.error);
    REQUIRE(utf8.records.size() == n + 1);
    CHECK(utf8.records[n].fields[0] == "€ä𝄞 row " + std::to_string(n - 1));
    CHECK(utf8.records[n].fields[1] == "q\"€\n𝄞");
    CHECK(utf8.records[n].line == 1 + 2 * n - 1);

    // The same text in UTF-16LE must give the same records.
    std::u16string wide;
    for (std::size_t i = 0; i < text.size();) {
        char32_t cp = 0;
        const auto c = static_cast<unsigned char>(text[i]);
        const int len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        cp = len == 1 ? c : c & (0xFF >> (len + 1));
        for (int k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(text[i + static_cast<std::size_t>(k)]) & 0x3F);
        i += static_cast<std::size_t>(len);
        if (cp >= 0x10000) {
            wide += static_cast<char16_t>(0xD800 + ((cp - 0x10000) >> 10));
            wide += static_cast<char16_t>(0xDC00 + ((cp - 0x10000) & 0x3FF));
        } else {
            wide += static_cast<char16_t>(cp);
        }
    }
    std::string bytes = "\xFF\xFE";
    for (const char16_t u : wide) {
        bytes += static_cast<char>(u & 0xFF);
        bytes += static_cast<char>(u >> 8);
    }
    const auto utf16 = parse(bytes);
    REQUIRE_FALSE(utf16.error);
    REQUIRE(utf16.records.size() == utf8.records.size());
    for (std::size_t i = 0; i < utf8.records.size(); i += 997) {
        CHECK(utf16.records[i].fields == utf8.records[i].fields);
        CHECK(utf16.records[i].line == utf8.records[i].line);
    }
}

TEST_CASE("written cells read back unchanged, formulas are neutralised reversibly", "[db][csv]") {
    const std::vector<std::string> cells = {"plain", "a;b", "quote \" inside", "line\nbreak", "=SUM(A1)", "+49", "-5",
                                            "@cmd", "'quoted", "'", "", "ä€𝄞"};
    std::string line;
    for (std::size_t i = 0; i < cells.size(); ++i) line += (i > 0 ? ";" : "") + export_field(cells[i], ';');
    CHECK(line.find(";'=SUM(A1);'+49;'-5;'@cmd;''quoted;'';") != std::string::npos);
    const auto p = parse("h\n" + line + "\n");
    REQUIRE(p.records.size() == 2);
    REQUIRE(p.records[1].fields.size() == cells.size());
    for (std::size_t i = 0; i < cells.size(); ++i) CHECK(unneutralise_formula(p.records[1].fields[i]) == cells[i]);
    CHECK(unneutralise_formula("'plain") == "'plain");
}

TEST_CASE("one Record read over and over holds exactly each record, whatever the one before held",
          "[db][csv]") {
    // The reader reuses the record's field strings: long fields, then fewer and shorter ones, line breaks
    // cleaned in place, a stray quote counted in the record it is in.
    const std::string long_text(200, 'x');
    const auto parsed = parse("a;b;c;d\r\n" + long_text + ";\"zwei\r\nZeilen\rund CR\";" + long_text +
                              ";4\r\nkurz;x\"y\r\n\r\n1;2;3;4;5\r\n;;;\r\n");
    REQUIRE(parsed.records.size() == 5);
    CHECK(parsed.records[0].fields == Fields{"a", "b", "c", "d"});
    CHECK(parsed.records[1].fields == Fields{long_text, "zwei\nZeilen\nund CR", long_text, "4"});
    CHECK_FALSE(parsed.records[1].stray_quote_field);
    CHECK(parsed.records[2].fields == Fields{"kurz", "x\"y"});
    CHECK(parsed.records[2].stray_quote_field == std::optional<std::size_t>(1));
    CHECK(parsed.records[3].fields == Fields{"1", "2", "3", "4", "5"});
    CHECK_FALSE(parsed.records[3].stray_quote_field);
    CHECK(parsed.records[4].fields == Fields{"", "", "", ""});
    CHECK(parsed.records[2].line == 5);
    CHECK(parsed.records[4].line == 8);  // the quoted CRLF and lone CR count, the blank line too
}
