#include "db/csv/reader.hpp"

#include <algorithm>
#include <array>
#include <cstring>
#include <string_view>

namespace kk::db::csv {

char detect_delimiter(std::string_view first_line) {
    std::size_t semicolons = 0, tabs = 0, commas = 0;
    bool quoted = false;
    for (const char c : first_line) {
        if (c == '"') {
            quoted = !quoted;
        } else if (!quoted) {
            if (c == '\n' || c == '\r') break;
            semicolons += c == ';';
            tabs += c == '\t';
            commas += c == ',';
        }
    }
    if (semicolons >= tabs && semicolons >= commas) return ';';
    return tabs >= commas ? '\t' : ',';
}

namespace {
enum class State { field_start, unquoted, quoted, quote_in_quoted };
}  // namespace

struct Reader::Impl {
    Utf8Decoder decoder;
    ReaderOptions options;
    std::string text;  // current decoded chunk
    std::size_t pos = 0;
    bool input_done = false;
    std::uint64_t line = 1;
    bool after_cr = false;  // the previous character was a CR (so an LF does not start another line)
    std::array<bool, 256> special{};
    // The field being read. It trades buffers with the record's fields as they finish, so once the first
    // records are read, reading allocates nothing.
    std::string field;
    bool carriage_return = false;  // `field` holds a CR, to become LF when it ends

    Impl(ByteSource& source, ReaderOptions o) : decoder(source), options(o) {}

    bool fill() {
        if (input_done) return false;
        pos = 0;
        if (!decoder.next(text)) {
            text.clear();
            input_done = true;
            return false;
        }
        return true;
    }

    bool start() {
        if (!fill()) return false;
        if (options.delimiter == '\0') {
            // The header line is almost always in the first chunk; read on only if it is not.
            std::string first = text;
            std::string more;
            while (first.find_first_of("\r\n") == std::string::npos && first.size() < options.max_record_bytes &&
                   decoder.next(more)) {
                first += more;
            }
            options.delimiter = detect_delimiter(first);
            text = std::move(first);  // a decoding error surfaces once this valid text runs out
            // Excel's "sep=;" line names the delimiter and is not part of the data.
            if (text.size() >= 5 && text.compare(0, 4, "sep=") == 0 && text[4] != '\r' && text[4] != '\n' &&
                (text.size() == 5 || text[5] == '\r' || text[5] == '\n')) {
                options.delimiter = text[4];
                pos = 5;
            }
        }
        for (const char c : {options.delimiter, '"', '\r', '\n'}) special[static_cast<unsigned char>(c)] = true;
        return true;
    }

    bool started = false;

