// The matches panel's service against a real store (the engine of `kioskctl match`, built once and kept until
// refreshed) and its pure reducer.
#include <catch2/catch.hpp>

#include "db/catalog_resolver.hpp"
#include "db/csv/source.hpp"
#include "db/data_protection.hpp"
#include "db/vacancy_import.hpp"
#include "kiosk/staff/matches/sqlite_service.hpp"
#include "kiosk/staff/matches/state.hpp"
#include "tests/kiosk/staff/labour_market_fixture.hpp"
#include "tests/support/temp_dir.hpp"

using namespace kk;

namespace {

// A bricklayer's vacancy that also asks for something he lacks, next to the labour market fixture's.
constexpr char kBuildingCsv[] =
    "referenz;arbeitgeber;titel;plz;ort;pflichtkenntnisse;wunschkenntnisse;deutschniveau;sprachfoerderung;"
    "fuehrerschein;arbeitszeit;beschreibung;kontakt;gueltig_bis\n"
    "M-1;Bau Korbach GmbH;Maurer/in;34497;Korbach;Mauern errichten, Kasse bedienen;;A1;ja;;Vollzeit;;;\n";

struct MatchStore {
    test::TempDir dir;
    std::optional<db::Store> store;
    db::TimePoint now = *db::parse_utc_timestamp("2026-11-21T10:00:00Z");
    MatchStore() {
        auto opened = db::Store::open(dir / "m.db");
        REQUIRE(opened);
        store.emplace(std::move(*opened));
        test::fill_labour_market(*store);
        auto resolver = db::CatalogResolver::from_store(*store);
        REQUIRE(resolver);
        db::ImportOptions options;
        options.resolver = &*resolver;
        options.actor = "test";
        db::csv::MemorySource building(kBuildingCsv);
        auto imported = db::import_vacancies(*store, building, options);
        REQUIRE(imported);
        REQUIRE(imported->inserted == 1);
        db::CandidateRecord brick = test::labour_market_candidate("KK-M", "Yusuf", "34497", {});
        brick.skills = {db::CandidateSkillEntry{.skill_code = std::nullopt, .free_text = "Mauern errichten",
                                                .language = "de", .verified = false}};
        REQUIRE(db::upsert_candidate(*store, brick));
    }
    std::int64_t id_of(const char* code) {
        auto id = db::find_candidate_id(*store, code);
        REQUIRE(id);
        return *id;
    }
};

}  // namespace

TEST_CASE("the match service ranks a candidate's best vacancy first and explains what is missing", "[staff][matches]") {
    MatchStore m;
    staff::SqliteMatches service(*m.store, m.dir / "exports", [&] { return m.now; });
    const std::int64_t brick = m.id_of("KK-M");  // lays bricks in Korbach, never worked a till
    auto rows = service.for_candidate(brick, 5);
    REQUIRE(rows);
    REQUIRE_FALSE(rows->empty());
    const staff::MatchRow& first = rows->front();
    CHECK(first.reference == "M-1");
    CHECK(first.employer == "Bau Korbach GmbH");
    CHECK(first.candidate_id == brick);
    CHECK(first.candidate_ref == "KK-M");
    CHECK(first.missing == std::vector<std::string>{"Kasse bedienen"});
    REQUIRE_FALSE(first.matched.empty());
    CHECK(first.matched.front().requirement == "Mauern errichten");
    CHECK(first.matched.front().by == "Mauern errichten");
    CHECK(first.required_coverage < 1.0);
    CHECK(first.distance_km.value_or(99.0) < 1.0);
    CHECK(first.sentence_de.find("Kasse bedienen") != std::string::npos);
    CHECK_FALSE(first.review);
    for (std::size_t i = 1; i < rows->size(); ++i) CHECK((*rows)[i].score <= first.score);

    // Chiara sells at a till in Frankenberg: the bakery first, its advice requirement met only in part.
    const std::int64_t chiara = m.id_of("KK-C");
    auto chiaras = service.for_candidate(chiara, 5);
    REQUIRE(chiaras);
    REQUIRE_FALSE(chiaras->empty());
    const staff::MatchRow& best = chiaras->front();
    CHECK(best.reference == "B-1");

    // The vacancy side: Dana (both skills) before Chiara (one of two).
    auto candidates = service.for_vacancy(best.vacancy_id, 5);
    REQUIRE(candidates);
    REQUIRE(candidates->size() >= 2);
    CHECK(candidates->at(0).candidate_ref == "KK-D");
    CHECK(candidates->at(0).missing.empty());
    CHECK(candidates->at(0).candidate_name == "Dana Test");
    CHECK(candidates->at(1).candidate_ref == "KK-C");
    CHECK(service.builds() == 1);  // one engine for every query

    // A proposal shows up on the next query with who proposed it.
    auto review = service.propose(chiara, best.vacancy_id, best.score,
                                  db::StaffActor{.id = std::nullopt, .username = "cli:test"});
    REQUIRE(review);
    auto again = service.for_candidate(chiara, 5);
    REQUIRE(again);
    REQUIRE(again->front().review);
    CHECK(again->front().review->id == review->id);
    CHECK(again->front().review->status == db::ReviewStatus::proposed);
    CHECK(service.builds() == 1);
    service.refresh();
    REQUIRE(service.for_candidate(chiara, 5));
    CHECK(service.builds() == 2);
}

