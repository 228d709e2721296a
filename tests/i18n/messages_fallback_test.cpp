// tr() on bundles compiled here with the real genrb: a translation that does not format falls back to
// English, a missing key to the key itself, and each fallback is logged, naming the key.
#include <catch2/catch.hpp>
#include <fstream>
#include <iostream>
#include <sstream>

#include "i18n/languages.hpp"
#include "i18n/messages.hpp"
#include "tests/support/process.hpp"
#include "tests/support/temp_dir.hpp"

using namespace kk::i18n;

namespace {

void compile(const kk::test::TempDir& dir, const std::string& name, const std::string& source) {
    const auto file = dir / (name + ".txt");
    std::ofstream(file, std::ios::binary) << source;
    const auto r =
        kk::test::run_process({KK_GENRB, "-q", "-e", "UTF-8", "-d", dir.path().string(), file.string()});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
}

// Captures std::clog for the lifetime of the object.
struct ClogCapture {
    std::ostringstream text;
    std::streambuf* old = std::clog.rdbuf(text.rdbuf());
    ~ClogCapture() { std::clog.rdbuf(old); }
};

}  // namespace

TEST_CASE("tr falls back from a broken translation to English, then to the key, and says which", "[i18n]") {
    set_process_default_locale("en");
    kk::test::TempDir dir;
    compile(dir, "root",
            "root:table {\n greet { \"Hello {name}\" }\n only.root { \"Root only\" }\n broken.everywhere { "
            "\"{x\" }\n}\n");
    compile(dir, "de", "de:table {\n greet { \"Hallo {name\" }\n}\n");

    ClogCapture log;
    const Messages de(dir.path(), "de");
    CHECK(de.lookup("greet") == Lookup::Found);
    CHECK(de.tr("greet", {{"name", std::string("Ana")}}) == "Hello Ana");
    CHECK(de.lookup("only.root") == Lookup::FellBackToRoot);
    CHECK(de.tr("only.root") == "Root only");
    CHECK(de.tr("broken.everywhere") == "broken.everywhere");
    CHECK(de.tr("no.such.key") == "no.such.key");

    const std::string text = log.text.str();
    CHECK_THAT(text, Catch::Contains("message does not format (U_") && Catch::Contains("'greet'"));
    CHECK_THAT(text, Catch::Contains("untranslated, using English for key 'only.root'"));
    CHECK_THAT(text, Catch::Contains("showing the key for key 'broken.everywhere'"));
    CHECK_THAT(text, Catch::Contains("missing everywhere, showing the key for key 'no.such.key'"));
    // Logged once per key, not once per frame.
    const auto before = log.text.str().size();
    de.tr("only.root");
    CHECK(log.text.str().size() == before);
}
