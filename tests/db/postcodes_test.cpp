#include <catch2/catch.hpp>
#include <fstream>
#include <set>

#include "db/catalog.hpp"
#include "db/catalog_resolver.hpp"
#include "db/demo_data.hpp"
#include "db/postcodes.hpp"
#include "matcher/geo.hpp"
#include "tests/support/files.hpp"
#include "tests/support/temp_dir.hpp"

using namespace kk;

namespace {

std::int64_t count(db::Store& store, const char* sql) {
    db::Statement s(store.connection(), sql);
    return s.step() ? s.column_int(0) : -1;
}

}  // namespace

TEST_CASE("GeoNames tab-separated postcodes import, averaging repeated places, idempotently", "[db]") {
    kk::test::TempDir dir;
    auto store = db::Store::open(dir / "k.db");
    REQUIRE(store);
    const auto file = kk::test::write_file(dir / "DE.txt",
                            "DE\t34497\tKorbach\tHessen\tHE\tRegierungsbezirk Kassel\t066\tWaldeck-Frankenberg\t06635\t51.2756\t8.873\t4\n"
                            "DE\t34497\tKorbach\tHessen\tHE\tRegierungsbezirk Kassel\t066\tWaldeck-Frankenberg\t06635\t51.2856\t8.883\t4\n"
                            "DE\t34537\tBad Wildungen\tHessen\tHE\t\t\t\t\t51.1196\t9.1247\t4\n"
                            "DE\t3453\tKaputt\tHessen\tHE\t\t\t\t\tx\t9.1\t4\n"
                            "DE\t34454\tBad Arolsen\tHessen\tHE\t\t\t\t\t99.5\t9.0145\t4\n");
    auto report = db::import_postcodes(*store, file);
    REQUIRE(report);
    CHECK(report->format == "geonames");
    CHECK(report->read == 5);
    CHECK(report->postcodes == 2);
    CHECK(report->rejected == 2);
    REQUIRE(report->rejections.size() == 2);
    CHECK(report->rejections[0].line == 4);
    CHECK(report->rejections[1].line == 5);
    CHECK(report->rejections[1].reason.find("latitude") != std::string::npos);
    CHECK(db::postcode_import_exit_code(*report) == 3);
    const auto korbach = db::postcode_centroid(*store, "34497");
    REQUIRE(korbach);
    REQUIRE(*korbach);
    CHECK((*korbach)->lat_deg == Approx(51.2806));
    CHECK((*korbach)->lon_deg == Approx(8.878));
    auto again = db::import_postcodes(*store, file);
    REQUIRE(again);
    CHECK(count(*store, "SELECT COUNT(*) FROM postcodes") == 2);
    const auto unknown = db::postcode_centroid(*store, "99999");
    REQUIRE(unknown);
    CHECK_FALSE(*unknown);
}

TEST_CASE("plain plz,lat,lon postcodes import with a header and decimal commas", "[db]") {
    kk::test::TempDir dir;
    auto store = db::Store::open(dir / "k.db");
    REQUIRE(store);
    const auto file = kk::test::write_file(dir / "plz.csv", "plz;lat;lon\r\n34497;51,2756;8,873\r\n4109;51.34;12.37\r\n\r\n35066;;8.78\r\n");
    auto report = db::import_postcodes(*store, file);
    REQUIRE(report);
    CHECK(report->format == "plain");
    CHECK(report->read == 3);
    CHECK(report->postcodes == 2);
    CHECK(report->rejected == 1);
    CHECK(report->rejections.at(0).line == 5);
    const auto leipzig = db::postcode_centroid(*store, "04109");  // Excel dropped the leading zero
    REQUIRE(leipzig);
    CHECK(*leipzig);

    const auto bad = kk::test::write_file(dir / "bad.csv", "just one column\nand another\n");
    auto refused = db::import_postcodes(*store, bad);
    REQUIRE(refused);
    CHECK(db::postcode_import_exit_code(*refused) == 2);
    const auto empty = kk::test::write_file(dir / "empty.csv", "");
    auto nothing = db::import_postcodes(*store, empty);
    REQUIRE(nothing);
    CHECK(db::postcode_import_exit_code(*nothing) == 2);
}

