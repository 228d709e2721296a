#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <thread>

#include "db/store.hpp"
#include "tests/support/process.hpp"
#include "tests/support/temp_dir.hpp"
#include "tests/cli/run_kioskctl.hpp"

using namespace kk;

namespace {

const std::filesystem::path kFixtures = std::filesystem::path(KK_TEST_SOURCE_DIR) / "tests" / "fixtures" / "csv";

using test::kioskctl;

std::string init_db(const kk::test::TempDir& dir) {
    const std::string db = (dir / "k.db").string();
    REQUIRE(kioskctl({"init", "--db", db}).code == 0);
    return db;
}

std::int64_t count(const std::string& db, const char* sql) {
    auto store = kk::db::Store::open(db);
    REQUIRE(store);
    kk::db::Statement s(store->connection(), sql);
    return s.step() ? s.column_int(0) : -1;
}

const std::string kHeader =
    "referenz;arbeitgeber;titel;plz;ort;pflichtkenntnisse;wunschkenntnisse;deutschniveau;sprachfoerderung;"
    "fuehrerschein;arbeitszeit;beschreibung;kontakt;gueltig_bis\n";

std::string generated_row(std::size_t i) {
    return "G-" + std::to_string(i) + ";Firma;Helfer/in Lager " + std::to_string(i % 97) + ";10115;Berlin;" +
           "Kommissionieren, Gabelstapler, Lager " + std::to_string(i % 13) + ";Kasse;A2;ja;B;Vollzeit;" +
           "\"Beschreibung mit; Semikolon\nund Umbruch\";;31.12.2030\n";
}

// The vacancies table's indexes as "name: CREATE ..." lines.
std::vector<std::string> vacancy_indexes(const std::string& db) {
    auto store = kk::db::Store::open(db);
    REQUIRE(store);
    kk::db::Statement list(store->connection(), "SELECT name || ': ' || sql FROM sqlite_schema "
                                                "WHERE type = 'index' AND tbl_name = 'vacancies' ORDER BY name");
    std::vector<std::string> out;
    while (list.step()) out.push_back(list.column_text(0));
    return out;
}

// Starts `kioskctl import-vacancies --replace` on a pipe at `fifo`, feeds it `total` generated rows and kills it
// before the file ends, so the import is still inside its transaction.
void kill_mid_import(const std::string& db, const std::string& fifo, std::size_t total) {
    REQUIRE(mkfifo(fifo.c_str(), 0600) == 0);

    const pid_t child = fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        const int null = ::open("/dev/null", O_WRONLY);
        dup2(null, 1);
        dup2(null, 2);
        execl(KK_KIOSKCTL_BIN, KK_KIOSKCTL_BIN, "import-vacancies", "--db", db.c_str(), fifo.c_str(), "--replace",
              static_cast<char*>(nullptr));
        _exit(127);
    }
    // Wait for the child to open the pipe for reading (it does after opening the database).
    int fd = -1;
    for (int attempt = 0; attempt < 3000 && fd < 0; ++attempt) {
        fd = ::open(fifo.c_str(), O_WRONLY | O_NONBLOCK | O_CLOEXEC);
        int status = 0;
        if (fd < 0 && waitpid(child, &status, WNOHANG) == child) FAIL("kioskctl exited before reading the file");
        if (fd < 0) std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    REQUIRE(fd >= 0);
    REQUIRE(fcntl(fd, F_SETFL, 0) == 0);  // blocking writes: each one returns only once the child has read on
    std::string block = kHeader;
    std::size_t rows = 0;
    while (rows < total) {
        for (int k = 0; k < 1000; ++k) block += generated_row(rows++);
        std::size_t written = 0;
        while (written < block.size()) {
            const ssize_t n = ::write(fd, block.data() + written, block.size() - written);
            REQUIRE(n > 0);
            written += static_cast<std::size_t>(n);
        }
        block.clear();
    }
    // Every row went through the pipe, but the file has not ended: the import is still inside its transaction.
    REQUIRE(kill(child, SIGKILL) == 0);
    int status = 0;
    REQUIRE(waitpid(child, &status, 0) == child);
    CHECK(WIFSIGNALED(status));
    ::close(fd);
}

}  // namespace

TEST_CASE("kioskctl lists the vacancy commands", "[cli]") {
    const auto help = kioskctl({"--help"});
    for (const char* c : {"vacancies --db", "import-vacancies --db", "export-vacancies --db", "vacancy-template"}) {
        CHECK_THAT(help.out, Catch::Contains(c));
    }
}

