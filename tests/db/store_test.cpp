#include "db/store.hpp"

#include <sys/stat.h>

#include <catch2/catch.hpp>
#include <fstream>
#include <iterator>

#include "db/migrations.hpp"
#include "tests/support/files.hpp"
#include "tests/support/temp_dir.hpp"

using namespace kk::db;

namespace {
std::string pragma(Connection& c, const char* sql) {
    Statement s(c, sql);
    return s.step() ? s.column_text(0) : std::string();
}
}  // namespace

TEST_CASE("a new database is private, in WAL mode and at the latest version", "[db]") {
    kk::test::TempDir dir;
    const auto path = dir / "sub" / "kiosk.db";
    auto store = Store::open(path);
    REQUIRE(store);
    CHECK(store->schema_version() == current_schema_version());
    struct stat st {};
    REQUIRE(stat(path.c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
    CHECK(pragma(store->connection(), "PRAGMA journal_mode") == "wal");
    CHECK(pragma(store->connection(), "PRAGMA foreign_keys") == "1");
    CHECK(pragma(store->connection(), "PRAGMA secure_delete") == "1");
}

TEST_CASE("an up-to-date database opens while another connection is writing, and reads what was committed",
          "[db]") {
    kk::test::TempDir dir;
    const auto path = dir / "k.db";
    auto writer = Store::open(path);
    REQUIRE(writer);
    writer->connection().exec("INSERT INTO app_meta (key, value) VALUES ('before', '1')");
    Transaction writing(writer->connection());  // holds the write lock, like an import in progress
    writer->connection().exec("INSERT INTO app_meta (key, value) VALUES ('during', '1')");

    auto reader = Store::open(path);  // no migration to run: it needs no write lock
    REQUIRE(reader);
    CHECK(reader->schema_version() == current_schema_version());
    Statement keys(reader->connection(),
                   "SELECT group_concat(key) FROM app_meta WHERE key IN ('before', 'during')");
    REQUIRE(keys.step());
    CHECK(keys.column_text(0) == "before");
}

TEST_CASE("a database from a newer version is refused and left untouched", "[db]") {
    kk::test::TempDir dir;
    const auto path = dir / "future.db";
    {
        auto store = Store::open(path);
        REQUIRE(store);
        store->connection().exec("PRAGMA journal_mode=DELETE");
        store->connection().exec(("PRAGMA user_version = " + std::to_string(current_schema_version() + 1)).c_str());
    }
    const std::string before = kk::test::read_bytes(path);
    auto again = Store::open(path);
    REQUIRE_FALSE(again);
    CHECK_THAT(again.error(), Catch::Contains("newer"));
    CHECK(kk::test::read_bytes(path) == before);
    CHECK_FALSE(std::filesystem::exists(dir / "future.db-wal"));
}

TEST_CASE("a file that is not a database is refused with a message", "[db]") {
    kk::test::TempDir dir;
    const auto path = dir / "notes.db";
    std::ofstream(path) << "this is not an SQLite database, just some text that is long enough";
    auto store = Store::open(path);
    REQUIRE_FALSE(store);
    CHECK_FALSE(store.error().empty());
}

TEST_CASE("a transaction rolls back unless committed", "[db]") {
    kk::test::TempDir dir;
    auto store = Store::open(dir / "t.db");
    REQUIRE(store);
    Connection& c = store->connection();
    Statement insert(c, "INSERT INTO app_meta (key, value) VALUES (?, ?)");
    {
        Transaction t(c);
        insert.bind(1, "a").bind(2, "1").run();
    }
    {
        Transaction t(c);
        insert.bind(1, "b").bind(2, "2").run();
        t.commit();
    }
    Statement keys(c, "SELECT key FROM app_meta ORDER BY key");
    std::vector<std::string> found;
    while (keys.step()) found.push_back(keys.column_text(0));
    CHECK(found == std::vector<std::string>{"b"});
}

TEST_CASE("an empty string binds as an empty text, never as NULL", "[db]") {
    kk::test::TempDir dir;
    auto store = Store::open(dir / "t.db");
    REQUIRE(store);
    Connection& c = store->connection();
    Statement insert(c, "INSERT INTO app_meta (key, value) VALUES (?, ?)");
    insert.bind(1, "empty").bind(2, std::string_view()).run();
    Statement select(c, "SELECT value IS NULL, length(value) FROM app_meta WHERE key = 'empty'");
    REQUIRE(select.step());
    CHECK(select.column_int(0) == 0);
    CHECK(select.column_int(1) == 0);
}

TEST_CASE("a string bound as a view is the whole string, a NUL inside included, and functions read it",
          "[db]") {
    kk::test::TempDir dir;
    auto store = Store::open(dir / "t.db");
    REQUIRE(store);
    Connection& c = store->connection();
    const std::string plain = "10115", empty, with_nul("ab\0cd", 5), umlaut = "Bäcker";
    Statement select(c, "SELECT length(CAST(?1 AS BLOB)), ?1 = ?2, length(?1), ?1 GLOB '1*'");
    auto check = [&](const std::string& value, std::string_view expected, int characters, bool glob) {
        INFO(expected);
        select.bind_view(1, value).bind(2, expected);
        REQUIRE(select.step());
        CHECK(select.column_int(0) == static_cast<std::int64_t>(value.size()));
        CHECK(select.column_int(1) == 1);
        CHECK(select.column_int(2) == characters);
        CHECK(select.column_int(3) == (glob ? 1 : 0));
        select.reset();
    };
    check(plain, "10115", 5, true);
    check(empty, "", 0, false);
    check(umlaut, "Bäcker", 6, false);
    check(with_nul, std::string_view("ab\0cd", 5), 2, false);  // length() stops at a NUL, as in SQLite
}

TEST_CASE("a blob binds and reads back byte for byte, zero bytes and all", "[db]") {
    kk::test::TempDir dir;
    auto store = Store::open(dir / "t.db");
    REQUIRE(store);
    Connection& c = store->connection();
    c.exec("CREATE TEMP TABLE blobs (id INTEGER PRIMARY KEY, bytes BLOB NOT NULL) STRICT");
    const std::string bytes("\x00\x80\xff\x01 not text \xc3", 15);
    {
        std::string changing = bytes;
        Statement insert(c, "INSERT INTO temp.blobs (id, bytes) VALUES (?, ?)");
        insert.bind(1, 1).bind_blob(2, changing);
        changing.assign(15, 'x');  // bound as a copy
        insert.run();
        insert.bind(1, 2).bind_blob(2, std::string_view()).run();
    }
    Statement select(c, "SELECT typeof(bytes), length(bytes), bytes FROM temp.blobs ORDER BY id");
    REQUIRE(select.step());
    CHECK(select.column_text(0) == "blob");
    CHECK(select.column_int(1) == 15);
    CHECK(select.column_blob(2) == bytes);
    REQUIRE(select.step());
    CHECK(select.column_text(0) == "blob");
    CHECK(select.column_blob(2).empty());
}
