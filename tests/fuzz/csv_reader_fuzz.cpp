// libFuzzer target for the CSV reader (build with -DKK_FUZZ=ON and clang, see README). The same entry point
// runs in CI through csv_fuzz_replay_test.cpp, so the invariants below are checked on every build.
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include <unicode/utf8.h>

#include "db/csv/reader.hpp"
#include "db/csv/writer.hpp"
#include "db/vacancy_csv.hpp"

namespace {

// A crash is what libFuzzer (and the replay test) reports; the line says which invariant broke.
#define require(condition)                                                             \
    do {                                                                               \
        if (!(condition)) {                                                            \
            std::fprintf(stderr, "csv fuzz invariant failed at line %d: %s\n", __LINE__, #condition); \
            std::abort();                                                              \
        }                                                                              \
    } while (false)

bool valid_utf8(std::string_view s) {
    const auto* p = reinterpret_cast<const std::uint8_t*>(s.data());
    const auto length = static_cast<std::int32_t>(s.size());
    for (std::int32_t i = 0; i < length;) {
        UChar32 c = 0;
        U8_NEXT(p, i, length, c);
        if (c < 0) return false;
    }
    return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace kk::db;
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    csv::MemorySource source(bytes);
    csv::Reader reader(source, {.delimiter = '\0', .max_record_bytes = 4096});
    csv::Record record;
    std::uint64_t last_line = 0;
    std::optional<VacancyHeader> header;
    while (reader.next(record)) {
        require(record.line > last_line);
        last_line = record.line;
        require(!record.fields.empty());
        std::size_t bytes_in_record = 0;
        for (const auto& f : record.fields) {
            bytes_in_record += f.size();
            require(f.find('\r') == std::string::npos);
        }
        require(bytes_in_record <= 4096);
        if (!header) {
            header = map_vacancy_header(record.fields);
        } else {
            (void)parse_vacancy_row(*header, record);
        }
        // A clean record written back (every field quoted) reads back to the same fields.
        // (NUL characters are left out: a line full of them may rightly be taken for UTF-16 without a BOM.)
        const bool has_nul = std::any_of(record.fields.begin(), record.fields.end(),
                                         [](const std::string& f) { return f.find('\0') != std::string::npos; });
        if (!record.oversized && !record.unterminated_quote && !record.stray_quote_field && !has_nul) {
            std::string line;
            for (std::size_t i = 0; i < record.fields.size(); ++i) {
                if (i > 0) line += reader.delimiter();
                line += '"';
                for (const char c : record.fields[i]) line += c == '"' ? std::string("\"\"") : std::string(1, c);
                line += '"';
            }
            line += "\r\n";
            csv::MemorySource again_source(line);
            csv::Reader again(again_source, {.delimiter = reader.delimiter(), .max_record_bytes = 1 << 20});
            csv::Record copy;
            require(again.next(copy));
            require(copy.fields == record.fields);
            require(!again.next(copy));
        }
        for (const auto& f : record.fields) {
            require(csv::unneutralise_formula(csv::neutralise_formula(f)) == f);
            require(valid_utf8(f));
        }
    }
    if (reader.error()) require(reader.error()->byte_offset <= size);
    return 0;
}