    bool next(Record& record) {
        if (!started) {
            started = true;
            if (!start()) return false;
        }
        record.unterminated_quote = record.oversized = false;
        record.stray_quote_field.reset();
        for (;;) {
            if (pos >= text.size() && !fill()) {
                record.fields.clear();
                return false;
            }
            // Skip blank lines between records.
            while (pos < text.size() && (text[pos] == '\n' || text[pos] == '\r')) {
                count_line_break(text[pos]);
                ++pos;
            }
            if (pos < text.size()) break;
        }
        record.line = line;
        std::size_t bytes = 0;
        State state = State::field_start;
        std::size_t count = 0;  // fields finished; record.fields beyond it are buffers to reuse
        field.clear();
        auto append = [&](const char* data, std::size_t n) {
            bytes += n;
            if (bytes > options.max_record_bytes) {
                record.oversized = true;
                return;
            }
            field.append(data, n);
        };
        auto finish_field = [&] {
            if (carriage_return) {
                // Line breaks inside a field become LF whatever the file used (CRLF, lone CR): in place, as
                // the text only gets shorter.
                std::size_t out = 0;
                for (std::size_t i = 0; i < field.size(); ++i) {
                    if (field[i] != '\r') {
                        field[out++] = field[i];
                    } else if (i + 1 >= field.size() || field[i + 1] != '\n') {
                        field[out++] = '\n';
                    }
                }
                field.resize(out);
            }
            if (count == record.fields.size()) record.fields.emplace_back();
            record.fields[count++].swap(field);
            field.clear();
            carriage_return = false;
        };
        auto finish_record = [&] {
            finish_field();
            record.fields.resize(count);
            return true;
        };
        const char delimiter = options.delimiter;
        for (;;) {
            if (pos >= text.size() && !fill()) {
                if (decoder.error()) {  // a half-decoded record is never handed out
                    record.fields.clear();
                    return false;
                }
                if (state == State::quoted) record.unterminated_quote = true;
                return finish_record();
            }
            if (state == State::quoted) {
                // Up to the next quote (or the chunk's end), counting the line breaks in between.
                const std::size_t begin = pos;
                const char* quote = static_cast<const char*>(std::memchr(text.data() + pos, '"', text.size() - pos));
                pos = quote != nullptr ? static_cast<std::size_t>(quote - text.data()) : text.size();
                count_line_breaks(std::string_view(text).substr(begin, pos - begin));
                append(text.data() + begin, pos - begin);
                if (pos < text.size()) {
                    ++pos;
                    after_cr = false;
                    state = State::quote_in_quoted;
                }
                continue;
            }
            if (state == State::unquoted || state == State::field_start) {
                const std::size_t begin = pos;
                pos = find_special(pos);
                if (pos > begin) {
                    append(text.data() + begin, pos - begin);
                    after_cr = false;
                    state = State::unquoted;
                }
                if (pos >= text.size()) continue;
            }
            const char c = text[pos];
            if (state == State::quote_in_quoted && c == '"') {
                append("\"", 1);
                ++pos;
                state = State::quoted;
                continue;
            }
            if (c == delimiter) {
                ++pos;
                after_cr = false;
                finish_field();
                state = State::field_start;
            } else if (c == '\n' || c == '\r') {
                count_line_break(c);
                ++pos;
                // Consume the LF of a CRLF now so the next record starts on the right line.
                if (c == '\r') {
                    if (pos >= text.size()) fill();
                    if (pos < text.size() && text[pos] == '\n') {
                        count_line_break('\n');
                        ++pos;
                    }
                }
                return finish_record();
            } else if (c == '"') {
                ++pos;
                after_cr = false;
                if (state == State::field_start) {
                    state = State::quoted;
                } else {
                    // RFC 4180 forbids it; keep the quote as text rather than guess.
                    if (!record.stray_quote_field) record.stray_quote_field = count;
                    append("\"", 1);
                    state = State::unquoted;
                }
            } else {
                // A character after a closing quote: keep it, flag the record.
                if (!record.stray_quote_field) record.stray_quote_field = count;
                append(&text[pos], 1);
                ++pos;
                after_cr = false;
                state = State::unquoted;
            }
        }
    }

    // The first byte at or after `from` that is special (delimiter, quote, CR, LF), or the chunk's end. Fields
    // are mostly short: byte by byte, with locals the compiler keeps in registers.
    std::size_t find_special(std::size_t from) const {
        const char* data = text.data();
        const std::size_t size = text.size();
        while (from < size && !special[static_cast<unsigned char>(data[from])]) ++from;
        return from;
    }

    // count_line_break() for each CR and LF of `span` (quoted text), found with memchr: each byte is searched
    // once for each of the two. Any other character ends a CR's pairing with a following LF.
    void count_line_breaks(std::string_view span) {
        const char* const end = span.data() + span.size();
        auto find = [&](const char* from, char c) {
            const void* found = std::memchr(from, c, static_cast<std::size_t>(end - from));
            return found != nullptr ? static_cast<const char*>(found) : end;
        };
        const char* at = span.data();
        const char* lf = find(at, '\n');
        const char* cr = find(at, '\r');
        while (at < end) {
            const char* next = std::min(lf, cr);
            if (next == end) {
                after_cr = false;  // other characters end the span
                break;
            }
            if (next > at) after_cr = false;  // other characters came first
            count_line_break(*next);
            if (*next == '\r') {
                carriage_return = true;
                cr = find(next + 1, '\r');
            } else {
                lf = find(next + 1, '\n');
            }
            at = next + 1;
        }
    }

    void count_line_break(char c) {
        if (c == '\r') {
            ++line;
            after_cr = true;
        } else {
            if (!after_cr) ++line;
            after_cr = false;
        }
    }
};

Reader::Reader(ByteSource& source, ReaderOptions options) : impl_(std::make_unique<Impl>(source, options)) {}
Reader::~Reader() = default;
bool Reader::next(Record& record) { return impl_->next(record); }
const std::optional<DecodeError>& Reader::error() const { return impl_->decoder.error(); }
std::optional<Encoding> Reader::encoding() const { return impl_->decoder.encoding(); }
char Reader::delimiter() const { return impl_->options.delimiter; }

}  // namespace kk::db::csv
