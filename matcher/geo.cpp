#include "matcher/geo.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace kk::matcher {

double haversine_km(GeoPoint a, GeoPoint b) {
    constexpr double kEarthRadiusKm = 6371.0088;
    constexpr double kRad = std::numbers::pi / 180.0;
    const double dlat = (b.lat_deg - a.lat_deg) * kRad;
    const double dlon = (b.lon_deg - a.lon_deg) * kRad;
    const double s = std::sin(dlat / 2) * std::sin(dlat / 2) +
                     std::cos(a.lat_deg * kRad) * std::cos(b.lat_deg * kRad) * std::sin(dlon / 2) * std::sin(dlon / 2);
    return 2 * kEarthRadiusKm * std::asin(std::min(1.0, std::sqrt(s)));
}

}  // namespace kk::matcher
