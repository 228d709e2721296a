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
    // Duplicates by case folding, beyond ASCII too: ß folds to ss, a full-width letter to its ASCII one.
    CHECK(split_skills("Straße, STRASSE, Lager, ｌager") == std::vector<std::string>{"Straße", "Lager"});
    std::vector<std::string> reused = {"alt", "older", "oldest"};
    split_skills("neu", reused);
    CHECK(reused == std::vector<std::string>{"neu"});
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

TEST_CASE("a control character is found wherever it sits in a long cell, and nothing else is taken for one",
          "[db][csv]") {
    // The check reads 8 bytes at a time: every position across several words and the tail after them.
    const std::string filler = "Lagerarbeit mit Gabelstapler und Kasse";  // 38 bytes: four words and a tail
    for (std::size_t at = 0; at <= filler.size(); ++at) {
        for (const std::string& control : {std::string("\x01"), std::string("\x1f"), std::string("\x7f"),
                                           std::string("\xc2\x85"), std::string("\r"), std::string(1, '\0')}) {
            // Around the cell a line break is white space, trimmed.
            if (control == "\r" && (at == 0 || at == filler.size())) continue;
            const std::string value = filler.substr(0, at) + control + filler.substr(at);
            INFO("at " << at << ", byte " << static_cast<int>(static_cast<unsigned char>(control[0])));
            const auto description = parse({"beschreibung", value});
            CHECK_FALSE(description.vacancy);
            const auto title = parse({"titel", value.substr(0, 200)});
            CHECK_FALSE(title.vacancy);
        }
        // A line break is allowed in a description only; a tab, a no-break space, umlauts and ~ anywhere.
        const std::string with_break = filler.substr(0, at) + "\n" + filler.substr(at);
        CHECK(parse({"beschreibung", with_break}).vacancy);
        if (at > 0 && at < filler.size()) CHECK_FALSE(parse({"titel", with_break}).vacancy);
        const std::string harmless = filler.substr(0, at) + "\t\xc2\xa0\xc3\xa4\xc3\x9f~\xc2\xbb" + filler.substr(at);
        INFO("harmless at " << at);
        CHECK(parse({"titel", harmless}).vacancy);
    }
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

TEST_CASE("a row parsed into a ParsedRow that held another row is the row alone", "[db][csv]") {
    // An import parses into the rows of spent batches, reusing their memory.
    const auto header = map_vacancy_header({"referenz", "arbeitgeber", "titel", "plz", "ort",
                                            "pflichtkenntnisse", "wunschkenntnisse", "deutschniveau",
                                            "sprachfoerderung", "fuehrerschein", "arbeitszeit",
                                            "beschreibung", "kontakt", "gueltig_bis"});
    auto record = [](std::vector<std::string> fields) {
        kk::db::csv::Record r;
        r.fields = std::move(fields);
        r.line = 2;
        return r;
    };
    const auto full = record({"R-1", "Gärtnerei Müller GmbH & Co. KG", "Helfer/in Garten und Landschaftsbau",
                              "1067", "Dresden", "Rasen mähen, Hecken schneiden, Lager", "Kasse | Stapler", "B1",
                              "ja", "B, CE", "Vollzeit, Schicht", "Eine lange Beschreibung\nzweite Zeile",
                              "info@example.org", "31.12.2030"});
    const auto sparse =
        record({"R-2", "Firma", "Koch", "10115", "", "Kochen", "", "", "", "", "", "", "", ""});
    const auto invalid =
        record({"R-3", "Firma Drei", "", "10115", "", "Kochen", "", "", "", "", "", "", "", ""});

    ParsedRow row;
    for (const auto* r : {&full, &sparse, &full, &invalid, &sparse, &invalid, &full}) {
        parse_vacancy_row(header, *r, row);
        const ParsedRow fresh = parse_vacancy_row(header, *r);
        CHECK(row.vacancy == fresh.vacancy);
        CHECK(row.problems.size() == fresh.problems.size());
        CHECK(row.warnings.size() == fresh.warnings.size());
        CHECK(row.employer == fresh.employer);
        CHECK(row.reference == fresh.reference);
    }
    // A file without the optional columns leaves nothing of the row before in any field.
    const auto minimal = map_vacancy_header({"referenz", "arbeitgeber", "titel", "plz", "pflichtkenntnisse"});
    const auto bare = record({"R-4", "Firma", "Koch", "10115", "Kochen"});
    parse_vacancy_row(header, full, row);
    parse_vacancy_row(minimal, bare, row);
    REQUIRE(row.vacancy);
    CHECK(*row.vacancy == *parse_vacancy_row(minimal, bare).vacancy);
    CHECK(row.warnings.empty());

    parse_vacancy_row(header, invalid, row);
    CHECK_FALSE(row.vacancy);
    CHECK(row.employer == "Firma Drei");  // a rejected row names its vacancy for --replace
    CHECK(row.reference == "R-3");
    parse_vacancy_row(header, full, row);
    REQUIRE(row.vacancy);
    CHECK(row.warnings.size() == 1);  // the postcode Excel shortened
    CHECK(row.vacancy->postcode == "01067");
    CHECK(row.employer.empty());
}

TEST_CASE("the fingerprint of a vacancy is the value databases already store for it", "[db][csv]") {
    // Stored in vacancies.fingerprint: if it changed, the next import would see every vacancy as changed.
    VacancyFields v;
    v.employer = "Gärtnerei Müller GmbH & Co. KG";
    v.reference = "R-7";
    v.title = "Helfer/in Garten";
    v.postcode = "01067";
    v.city = "Dresden";
    v.description = "Zwei\nZeilen";
    v.contact = "info@example.org";
    v.required_skills = {"Rasen mähen", "Hecken"};
    v.optional_skills = {"Kasse"};
    v.driving_licence = {"B", "T"};
    v.hours = {"full_time"};
    v.german_level = "A2";
    v.language_support = true;
    v.valid_until = "2030-12-31";
    CHECK(vacancy_fingerprint(v) == 6057373800166680331ULL);
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
