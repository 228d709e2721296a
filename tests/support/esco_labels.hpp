#pragma once
// Labels of the official ESCO CSV export as matcher label entries, for tests and benchmarks over real data.
// Header-only so that bench programs can use it without the Catch2 test support library; matcher itself never
// reads files (the store feeds it).
#include "matcher/skill_index.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace kk::test {

// RFC 4180: comma-separated, fields optionally in double quotes, "" inside quotes is one quote, quoted fields
// may hold newlines; CRLF or LF line ends. Returns every record, the header included.
inline std::vector<std::vector<std::string>> parse_csv(const std::string& text) {
    std::vector<std::vector<std::string>> rows;
    std::vector<std::string> row;
    std::string field;
    bool quoted = false;
    bool field_started = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
                field.push_back('"');
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                field.push_back(c);
            }
        } else if (c == '"') {
            quoted = true;
            field_started = true;
        } else if (c == ',') {
            row.push_back(std::move(field));
            field.clear();
            field_started = true;
        } else if (c == '\n' || c == '\r') {
            if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
            if (field_started || !field.empty() || !row.empty()) {
                row.push_back(std::move(field));
                rows.push_back(std::move(row));
            }
            row.clear();
            field.clear();
            field_started = false;
        } else {
            field.push_back(c);
            field_started = true;
        }
    }
    if (field_started || !field.empty() || !row.empty()) {
        row.push_back(std::move(field));
        rows.push_back(std::move(row));
    }
    return rows;
}

// Appends the preferred and alternative labels (altLabels are newline-separated) of every concept in one ESCO
// CSV file; concepts already in `seen` for this language are skipped (collections overlap). Returns the number
// of label entries added; 0 when the file is missing.
inline std::size_t add_esco_labels(const std::filesystem::path& csv, const std::string& lang,
                                   matcher::ConceptKind kind, std::vector<matcher::LabelEntry>& out,
                                   std::set<std::pair<std::string, std::string>>& seen) {
    std::ifstream in(csv, std::ios::binary);
    if (!in) return 0;
    const std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    const auto rows = parse_csv(text);
    if (rows.empty()) return 0;
    std::size_t uri = rows[0].size(), preferred = uri, alt = uri;
    for (std::size_t i = 0; i < rows[0].size(); ++i) {
        if (rows[0][i] == "conceptUri") uri = i;
        if (rows[0][i] == "preferredLabel") preferred = i;
        if (rows[0][i] == "altLabels") alt = i;
    }
    const std::size_t before = out.size();
    for (std::size_t r = 1; r < rows.size(); ++r) {
        const auto& row = rows[r];
        if (uri >= row.size() || preferred >= row.size()) continue;
        if (!seen.emplace(row[uri], lang).second) continue;
        out.push_back(matcher::LabelEntry{.concept_id = row[uri], .lang = lang, .label = row[preferred],
                                          .is_preferred = true, .kind = kind});
        if (alt >= row.size()) continue;
        std::size_t start = 0;
        const std::string& alts = row[alt];
        while (start < alts.size()) {
            std::size_t end = alts.find('\n', start);
            if (end == std::string::npos) end = alts.size();
            if (end > start && alts.compare(start, end - start, row[preferred]) != 0) {
                out.push_back(matcher::LabelEntry{.concept_id = row[uri], .lang = lang,
                                                  .label = alts.substr(start, end - start), .is_preferred = false,
                                                  .kind = kind});
            }
            start = end + 1;
        }
    }
    return out.size() - before;
}

// English skills (full) and German skill collections (ESCO ships no full German skills file in our extract),
// optionally with the occupations of both, from the shared data directory's esco/ folder.
inline std::vector<matcher::LabelEntry> load_esco_labels(const std::filesystem::path& esco_dir,
                                                         bool with_occupations) {
    std::vector<matcher::LabelEntry> labels;
    std::set<std::pair<std::string, std::string>> seen;
    const auto en = esco_dir / "v1.1.1-en";
    const auto de = esco_dir / "v1.2.1-de";
    add_esco_labels(en / "skills_en.csv", "en", matcher::ConceptKind::skill, labels, seen);
    if (std::filesystem::is_directory(de)) {
        std::vector<std::filesystem::path> collections;
        for (const auto& file : std::filesystem::directory_iterator(de)) {
            if (file.path().filename().string().ends_with("SkillsCollection_de.csv")) collections.push_back(file.path());
        }
        std::sort(collections.begin(), collections.end());
        for (const auto& file : collections) add_esco_labels(file, "de", matcher::ConceptKind::skill, labels, seen);
    }
    if (with_occupations) {
        add_esco_labels(en / "occupations_en.csv", "en", matcher::ConceptKind::occupation, labels, seen);
        add_esco_labels(de / "occupations_de.csv", "de", matcher::ConceptKind::occupation, labels, seen);
    }
    return labels;
}

}  // namespace kk::test