TEST_CASE("the panel offers the workflow's next step only and routes its two fields", "[staff][matches]") {
    using S = db::ReviewStatus;
    CHECK(staff::next_statuses(S::proposed) == std::vector<S>{S::contacted});
    CHECK(staff::next_statuses(S::contacted) == std::vector<S>{S::interview});
    CHECK(staff::next_statuses(S::interview) == std::vector<S>{S::hired});
    CHECK(staff::next_statuses(S::in_review) == std::vector<S>{S::approved});
    CHECK(staff::next_statuses(S::hired).empty());
    CHECK(staff::next_statuses(S::rejected).empty());

    staff::MatchesState panel;
    CHECK(staff::text_field(panel, "p", "p.reason") == nullptr);  // no field until a rejection is started
    panel = staff::update(panel, staff::StartRejection{7});
    REQUIRE(staff::text_field(panel, "p", "p.reason") != nullptr);
    CHECK(staff::text_field(panel, "p", "p.note") == nullptr);
    CHECK(staff::text_field(panel, "q", "p.reason") == nullptr);
    *staff::text_field(panel, "p", "p.reason") = "zu weit";
    panel = staff::update(panel, staff::StartNote{7});
    CHECK(panel.reason.empty());
    CHECK(panel.rejecting == 0);
    REQUIRE(staff::text_field(panel, "p", "p.note") != nullptr);

    // Results for another subject than the one shown are dropped.
    panel = staff::update(panel, staff::LoadMatches{.subject = staff::MatchSubject::Candidate, .id = 3});
    CHECK(panel.loading);
    panel = staff::update(panel, staff::MatchesLoaded{.subject = staff::MatchSubject::Candidate, .id = 4,
                                                      .rows = {staff::MatchRow{}}, .error = {}});
    CHECK(panel.loading);
    CHECK(panel.rows.empty());
    panel = staff::update(panel, staff::MatchesLoaded{.subject = staff::MatchSubject::Candidate, .id = 3,
                                                      .rows = {staff::MatchRow{}}, .error = {}});
    CHECK_FALSE(panel.loading);
    CHECK(panel.rows.size() == 1);
}

TEST_CASE("warmed up, the engine is built on a worker with its own connection and answers the same",
          "[staff][matches]") {
    MatchStore m;
    staff::SqliteMatches cold(*m.store, m.dir / "exports", [&] { return m.now; });
    staff::SqliteMatches warm(*m.store, m.dir / "exports", [&] { return m.now; });
    warm.warm_up(m.dir / "m.db");
    const std::int64_t chiara = m.id_of("KK-C");
    auto expected = cold.for_candidate(chiara, 5);
    auto rows = warm.for_candidate(chiara, 5);
    REQUIRE(expected);
    REQUIRE(rows);
    REQUIRE(rows->size() == expected->size());
    for (std::size_t i = 0; i < rows->size(); ++i) {
        CHECK((*rows)[i].reference == (*expected)[i].reference);
        CHECK((*rows)[i].score == Approx((*expected)[i].score));
    }
    CHECK(warm.builds() == 1);
    CHECK(warm.background_builds() == 1);
    REQUIRE(warm.for_vacancy(rows->front().vacancy_id, 5));
    CHECK(warm.builds() == 1);

    // A candidate saved afterwards is known after a refresh, which warms the engine again in the background.
    REQUIRE(db::upsert_candidate(*m.store, test::labour_market_candidate("KK-N", "Nura", "34497", {})));
    warm.refresh();
    REQUIRE(warm.for_candidate(m.id_of("KK-N"), 5));
    CHECK(warm.builds() == 2);
    CHECK(warm.background_builds() == 2);
}

TEST_CASE("a worker that cannot open the database leaves the first query to build the engine itself",
          "[staff][matches]") {
    MatchStore m;
    staff::SqliteMatches service(*m.store, m.dir / "exports", [&] { return m.now; });
    service.warm_up(m.dir / "missing.db");
    auto rows = service.for_candidate(m.id_of("KK-C"), 5);
    REQUIRE(rows);
    REQUIRE_FALSE(rows->empty());
    CHECK(rows->front().reference == "B-1");
    CHECK(service.builds() == 1);
    CHECK(service.background_builds() == 0);
    CHECK_FALSE(std::filesystem::exists(m.dir / "missing.db"));  // nothing was created there
}
