#include "i18n/bundle_source.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>

namespace kk::i18n {
namespace {

constexpr std::string_view kReviewedKey = "reviewed";

bool is_name_char(char c) {
    return !(c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '{' || c == '}' || c == '"' ||
             c == ':' || c == ',' || c == '/');
}

void append_utf8(std::string& out, std::uint32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

class Parser {
  public:
    explicit Parser(std::string_view text) : text_(text) {
        if (text_.substr(0, 3) == "\xEF\xBB\xBF") pos_ = 3;
    }

    ParseResult run() {
        BundleSource bundle;
        skip_space();
        bundle.name = name();
        if (bundle.name.empty()) return fail("expected the bundle name");
        if (peek() == ':') {
            ++pos_;
            if (name() != "table") return fail("the bundle must be a table");
            skip_space();
        }
        if (!expect('{')) return fail("expected '{' after the bundle name");
        while (true) {
            skip_space();
            if (at_end()) return fail("missing '}' at the end of the bundle");
            if (peek() == '}') {
                ++pos_;
                break;
            }
            if (!entry(bundle)) return fail(error_);
        }
        skip_space();
        if (!at_end()) return fail("text after the end of the bundle");
        return {std::move(bundle), {}};
    }

  private:
    bool at_end() const { return pos_ >= text_.size(); }
    char peek() const { return at_end() ? '\0' : text_[pos_]; }

    ParseResult fail(const std::string& what) const {
        const auto line =
            1 + std::count(text_.begin(),
                           text_.begin() + static_cast<std::ptrdiff_t>(std::min(pos_, text_.size())), '\n');
        return {std::nullopt, "line " + std::to_string(line) + ": " + what};
    }

    void skip_space() {
        while (!at_end()) {
            const char c = peek();
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
                ++pos_;
            } else if (text_.substr(pos_, 2) == "//") {
                while (!at_end() && peek() != '\n') ++pos_;
            } else if (text_.substr(pos_, 2) == "/*") {
                const auto end = text_.find("*/", pos_ + 2);
                pos_ = end == std::string_view::npos ? text_.size() : end + 2;
            } else {
                break;
            }
        }
    }

    bool expect(char c) {
        skip_space();
        if (peek() != c) return false;
        ++pos_;
        return true;
    }

    std::string name() {
        const size_t start = pos_;
        while (!at_end() && is_name_char(peek())) ++pos_;
        return std::string(text_.substr(start, pos_ - start));
    }

    // One quoted string at pos_ (which is at '"'), unescaped.
    bool quoted(std::string& out) {
        ++pos_;
        while (!at_end() && peek() != '"') {
            char c = text_[pos_++];
            if (c != '\\') {
                out += c;
                continue;
            }
            if (at_end()) break;
            c = text_[pos_++];
            switch (c) {
                case 'n':
                    out += '\n';
                    break;
                case 't':
                    out += '\t';
                    break;
                case 'u':
                case 'U': {
                    const size_t digits = c == 'u' ? 4 : 8;
                    if (pos_ + digits > text_.size()) return set_error("bad \\u escape");
                    std::uint32_t cp = 0;
                    for (size_t i = 0; i < digits; ++i) {
                        const char h = text_[pos_++];
                        cp <<= 4;
                        if (h >= '0' && h <= '9')
                            cp |= static_cast<std::uint32_t>(h - '0');
                        else if (h >= 'a' && h <= 'f')
                            cp |= static_cast<std::uint32_t>(h - 'a' + 10);
                        else if (h >= 'A' && h <= 'F')
                            cp |= static_cast<std::uint32_t>(h - 'A' + 10);
                        else
                            return set_error("bad \\u escape");
                    }
                    append_utf8(out, cp);
                    break;
                }
                default:
                    out += c;
                    break;  // \" \\ and anything else stand for themselves
            }
        }
        if (at_end()) return set_error("unterminated string");
        ++pos_;
        return true;
    }

    bool set_error(std::string what) {
        error_ = std::move(what);
        return false;
    }

    // Skips to the '}' matching an already consumed '{', respecting strings and comments.
    bool skip_block() {
        int depth = 1;
        while (depth > 0) {
            skip_space();
            if (at_end()) return set_error("unbalanced braces");
            const char c = peek();
            if (c == '"') {
                std::string ignored;
                if (!quoted(ignored)) return false;
            } else {
                ++pos_;
                if (c == '{') ++depth;
                if (c == '}') --depth;
            }
        }
        return true;
    }

    bool entry(BundleSource& bundle) {
        const size_t start = pos_;
        const std::string key = name();
        if (key.empty()) return set_error("expected a key");
        std::string type;
        if (peek() == ':') {
            ++pos_;
            type = name();
        }
        if (!expect('{')) return set_error("expected '{' after " + key);
        skip_space();
        const bool is_reviewed = key == kReviewedKey;
        if (peek() == '"' && (type.empty() || type == "string" || type == "array" || is_reviewed)) {
            std::vector<std::string> items(1);
            bool list = type == "array";
            while (true) {
                skip_space();
                if (peek() == '"') {
                    if (!quoted(items.back())) return false;
                } else if (peek() == ',') {
                    ++pos_;
                    list = true;
                    items.emplace_back();
                } else if (peek() == '}') {
                    ++pos_;
                    break;
                } else {
                    return set_error("unexpected text in " + key);
                }
            }
            if (is_reviewed) {
                for (auto& item : items) {
                    if (!item.empty()) bundle.reviewed.insert(std::move(item));
                }
                return true;
            }
            if (!list) {
                if (bundle.find(key)) return set_error("duplicate key " + key);
                bundle.messages.emplace_back(key, std::move(items.front()));
                return true;
            }
        } else if (is_reviewed && peek() == '}') {
            ++pos_;
            return true;
        } else if (!skip_block()) {
            return false;
        }
        bundle.other_tables.emplace_back(text_.substr(start, pos_ - start));
        return true;
    }

    std::string_view text_;
    size_t pos_ = 0;
    std::string error_;
};

}  // namespace

const std::string* BundleSource::find(const std::string& key) const {
    for (const auto& [k, v] : messages) {
        if (k == key) return &v;
    }
    return nullptr;
}

void BundleSource::set(const std::string& key, std::string text) {
    for (auto& [k, v] : messages) {
        if (k == key) {
            v = std::move(text);
            return;
        }
    }
    messages.emplace_back(key, std::move(text));
}

ParseResult parse_bundle_source(std::string_view text) {
    return Parser(text).run();
}

ParseResult read_bundle_source(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) return {std::nullopt, "cannot read " + file.string()};
    std::ostringstream content;
    content << in.rdbuf();
    auto result = parse_bundle_source(content.str());
    if (!result.bundle) result.error = file.string() + ": " + result.error;
    return result;
}

