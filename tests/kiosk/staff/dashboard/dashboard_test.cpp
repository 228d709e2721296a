// The skill-gap dashboard headless against a real store: the counts its effect loads, the bars drawn for
// them, the area chooser, the reachable matches from the worker, the CSV export.
#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <thread>

#include "kiosk/staff/dashboard/module.hpp"
#include "kiosk/staff/dashboard/sqlite_service.hpp"
#include "tests/kiosk/staff/labour_market_fixture.hpp"
#include "tests/kiosk/staff/staff_fixture.hpp"
#include "tests/support/files.hpp"

using namespace kk;

namespace {

struct DashboardDesk {
    // Before the fixture: its app (and the module waiting for workers) goes first, the service the workers use after.
    std::unique_ptr<staff::SqliteDashboardService> service;
    test::StaffFixture f;
    staff::DashboardModule* module = nullptr;

    DashboardDesk() {
        test::fill_labour_market(f.store());
        service = std::make_unique<staff::SqliteDashboardService>(f.store(), f.database(), f.dir() / "exports",
                                                                  [this] { return f.now; });
        staff::StaffServices services;
        services.dashboard = service.get();
        staff::Modules modules;
        auto owned = std::make_unique<staff::DashboardModule>(service.get());
        module = owned.get();
        modules[static_cast<std::size_t>(staff::View::Dashboard)] = std::move(owned);
        f.start(services, std::move(modules));
        f.login("anna", test::StaffFixture::kStaffPassword);
        REQUIRE(staff::logged_in(f.app().state()));
    }

    const staff::DashboardState& state() { return f.app().state().dashboard; }

    // Frames until the worker's reachable matches have arrived (it runs on its own connection).
    void wait_for_occupations() {
        for (int i = 0; i < 3000 && (module->busy() || state().computing); ++i) {
            f.frame();
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        }
        REQUIRE_FALSE(state().computing);
        f.frame();
    }
};

const db::SkillDemand* find_skill(const std::vector<db::SkillDemand>& skills, const std::string& key) {
    for (const auto& s : skills) {
        if (s.key == key) return &s;
    }
    return nullptr;
}

}  // namespace

TEST_CASE("the dashboard shows the district's most demanded skill and biggest gap as bars", "[staff][dashboard]") {
    DashboardDesk desk;
    desk.f.click("tab.dashboard");
    const auto& state = desk.state();
    REQUIRE(state.board);
    CHECK_FALSE(state.loading);
    CHECK(state.area.empty());
    CHECK(state.areas == std::vector<std::string>{"34", "35"});
    CHECK(state.board->open_vacancies == 4);  // K-2 was closed by the second import
    CHECK(state.board->candidates == 4);
    REQUIRE_FALSE(state.board->skills.empty());
    // Gabelstapler fahren: required by L-1 and L-2, wished for by B-1; only KK-A has it.
    CHECK(state.board->skills[0].key == "operate_forklift");
    CHECK(state.board->skills[0].vacancies == 3);
    CHECK(state.board->skills[0].required == 2);
    CHECK(state.board->skills[0].candidates == 1);
    REQUIRE_FALSE(state.board->gaps.empty());
    CHECK(state.board->gaps[0].key == "operate_forklift");
    CHECK(state.board->gaps[0].gap() == 2);
    // Supply beyond demand is no gap: two cashiers for one till.
    CHECK(find_skill(state.board->gaps, "operate_cash_register") == nullptr);
    CHECK(desk.f.has_target("dashboard.skill.operate_forklift"));
    CHECK(desk.f.has_target("dashboard.gap.operate_forklift"));
    CHECK_FALSE(desk.f.has_target("dashboard.gap.operate_cash_register"));

    // Clicking a bar spells out its numbers; clicking it again clears that.
    desk.f.click("dashboard.gap.operate_forklift");
    CHECK(desk.state().selected == "gap.operate_forklift");
    desk.f.click("dashboard.gap.operate_forklift");
    CHECK(desk.state().selected.empty());
}

