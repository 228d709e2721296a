#include <catch2/catch.hpp>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <sstream>

#include "cli/staff_commands.hpp"
#include "db/staff.hpp"
#include "db/store.hpp"
#include "tests/support/files.hpp"
#include "tests/support/process.hpp"
#include "tests/support/temp_dir.hpp"
#include "tests/cli/run_kioskctl.hpp"

using namespace kk;

namespace {

using test::Captured;
using test::kioskctl;

Captured staff(const std::vector<std::string>& args, const std::string& input) {
    std::ostringstream out, err;
    std::istringstream in(input);
    const int code = cli::run_staff_with_input(args, {out, err}, in, false);
    return {code, out.str(), err.str()};
}

std::string init_db(const kk::test::TempDir& dir) {
    const std::string db = (dir / "k.db").string();
    REQUIRE(kioskctl({"init", "--db", db}).code == 0);
    return db;
}

void exec(const std::string& db, const char* sql) {
    auto store = kk::db::Store::open(db);
    REQUIRE(store);
    store->connection().exec(sql);
}

constexpr char kPeopleSql[] = R"sql(
    INSERT INTO skills (code) VALUES ('test.forklift');
    INSERT INTO employers (id, name, name_key, created_at) VALUES (1, 'Firma', 'firma', '2026-01-01T00:00:00Z');
    INSERT INTO vacancies (id, employer_id, reference, title, postcode, fingerprint, created_at, updated_at)
        VALUES (1, 1, 'R1', 'Lager', '10115', 0, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');
    UPDATE vacancies SET required_skills = json_array(
        json_array('Gabelstapler', (SELECT id FROM skills WHERE code = 'test.forklift'), 0),
        json_array('=Staplerschein', NULL, 0)) WHERE id = 1;
    INSERT INTO candidates (id, resume_code, status, ui_language, given_name, family_name, phone, email, postcode,
                            consent_at, consent_text_version, consent_language, created_at, updated_at)
        VALUES (3, 'ZX7Q-2KLM', 'complete', 'ti', 'Yonatan', 'Wolkenbruch', '+49 160 9876543',
                'yonatan.wolkenbruch@example.org', '10117', '2000-01-01T00:00:00Z', 'v1', 'ti',
                '2000-01-01T00:00:00Z', '2000-01-01T00:00:00Z'),
               (4, 'NEWW-0001', 'incomplete', 'so', 'Hodan', 'Frischling', '', '', NULL, '2099-01-01T00:00:00Z',
                'v1', 'so', '2099-01-01T00:00:00Z', '2099-01-01T00:00:00Z');
    INSERT INTO candidate_skills (candidate_id, skill_id, free_text, language) VALUES (3, (SELECT id FROM skills WHERE code = 'test.forklift'), NULL, 'ti');
)sql";

}  // namespace

