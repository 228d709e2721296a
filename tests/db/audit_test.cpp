#include "db/audit.hpp"

#include <catch2/catch.hpp>

#include "tests/support/temp_dir.hpp"

using namespace kk::db;

TEST_CASE("audit entries are appended in order and filtered by date", "[db][audit]") {
    kk::test::TempDir dir;
    auto store = Store::open(dir / "k.db");
    REQUIRE(store);
    const TimePoint day1 = *parse_utc_timestamp("2026-11-20T08:00:00Z");
    const TimePoint day2 = *parse_utc_timestamp("2026-11-21T09:30:00Z");
    REQUIRE(audit_candidate_view(*store, "anna", 7, day1));
    REQUIRE(append_audit(*store,
                         AuditEntry{.actor = "bernd",
                                    .action = "candidate.update",
                                    .subject_kind = "candidate",
                                    .subject_id = 7,
                                    .detail = "skills"},
                         day2));
    CHECK_FALSE(append_audit(*store, AuditEntry{.actor = "", .action = "x"}, day2));

    const auto all = read_audit(*store);
    REQUIRE(all);
    REQUIRE(all->size() == 2);
    CHECK((*all)[0].action == "candidate.view");
    CHECK((*all)[0].actor == "anna");
    CHECK((*all)[0].subject_id == std::optional<std::int64_t>(7));
    CHECK((*all)[0].at == "2026-11-20T08:00:00Z");
    CHECK((*all)[1].detail == "skills");

    const auto since = read_audit(*store, parse_utc_timestamp("2026-11-21"));
    REQUIRE(since);
    REQUIRE(since->size() == 1);
    CHECK(since->front().actor == "bernd");
}

TEST_CASE("the audit table refuses UPDATE and DELETE", "[db][audit]") {
    kk::test::TempDir dir;
    auto store = Store::open(dir / "k.db");
    REQUIRE(store);
    REQUIRE(audit_candidate_view(*store, "anna", 1, *parse_utc_timestamp("2026-11-20")));
    Connection& c = store->connection();
    CHECK_THROWS_WITH(c.exec("UPDATE audit_log SET actor = 'mallory'"), Catch::Contains("append-only"));
    CHECK_THROWS_WITH(c.exec("DELETE FROM audit_log"), Catch::Contains("append-only"));
    const auto entries = read_audit(*store);
    REQUIRE(entries->size() == 1);
    CHECK(entries->front().actor == "anna");
}

TEST_CASE("timestamps round-trip and reject malformed text", "[db][audit]") {
    const auto t = parse_utc_timestamp("2026-02-28T23:59:07Z");
    REQUIRE(t);
    CHECK(utc_timestamp(*t) == "2026-02-28T23:59:07Z");
    CHECK(utc_timestamp(*parse_utc_timestamp("2024-02-29")) == "2024-02-29T00:00:00Z");
    CHECK_FALSE(parse_utc_timestamp("2026-02-30"));
    CHECK_FALSE(parse_utc_timestamp("2026-1-01"));
    CHECK_FALSE(parse_utc_timestamp("2026-01-01T10:00:00"));
    CHECK_FALSE(parse_utc_timestamp("yesterday"));
}
