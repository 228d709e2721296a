#include "matcher/geo.hpp"

#include <catch2/catch.hpp>

#include <fstream>
#include <map>
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
            if (c == '"') quoted = !quoted;
            else if (c == ',' && !quoted) cells.push_back(std::exchange(cell, {}));
            else cell += c;
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
