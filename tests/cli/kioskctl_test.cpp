#include <catch2/catch.hpp>
#include <sstream>

#include "db/store.hpp"
#include "tests/support/process.hpp"
#include "tests/support/temp_dir.hpp"
#include "tests/cli/run_kioskctl.hpp"

using namespace kk;

namespace {
using test::kioskctl;
}  // namespace

TEST_CASE("kioskctl --help and --version", "[cli]") {
    auto help = kioskctl({"--help"});
    CHECK(help.code == 0);
    CHECK_THAT(help.out, Catch::Contains("init --db FILE"));
    auto version = kioskctl({"--version"});
    CHECK(version.code == 0);
    CHECK_THAT(version.out, Catch::StartsWith("kioskctl "));
}

TEST_CASE("kioskctl refuses unknown commands and bad arguments with usage and exit 2", "[cli]") {
    for (const auto& args : std::vector<std::vector<std::string>>{
             {}, {"frobnicate"}, {"init"}, {"init", "--db"}, {"init", "--db", "x.db", "extra"}, {"init", "--nope"}}) {
        const auto r = kioskctl(args);
        CHECK(r.code == 2);
        CHECK_THAT(r.err, Catch::Contains("usage"));
    }
}

TEST_CASE("kioskctl init creates the database", "[cli]") {
    test::TempDir dir;
    const auto path = dir / "kiosk.db";
    const auto r = test::run_process({KK_KIOSKCTL_BIN, "init", "--db", path.string()});
    CHECK(r.exit_code == 0);
    REQUIRE(std::filesystem::exists(path));
    auto store = db::Store::open(path);
    REQUIRE(store);
    CHECK(store->schema_version() == db::current_schema_version());
    // The real binary exits 2 on bad usage too.
    CHECK(test::run_process({KK_KIOSKCTL_BIN, "bogus"}).exit_code == 2);
}
