#include "db/csv/decoder.hpp"

#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>
#include <unicode/ustring.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <vector>

namespace kk::db::csv {
namespace {

constexpr std::size_t kChunkBytes = 64 * 1024;
constexpr std::size_t kSampleBytes = 256 * 1024;

// Length of the valid UTF-8 prefix of `data`; `truncated_tail` when the rest is only an incomplete character.
std::size_t valid_utf8_prefix(std::string_view data, bool& truncated_tail) {
    const auto* s = reinterpret_cast<const std::uint8_t*>(data.data());
    const auto length = static_cast<std::int32_t>(data.size());
    std::int32_t i = 0;
    truncated_tail = false;
    while (i < length) {
        if (s[i] < 0x80) {
            // ASCII, most of a German file: 8 bytes at a time while no byte has its top bit set.
            ++i;
            while (i + 8 <= length) {
                std::uint64_t word = 0;
                std::memcpy(&word, s + i, 8);
                if ((word & 0x8080808080808080ULL) != 0) break;
                i += 8;
            }
            continue;
        }
        const std::int32_t start = i;
        UChar32 c = 0;
        U8_NEXT(s, i, length, c);
        if (c < 0) {
            // An incomplete sequence at the very end may be completed by the next chunk.
            const std::int32_t needed = 1 + U8_COUNT_TRAIL_BYTES(s[start]);
            truncated_tail = U8_IS_LEAD(s[start]) && needed > length - start && i == length;
            return static_cast<std::size_t>(start);
        }
    }
    return data.size();
}

struct UConverterCloser {
    void operator()(UConverter* c) const { ucnv_close(c); }
};

bool icu_says_utf16_or_32(std::string_view sample) {
    UErrorCode status = U_ZERO_ERROR;
    UCharsetDetector* detector = ucsdet_open(&status);
    if (U_FAILURE(status)) return false;
    ucsdet_setText(detector, sample.data(), static_cast<int32_t>(std::min<std::size_t>(sample.size(), 65536)),
                   &status);
    const UCharsetMatch* match = ucsdet_detect(detector, &status);
    bool wide = false;
    if (U_SUCCESS(status) && match != nullptr) {
        const char* name = ucsdet_getName(match, &status);
        wide = U_SUCCESS(status) && name != nullptr &&
               (std::strncmp(name, "UTF-16", 6) == 0 || std::strncmp(name, "UTF-32", 6) == 0);
    }
    ucsdet_close(detector);
    return wide;
}

}  // namespace

std::string_view encoding_name(Encoding encoding) {
    switch (encoding) {
        case Encoding::utf8: return "UTF-8";
        case Encoding::utf8_bom: return "UTF-8 (BOM)";
        case Encoding::utf16le: return "UTF-16LE";
        case Encoding::utf16be: return "UTF-16BE";
        case Encoding::windows1252: return "Windows-1252";
    }
    return "";
}

struct Utf8Decoder::Impl {
    ByteSource& source;
    std::optional<Encoding> encoding;
    std::optional<DecodeError> error;
    std::unique_ptr<UConverter, UConverterCloser> converter;
    std::string pending;          // bytes read but not yet decoded
    std::uint64_t pending_offset = 0;  // file offset of pending[0]
    bool eof = false;
    bool finished = false;
    std::vector<char> chunk = std::vector<char>(kChunkBytes);
    std::vector<UChar> wide;
    std::u16string carry_lead;  // a lead surrogate waiting for its trail from the next chunk

    explicit Impl(ByteSource& s) : source(s) {}

    bool read_more() {
        const auto n = source.read(chunk.data(), chunk.size());
        if (!n) {
            fail(pending_offset + pending.size(), "the file could not be read", "die Datei konnte nicht gelesen werden");
            return false;
        }
        if (*n == 0) eof = true;
        pending.append(chunk.data(), *n);
        return true;
    }

    void fail(std::uint64_t offset, std::string what, std::string what_de) {
        error = DecodeError{.byte_offset = offset, .what = std::move(what), .what_de = std::move(what_de)};
        finished = true;
    }