TEST_CASE("template, import, list and export work end to end with exit codes", "[cli]") {
    kk::test::TempDir dir;
    const std::string db = init_db(dir);
    const auto tmpl = kioskctl({"vacancy-template"});
    REQUIRE(tmpl.code == 0);
    std::ofstream(dir / "t.csv", std::ios::binary) << tmpl.out;

    const auto first = kioskctl({"import-vacancies", "--db", db, (dir / "t.csv").string(), "--json"});
    CHECK(first.code == 0);
    const auto report = nlohmann::json::parse(first.out);
    CHECK(report["inserted"] == 1);
    CHECK(report["rejected"] == 0);
    CHECK(report["delimiter"] == ";");
    CHECK(report["encoding"] == "UTF-8 (BOM)");
    CHECK(kioskctl({"import-vacancies", "--db", db, (dir / "t.csv").string()}).out.find("unchanged 1") !=
          std::string::npos);

    const auto list = kioskctl({"vacancies", "--db", db, "--json"});
    REQUIRE(list.code == 0);
    const auto vacancies = nlohmann::json::parse(list.out);
    REQUIRE(vacancies.size() == 1);
    CHECK(vacancies[0]["employer"] == "Muster Bau GmbH");
    CHECK(vacancies[0]["postcode"] == "01067");
    CHECK(vacancies[0]["status"] == "open");
    CHECK(vacancies[0]["required_skills"][0]["text"] == "Maurerarbeiten");
    const auto& skill_id = vacancies[0]["required_skills"][0]["skill_id"];  // null unless the catalog resolves it
    CHECK((skill_id.is_null() || skill_id.is_number_integer()));
    const auto text = kioskctl({"vacancies", "--db", db});
    CHECK_THAT(text.out, Catch::Contains("Muster Bau GmbH\t2024-017\tHelfer/in im Hochbau\t01067 Dresden"));

    const auto exported = kioskctl({"export-vacancies", "--db", db, "--out", (dir / "e.csv").string()});
    CHECK(exported.code == 0);
    std::ifstream in(dir / "e.csv", std::ios::binary);
    const std::string bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    CHECK(bytes == tmpl.out);  // the template row survives import and export byte for byte
}

TEST_CASE("import-vacancies exit codes: 3 partial, 2 strict or refused, dry run writes nothing", "[cli]") {
    kk::test::TempDir dir;
    const std::string db = init_db(dir);
    const std::string invalid = (kFixtures / "invalid_rows.csv").string();

    const auto dry = kioskctl({"import-vacancies", "--db", db, invalid, "--dry-run", "--json"});
    CHECK(dry.code == 3);
    CHECK(nlohmann::json::parse(dry.out)["dry_run"] == true);
    CHECK(count(db, "SELECT COUNT(*) FROM vacancies") == 0);

    const auto strict = kioskctl({"import-vacancies", "--db", db, invalid, "--strict"});
    CHECK(strict.code == 2);
    CHECK(count(db, "SELECT COUNT(*) FROM vacancies") == 0);

    const auto partial = kioskctl({"import-vacancies", "--db", db, invalid, "--json"});
    CHECK(partial.code == 3);
    const auto j = nlohmann::json::parse(partial.out);
    CHECK(j["inserted"] == 3);
    CHECK(j["rejected"] == 16);
    REQUIRE(j["rejections"].size() == 16);
    CHECK(j["rejections"][3]["line"] == 7);
    CHECK(j["rejections"][3]["column"] == "plz");
    CHECK(j["rejections"][3]["reason_de"] == "\"ABCDE\" ist keine fünfstellige Postleitzahl");
    CHECK(j["rejections"][3]["reason_en"] == "\"ABCDE\" is not a 5-digit postcode");
    const auto human = kioskctl({"import-vacancies", "--db", db, invalid});
    CHECK_THAT(human.out, Catch::Contains("line 7, column plz: \"ABCDE\" is not a 5-digit postcode"));
    CHECK_THAT(human.out, Catch::Contains("Zeile 7, Spalte plz"));

    const auto bad_bytes = kioskctl({"import-vacancies", "--db", db, (kFixtures / "invalid_bytes.csv").string(), "--json"});
    CHECK(bad_bytes.code == 2);
    CHECK(nlohmann::json::parse(bad_bytes.out)["errors"][0]["byte_offset"] == 264);
    CHECK(kioskctl({"import-vacancies", "--db", db, (kFixtures / "missing_column.csv").string()}).code == 2);
}