TEST_CASE("kioskctl staff add, list, passwd and disable", "[cli][staff]") {
    kk::test::TempDir dir;
    const std::string db = init_db(dir);
    auto added = staff({"add", "anna", "--role", "admin", "--db", db}, "geheim-genug\n");
    INFO(added.err);
    REQUIRE(added.code == 0);
    CHECK(added.out == "added anna (admin)\n");
    CHECK(added.out.find("geheim") == std::string::npos);
    CHECK(staff({"add", "anna", "--role", "staff", "--db", db}, "geheim-genug\n").code == 2);
    CHECK(staff({"add", "bernd", "--role", "boss", "--db", db}, "geheim-genug\n").code == 2);
    CHECK(staff({"add", "bernd", "--role", "staff", "--db", db}, "kurz\n").code == 2);
    CHECK(staff({"add", "bernd", "--role", "staff", "--db", db}, "").code == 2);
    REQUIRE(staff({"add", "bernd", "--role", "staff", "--db", db}, "bernds-passwort\r\n").code == 0);
    CHECK(staff({"list", "--db", db}, "").out == "anna\tadmin\tactive\nbernd\tstaff\tactive\n");

    REQUIRE(staff({"passwd", "bernd", "--db", db}, "neues-passwort\n").code == 0);
    REQUIRE(staff({"disable", "anna", "--db", db}, "").code == 0);
    CHECK(staff({"list", "--db", db}, "").out == "anna\tadmin\tdisabled\nbernd\tstaff\tactive\n");
    CHECK(staff({"disable", "carla", "--db", db}, "").code == 2);
    CHECK(staff({"frobnicate", "--db", db}, "").code == 2);

    auto store = kk::db::Store::open(db);
    REQUIRE(store);
    const auto now = std::chrono::system_clock::now();
    CHECK(kk::db::staff_login(*store, "bernd", "neues-passwort", now)->outcome == kk::db::LoginOutcome::ok);
    CHECK(kk::db::staff_login(*store, "bernd", "bernds-passwort", now)->outcome ==
          kk::db::LoginOutcome::wrong_credentials);
    CHECK(kk::db::staff_login(*store, "anna", "geheim-genug", now)->outcome ==
          kk::db::LoginOutcome::disabled);

    const auto audit = kioskctl({"audit", "--db", db});
    REQUIRE(audit.code == 0);
    CHECK(audit.out.find("\t" + cli::cli_actor() + "\tstaff.add\tstaff_user #1\trole=admin\n") !=
          std::string::npos);
    CHECK(audit.out.find("staff.passwd") != std::string::npos);
    CHECK(audit.out.find("staff.disable") != std::string::npos);
    CHECK(audit.out.find("passwort") == std::string::npos);
}

TEST_CASE("the kioskctl binary reads the password from a pipe", "[cli][staff]") {
    kk::test::TempDir dir;
    const std::string db = init_db(dir);
    const auto result = kk::test::run_process(
        {KK_KIOSKCTL_BIN, "staff", "add", "carla", "--role", "staff", "--db", db}, {}, "carlas-passwort\n");
    INFO(result.err);
    REQUIRE(result.exit_code == 0);
    auto store = kk::db::Store::open(db);
    REQUIRE(store);
    CHECK(
        kk::db::staff_login(*store, "carla", "carlas-passwort", std::chrono::system_clock::now())->outcome ==
        kk::db::LoginOutcome::ok);
}

TEST_CASE("kioskctl audit filters by date and refuses a bad one", "[cli][audit]") {
    kk::test::TempDir dir;
    const std::string db = init_db(dir);
    exec(db, R"sql(
        INSERT INTO audit_log (at, actor, action, subject_kind, subject_id, detail)
            VALUES ('2026-01-05T08:00:00Z', 'anna', 'candidate.view', 'candidate', 3, ''),
                   ('2026-02-05T08:00:00Z', 'bernd', 'review.status', 'review', 1, 'proposed -> contacted');
    )sql");
    const auto since = kioskctl({"audit", "--db", db, "--since", "2026-02-01"});
    REQUIRE(since.code == 0);
    CHECK(since.out == "2026-02-05T08:00:00Z\tbernd\treview.status\treview #1\tproposed -> contacted\n");
    CHECK(kioskctl({"audit", "--db", db}).out.find("candidate.view\tcandidate #3") != std::string::npos);
    CHECK(kioskctl({"audit", "--db", db, "--since", "gestern"}).code == 2);
    CHECK(kioskctl({"audit", "--db", (dir / "missing.db").string()}).code == 2);
}

