#include "db/data_protection.hpp"

#include <sys/stat.h>

#include <catch2/catch.hpp>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>

#include "db/audit.hpp"
#include "tests/support/files.hpp"
#include "tests/support/temp_dir.hpp"

using namespace kk::db;
using namespace std::chrono_literals;

namespace {

const TimePoint kNow = *parse_utc_timestamp("2026-11-21T10:00:00Z");

// Two people; the first one's name, phone and e-mail are the markers searched for in the file's bytes.
constexpr char kPeopleSql[] = R"sql(
    INSERT INTO employers (id, name, name_key, created_at) VALUES (1, 'Firma', 'firma', '2026-01-01T00:00:00Z');
    INSERT INTO vacancies (id, employer_id, reference, title, postcode, fingerprint, created_at, updated_at)
        VALUES (1, 1, 'R1', 'Helfer', '10115', 0, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');
    INSERT INTO staff_users (id, username, role, password_hash, created_at, updated_at)
        VALUES (1, 'anna', 'staff', 'x', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');
    INSERT INTO candidates (id, resume_code, status, ui_language, given_name, family_name, phone, email, street,
                            postcode, city, photo, consent_at, consent_text_version, consent_language, created_at,
                            updated_at)
        VALUES (7, 'K7Q2-9XWM', 'complete', 'uk', 'Олена', 'Quarkfeather', '+49 170 5550199',
                'olena.quarkfeather@example.org', 'Zebulonweg 12', '10115', 'Berlin', X'89504E47DEADBEEF',
                '2026-01-01T00:00:00Z', 'v1', 'uk', '2026-01-01T00:00:00Z', '2026-11-01T00:00:00Z'),
               (8, 'B3RT-4ZZZ', 'complete', 'ar', 'Bashir', 'Keepme', '+49 151 1234567', 'bashir@example.org',
                '', '10115', 'Berlin', NULL, '2026-01-01T00:00:00Z', 'v1', 'ar', '2026-01-01T00:00:00Z',
                '2026-11-01T00:00:00Z');
    INSERT INTO work_experiences (candidate_id, position, title, language, employer, description)
        VALUES (7, 0, 'Кухар', 'uk', 'Quarkfeather Bistro', 'Kochte bei Quarkfeather Bistro in Lwiw');
    INSERT INTO candidate_skills (candidate_id, free_text, language) VALUES (7, 'Quarkfeather-Borschtsch', 'uk');
    INSERT INTO candidate_languages (candidate_id, language, level) VALUES (7, 'de', 'A2');
    INSERT INTO match_reviews (id, candidate_id, vacancy_id, status, status_changed_by, status_changed_at, notes,
                               created_at)
        VALUES (1, 7, 1, 'contacted', 1, '2026-11-02T00:00:00Z', 'Frau Quarkfeather ruft zurück',
                '2026-11-02T00:00:00Z');
    INSERT INTO match_review_events (review_id, status, staff_user_id, at, note)
        VALUES (1, 'contacted', 1, '2026-11-02T00:00:00Z', 'Quarkfeather erreicht');
)sql";

const std::vector<std::string> kMarkers = {
    "Quarkfeather", "Олена", "5550199", "olena.quarkfeather@example.org", "Zebulonweg", "K7Q2-9XWM"};

std::string database_bytes(const std::filesystem::path& db) {
    return kk::test::read_bytes(db) + kk::test::read_bytes(db.string() + "-wal");
}

std::int64_t count(Store& store, const char* sql) {
    Statement s(store.connection(), sql);
    return s.step() ? s.column_int(0) : -1;
}

}  // namespace

TEST_CASE("erase removes the person and leaves none of their bytes in the database file", "[db][gdpr]") {
    kk::test::TempDir dir;
    const auto db = dir / "k.db";
    auto store = Store::open(db);
    REQUIRE(store);
    store->connection().exec(kPeopleSql);
    // A table added by a later feature that stores generated PDFs: found through its cascading foreign key.
    store->connection().exec(
        "CREATE TABLE candidate_documents (candidate_id INTEGER NOT NULL REFERENCES candidates (id) "
        "ON DELETE CASCADE, pdf_path TEXT NOT NULL) STRICT");
    const auto pdf = dir / "cv-7.pdf";
    { std::ofstream(pdf) << "%PDF-1.7 Quarkfeather"; }
    Statement doc(store->connection(),
                  "INSERT INTO candidate_documents (candidate_id, pdf_path) VALUES (7, ?)");
    doc.bind(1, pdf.string()).run();
    // Many rows so the person's data shares pages with others' and some pages get freed.
    for (int i = 0; i < 200; ++i) {
        Statement more(
            store->connection(),
            "INSERT INTO candidate_skills (candidate_id, free_text, language) VALUES (?, ?, 'de')");
        const bool olena = i % 2 == 0;
        more.bind(1, olena ? 7 : 8)
            .bind(2, "Skill " + std::to_string(i) + (olena ? " Quarkfeather" : " Keepme"))
            .run();
    }
    REQUIRE(audit_candidate_view(*store, "anna", 7, kNow));

    const std::string before = database_bytes(db);
    for (const auto& marker : kMarkers) {
        INFO(marker);
        REQUIRE(before.find(marker) != std::string::npos);  // the test can see the data while it is there
    }

    const auto id = find_candidate_id(*store, "K7Q2-9XWM");
    REQUIRE(id);
    CHECK(*id == 7);
    const auto report = erase_candidate(*store, *id, "anna", kNow);
    REQUIRE(report);
    CHECK(report->file_compacted);
    CHECK(report->files_removed == std::vector<std::string>{pdf.string()});
    CHECK_FALSE(std::filesystem::exists(pdf));

    const std::string after = database_bytes(db);
    for (const auto& marker : kMarkers) {
        INFO(marker);
        CHECK(after.find(marker) == std::string::npos);
    }
    CHECK(after.find("Keepme") != std::string::npos);  // the other person is untouched
    CHECK(count(*store, "SELECT COUNT(*) FROM candidates") == 1);
    CHECK(count(*store, "SELECT COUNT(*) FROM candidate_skills WHERE candidate_id = 7") == 0);
    CHECK(count(*store, "SELECT COUNT(*) FROM match_review_events") == 0);
    CHECK(count(*store, "SELECT COUNT(*) FROM candidate_documents") == 0);

    const auto audit = read_audit(*store);
    REQUIRE(audit);
    REQUIRE(audit->size() == 2);  // the view stays: it holds only the id
    CHECK(audit->back().action == "candidate.erase");
    CHECK(audit->back().detail == "candidate #7 erased by anna");
    CHECK_FALSE(find_candidate_id(*store, "K7Q2-9XWM"));
    CHECK_FALSE(erase_candidate(*store, 7, "anna", kNow));
}

TEST_CASE("export-candidate gives everything stored about the person, and nobody else's", "[db][gdpr]") {
    kk::test::TempDir dir;
    auto store = Store::open(dir / "k.db");
    REQUIRE(store);
    store->connection().exec(kPeopleSql);
    REQUIRE(audit_candidate_view(*store, "anna", 7, kNow));
    const auto out = dir / "olena.json";
    REQUIRE(export_candidate(*store, *find_candidate_id(*store, "#7"), out, "anna", kNow + 1min));
    struct stat st {};
    REQUIRE(::stat(out.c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);

    const auto json = nlohmann::json::parse(kk::test::read_bytes(out));
    CHECK(json["candidate"]["email"] == "olena.quarkfeather@example.org");
    CHECK(json["candidate"]["given_name"] == "Олена");
    CHECK(json["candidate"]["photo"] == "iVBOR96tvu8=");  // base64 of the BLOB
    CHECK(json["owned"]["work_experiences"][0]["employer"] == "Quarkfeather Bistro");
    CHECK(json["owned"]["candidate_skills"].size() == 1);
    CHECK(json["owned"]["candidate_languages"][0]["level"] == "A2");
    CHECK(json["owned"]["match_reviews"][0]["notes"] == "Frau Quarkfeather ruft zurück");
    CHECK(json["owned"]["match_review_events"][0]["note"] == "Quarkfeather erreicht");
    REQUIRE(json["audit_log"].size() == 2);
    CHECK(json["audit_log"][1]["action"] == "candidate.export");
    CHECK(kk::test::read_bytes(out).find("Keepme") == std::string::npos);
    CHECK_FALSE(find_candidate_id(*store, "NOPE-0000"));
}

TEST_CASE("purge removes inactive candidates and stale drafts", "[db][gdpr]") {
    kk::test::TempDir dir;
    auto store = Store::open(dir / "k.db");
    REQUIRE(store);
    store->connection().exec(kPeopleSql);
    store->connection().exec(R"sql(
        UPDATE candidates SET updated_at = '2025-06-01T00:00:00Z' WHERE id IN (7, 8);
        UPDATE match_reviews SET status_changed_at = '2026-01-15T00:00:00Z' WHERE id = 1;
        INSERT INTO candidates (id, resume_code, status, ui_language, consent_at, consent_text_version,
                                consent_language, created_at, updated_at)
            VALUES (9, 'DRAF-T001', 'incomplete', 'fa', '2026-10-01T00:00:00Z', 'v1', 'fa', '2026-10-01T00:00:00Z',
                    '2026-10-01T00:00:00Z'),
                   (10, 'DRAF-T002', 'incomplete', 'fa', '2026-11-20T00:00:00Z', 'v1', 'fa',
                    '2026-11-20T00:00:00Z', '2026-11-20T00:00:00Z');
        INSERT INTO app_meta (key, value) VALUES ('retention.draft_days', '30');
    )sql");
    const auto draft_days = configured_draft_days(*store);
    REQUIRE(draft_days);
    REQUIRE(*draft_days == std::optional<int>(30));

    PurgeOptions options{.inactive_before = retention_cutoff("12m", kNow),
                         .drafts_before = kNow - std::chrono::days(**draft_days),
                         .dry_run = true,
                         .actor = "cli:root"};
    const auto dry = purge_candidates(*store, options, kNow);
    REQUIRE(dry);
    // 7 had a review change in January (activity), 8 none since June 2025, draft 9 is 51 days old, 10 is new.
    REQUIRE(dry->size() == 2);
    CHECK((*dry)[0].id == 8);
    CHECK((*dry)[0].reason == "inactive");
    CHECK((*dry)[1].id == 9);
    CHECK((*dry)[1].reason == "draft");
    CHECK(count(*store, "SELECT COUNT(*) FROM candidates") == 4);
    CHECK(read_audit(*store)->empty());

    options.dry_run = false;
    const auto done = purge_candidates(*store, options, kNow);
    REQUIRE(done);
    CHECK(done->size() == 2);
    CHECK(count(*store, "SELECT COUNT(*) FROM candidates") == 2);
    CHECK(count(*store, "SELECT COUNT(*) FROM candidates WHERE id IN (7, 10)") == 2);
    const auto audit = read_audit(*store);
    REQUIRE(audit->size() == 2);
    CHECK(audit->front().detail == "candidate #8 purged (inactive) by cli:root");
}

TEST_CASE("retention periods count calendar months and days", "[db][gdpr]") {
    CHECK(utc_timestamp(*retention_cutoff("12m", kNow)) == "2025-11-21T10:00:00Z");
    CHECK(utc_timestamp(*retention_cutoff("1y", kNow)) == "2025-11-21T10:00:00Z");
    CHECK(utc_timestamp(*retention_cutoff("30d", kNow)) == "2026-10-22T10:00:00Z");
    CHECK(utc_timestamp(*retention_cutoff("1m", *parse_utc_timestamp("2026-03-31"))) ==
          "2026-02-28T00:00:00Z");
    CHECK_FALSE(retention_cutoff("12", kNow));
    CHECK_FALSE(retention_cutoff("m", kNow));
    CHECK_FALSE(retention_cutoff("12w", kNow));
}

TEST_CASE("erase reports when an open reader keeps old pages in the WAL, and compacts later", "[db][gdpr]") {
    kk::test::TempDir dir;
    const auto db = dir / "k.db";
    auto store = Store::open(db);
    REQUIRE(store);
    store->connection().exec(kPeopleSql);
    {
        // A kiosk reading at the same time: its snapshot pins the WAL frames that still hold the person.
        Connection kiosk = Connection::open_existing(db);
        kiosk.exec("BEGIN");
        Statement read(kiosk, "SELECT COUNT(*) FROM candidates");
        REQUIRE(read.step());
        const auto report = erase_candidate(*store, 7, "anna", kNow);
        REQUIRE(report);
        CHECK_FALSE(report->file_compacted);
        CHECK(database_bytes(db).find("Quarkfeather") != std::string::npos);
        read.reset();
        kiosk.exec("COMMIT");
    }
    const auto compacted = erase_compact(*store);
    REQUIRE(compacted);
    CHECK(*compacted);
    for (const auto& marker : kMarkers) {
        INFO(marker);
        CHECK(database_bytes(db).find(marker) == std::string::npos);
    }
}
