#include "matcher/geo.hpp"

#include <catch2/catch.hpp>

#include <fstream>
#include <map>
#include <random>
#include <set>
#include <span>
#include <sstream>
#include <string>
#include <vector>

using kk::matcher::GeoPoint;
using kk::matcher::haversine_km;

namespace {

// Averages the rows of one postcode in the shared GeoNames extract (quoted cells hold no newlines there).
GeoPoint centroid(const std::string& postcode) {
    std::ifstream in(std::string(KK_TEST_SHARED_DATA_DIR) + "/plz/zipcodes.de.csv");
    REQUIRE(in);
    std::string line;
    double lat = 0, lon = 0;
    int n = 0;
    while (std::getline(in, line)) {
        std::vector<std::string> cells;
        std::string cell;
        bool quoted = false;
        for (char c : line) {
            if (c == '"')
                quoted = !quoted;
            else if (c == ',' && !quoted)
                cells.push_back(std::exchange(cell, {}));
            else
                cell += c;
        }
        cells.push_back(cell);
        if (cells.size() == 11 && cells[1] == postcode) {
            lat += std::stod(cells[9]);
            lon += std::stod(cells[10]);
            ++n;
        }
    }
    REQUIRE(n > 0);
    return {lat / n, lon / n};
}

}  // namespace

TEST_CASE("haversine gives known straight-line distances", "[matcher]") {
    const GeoPoint korbach = centroid("34497");
    const GeoPoint kassel = centroid("34117");
    // Straight line Korbach–Kassel is about 43 km (the road is longer).
    CHECK(haversine_km(korbach, kassel) == Approx(43.3).margin(1.5));
    CHECK(haversine_km(kassel, korbach) == Approx(haversine_km(korbach, kassel)));
    CHECK(haversine_km(kassel, kassel) == Approx(0.0).margin(1e-9));
    // Berlin Alexanderplatz – München Marienplatz: 504 km.
    CHECK(haversine_km({52.5219, 13.4132}, {48.1374, 11.5755}) == Approx(504.0).margin(3.0));
}

TEST_CASE("the grid returns every point within the radius", "[matcher]") {
    std::mt19937 rng(7);
    std::uniform_real_distribution<double> lat(47.0, 55.0), lon(5.5, 15.5), km(0.0, 120.0);
    std::vector<std::pair<GeoPoint, std::uint32_t>> points;
    for (std::uint32_t i = 0; i < 3000; ++i) points.push_back({{lat(rng), lon(rng)}, i});
    const kk::matcher::GeoGrid grid(points);
    int inside_total = 0;
    for (int q = 0; q < 200; ++q) {
        const GeoPoint centre{lat(rng), lon(rng)};
        const double radius = km(rng);
        std::vector<std::span<const std::uint32_t>> cells;
        REQUIRE(grid.near(centre, radius, cells));
        std::set<std::uint32_t> found;
        for (const auto cell : cells) found.insert(cell.begin(), cell.end());
        for (const auto& [p, i] : points)
            if (haversine_km(centre, p) <= radius) {
                ++inside_total;
                CHECK(found.count(i) == 1);
            }
        CHECK(found.size() < points.size());  // a grid query, not everything
    }
    CHECK(inside_total > 100);
    std::vector<std::span<const std::uint32_t>> cells;
    CHECK_FALSE(grid.near({89.5, 0.0}, 100, cells));   // near the pole: the caller looks at everything
    CHECK_FALSE(grid.near({0.0, 179.9}, 100, cells));  // across the date line
}