TEST_CASE("vacancy commands refuse bad arguments and missing databases", "[cli]") {
    kk::test::TempDir dir;
    const std::string missing = (dir / "nope.db").string();
    for (const auto& args : std::vector<std::vector<std::string>>{
             {"import-vacancies"},
             {"import-vacancies", "--db", missing},
             {"import-vacancies", "--db", missing, "a.csv", "--frobnicate"},
             {"export-vacancies", "--db", missing},
             {"vacancies"},
             {"vacancy-template", "extra"}}) {
        const auto r = kioskctl(args);
        CHECK(r.code == 2);
        CHECK_THAT(r.err, Catch::Contains("usage"));
    }
    const auto r = kioskctl({"vacancies", "--db", missing});
    CHECK(r.code == 2);
    CHECK_THAT(r.err, Catch::Contains("does not exist"));
    CHECK_FALSE(std::filesystem::exists(missing));
}

TEST_CASE("a kioskctl killed mid-import leaves the database as it was before", "[cli][slow]") {
    kk::test::TempDir dir;
    const std::string db = init_db(dir);
    {
        std::ofstream(dir / "before.csv") << kHeader << "A-1;Firma;Koch;10115;Berlin;Kochen;;;;;;;;\n"
                                          << "A-2;Firma;Maler;10115;Berlin;Malen;;;;;;;;\n";
        REQUIRE(kioskctl({"import-vacancies", "--db", db, (dir / "before.csv").string()}).code == 0);
    }
    const std::string fifo = (dir / "big.csv").string();
    const std::size_t total = 60000;
    kill_mid_import(db, fifo, total);

    {
        auto store = kk::db::Store::open(db);
        REQUIRE(store);
        kk::db::Statement check(store->connection(), "PRAGMA integrity_check");
        REQUIRE(check.step());
        CHECK(check.column_text(0) == "ok");
    }
    CHECK(count(db, "SELECT COUNT(*) FROM vacancies") == 2);
    CHECK(count(db, "SELECT COUNT(*) FROM vacancies WHERE status = 'open'") == 2);
    CHECK(count(db, "SELECT COUNT(*) FROM vacancy_skills") == 2);

    // The same rows from a complete file: all of them, and --replace closed.
    std::filesystem::remove(fifo);
    {
        std::ofstream out(fifo, std::ios::binary);
        out << kHeader;
        for (std::size_t i = 0; i < total; ++i) out << generated_row(i);
    }
    const auto done = kk::test::run_process({KK_KIOSKCTL_BIN, "import-vacancies", "--db", db, fifo, "--replace"});
    CHECK(done.exit_code == 0);
    CHECK(count(db, "SELECT COUNT(*) FROM vacancies") == static_cast<std::int64_t>(total) + 2);
    CHECK(count(db, "SELECT COUNT(*) FROM vacancies WHERE status = 'closed'") == 2);
    struct stat st {};
    REQUIRE(stat(db.c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
}

TEST_CASE("a kioskctl killed during a first import leaves an empty table with its indexes", "[cli][slow]") {
    kk::test::TempDir dir;
    const std::string db = init_db(dir);
    const std::vector<std::string> indexes = vacancy_indexes(db);
    REQUIRE(indexes.size() == 2);
    // The table is empty and kioskctl alone with the database: the import leaves WAL mode for a rollback
    // journal, drops the indexes, inserts, and would build them at the end. Enough rows that SQLite writes
    // pages into the database file itself before the kill (its page cache holds 32 MiB).
    const auto size_before = std::filesystem::file_size(db);
    kill_mid_import(db, (dir / "big.csv").string(), 250000);
    CHECK(std::filesystem::file_size(db) > size_before + (16u << 20));
    CHECK(std::filesystem::exists(db + "-journal"));  // hot: the next open rolls the import back

    {
        auto store = kk::db::Store::open(db);
        REQUIRE(store);
        kk::db::Statement check(store->connection(), "PRAGMA integrity_check");
        REQUIRE(check.step());
        CHECK(check.column_text(0) == "ok");
    }
    CHECK(vacancy_indexes(db) == indexes);
    CHECK(count(db, "SELECT COUNT(*) FROM vacancies") == 0);
    CHECK(std::filesystem::file_size(db) == size_before);
    CHECK_FALSE(std::filesystem::exists(db + "-journal"));
    CHECK(count(db, "SELECT journal_mode = 'wal' FROM pragma_journal_mode") == 1);
}