TEST_CASE("the shipped demo-region postcodes load once and place Korbach near Bad Arolsen", "[db]") {
    kk::test::TempDir dir;
    auto store = db::Store::open(dir / "k.db");
    REQUIRE(store);
    auto first = db::ensure_demo_postcodes(*store);
    REQUIRE(first);
    CHECK(*first);
    const auto loaded = count(*store, "SELECT COUNT(*) FROM postcodes");
    CHECK(loaded >= 40);
    auto second = db::ensure_demo_postcodes(*store);
    REQUIRE(second);
    CHECK_FALSE(*second);
    auto korbach = db::postcode_centroid(*store, "34497");
    auto arolsen = db::postcode_centroid(*store, "34454");
    auto hoexter = db::postcode_centroid(*store, "37671");
    REQUIRE((korbach && *korbach && arolsen && *arolsen && hoexter && *hoexter));
    const double near = matcher::haversine_km(**korbach, **arolsen);
    CHECK(near > 10);
    CHECK(near < 20);
    const double far = matcher::haversine_km(**korbach, **hoexter);
    CHECK(far > 50);
    CHECK(far < 80);
}

TEST_CASE("the shared full-country postcode file imports every distinct postcode", "[db]") {
    const std::filesystem::path file = std::filesystem::path(KK_TEST_SHARED_DATA_DIR) / "plz" / "zipcodes.de.csv";
    if (!std::filesystem::exists(file)) {
        SUCCEED("shared postcode file absent: " + file.string());
        return;
    }
    kk::test::TempDir dir;
    auto store = db::Store::open(dir / "k.db");
    REQUIRE(store);
    auto report = db::import_postcodes(*store, file);
    REQUIRE(report);
    CHECK(report->format == "geonames-csv");
    CHECK(report->rejected == 0);
    CHECK(report->postcodes == 10814);
    CHECK(count(*store, "SELECT COUNT(DISTINCT postcode) FROM postcodes") == 10814);
    auto centroids = db::postcode_centroids(*store);
    REQUIRE(centroids);
    CHECK(centroids->size() == 10814);
    auto again = db::import_postcodes(*store, file);
    REQUIRE(again);
    CHECK(count(*store, "SELECT COUNT(DISTINCT postcode) FROM postcodes") == 10814);
}

TEST_CASE("the shipped demo vacancies load once, into an empty store only, placed in the demo region", "[db]") {
    kk::test::TempDir dir;
    auto store = db::Store::open(dir / "k.db");
    REQUIRE(store);
    REQUIRE(db::ensure_shipped_catalog(*store, KK_TEST_LOCALE_DIR));
    REQUIRE(db::ensure_demo_postcodes(*store));
    auto resolver = db::CatalogResolver::from_store(*store);
    REQUIRE(resolver);
    auto first = db::ensure_demo_vacancies(*store, &*resolver);
    INFO((first ? std::string() : first.error()));
    REQUIRE(first);
    CHECK(*first);
    const auto vacancies = count(*store, "SELECT COUNT(*) FROM vacancies");
    CHECK(vacancies >= 20);
    // Every demo vacancy's postcode has a centroid, and most of their skills resolve to the catalog.
    CHECK(count(*store, "SELECT COUNT(*) FROM vacancies WHERE postcode NOT IN (SELECT postcode FROM postcodes)") == 0);
    const auto resolved = count(*store, "SELECT COUNT(*) FROM vacancy_skills WHERE skill_id IS NOT NULL");
    const auto skills = count(*store, "SELECT COUNT(*) FROM vacancy_skills");
    CHECK(resolved * 10 >= skills * 9);
    auto second = db::ensure_demo_vacancies(*store, &*resolver);
    REQUIRE(second);
    CHECK_FALSE(*second);
    CHECK(count(*store, "SELECT COUNT(*) FROM vacancies") == vacancies);
}
