#include "cli/locales_csv.hpp"

namespace kk::cli {
namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

std::string quote_field(std::string_view field) {
    if (field.find_first_of(";,\"\r\n") == std::string_view::npos && !field.empty() && field.front() != ' ' &&
        field.back() != ' ') {
        return std::string(field);
    }
    std::string out = "\"";
    for (const char c : field) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + '"';
}

}  // namespace

std::string write_translation_csv(std::string_view lang,
                                  const std::vector<std::pair<std::string, std::string>>& rows) {
    std::string out(kBom);
    out += "key;" + quote_field(lang) + "\r\n";
    for (const auto& [key, text] : rows) out += quote_field(key) + ';' + quote_field(text) + "\r\n";
    return out;
}

CsvParse parse_translation_csv(std::string_view text) {
    if (text.substr(0, kBom.size()) == kBom) text.remove_prefix(kBom.size());
    const auto first_break = text.find_first_of("\r\n");
    const std::string_view header = text.substr(0, first_break);
    const char delimiter = header.find(';') != std::string_view::npos ? ';' : ',';

    std::vector<std::vector<std::string>> records;
    std::vector<std::size_t> lines;
    std::size_t line = 1;
    std::size_t i = 0;
    while (i < text.size()) {
        std::vector<std::string> fields(1);
        const std::size_t record_line = line;
        bool blank = true;
        while (i < text.size()) {
            const char c = text[i];
            if (c == '"' && fields.back().empty()) {
                blank = false;
                ++i;
                while (true) {
                    if (i >= text.size())
                        return {std::nullopt, "line " + std::to_string(record_line) + ": unterminated quote"};
                    if (text[i] == '"') {
                        if (i + 1 < text.size() && text[i + 1] == '"') {
                            fields.back() += '"';
                            i += 2;
                            continue;
                        }
                        ++i;
                        break;
                    }
                    if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n')
                        ++i;  // CRLF inside: LF
                    if (text[i] == '\n' || text[i] == '\r') ++line;
                    fields.back() += text[i] == '\r' ? '\n' : text[i];
                    ++i;
                }
                if (i < text.size() && text[i] != delimiter && text[i] != '\r' && text[i] != '\n') {
                    return {std::nullopt, "line " + std::to_string(line) + ": text after a closing quote"};
                }
            } else if (c == delimiter) {
                blank = false;
                fields.emplace_back();
                ++i;
            } else if (c == '\r' || c == '\n') {
                i += (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ? 2u : 1u;
                ++line;
                break;
            } else {
                blank = false;
                fields.back() += c;
                ++i;
            }
        }
        if (blank) continue;
        records.push_back(std::move(fields));
        lines.push_back(record_line);
    }

    if (records.empty()) return {std::nullopt, "line 1: the file is empty"};
    if (records[0].size() != 2 || records[0][0] != "key" || records[0][1].empty()) {
        return {std::nullopt, "line 1: the header must be key;<language code>, e.g. key;de"};
    }
    TranslationTable table;
    table.lang = records[0][1];
    for (std::size_t r = 1; r < records.size(); ++r) {
        if (records[r].size() != 2) {
            return {std::nullopt, "line " + std::to_string(lines[r]) + ": expected 2 columns, found " +
                                      std::to_string(records[r].size())};
        }
        table.rows.push_back({std::move(records[r][0]), std::move(records[r][1]), lines[r]});
    }
    return {std::move(table), {}};
}

}  // namespace kk::cli
