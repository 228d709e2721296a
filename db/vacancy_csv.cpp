#include "db/vacancy_csv.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdint>
#include <cstring>
#include <set>
#include <type_traits>

#include "db/csv/writer.hpp"
#include "matcher/normalise.hpp"

namespace kk::db {
namespace {

constexpr std::array<VacancyColumnInfo, 14> kColumns = {{
    {VacancyColumn::reference, "referenz", "reference", true},
    {VacancyColumn::employer, "arbeitgeber", "employer", true},
    {VacancyColumn::title, "titel", "title", true},
    {VacancyColumn::postcode, "plz", "postcode", true},
    {VacancyColumn::city, "ort", "city", false},
    {VacancyColumn::required_skills, "pflichtkenntnisse", "required_skills", true},
    {VacancyColumn::optional_skills, "wunschkenntnisse", "optional_skills", false},
    {VacancyColumn::german_level, "deutschniveau", "german_level", false},
    {VacancyColumn::language_support, "sprachfoerderung", "language_support", false},
    {VacancyColumn::driving_licence, "fuehrerschein", "driving_licence", false},
    {VacancyColumn::hours, "arbeitszeit", "hours", false},
    {VacancyColumn::description, "beschreibung", "description", false},
    {VacancyColumn::contact, "kontakt", "contact", false},
    {VacancyColumn::valid_until, "gueltig_bis", "valid_until", false},
}};

constexpr std::array<std::string_view, 16> kLicenceClasses = {"AM", "A1", "A2", "A",  "B",  "BE", "C1", "C1E",
                                                              "C",  "CE", "D1", "D1E", "D", "DE", "L",  "T"};

struct HoursName {
    std::string_view code;
    std::string_view german;
    std::array<std::string_view, 5> spellings;  // folded, spaces and hyphens removed
};
constexpr std::array<HoursName, 4> kHours = {{
    {"full_time", "Vollzeit", {"vollzeit", "fulltime", "", "", ""}},
    {"part_time", "Teilzeit", {"teilzeit", "parttime", "", "", ""}},
    {"minijob", "Minijob", {"minijob", "geringfuegigebeschaeftigung", "", "", ""}},
    {"shift", "Schicht", {"schicht", "schichtarbeit", "schichtdienst", "shift", "shifts"}},
}};

constexpr std::size_t kMaxShortText = 200;
constexpr std::size_t kMaxReference = 100;
constexpr std::size_t kMaxLongText = 20000;

bool is_ascii(std::string_view s) {
    return std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

char ascii_lower(char c) { return static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c); }

// NFKC case folding; for pure ASCII (most cells) that is plain lowercasing, without a trip through ICU.
std::string fold(std::string_view s) {
    if (is_ascii(s)) {
        std::string out(s);
        for (char& c : out) c = ascii_lower(c);
        return out;
    }
    return matcher::fold_for_matching(s);
}

std::string_view trim(std::string_view s) {
    auto is_space = [](std::string_view t) {
        if (!t.empty() && (t.front() == ' ' || t.front() == '\t' || t.front() == '\r' || t.front() == '\n')) return 1;
        if (t.size() >= 2 && t[0] == '\xC2' && t[1] == '\xA0') return 2;  // no-break space from Excel
        return 0;
    };
    while (int n = is_space(s)) s.remove_prefix(static_cast<std::size_t>(n));
    for (;;) {
        if (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' || s.back() == '\n')) {
            s.remove_suffix(1);
        } else if (s.size() >= 2 && s[s.size() - 2] == '\xC2' && s.back() == '\xA0') {
            s.remove_suffix(2);
        } else {
            return s;
        }
    }
}

// Case-folded, German umlauts spelled out, spaces, hyphens and underscores removed: for keyword matching.
std::string keyword(std::string_view s) {
    s = trim(s);
    std::string out;
    if (is_ascii(s)) {  // folding is lowercasing: one pass, no folded copy
        for (const char c : s) {
            if (c != ' ' && c != '-' && c != '_' && c != '.') out += ascii_lower(c);
        }
        return out;
    }
    const std::string folded = fold(s);
    for (std::size_t i = 0; i < folded.size(); ++i) {
        const char c = folded[i];
        if (c == ' ' || c == '-' || c == '_' || c == '.') continue;
        if (c == '\xC3' && i + 1 < folded.size()) {
            const char n = folded[i + 1];
            if (n == '\xA4') { out += "ae"; ++i; continue; }
            if (n == '\xB6') { out += "oe"; ++i; continue; }
            if (n == '\xBC') { out += "ue"; ++i; continue; }
        }
        out += c;
    }
    return out;
}

std::size_t utf8_length(std::string_view s) {
    return static_cast<std::size_t>(std::count_if(s.begin(), s.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

// Whether `s` has more than `max` characters. A string of at most `max` bytes cannot: most cells are counted
// without a look at their bytes.
bool longer_than(std::string_view s, std::size_t max) { return s.size() > max && utf8_length(s) > max; }

// Whether any byte of `word` (8 bytes of text) is below 0x20 or is 0x7F or 0xC2: the only bytes has_control
// looks at twice. SWAR: a byte b < n sets its top bit in (b - n) & ~b; equality is "xor is zero".
bool may_have_control(std::uint64_t word) {
    constexpr std::uint64_t kOnes = 0x0101010101010101ULL, kHigh = 0x8080808080808080ULL;
    auto below = [&](std::uint64_t x, std::uint64_t n) { return (x - n * kOnes) & ~x & kHigh; };
    auto zero_byte = [&](std::uint64_t x) { return below(x, 1); };
    return (below(word, 0x20) | zero_byte(word ^ (0x7F * kOnes)) | zero_byte(word ^ (0xC2 * kOnes))) != 0;
}

bool control_at(std::string_view s, std::size_t i, bool allow_newline) {
    const auto u = static_cast<unsigned char>(s[i]);
    if (s[i] == '\n') return !allow_newline;
    if ((u < 0x20 && s[i] != '\t') || u == 0x7F) return true;
    // C1 control (U+0080..U+009F)
    return u == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) < 0xA0;
}

bool has_control(std::string_view s, bool allow_newline) {
    // Most cells have none: 8 bytes at a time, and only a flagged word (the test may also flag a byte after a
    // real match) byte by byte.
    std::size_t i = 0;
    for (; i + 8 <= s.size(); i += 8) {
        std::uint64_t word = 0;
        std::memcpy(&word, s.data() + i, 8);
        if (!may_have_control(word)) continue;
        for (std::size_t k = i; k < i + 8; ++k) {
            if (control_at(s, k, allow_newline)) return true;
        }
    }
    for (; i < s.size(); ++i) {
        if (control_at(s, i, allow_newline)) return true;
    }
    return false;
}

bool valid_date(int y, int m, int d) {
    if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1) return false;
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return d <= kDays[m - 1] + (m == 2 && leap ? 1 : 0);
}

std::optional<int> number(std::string_view s) {
    if (s.empty() || s.size() > 4) return std::nullopt;
    int value = 0;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
    if (ec != std::errc() || end != s.data() + s.size()) return std::nullopt;
    return value;
}

std::optional<std::string> parse_date(std::string_view s) {
    int y = 0, m = 0, d = 0;
    if (const auto dot1 = s.find('.'); dot1 != std::string_view::npos) {
        const auto dot2 = s.find('.', dot1 + 1);
        if (dot2 == std::string_view::npos || dot1 > 2 || dot2 - dot1 - 1 > 2 || s.size() - dot2 - 1 != 4) {
            return std::nullopt;
        }
        const auto dd = number(s.substr(0, dot1)), mm = number(s.substr(dot1 + 1, dot2 - dot1 - 1)),
                   yy = number(s.substr(dot2 + 1));
        if (!dd || !mm || !yy) return std::nullopt;
        y = *yy, m = *mm, d = *dd;
    } else if (s.size() == 10 && s[4] == '-' && s[7] == '-') {
        const auto yy = number(s.substr(0, 4)), mm = number(s.substr(5, 2)), dd = number(s.substr(8, 2));
        if (!dd || !mm || !yy) return std::nullopt;
        y = *yy, m = *mm, d = *dd;
    } else {
        return std::nullopt;
    }
    if (!valid_date(y, m, d)) return std::nullopt;
    std::string iso = "0000-00-00";  // YYYY-MM-DD; valid_date bounds the year to four digits
    auto put = [&](std::size_t end, int value) {
        for (std::size_t k = end; value > 0; --k, value /= 10) iso[k] = static_cast<char>('0' + value % 10);
    };
    put(3, y);
    put(6, m);
    put(9, d);
    return iso;
}

// A cell's value in quotes, for messages.
std::string quoted(std::string_view value) {
    std::string out = "\"";
    out += value;
    out += '"';
    return out;
}

// Calls `each` with every trimmed, non-empty part of `s` between any of the `separators` (a string of them,
// or one char: found with memchr). No vector of parts: this runs for several cells of every row an import reads.
template <typename Separators, typename Each>
void for_each_part(std::string_view s, Separators separators, Each each) {
    std::size_t start = 0;
    while (start <= s.size()) {
        std::size_t end = 0;
        if constexpr (std::is_same_v<Separators, char>) {
            end = std::min(s.find(separators, start), s.size());
        } else {
            end = std::min(s.find_first_of(separators, start), s.size());
        }
        const auto part = trim(s.substr(start, end - start));
        if (!part.empty()) each(part);
        start = end + 1;
    }
}

void fnv(std::uint64_t& h, std::string_view s) {
    for (const char c : s) {
        h ^= static_cast<unsigned char>(c);
        h *= 1099511628211ULL;
    }
    h ^= 0xFF;  // field separator: a byte UTF-8 never contains
    h *= 1099511628211ULL;
}

std::string join(const std::vector<std::string>& items, std::string_view separator) {
    std::string out;
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i > 0) out += separator;
        out += items[i];
    }
    return out;
}

}  // namespace

