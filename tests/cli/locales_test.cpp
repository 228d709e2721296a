// kioskctl locales status/export/import, run as the real binary on temporary copies of the locales:
// the repository's locales/ are never touched.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "cli/locales_csv.hpp"
#include "i18n/bundle_source.hpp"
#include "i18n/languages.hpp"
#include "tests/support/process.hpp"
#include "tests/support/temp_dir.hpp"

using namespace kk;
namespace fs = std::filesystem;

namespace {

std::string slurp(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

void spit(const fs::path& file, const std::string& text) {
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out << text;
}

// A copy of the repository's locale sources.
void copy_locales(const fs::path& to) {
    for (const auto& entry : fs::directory_iterator(fs::path(KK_TEST_SOURCE_DIR) / "locales")) {
        if (entry.path().extension() == ".txt" && entry.path().filename() != "CMakeLists.txt") {
            fs::copy_file(entry.path(), to / entry.path().filename());
        }
    }
}

// A small, complete set: root plus every UI language with the same two keys.
void write_complete_set(const fs::path& dir) {
    spit(dir / "root.txt",
         "root:table {\n    a.key { \"Hello\" }\n    b.key { \"{n, plural, one {# day} other {# days}}\" "
         "}\n}\n");
    for (auto code : i18n::ui_languages()) {
        const std::string lang(code);
        if (lang == "en") continue;
        spit(dir / (lang + ".txt"), lang +
                                        ":table {\n    a.key { \"x\" }\n    b.key { \"{n, plural, zero {#} "
                                        "one {#} two {#} few {#} many {#} other {#}}\" }\n"
                                        "    reviewed:array { \"a.key\" }\n}\n");
    }
}

i18n::BundleSource load(const fs::path& file) {
    auto r = i18n::read_bundle_source(file);
    INFO(r.error);
    REQUIRE(r.bundle);
    return *r.bundle;
}

}  // namespace

TEST_CASE("locales status counts per language and fails when a key is missing", "[cli][i18n]") {
    test::TempDir dir;
    write_complete_set(dir.path());
    auto ok = test::run_process({KK_KIOSKCTL_BIN, "locales", "status", "--dir", dir.path().string()});
    INFO(ok.err);
    CHECK(ok.exit_code == 0);
    CHECK_THAT(ok.out, Catch::Contains("de               2        0           1"));
    CHECK_THAT(ok.out, Catch::Contains("en               2        0           0"));

    spit(dir / "ro.txt", "ro:table {\n    b.key { \"{n, plural, one {#} few {#} other {#}}\" }\n}\n");
    auto missing = test::run_process({KK_KIOSKCTL_BIN, "locales", "status", "--dir", dir.path().string()});
    CHECK(missing.exit_code != 0);
    CHECK_THAT(missing.out, Catch::Contains("ro               1        1           1"));
    CHECK_THAT(missing.out, Catch::Contains("ro lacks: a.key"));

    fs::remove(dir / "pl.txt");  // a language without a file lacks everything
    auto absent = test::run_process({KK_KIOSKCTL_BIN, "locales", "status", "--dir", dir.path().string()});
    CHECK_THAT(absent.out, Catch::Contains("pl lacks: a.key b.key"));
}

TEST_CASE("locales status reads the compiled bundles beside the binary too", "[cli][i18n]") {
    auto r = test::run_process({KK_KIOSKCTL_BIN, "locales", "status", "--dir", KK_TEST_LOCALE_DIR});
    INFO(r.err);
    CHECK_THAT(r.out, Catch::Contains("(root: English source)"));
    for (auto code : i18n::ui_languages()) CHECK_THAT(r.out, Catch::Contains("\n" + std::string(code) + " "));
}

TEST_CASE("locales export and import round-trip one language through CSV", "[cli][i18n]") {
    test::TempDir dir;
    copy_locales(dir.path());
    // A table the UI tooling does not own must survive an import untouched.
    std::string de_text = slurp(dir / "de.txt");
    de_text.insert(de_text.rfind('}'), "    catalog {\n        occ.1 { \"Koch; \\\"Köchin\\\"\" }\n    }\n");
    spit(dir / "de.txt", de_text);
    const auto before = load(dir / "de.txt");

    const auto csv = dir / "de.csv";
    auto exported = test::run_process({KK_KIOSKCTL_BIN, "locales", "export", "--lang", "de", "--out",
                                       csv.string(), "--dir", dir.path().string()});
    INFO(exported.err);
    REQUIRE(exported.exit_code == 0);
    const std::string table = slurp(csv);
    CHECK(table.rfind("\xEF\xBB\xBFkey;de\r\n", 0) == 0);
    CHECK_THAT(table, Catch::Contains("nav.back;Zurück\r\n"));
    CHECK_THAT(table,
               Catch::Contains(
                   "\"{count, plural, one {# Fähigkeit ausgewählt} other {# Fähigkeiten ausgewählt}}\""));

    // The translator changes one text, with a quote and a semicolon in it.
    std::string edited = table;
    const std::string old_row = "nav.back;Zurück\r\n";
    edited.replace(edited.find(old_row), old_row.size(), "nav.back;\"Zurück; \"\"bitte\"\"\"\r\n");
    spit(csv, edited);
    auto imported = test::run_process(
        {KK_KIOSKCTL_BIN, "locales", "import", csv.string(), "--source-dir", dir.path().string()});
    INFO(imported.err);
    REQUIRE(imported.exit_code == 0);
    CHECK_THAT(imported.out, Catch::Contains("1 changed"));

    const auto after = load(dir / "de.txt");
    CHECK(*after.find("nav.back") == "Zurück; \"bitte\"");
    for (const auto& [key, text] : before.messages) {
        if (key != "nav.back") CHECK(*after.find(key) == text);
    }
    CHECK(after.other_tables == before.other_tables);
    CHECK(after.messages.size() == before.messages.size());

    // Exporting again gives exactly the edited table: a true round trip.
    const auto again = dir / "again.csv";
    REQUIRE(test::run_process({KK_KIOSKCTL_BIN, "locales", "export", "--lang", "de", "--out", again.string(),
                               "--dir", dir.path().string()})
                .exit_code == 0);
    CHECK(slurp(again) == edited);
}

TEST_CASE("locales import --reviewed marks the imported keys reviewed", "[cli][i18n]") {
    test::TempDir dir;
    copy_locales(dir.path());
    spit(dir / "fr.csv", "key;fr\nnav.back;Retour\nnav.next;Continuer\n");
    auto r = test::run_process({KK_KIOSKCTL_BIN, "locales", "import", (dir / "fr.csv").string(),
                                "--source-dir", dir.path().string(), "--reviewed"});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    const auto fr = load(dir / "fr.txt");
    CHECK(fr.reviewed == std::set<std::string>{"nav.back", "nav.next"});
    CHECK(*fr.find("nav.next") == "Continuer");

    // A later import that changes a reviewed text withdraws its mark.
    spit(dir / "fr2.csv", "key;fr\nnav.next;Suivant\n");
    REQUIRE(test::run_process({KK_KIOSKCTL_BIN, "locales", "import", (dir / "fr2.csv").string(),
                               "--source-dir", dir.path().string()})
                .exit_code == 0);
    CHECK(load(dir / "fr.txt").reviewed == std::set<std::string>{"nav.back"});
}

TEST_CASE("locales import refuses bad messages, names the key, and writes nothing", "[cli][i18n]") {
    test::TempDir dir;
    copy_locales(dir.path());
    const std::string ar_before = slurp(dir / "ar.txt");
    struct Case {
        std::string row;
        std::string key;
        std::string reason;
    };
    for (const Case& c : {
             Case{"nav.step;الخطوة {step} من {all}", "nav.step", "placeholders"},
             Case{"nav.step;الخطوة {step من {total}", "nav.step", "parse"},
             Case{"items.selected;\"{count, plural, one {#} other {#}}\"", "items.selected", "zero"},
             Case{"no.such.key;x", "no.such.key", "not a key"},
         }) {
        spit(dir / "ar.csv", "\xEF\xBB\xBFkey;ar\r\nnav.back;عودة\r\n" + c.row + "\r\n");
        auto r = test::run_process({KK_KIOSKCTL_BIN, "locales", "import", (dir / "ar.csv").string(),
                                    "--source-dir", dir.path().string()});
        INFO(c.row << "\n" << r.err);
        CHECK(r.exit_code == 2);
        CHECK_THAT(r.err, Catch::Contains("key " + c.key + ":"));
        CHECK_THAT(r.err, Catch::Contains(c.reason));
        CHECK(slurp(dir / "ar.txt") == ar_before);
    }
    spit(dir / "en.csv", "key;en\nnav.back;Back\n");
    CHECK(test::run_process({KK_KIOSKCTL_BIN, "locales", "import", (dir / "en.csv").string(), "--source-dir",
                             dir.path().string()})
              .exit_code == 2);
}

TEST_CASE("translation CSV quoting follows RFC 4180", "[cli][i18n]") {
    const std::string text = cli::write_translation_csv(
        "de", {{"a", "plain"}, {"b", "semi;colon"}, {"c", "say \"hi\""}, {"d", "two\nlines"}, {"e", ""}});
    const auto parsed = cli::parse_translation_csv(text);
    INFO(parsed.error);
    REQUIRE(parsed.table);
    CHECK(parsed.table->lang == "de");
    REQUIRE(parsed.table->rows.size() == 5);
    CHECK(parsed.table->rows[1].text == "semi;colon");
    CHECK(parsed.table->rows[2].text == "say \"hi\"");
    CHECK(parsed.table->rows[3].text == "two\nlines");
    CHECK(parsed.table->rows[4].text.empty());
    CHECK(parsed.table->rows[4].line == 7);  // the quoted line break in row d counts
    // Spreadsheet programs may save with commas and without a BOM.
    const auto comma = cli::parse_translation_csv("key,ar\nnav.back,\"رجوع, الآن\"\n");
    REQUIRE(comma.table);
    CHECK(comma.table->rows[0].text == "رجوع, الآن");
    CHECK_FALSE(cli::parse_translation_csv("wrong;header\n").table);
    CHECK_FALSE(cli::parse_translation_csv("key;de\na;b;c\n").table);
    CHECK_FALSE(cli::parse_translation_csv("key;de\na;\"open\n").table);
}