std::string quote_bundle_string(std::string_view text) {
    std::string out = "\"";
    for (const char c : text) {
        switch (c) {
            case '"':
                out += "\\\"";
                break;
            case '\\':
                out += "\\\\";
                break;
            case '\n':
                out += "\\n";
                break;
            case '\t':
                out += "\\t";
                break;
            default:
                out += c;
                break;
        }
    }
    out += '"';
    return out;
}

std::string write_bundle_source(const BundleSource& bundle, const std::vector<std::string>& key_order) {
    std::string out;
    out += "// " + bundle.name +
           ": UI messages (ICU MessageFormat). One file per language; see locales/README.md.\n"
           "// Written by `kioskctl locales import` too: keep to the syntax described there.\n";
    out += bundle.name + ":table {\n";
    std::set<std::string> written;
    auto emit = [&](const std::string& key, const std::string& text) {
        out += "    " + key + " { " + quote_bundle_string(text) + " }\n";
        written.insert(key);
    };
    for (const auto& key : key_order) {
        if (const std::string* text = bundle.find(key); text && !written.count(key)) emit(key, *text);
    }
    for (const auto& [key, text] : bundle.messages) {
        if (!written.count(key)) emit(key, text);
    }
    out += "    reviewed:array {";
    if (bundle.reviewed.empty()) {
        out += " }\n";
    } else {
        out += '\n';
        for (const auto& key : bundle.reviewed) out += "        " + quote_bundle_string(key) + ",\n";
        out += "    }\n";
    }
    for (const auto& raw : bundle.other_tables) out += "    " + raw + '\n';
    out += "}\n";
    return out;
}

}  // namespace kk::i18n