std::span<const VacancyColumnInfo> vacancy_columns() { return kColumns; }

VacancyHeader map_vacancy_header(const std::vector<std::string>& cells) {
    VacancyHeader header;
    std::set<VacancyColumn> seen;
    for (const std::string& cell : cells) {
        const std::string name(trim(cell));
        header.names.push_back(name);
        const std::string key = keyword(name);
        std::optional<VacancyColumn> found;
        for (const auto& info : kColumns) {
            if (key == keyword(info.german) || key == keyword(info.english)) found = info.column;
        }
        if (found && !seen.insert(*found).second) {
            header.errors.push_back({name, "Spalte \"" + name + "\" kommt mehrfach vor",
                                     "column \"" + name + "\" appears more than once"});
            found.reset();
        } else if (!found && !name.empty()) {
            header.warnings.push_back({name, "unbekannte Spalte \"" + name + "\" wird ignoriert",
                                       "unknown column \"" + name + "\" is ignored"});
        }
        header.columns.push_back(found);
    }
    for (const auto& info : kColumns) {
        if (info.required && seen.count(info.column) == 0) {
            const std::string names = std::string(info.german) + "/" + std::string(info.english);
            header.errors.push_back({names, "Pflichtspalte \"" + std::string(info.german) + "\" fehlt",
                                     "required column \"" + std::string(info.english) + "\" is missing"});
        }
    }
    return header;
}

