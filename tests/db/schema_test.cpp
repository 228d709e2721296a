#include <catch2/catch.hpp>
#include <set>

#include "db/migrations.hpp"
#include "db/store.hpp"
#include "tests/support/temp_dir.hpp"

using namespace kk::db;

namespace {

std::int64_t count(Connection& c, const char* sql) {
    Statement s(c, sql);
    return s.step() ? s.column_int(0) : -1;
}

std::vector<std::string> column_text(Connection& c, const char* sql) {
    Statement s(c, sql);
    std::vector<std::string> out;
    while (s.step()) out.push_back(s.column_text(0));
    return out;
}

}  // namespace

TEST_CASE("every older schema version migrates to the latest, keeping its data", "[db][migrations]") {
    for (int from = 0; from < latest_migration(); ++from) {
        DYNAMIC_SECTION("from version " << from) {
            kk::test::TempDir dir;
            const auto path = dir / "old.db";
            {
                Connection c = Connection::open(path);
                migrate_to(c, from);
                if (from >= 1) c.exec("INSERT INTO app_meta (key, value) VALUES ('created_by', 'old build')");
                Statement v(c, "PRAGMA user_version");
                REQUIRE(v.step());
                CHECK(v.column_int(0) == from);
            }
            auto store = Store::open(path);
            REQUIRE(store);
            CHECK(store->schema_version() == latest_migration());
            Connection& c = store->connection();
            if (from >= 1) CHECK(count(c, "SELECT COUNT(*) FROM app_meta WHERE value = 'old build'") == 1);
            CHECK(column_text(c, "PRAGMA integrity_check") == std::vector<std::string>{"ok"});
            CHECK(count(c, "SELECT COUNT(*) FROM pragma_foreign_key_check") == 0);
            CHECK(count(c, "SELECT COUNT(*) FROM sqlite_schema WHERE name = 'vacancies'") == 1);
        }
    }
}

TEST_CASE("migrating twice is a no-op", "[db][migrations]") {
    kk::test::TempDir dir;
    { REQUIRE(Store::open(dir / "k.db")); }
    auto again = Store::open(dir / "k.db");
    REQUIRE(again);
    CHECK(again->schema_version() == latest_migration());
}

TEST_CASE("every table is STRICT", "[db][schema]") {
    kk::test::TempDir dir;
    auto store = Store::open(dir / "k.db");
    REQUIRE(store);
    const auto loose = column_text(store->connection(),
                                   "SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'table' "
                                   "AND name NOT LIKE 'sqlite_%' AND strict = 0 ORDER BY name");
    CHECK(loose.empty());
}