TEST_CASE("kioskctl erase leaves no bytes of the person, export-candidate writes everything", "[cli][gdpr]") {
    kk::test::TempDir dir;
    const std::string db = init_db(dir);
    exec(db, kPeopleSql);
    const std::string json_path = (dir / "yonatan.json").string();
    const auto exported =
        kioskctl({"export-candidate", "--db", db, "--candidate", "ZX7Q-2KLM", "--out", json_path});
    INFO(exported.err);
    REQUIRE(exported.code == 0);
    const auto json = nlohmann::json::parse(kk::test::read_bytes(json_path));
    CHECK(json["candidate"]["family_name"] == "Wolkenbruch");
    CHECK(json["owned"]["candidate_skills"].size() == 1);

    CHECK(kioskctl({"erase", "--db", db, "--candidate", "NOPE-0000"}).code == 2);
    const auto erased = kioskctl({"erase", "--db", db, "--candidate", "ZX7Q-2KLM"});
    INFO(erased.err);
    REQUIRE(erased.code == 0);
    CHECK(erased.out == "erased candidate #3 and everything of theirs\n");
    const std::string bytes = kk::test::read_bytes(db) + kk::test::read_bytes(db + "-wal");
    for (const char* marker : {"Yonatan", "Wolkenbruch", "9876543", "yonatan.wolkenbruch@example.org"}) {
        INFO(marker);
        CHECK(bytes.find(marker) == std::string::npos);
    }
    CHECK(bytes.find("Frischling") != std::string::npos);
    const auto audit = kioskctl({"audit", "--db", db});
    CHECK(audit.out.find("candidate #3 erased by " + cli::cli_actor()) != std::string::npos);
}

TEST_CASE("kioskctl purge lists in a dry run and then removes inactive candidates", "[cli][gdpr]") {
    kk::test::TempDir dir;
    const std::string db = init_db(dir);
    exec(db, kPeopleSql);
    const auto dry = kioskctl({"purge", "--db", db, "--older-than", "12m", "--dry-run"});
    INFO(dry.err);
    REQUIRE(dry.code == 0);
    CHECK(dry.out ==
          "would purge candidate #3 (inactive, last activity 2000-01-01T00:00:00Z)\n1 candidates would be "
          "purged\n");
    CHECK(kioskctl({"purge", "--db", db, "--older-than", "twelve"}).code == 2);
    CHECK(kioskctl({"purge", "--db", db}).code == 2);
    const auto done = kioskctl({"purge", "--db", db, "--older-than", "12m"});
    REQUIRE(done.code == 0);
    CHECK(done.out.find("1 candidates purged") != std::string::npos);
    CHECK(kioskctl({"purge", "--db", db, "--older-than", "12m"}).out == "0 candidates purged\n");
    CHECK(kioskctl({"export-candidate", "--db", db, "--candidate", "ZX7Q-2KLM", "--out",
                    (dir / "x.json").string()})
              .code == 2);
}

TEST_CASE("kioskctl dashboard prints the gaps and writes a safe CSV", "[cli][dashboard]") {
    kk::test::TempDir dir;
    const std::string db = init_db(dir);
    exec(db, kPeopleSql);
    const auto text = kioskctl({"dashboard", "--db", db, "--today", "2026-11-21"});
    INFO(text.err);
    REQUIRE(text.code == 0);
    CHECK(text.out.find("Landkreis: 1 open vacancies, 2 candidates\n") != std::string::npos);
    CHECK(text.out.find("       1  =Staplerschein\n") != std::string::npos);  // a gap of one
    CHECK(text.out.find("occupations by reachable matches") != std::string::npos);
    const std::string csv = (dir / "gaps.csv").string();
    REQUIRE(kioskctl({"dashboard", "--db", db, "--areas", "--out", csv, "--today", "2026-11-21"}).code == 0);
    const std::string written = kk::test::read_bytes(csv);
    CHECK(written.find("Landkreis;skill;test.forklift;test.forklift;1;1;1;0;\r\n") != std::string::npos);
    CHECK(written.find("10;skill;test.forklift;test.forklift;1;1;1;0;\r\n") != std::string::npos);
    CHECK(written.find("Landkreis;skill;text:staplerschein;'=Staplerschein;1;1;0;1;\r\n") !=
          std::string::npos);
    CHECK(kioskctl({"dashboard", "--db", db, "--area", "1O"}).code == 2);
}