bool is_blank_record(const csv::Record& record) {
    return !record.unterminated_quote &&
           std::all_of(record.fields.begin(), record.fields.end(), [](const std::string& f) { return trim(f).empty(); });
}

std::vector<std::string> split_skills(std::string_view cell) {
    std::vector<std::string> skills;
    split_skills(cell, skills);
    return skills;
}

void split_skills(std::string_view cell, std::vector<std::string>& out) {
    out.clear();
    const char separator = cell.find('|') != std::string_view::npos ? '|' : ',';
    if (is_ascii(cell)) {  // folding is lowercasing: compare in place
        for_each_part(cell, separator, [&](std::string_view part) {
            auto same = [](char a, char b) { return ascii_lower(a) == ascii_lower(b); };
            const bool seen = std::any_of(out.begin(), out.end(), [&](const std::string& s) {
                return s.size() == part.size() && std::equal(s.begin(), s.end(), part.begin(), same);
            });
            if (!seen) out.emplace_back(part);
        });
        return;
    }
    std::vector<std::string> keys;  // folded; a cell names a few skills, so a search beats a set's allocations
    for_each_part(cell, separator, [&](std::string_view part) {
        std::string key = fold(part);
        if (std::find(keys.begin(), keys.end(), key) != keys.end()) return;
        keys.push_back(std::move(key));
        out.emplace_back(part);
    });
}