    bool detect() {
        while (!eof && pending.size() < kSampleBytes) {
            if (!read_more()) return false;
        }
        std::string_view bytes = pending;
        auto starts = [&](std::string_view bom) { return bytes.substr(0, bom.size()) == bom; };
        std::size_t bom = 0;
        if (starts("\xEF\xBB\xBF")) {
            encoding = Encoding::utf8_bom;
            bom = 3;
        } else if (starts("\xFF\xFE")) {
            encoding = Encoding::utf16le;
            bom = 2;
        } else if (starts("\xFE\xFF")) {
            encoding = Encoding::utf16be;
            bom = 2;
        } else {
            if (bytes.find('\0') != std::string_view::npos && icu_says_utf16_or_32(bytes)) {
                fail(0, "the file looks like UTF-16 without a byte order mark; save it as UTF-8",
                     "die Datei sieht nach UTF-16 ohne Byte-Order-Mark aus; bitte als UTF-8 speichern");
                return false;
            }
            bool truncated = false;
            const std::size_t valid = valid_utf8_prefix(bytes, truncated);
            encoding = (valid == bytes.size() || (truncated && !eof)) ? Encoding::utf8 : Encoding::windows1252;
        }
        pending.erase(0, bom);
        pending_offset = bom;
        if (*encoding == Encoding::utf16le || *encoding == Encoding::utf16be ||
            *encoding == Encoding::windows1252) {
            const char* name = *encoding == Encoding::utf16le   ? "UTF-16LE"
                               : *encoding == Encoding::utf16be ? "UTF-16BE"
                                                                : "windows-1252";
            UErrorCode status = U_ZERO_ERROR;
            converter.reset(ucnv_open(name, &status));
            if (U_SUCCESS(status)) {
                ucnv_setToUCallBack(converter.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
            }
            if (U_FAILURE(status)) {
                fail(0, std::string("ICU converter unavailable: ") + u_errorName(status),
                     std::string("ICU-Konverter fehlt: ") + u_errorName(status));
                return false;
            }
        }
        return true;
    }

    bool next_utf8(std::string& out) {
        bool truncated = false;
        const std::size_t valid = valid_utf8_prefix(pending, truncated);
        // Hand out the valid text first; the invalid bytes are then at the front and fail the next call.
        if (valid < pending.size() && !(truncated && !eof) && valid == 0) {
            fail(pending_offset + valid, "invalid UTF-8 byte sequence", "ungültige UTF-8-Bytefolge");
            return false;
        }
        out.assign(pending, 0, valid);
        pending.erase(0, valid);
        pending_offset += valid;
        return true;
    }

    // ICU maps the five bytes Windows-1252 leaves undefined to C1 controls; no spreadsheet writes them, so
    // their presence means the file is in some other encoding.
    bool undefined_windows1252_byte() {
        for (std::size_t i = 0; i < pending.size(); ++i) {
            const auto b = static_cast<unsigned char>(pending[i]);
            if (b == 0x81 || b == 0x8D || b == 0x8F || b == 0x90 || b == 0x9D) {
                fail(pending_offset + i, "byte not defined in Windows-1252", "Byte in Windows-1252 nicht definiert");
                return true;
            }
        }
        return false;
    }

    bool next_icu(std::string& out) {
        if (*encoding == Encoding::windows1252 && undefined_windows1252_byte()) return false;
        wide.resize(carry_lead.size() + pending.size() + 8);
        std::copy(carry_lead.begin(), carry_lead.end(), wide.begin());
        UChar* target = wide.data() + carry_lead.size();
        carry_lead.clear();
        const char* source_begin = pending.data();
        const char* source_ptr = source_begin;
        UErrorCode status = U_ZERO_ERROR;
        ucnv_toUnicode(converter.get(), &target, wide.data() + wide.size(), &source_ptr,
                       source_begin + pending.size(), nullptr, eof ? 1 : 0, &status);
        if (U_FAILURE(status)) {
            char bad[32];
            int8_t bad_length = sizeof bad;
            UErrorCode ignored = U_ZERO_ERROR;
            ucnv_getInvalidChars(converter.get(), bad, &bad_length, &ignored);
            const auto consumed = static_cast<std::uint64_t>(source_ptr - source_begin);
            const std::uint64_t at = pending_offset + consumed - std::min<std::uint64_t>(consumed, static_cast<std::uint64_t>(std::max<int8_t>(bad_length, 0)));
            fail(at, std::string("byte sequence not valid in ") + std::string(encoding_name(*encoding)),
                 std::string("Bytefolge ungültig in ") + std::string(encoding_name(*encoding)));
            return false;
        }
        const auto consumed = static_cast<std::size_t>(source_ptr - source_begin);
        pending.erase(0, consumed);
        pending_offset += consumed;
        auto length = static_cast<std::int32_t>(target - wide.data());
        if (!eof && length > 0 && U16_IS_LEAD(wide[static_cast<std::size_t>(length - 1)])) {
            carry_lead.assign(1, wide[static_cast<std::size_t>(length - 1)]);
            --length;
        }
        out.resize(static_cast<std::size_t>(length) * 3 + 4);
        std::int32_t written = 0;
        status = U_ZERO_ERROR;
        u_strToUTF8(out.data(), static_cast<std::int32_t>(out.size()), &written, wide.data(), length, &status);
        if (U_FAILURE(status)) {
            fail(pending_offset, "unpaired UTF-16 surrogate", "unvollständiges UTF-16-Ersatzzeichen");
            return false;
        }
        out.resize(static_cast<std::size_t>(written));
        return true;
    }

    bool next(std::string& out) {
        out.clear();
        if (finished) return false;
        if (!encoding && !detect()) return false;
        while (out.empty()) {
            if (pending.size() < kChunkBytes && !eof && !read_more()) return false;
            const bool ok = converter ? next_icu(out) : next_utf8(out);
            if (!ok) return false;
            if (out.empty() && eof && pending.empty()) {
                finished = true;
                return false;
            }
        }
        return true;
    }
};

Utf8Decoder::Utf8Decoder(ByteSource& source) : impl_(std::make_unique<Impl>(source)) {}
Utf8Decoder::~Utf8Decoder() = default;
bool Utf8Decoder::next(std::string& out) { return impl_->next(out); }
std::optional<Encoding> Utf8Decoder::encoding() const { return impl_->encoding; }
const std::optional<DecodeError>& Utf8Decoder::error() const { return impl_->error; }

}  // namespace kk::db::csv
