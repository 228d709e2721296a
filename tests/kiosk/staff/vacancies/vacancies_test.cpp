// The vacancies view headless against a real store: vacancies grouped per employer, the status filter, the
// search typed through ImGui's input queue, and a vacancy's detail with what each skill resolved to.
#include <catch2/catch.hpp>

#include "kiosk/staff/matches/panel.hpp"
#include "kiosk/staff/matches/sqlite_service.hpp"
#include "kiosk/staff/vacancies/module.hpp"
#include "kiosk/staff/vacancies/sqlite_service.hpp"
#include "tests/kiosk/staff/labour_market_fixture.hpp"
#include "tests/kiosk/staff/staff_fixture.hpp"

using namespace kk;

namespace {

struct VacanciesDesk {
    // Before the fixture: the app's modules hold pointers to them until it is gone.
    std::unique_ptr<staff::SqliteVacanciesService> service;
    std::unique_ptr<staff::SqliteMatches> matches;
    test::StaffFixture f;

    VacanciesDesk() {
        test::fill_labour_market(f.store());
        service = std::make_unique<staff::SqliteVacanciesService>(f.store());
        matches = std::make_unique<staff::SqliteMatches>(f.store(), f.dir() / "exports", [this] { return f.now; });
        staff::StaffServices services;
        services.vacancies = service.get();
        staff::Modules modules;
        modules[static_cast<std::size_t>(staff::View::Vacancies)] =
            std::make_unique<staff::VacanciesModule>(service.get(), matches.get());
        f.start(services, std::move(modules));
        f.login("anna", test::StaffFixture::kStaffPassword);
        REQUIRE(staff::logged_in(f.app().state()));
        f.click("tab.vacancies");
    }

    const staff::VacanciesState& state() { return f.app().state().vacancies; }

    std::int64_t id_of(const std::string& reference) {
        for (const auto& v : state().vacancies) {
            if (v.fields.reference == reference) return v.id;
        }
        FAIL("no vacancy " << reference);
        return 0;
    }

    // Employer → references, as the list groups them.
    std::vector<std::pair<std::string, std::vector<std::string>>> shown() {
        std::vector<std::pair<std::string, std::vector<std::string>>> out;
        for (const auto& g : state().groups) {
            out.emplace_back(g.employer, std::vector<std::string>{});
            for (std::size_t i : g.rows) out.back().second.push_back(state().vacancies[i].fields.reference);
        }
        return out;
    }
};

using Shown = std::vector<std::pair<std::string, std::vector<std::string>>>;

}  // namespace

TEST_CASE("open vacancies are listed per employer, and the filter shows the closed one", "[staff][vacancies]") {
    VacanciesDesk desk;
    REQUIRE(desk.state().loaded);
    CHECK(desk.state().vacancies.size() == 5);
    CHECK(desk.shown() == Shown{{"Bäckerei Sonne", {"B-1"}},
                                {"Gebäudereinigung Klar", {"K-1"}},
                                {"Logistik Nord GmbH", {"L-1", "L-2"}}});
    CHECK(desk.f.has_target("vacancies.row." + std::to_string(desk.id_of("L-2"))));
    CHECK_FALSE(desk.f.has_target("vacancies.row." + std::to_string(desk.id_of("K-2"))));

    desk.f.click("vacancies.filter.closed");
    CHECK(desk.shown() == Shown{{"Gebäudereinigung Klar", {"K-2"}}});
    CHECK(desk.f.has_target("vacancies.row." + std::to_string(desk.id_of("K-2"))));
    desk.f.click("vacancies.filter.all");
    CHECK(desk.shown() == Shown{{"Bäckerei Sonne", {"B-1"}},
                                {"Gebäudereinigung Klar", {"K-1", "K-2"}},
                                {"Logistik Nord GmbH", {"L-1", "L-2"}}});
}