std::string employer_key(std::string_view name) {
    const std::string folded = fold(trim(name));
    std::string out;
    bool space = false;
    for (const char c : folded) {
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            space = true;
            continue;
        }
        if (space && !out.empty()) out += ' ';
        space = false;
        out += c;
    }
    return out;
}

// Empties every field of `v`, keeping the memory its strings and lists hold.
void reset_keeping_memory(VacancyFields& v) {
    for (std::string* s :
         {&v.employer, &v.reference, &v.title, &v.postcode, &v.city, &v.description, &v.contact}) {
        s->clear();
    }
    for (auto* list : {&v.required_skills, &v.optional_skills, &v.driving_licence, &v.hours}) list->clear();
    v.german_level.reset();
    v.language_support = false;
    v.valid_until.reset();
}

ParsedRow parse_vacancy_row(const VacancyHeader& header, const csv::Record& record) {
    ParsedRow row;
    parse_vacancy_row(header, record, row);
    return row;
}

void parse_vacancy_row(const VacancyHeader& header, const csv::Record& record, ParsedRow& row) {
    row.problems.clear();
    row.warnings.clear();
    row.employer.clear();
    row.reference.clear();
    VacancyFields& v = row.vacancy ? *row.vacancy : row.vacancy.emplace();
    reset_keeping_memory(v);
    auto problem = [&](std::size_t index, std::string de, std::string en) {
        std::string column = "#";  // a field beyond the header has no name, only a position
        column += std::to_string(index + 1);
        if (index < header.names.size()) column = header.names[index];
        row.problems.push_back({std::move(column), std::move(de), std::move(en)});
    };
    if (record.unterminated_quote) {
        problem(record.fields.size() - 1, "Anführungszeichen wird bis zum Dateiende nicht geschlossen",
                "a quote is not closed before the end of the file");
    }
    if (record.oversized) {
        problem(record.fields.size() - 1, "Zeile ist länger als 1 MiB", "row is longer than 1 MiB");
    }
    if (record.stray_quote_field) {
        problem(*record.stray_quote_field,
                "Anführungszeichen mitten im Feld; das Feld in Anführungszeichen setzen und \" verdoppeln",
                "quote inside a field; put the field in quotes and double the \"");
    }
    if (record.fields.size() > header.names.size()) {
        problem(header.names.size(),
                "Zeile hat " + std::to_string(record.fields.size()) + " Felder, die Kopfzeile " +
                    std::to_string(header.names.size()),
                "row has " + std::to_string(record.fields.size()) + " fields, the header " +
                    std::to_string(header.names.size()));
    }
    if (!row.problems.empty()) {
        row.vacancy.reset();
        return;
    }

    std::string_view employer, reference;  // as read, for a rejected row
    for (std::size_t i = 0; i < header.columns.size(); ++i) {
        if (!header.columns[i]) continue;
        const VacancyColumn column = *header.columns[i];
        const std::string_view value =
            csv::unneutralise_formula(trim(i < record.fields.size() ? std::string_view(record.fields[i]) : ""));
        const bool multiline = column == VacancyColumn::description || column == VacancyColumn::contact;
        if (has_control(value, multiline)) {
            problem(i, multiline ? "enthält Steuerzeichen" : "enthält einen Zeilenumbruch oder Steuerzeichen",
                    multiline ? "contains control characters" : "contains a line break or control characters");
            continue;
        }
        auto required_text = [&](std::string& target, std::size_t max) {
            if (value.empty()) {
                problem(i, "darf nicht leer sein", "must not be empty");
            } else if (longer_than(value, max)) {
                problem(i, "ist länger als " + std::to_string(max) + " Zeichen",
                        "is longer than " + std::to_string(max) + " characters");
            } else {
                target = value;
            }
        };
        auto optional_text = [&](std::string& target, std::size_t max) {
            if (longer_than(value, max)) {
                problem(i, "ist länger als " + std::to_string(max) + " Zeichen",
                        "is longer than " + std::to_string(max) + " characters");
            } else {
                target = value;
            }
        };
        auto skills = [&](std::vector<std::string>& target, bool required) {
            split_skills(value, target);
            if (required && target.empty()) {
                problem(i, "mindestens eine Kenntnis angeben", "name at least one skill");
            } else if (std::any_of(target.begin(), target.end(),
                                   [](const std::string& s) { return longer_than(s, kMaxShortText); })) {
                problem(i, "eine Kenntnis ist länger als 200 Zeichen", "a skill is longer than 200 characters");
            }
        };
        switch (column) {
            case VacancyColumn::reference:
                required_text(v.reference, kMaxReference);
                reference = value;
                break;
            case VacancyColumn::employer:
                required_text(v.employer, kMaxShortText);
                employer = value;
                break;
            case VacancyColumn::title: required_text(v.title, kMaxShortText); break;
            case VacancyColumn::postcode: {
                const bool digits = !value.empty() && std::all_of(value.begin(), value.end(),
                                                                   [](char c) { return c >= '0' && c <= '9'; });
                if (digits && value.size() == 4) {
                    // Excel drops the leading zero of postcodes in Saxony and Thuringia (01067 -> 1067).
                    const std::string written(value);
                    v.postcode = "0" + written;
                    row.warnings.push_back({header.names[i], "PLZ " + written + " als " + v.postcode + " gelesen",
                                            "postcode " + written + " read as " + v.postcode});
                } else if (digits && value.size() == 5 && value != "00000") {
                    v.postcode = value;
                } else {
                    problem(i, quoted(value) + " ist keine fünfstellige Postleitzahl",
                            quoted(value) + " is not a 5-digit postcode");
                }
                break;
            }
            case VacancyColumn::city: optional_text(v.city, kMaxShortText); break;
            case VacancyColumn::required_skills: skills(v.required_skills, true); break;
            case VacancyColumn::optional_skills: skills(v.optional_skills, false); break;
            case VacancyColumn::german_level: {
                const std::string k = keyword(value);
                if (k.empty() || k == "keine" || k == "none") break;
                if (k.size() == 2 && (k[0] == 'a' || k[0] == 'b' || k[0] == 'c') && (k[1] == '1' || k[1] == '2')) {
                    v.german_level = std::string{static_cast<char>(k[0] - 'a' + 'A'), k[1]};
                } else {
                    problem(i, quoted(value) + " ist kein Sprachniveau A1 bis C2",
                            quoted(value) + " is not a language level A1 to C2");
                }
                break;
            }
            case VacancyColumn::language_support: {
                const std::string k = keyword(value);
                if (k == "ja" || k == "yes" || k == "j" || k == "y" || k == "1") {
                    v.language_support = true;
                } else if (!(k.empty() || k == "nein" || k == "no" || k == "n" || k == "0")) {
                    problem(i, quoted(value) + ": ja oder nein erwartet", quoted(value) + ": expected yes or no");
                }
                break;
            }
            case VacancyColumn::driving_licence: {
                const std::string k = keyword(value);
                if (k.empty() || k == "nein" || k == "no" || k == "keiner" || k == "none" || k == "kein") break;
                std::uint32_t classes = 0;  // bit k: kLicenceClasses[k]
                bool bad = false;
                for_each_part(value, std::string_view(" ,;/|+"), [&](std::string_view part) {
                    std::string token = keyword(part);
                    if (token == "klasse" || token == "class" || token == "und" || token == "and") return;
                    for (char& c : token) c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
                    const auto found = std::find(kLicenceClasses.begin(), kLicenceClasses.end(), token);
                    if (found == kLicenceClasses.end()) {
                        bad = true;
                    } else {
                        classes |= 1U << (found - kLicenceClasses.begin());
                    }
                });
                if (bad || classes == 0) {
                    problem(i, quoted(value) + ": Führerscheinklassen wie B, C, CE, D, T oder nein erwartet",
                            quoted(value) + ": expected licence classes such as B, C, CE, D, T, or no");
                    break;
                }
                for (std::size_t c = 0; c < kLicenceClasses.size(); ++c) {
                    if ((classes & (1U << c)) != 0) v.driving_licence.emplace_back(kLicenceClasses[c]);
                }
                break;
            }
            case VacancyColumn::hours: {
                std::uint32_t codes = 0;  // bit k: kHours[k]
                bool bad = false;
                for_each_part(value, std::string_view(",;/|+"), [&](std::string_view part) {
                    const std::string k = keyword(part);
                    bool known = false;
                    for (std::size_t h = 0; h < kHours.size(); ++h) {
                        const auto& spellings = kHours[h].spellings;
                        if (std::find(spellings.begin(), spellings.end(), k) != spellings.end() && !k.empty()) {
                            codes |= 1U << h;
                            known = true;
                        }
                    }
                    bad = bad || !known;
                });
                if (bad) {
                    problem(i, quoted(value) + ": Vollzeit, Teilzeit, Minijob oder Schicht erwartet",
                            quoted(value) + ": expected full-time, part-time, minijob or shift");
                    break;
                }
                for (std::size_t h = 0; h < kHours.size(); ++h) {
                    if ((codes & (1U << h)) != 0) v.hours.emplace_back(kHours[h].code);
                }
                break;
            }
            case VacancyColumn::description: optional_text(v.description, kMaxLongText); break;
            case VacancyColumn::contact: optional_text(v.contact, 1000); break;
            case VacancyColumn::valid_until:
                if (value.empty()) break;
                v.valid_until = parse_date(value);
                if (!v.valid_until) {
                    problem(i, quoted(value) + " ist kein Datum TT.MM.JJJJ oder JJJJ-MM-TT",
                            quoted(value) + " is not a date DD.MM.YYYY or YYYY-MM-DD");
                }
                break;
        }
    }
    if (!row.problems.empty()) {
        row.vacancy.reset();
        row.employer = employer;
        row.reference = reference;
    }
}