TEST_CASE("erasing a candidate removes everything of theirs", "[db][schema]") {
    kk::test::TempDir dir;
    auto store = Store::open(dir / "k.db");
    REQUIRE(store);
    Connection& c = store->connection();
    c.exec(R"sql(
        INSERT INTO employers (id, name, name_key, created_at) VALUES (1, 'Firma', 'firma', '2026-01-01T00:00:00Z');
        INSERT INTO vacancies (id, employer_id, reference, title, postcode, fingerprint, created_at, updated_at)
            VALUES (1, 1, 'R', 'Helfer', '10115', 0, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');
        INSERT INTO skills (id, code) VALUES (1, 'warehouse');
        INSERT INTO staff_users (id, username, role, password_hash, created_at, updated_at)
            VALUES (1, 'anna', 'staff', 'x', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');
        INSERT INTO candidates (id, resume_code, ui_language, given_name, consent_at, consent_text_version,
                                consent_language, created_at, updated_at)
            VALUES (1, 'K7Q2-9XWM', 'uk', 'Olena', '2026-01-01T00:00:00Z', 'v1', 'uk', '2026-01-01T00:00:00Z',
                    '2026-01-01T00:00:00Z');
        INSERT INTO work_experiences (candidate_id, position, title, language) VALUES (1, 0, 'Кухар', 'uk');
        INSERT INTO educations (candidate_id, position, kind, language, recognition) VALUES (1, 0, 'vocational', 'uk', 'in_progress');
        INSERT INTO candidate_languages (candidate_id, language, level) VALUES (1, 'uk', 'native'), (1, 'de', 'A2');
        INSERT INTO candidate_skills (candidate_id, skill_id, language) VALUES (1, 1, 'uk');
        INSERT INTO candidate_skills (candidate_id, free_text, language, source, verified_by)
            VALUES (1, 'Борщ', 'uk', 'verified', 1);
        INSERT INTO candidate_mobility (candidate_id, licence_classes, foreign_licence_unconverted, max_commute_km,
                                        public_transport) VALUES (1, 'B', 1, 30, 1);
        INSERT INTO candidate_availability (candidate_id, available_from) VALUES (1, '2026-02-01');
        INSERT INTO match_reviews (id, candidate_id, vacancy_id, status, status_changed_by, status_changed_at, created_at)
            VALUES (1, 1, 1, 'in_review', 1, '2026-01-02T00:00:00Z', '2026-01-02T00:00:00Z');
        INSERT INTO match_review_events (review_id, status, staff_user_id, at) VALUES (1, 'in_review', 1, '2026-01-02T00:00:00Z');
        INSERT INTO audit_log (at, actor, action, subject_kind, subject_id) VALUES ('2026-01-02T00:00:00Z', 'anna', 'candidate.erase', 'candidate', 1);
    )sql");
    c.exec("DELETE FROM candidates WHERE id = 1");
    for (const char* table : {"work_experiences", "educations", "candidate_languages", "candidate_skills",
                              "candidate_mobility", "candidate_availability", "match_reviews", "match_review_events"}) {
        INFO(table);
        CHECK(count(c, ("SELECT COUNT(*) FROM " + std::string(table)).c_str()) == 0);
    }
    CHECK(count(c, "SELECT COUNT(*) FROM vacancies") == 1);
    CHECK(count(c, "SELECT COUNT(*) FROM audit_log") == 1);
    CHECK(count(c, "SELECT COUNT(*) FROM pragma_foreign_key_check") == 0);
}

TEST_CASE("constraints refuse data the schema does not allow", "[db][schema]") {
    kk::test::TempDir dir;
    auto store = Store::open(dir / "k.db");
    REQUIRE(store);
    Connection& c = store->connection();
    CHECK_THROWS(c.exec("INSERT INTO candidate_skills (candidate_id, language) VALUES (99, 'de')"));
    CHECK_THROWS(c.exec("INSERT INTO candidates (resume_code, ui_language, created_at, updated_at) "
                        "VALUES ('X', 'de', 'now', 'now')"));  // no consent
    CHECK_THROWS(c.exec("INSERT INTO catalog_categories (code, position) VALUES ('c2', 'first')"));  // STRICT type
    CHECK_THROWS(c.exec("INSERT INTO catalog_categories (code) VALUES ('c'); "
                        "INSERT INTO category_labels (category_id, language, preferred, synonyms) "
                        "VALUES (1, 'de', 'Bau', 'not json')"));
}

TEST_CASE("migration 8 rebuilds vacancies and keeps them, their reviews and the reviews' events", "[db][migrations]") {
    kk::test::TempDir dir;
    {
        Connection c = Connection::open(dir / "v7.db");
        migrate_to(c, 7);
        c.exec(R"sql(
            INSERT INTO employers (id, name, name_key, created_at) VALUES (1, 'Firma', 'firma', '2026-01-01T00:00:00Z');
            INSERT INTO vacancies (id, employer_id, reference, title, postcode, german_level, status, fingerprint,
                                   created_at, updated_at, closed_at, required_skills)
                VALUES (4, 1, 'R1', 'Lager', '10115', 'B1', 'open', 11, '2026-01-01T00:00:00Z',
                        '2026-01-02T00:00:00Z', NULL, '[["Gabelstapler",7,0.5]]'),
                       (9, 1, 'R2', 'Büro', '01067', NULL, 'closed', 12, '2026-01-01T00:00:00Z',
                        '2026-01-03T00:00:00Z', '2026-01-03T00:00:00Z', '[]');
            INSERT INTO candidates (id, resume_code, ui_language, consent_at, consent_text_version, consent_language,
                                    created_at, updated_at)
                VALUES (3, 'ABC', 'ar', '2026-01-01T00:00:00Z', 'v1', 'ar', '2026-01-01T00:00:00Z',
                        '2026-01-01T00:00:00Z');
            INSERT INTO match_reviews (id, candidate_id, vacancy_id, score, status, rejection_reason,
                                       status_changed_at, notes, created_at)
                VALUES (5, 3, 9, 0.25, 'rejected', 'distance', '2026-01-04T00:00:00Z', 'zu weit',
                        '2026-01-02T00:00:00Z');
            INSERT INTO match_review_events (id, review_id, status, reason, at, note)
                VALUES (6, 5, 'rejected', 'distance', '2026-01-04T00:00:00Z', 'zu weit');
        )sql");
    }
    auto store = Store::open(dir / "v7.db");
    REQUIRE(store);
    REQUIRE(store->schema_version() == latest_migration());
    Connection& c = store->connection();
    CHECK(column_text(c, "SELECT id || ' ' || reference || ' ' || postcode || ' ' || ifnull(german_level, '-') || ' ' || "
                         "status || ' ' || fingerprint || ' ' || updated_at || ' ' || required_skills "
                         "FROM vacancies ORDER BY id") ==
          std::vector<std::string>{"4 R1 10115 B1 open 11 2026-01-02T00:00:00Z [[\"Gabelstapler\",7,0.5]]",
                                   "9 R2 01067 - closed 12 2026-01-03T00:00:00Z []"});
    CHECK(column_text(c, "SELECT vacancy_id || ' ' || score || ' ' || rejection_reason || ' ' || notes FROM match_reviews") ==
          std::vector<std::string>{"9 0.25 distance zu weit"});
    CHECK(column_text(c, "SELECT review_id || ' ' || reason FROM match_review_events") ==
          std::vector<std::string>{"5 distance"});
    CHECK(column_text(c, "SELECT text FROM vacancy_skills") == std::vector<std::string>{"Gabelstapler"});
    CHECK(column_text(c, "PRAGMA integrity_check") == std::vector<std::string>{"ok"});
    CHECK(count(c, "SELECT COUNT(*) FROM pragma_foreign_key_check") == 0);
    CHECK(count(c, "SELECT COUNT(*) FROM sqlite_temp_schema") == 0);  // the copies are gone

    // The identity is a unique index now, and the level check allows the same six values as before.
    CHECK_THROWS(c.exec("INSERT INTO vacancies (employer_id, reference, title, postcode, fingerprint, created_at, "
                        "updated_at) VALUES (1, 'R1', 'Doppelt', '10115', 0, 'now', 'now')"));
    for (const char* level : {"A1", "A2", "B1", "B2", "C1", "C2"}) {
        INFO(level);
        CHECK_NOTHROW(c.exec(("INSERT INTO vacancies (employer_id, reference, title, postcode, german_level, "
                              "fingerprint, created_at, updated_at) VALUES (1, 'L" + std::string(level) + "', 'T', "
                              "'10115', '" + level + "', 0, 'now', 'now')").c_str()));
    }
    for (const char* level : {"a1", "D1", "A3", "A", "A12", "", "B 1"}) {
        INFO(level);
        CHECK_THROWS(c.exec(("INSERT INTO vacancies (employer_id, reference, title, postcode, german_level, "
                             "fingerprint, created_at, updated_at) VALUES (1, 'X', 'T', '10115', '" +
                             std::string(level) + "', 0, 'now', 'now')").c_str()));
    }
    // Deleting a vacancy still takes its reviews and their events along.
    c.exec("DELETE FROM vacancies WHERE id = 9");
    CHECK(count(c, "SELECT COUNT(*) FROM match_reviews") == 0);
    CHECK(count(c, "SELECT COUNT(*) FROM match_review_events") == 0);
}