TEST_CASE("the search finds vacancies by title, reference and postcode, ignoring case", "[staff][vacancies]") {
    VacanciesDesk desk;
    desk.f.click(staff::kVacancySearchField);
    desk.f.type("STAPLER");
    CHECK(desk.state().search == "STAPLER");
    CHECK(desk.shown() == Shown{{"Logistik Nord GmbH", {"L-2"}}});

    desk.f.click(staff::kVacancySearchField);
    while (!desk.state().search.empty()) desk.f.app().apply(staff::EraseChar{});
    desk.f.type("35066");
    CHECK(desk.shown() == Shown{{"Bäckerei Sonne", {"B-1"}}});

    while (!desk.state().search.empty()) desk.f.app().apply(staff::EraseChar{});
    desk.f.type("k-");
    CHECK(desk.shown() == Shown{{"Gebäudereinigung Klar", {"K-1"}}});  // K-2 is closed
    desk.f.type("x");
    CHECK(desk.shown().empty());
}

TEST_CASE("a vacancy's detail shows each skill as written and the catalog skill it resolved to", "[staff][vacancies]") {
    VacanciesDesk desk;
    const std::int64_t id = desk.id_of("L-1");
    desk.f.click("vacancies.row." + std::to_string(id));
    REQUIRE(desk.state().selected == id);
    CHECK(desk.f.has_target("vacancies.back"));
    CHECK_FALSE(desk.f.has_target("vacancies.filter.open"));

    const db::Vacancy* vacancy = staff::find_vacancy(desk.state(), id);
    REQUIRE(vacancy);
    const auto rows = staff::skill_resolution_rows(desk.state(), *vacancy);
    REQUIRE(rows.size() == 3);
    CHECK(rows[0].text == "Gabelstapler fahren");
    CHECK(rows[0].required);
    REQUIRE(rows[0].skill);
    CHECK(rows[0].skill->code == "operate_forklift");
    CHECK(rows[0].skill->label == "Gabelstapler fahren");
    CHECK(rows[0].confidence > 0.8);
    CHECK(rows[1].text == "Kommissionieren");
    REQUIRE(rows[1].skill);
    CHECK(rows[1].skill->code == "pick_orders");
    CHECK(rows[2].text == "Inventur");
    CHECK_FALSE(rows[2].required);
    REQUIRE(rows[2].skill);
    CHECK(rows[2].skill->code == "inventory_count");

    desk.f.click("vacancies.back");
    CHECK(desk.state().selected == 0);
    CHECK(desk.f.has_target("vacancies.filter.open"));
}

TEST_CASE("a vacancy's detail lists its top candidates with the shared matches panel", "[staff][vacancies]") {
    VacanciesDesk desk;
    // L-2 requires only the forklift: KK-A (same town) has it, nobody else does.
    const std::int64_t id = desk.id_of("L-2");
    desk.f.click("vacancies.row." + std::to_string(id));
    const staff::MatchesState& panel = desk.state().matches;
    CHECK(panel.subject == staff::MatchSubject::Vacancy);
    CHECK(panel.subject_id == id);
    CHECK_FALSE(panel.loading);
    REQUIRE_FALSE(panel.rows.empty());
    CHECK(panel.rows[0].candidate_ref == "KK-A");
    CHECK(panel.rows[0].vacancy_id == id);
    CHECK(desk.f.has_target(std::string(staff::kVacancyMatchesPrefix) + ".propose." + staff::match_key(panel.rows[0])));

    // "Profil öffnen" on the top card shows that candidate in the candidates view.
    const std::int64_t top_candidate = panel.rows[0].candidate_id;
    desk.f.click(std::string(staff::kVacancyMatchesPrefix) + ".open." + staff::match_key(panel.rows[0]));
    CHECK(desk.f.app().state().view == staff::View::Candidates);
    CHECK(desk.f.app().state().candidates.open_id == top_candidate);
    desk.f.click("tab.vacancies");

    // A closed vacancy's detail asks for no matches.
    desk.f.click("vacancies.back");
    desk.f.click("vacancies.filter.closed");
    desk.f.click("vacancies.row." + std::to_string(desk.id_of("K-2")));
    CHECK(desk.state().selected == desk.id_of("K-2"));
    CHECK(desk.state().matches.subject_id == 0);
    CHECK(desk.state().matches.rows.empty());
}