TEST_CASE("choosing a postcode area counts only its vacancies and candidates", "[staff][dashboard]") {
    DashboardDesk desk;
    desk.f.click("tab.dashboard");
    REQUIRE(desk.f.has_target("dashboard.area.35"));
    desk.f.click("dashboard.area.35");
    const auto& state = desk.state();
    CHECK(state.area == "35");
    REQUIRE(state.board);
    CHECK(state.board->area == "35");
    CHECK(state.board->open_vacancies == 1);  // B-1 in Frankenberg
    CHECK(state.board->candidates == 2);
    REQUIRE_FALSE(state.board->skills.empty());
    CHECK(state.board->skills[0].key == "operate_cash_register");  // required, ties broken by label
    CHECK(state.board->skills[0].candidates == 2);
    REQUIRE(state.board->gaps.size() == 1);
    CHECK(state.board->gaps[0].key == "operate_forklift");
    CHECK(state.board->gaps[0].gap() == 1);
    CHECK(find_skill(state.board->skills, "secure_loads") == nullptr);  // Korbach's
    CHECK(desk.f.has_target("dashboard.skill.operate_cash_register"));

    // Three digits: area 35 is not one of them, so the district again.
    desk.f.click("dashboard.digits.3");
    CHECK(desk.state().area_digits == 3);
    CHECK(desk.state().area.empty());
    CHECK(desk.state().areas == std::vector<std::string>{"344", "350"});
    CHECK(desk.state().board->open_vacancies == 4);
}

TEST_CASE("reachable matches arrive from the worker, and the export writes them with a BOM", "[staff][dashboard]") {
    DashboardDesk desk;
    desk.f.click("tab.dashboard");
    desk.wait_for_occupations();
    const auto& board = *desk.state().board;
    REQUIRE_FALSE(board.occupations.empty());
    // KK-A has the only skill L-2 requires and lives in the same town: a reachable match.
    CHECK(board.occupations[0].reachable_matches >= 1);
    CHECK(desk.f.has_target("dashboard.occupation." + board.occupations[0].key));

    desk.f.click("dashboard.export");
    const auto& state = desk.state();
    CHECK(state.export_error.empty());
    REQUIRE_FALSE(state.export_path.empty());
    const std::filesystem::path path = state.export_path;
    CHECK(path.parent_path() == desk.f.dir() / "exports");
    REQUIRE(std::filesystem::exists(path));
    CHECK((std::filesystem::status(path).permissions() & std::filesystem::perms::group_read) ==
          std::filesystem::perms::none);
    const std::string csv = test::read_bytes(path);
    CHECK(csv.rfind("\xEF\xBB\xBF" "bereich;art;schluessel;bezeichnung;", 0) == 0);
    CHECK(csv.find("Landkreis;skill;operate_forklift;Gabelstapler fahren;3;2;1;2;\r\n") != std::string::npos);
    CHECK(csv.find("Landkreis;beruf;" + board.occupations[0].key + ";") != std::string::npos);
}

TEST_CASE("the export waits until the reachable matches are computed", "[staff][dashboard]") {
    staff::DashboardState state;
    state = staff::update(state, staff::ReloadDashboard{});
    state = staff::update(state, staff::DashboardLoaded{.request = state.request, .areas = {}, .board = {}});
    CHECK(state.computing);
    state = staff::update(state, staff::ExportDashboard{});
    CHECK_FALSE(state.exporting);
    // An answer for an earlier request (another area) is dropped.
    state = staff::update(state, staff::OccupationsLoaded{.request = state.request - 1, .area = {}, .occupations = {}});
    CHECK(state.computing);
    state = staff::update(state, staff::OccupationsLoaded{.request = state.request, .area = {}, .occupations = {}});
    CHECK_FALSE(state.computing);
    state = staff::update(state, staff::ExportDashboard{});
    CHECK(state.exporting);
}