std::uint64_t vacancy_fingerprint(const VacancyFields& v) {
    std::uint64_t h = 14695981039346656037ULL;
    // Pointers: a braced list of the strings themselves would copy each one, for every row of an import.
    for (const std::string* s : {&v.employer, &v.reference, &v.title, &v.postcode, &v.city, &v.description,
                                 &v.contact}) {
        fnv(h, *s);
    }
    for (const auto* list : {&v.required_skills, &v.optional_skills, &v.driving_licence, &v.hours}) {
        for (const auto& s : *list) fnv(h, s);
        fnv(h, "\xFE");
    }
    fnv(h, v.german_level.value_or("\xFE"));
    fnv(h, v.language_support ? "1" : "0");
    fnv(h, v.valid_until.value_or("\xFE"));
    return h;
}

std::vector<std::string> vacancy_cells(const VacancyFields& v) {
    std::vector<std::string> hours;
    for (const auto& code : v.hours) {
        for (const auto& h : kHours) {
            if (h.code == code) hours.emplace_back(h.german);
        }
    }
    auto skills = [](const std::vector<std::string>& list) {
        // A lone skill with a comma needs a bar, or import would split it at the comma.
        const bool lone_comma = list.size() == 1 && list.front().find(',') != std::string::npos;
        return join(list, " | ") + (lone_comma ? " |" : "");
    };
    std::string until;
    if (v.valid_until && v.valid_until->size() == 10) {
        const std::string& d = *v.valid_until;
        until = d.substr(8, 2) + "." + d.substr(5, 2) + "." + d.substr(0, 4);
    }
    return {v.reference,
            v.employer,
            v.title,
            v.postcode,
            v.city,
            skills(v.required_skills),
            skills(v.optional_skills),
            v.german_level.value_or(""),
            v.language_support ? "ja" : "nein",
            v.driving_licence.empty() ? "nein" : join(v.driving_licence, ", "),
            join(hours, ", "),
            v.description,
            v.contact,
            until};
}

std::string vacancy_template_csv() {
    std::string out = "\xEF\xBB\xBF";
    for (std::size_t i = 0; i < kColumns.size(); ++i) {
        if (i > 0) out += ';';
        out += kColumns[i].german;
    }
    out += "\r\n";
    const VacancyFields example{
        .employer = "Muster Bau GmbH",
        .reference = "2024-017",
        .title = "Helfer/in im Hochbau",
        .postcode = "01067",
        .city = "Dresden",
        .required_skills = {"Maurerarbeiten", "Arbeitssicherheit"},
        .optional_skills = {"Gabelstapler"},
        .german_level = "A2",
        .language_support = true,
        .driving_licence = {"B"},
        .hours = {"full_time"},
        .description = "Unterstützung auf Baustellen im Landkreis.\nArbeitskleidung wird gestellt.",
        .contact = "Frau Beispiel, 0351 000000",
        .valid_until = "2030-12-31",
    };
    const auto cells = vacancy_cells(example);
    for (std::size_t i = 0; i < cells.size(); ++i) {
        if (i > 0) out += ';';
        out += csv::export_field(cells[i], ';');
    }
    out += "\r\n";
    return out;
}

}  // namespace kk::db
