#include "db/vacancy_csv.hpp"

#include <catch2/catch.hpp>

using namespace kk::db;

namespace {

VacancyHeader german_header() {
    std::vector<std::string> names;
    for (const auto& c : vacancy_columns()) names.emplace_back(c.german);
    return map_vacancy_header(names);
}

ParsedRow parse(std::vector<std::string> overrides) {
    std::vector<std::string> fields = {"R-1", "Firma", "Helfer/in", "10115", "Berlin", "Lager", "", "", "", "", "", "", "", ""};
    for (std::size_t i = 0; i < overrides.size(); i += 2) {
        const auto header = german_header();
        for (std::size_t k = 0; k < header.names.size(); ++k) {
            if (header.names[k] == overrides[i]) fields[k] = overrides[i + 1];
        }
    }
    csv::Record record;
    record.fields = fields;
    record.line = 2;
    return parse_vacancy_row(german_header(), record);
}

}  // namespace

TEST_CASE("header names: German or English, any case, spaces, umlauts or ae/oe/ue", "[db][csv]") {
    const auto h = map_vacancy_header({" Referenz ", "EMPLOYER", "Titel", "Postcode", "Required Skills", "Sprachförderung",
                                       "Führerschein", "gültig bis", "Lieblingsfarbe"});
    CHECK(h.errors.empty());
    CHECK(h.columns[0] == VacancyColumn::reference);
    CHECK(h.columns[1] == VacancyColumn::employer);
    CHECK(h.columns[4] == VacancyColumn::required_skills);
    CHECK(h.columns[5] == VacancyColumn::language_support);
    CHECK(h.columns[6] == VacancyColumn::driving_licence);
    CHECK(h.columns[7] == VacancyColumn::valid_until);
    CHECK_FALSE(h.columns[8]);
    REQUIRE(h.warnings.size() == 1);
    CHECK(h.warnings[0].column == "Lieblingsfarbe");
}

TEST_CASE("missing required and duplicate columns refuse the header", "[db][csv]") {
    const auto missing = map_vacancy_header({"referenz", "arbeitgeber", "titel", "pflichtkenntnisse"});
    REQUIRE(missing.errors.size() == 1);
    CHECK_THAT(missing.errors[0].reason_en, Catch::Contains("postcode"));
    CHECK_THAT(missing.errors[0].reason_de, Catch::Contains("plz"));
    const auto twice = map_vacancy_header({"referenz", "reference", "arbeitgeber", "titel", "plz", "pflichtkenntnisse"});
    REQUIRE(twice.errors.size() == 1);
    CHECK_THAT(twice.errors[0].reason_en, Catch::Contains("more than once"));
}

TEST_CASE("skills split on bars when there is one, else on commas", "[db][csv]") {
    CHECK(split_skills("a, b ,c") == std::vector<std::string>{"a", "b", "c"});
    CHECK(split_skills("Hygiene, Desinfektion | Erste Hilfe") ==
          std::vector<std::string>{"Hygiene, Desinfektion", "Erste Hilfe"});
    CHECK(split_skills(" , ,") .empty());
    CHECK(split_skills("Lager, lager, LAGER, Kasse") == std::vector<std::string>{"Lager", "Kasse"});
    CHECK(split_skills("Hygiene, Desinfektion |") == std::vector<std::string>{"Hygiene, Desinfektion"});
}

TEST_CASE("a valid row is canonicalised", "[db][csv]") {
    const auto row = parse({"deutschniveau", "b1", "sprachfoerderung", "JA", "fuehrerschein", "Klasse CE, b",
                            "arbeitszeit", "Schicht / Vollzeit", "gueltig_bis", "1.3.2030", "pflichtkenntnisse",
                            "Lager | Kasse, Kassenabschluss"});
    REQUIRE(row.problems.empty());
    REQUIRE(row.vacancy);
    const auto& v = *row.vacancy;
    CHECK(v.german_level == std::optional<std::string>("B1"));
    CHECK(v.language_support);
    CHECK(v.driving_licence == std::vector<std::string>{"B", "CE"});
    CHECK(v.hours == std::vector<std::string>{"full_time", "shift"});
    CHECK(v.valid_until == std::optional<std::string>("2030-03-01"));
    CHECK(v.required_skills == std::vector<std::string>{"Lager", "Kasse, Kassenabschluss"});
}

TEST_CASE("each invalid value is rejected with its column and a reason in both languages", "[db][csv]") {
    const std::vector<std::pair<std::string, std::string>> bad = {
        {"referenz", ""},          {"arbeitgeber", "  "},        {"titel", ""},
        {"plz", "123"},            {"plz", "00000"},             {"plz", "1234567"},
        {"pflichtkenntnisse", ""}, {"deutschniveau", "B3"},      {"sprachfoerderung", "vielleicht"},
        {"fuehrerschein", "ja"},   {"arbeitszeit", "flexibel"},  {"gueltig_bis", "29.02.2031"},
        {"gueltig_bis", "2030/01/01"}, {"titel", "a\nb"},        {"ort", std::string("x\x01y")},
        {"beschreibung", std::string("bell\x07")},
    };
    for (const auto& [column, value] : bad) {
        INFO(column << " = " << value);
        const auto row = parse({column, value});
        CHECK_FALSE(row.vacancy);
        REQUIRE(row.problems.size() == 1);
        CHECK(row.problems[0].column == column);
        CHECK_FALSE(row.problems[0].reason_de.empty());
        CHECK_FALSE(row.problems[0].reason_en.empty());
    }
    CHECK(parse({"gueltig_bis", "29.02.2032"}).vacancy);  // leap year
    CHECK(parse({"beschreibung", "zwei\nZeilen"}).vacancy);
}

TEST_CASE("the fingerprint changes with any field and only then", "[db][csv]") {
    const auto a = *parse({}).vacancy;
    auto b = a;
    CHECK(vacancy_fingerprint(a) == vacancy_fingerprint(b));
    b.optional_skills.push_back("Kasse");
    CHECK(vacancy_fingerprint(a) != vacancy_fingerprint(b));
    b = a;
    b.language_support = true;
    CHECK(vacancy_fingerprint(a) != vacancy_fingerprint(b));
    b = a;
    b.required_skills = {"Lag", "er"};
    auto c = a;
    c.required_skills = {"Lager"};
    CHECK(vacancy_fingerprint(b) != vacancy_fingerprint(c));
}

TEST_CASE("the template is UTF-8 with BOM, German headers, semicolons and one valid example row", "[db][csv]") {
    const std::string t = vacancy_template_csv();
    CHECK(t.rfind("\xEF\xBB\xBFreferenz;arbeitgeber;titel;plz;", 0) == 0);
    csv::MemorySource source(t);
    csv::Reader reader(source);
    csv::Record header, row, none;
    REQUIRE(reader.next(header));
    REQUIRE(reader.next(row));
    CHECK_FALSE(reader.next(none));
    const auto parsed = parse_vacancy_row(map_vacancy_header(header.fields), row);
    CHECK(parsed.problems.empty());
    CHECK(parsed.vacancy);
}
