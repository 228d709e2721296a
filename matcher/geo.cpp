#include "matcher/geo.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace kk::matcher {

namespace {

constexpr double kEarthRadiusKm = 6371.0088;
constexpr double kRad = std::numbers::pi / 180.0;

std::int64_t cell_index(double degrees) {
    return static_cast<std::int64_t>(std::floor(degrees / GeoGrid::kCellDeg));
}

std::uint64_t cell_key(std::int64_t lat, std::int64_t lon) {
    return static_cast<std::uint64_t>(lat + (1 << 20)) << 32 | static_cast<std::uint64_t>(lon + (1 << 20));
}

}  // namespace

double haversine_km(GeoPoint a, GeoPoint b) {
    const double dlat = (b.lat_deg - a.lat_deg) * kRad;
    const double dlon = (b.lon_deg - a.lon_deg) * kRad;
    const double s = std::sin(dlat / 2) * std::sin(dlat / 2) + std::cos(a.lat_deg * kRad) *
                                                                   std::cos(b.lat_deg * kRad) *
                                                                   std::sin(dlon / 2) * std::sin(dlon / 2);
    return 2 * kEarthRadiusKm * std::asin(std::min(1.0, std::sqrt(s)));
}

std::uint64_t GeoGrid::cell_of(GeoPoint point) {
    return cell_key(cell_index(point.lat_deg), cell_index(point.lon_deg));
}

bool is_known(const std::optional<GeoPoint>& point) {
    return point && std::isfinite(point->lat_deg) && std::isfinite(point->lon_deg) &&
           std::abs(point->lat_deg) <= 90 && std::abs(point->lon_deg) <= 180;
}

GeoGrid::GeoGrid(const std::vector<std::pair<GeoPoint, std::uint32_t>>& points) {
    std::vector<std::pair<std::uint64_t, std::uint32_t>> keyed;
    keyed.reserve(points.size());
    for (const auto& [p, item] : points)
        keyed.emplace_back(cell_key(cell_index(p.lat_deg), cell_index(p.lon_deg)), item);
    std::sort(keyed.begin(), keyed.end());
    items_.reserve(keyed.size());
    for (std::size_t i = 0; i < keyed.size(); ++i) {
        if (i == 0 || keyed[i].first != keyed[i - 1].first)
            cells_[keyed[i].first] = {static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(i)};
        items_.push_back(keyed[i].second);
        ++cells_[keyed[i].first].second;
    }
}

bool GeoGrid::near(GeoPoint centre, double km, std::vector<std::span<const std::uint32_t>>& out) const {
    if (!(km >= 0) || km > 2000) return false;
    // Great-circle distance d bounds |Δlat| ≤ d/R and, within the latitude band, sin(Δlon/2) ≤
    // sin(d/2R)/cos(φmax).
    const double dlat = km / kEarthRadiusKm / kRad;
    const double lat_lo = centre.lat_deg - dlat, lat_hi = centre.lat_deg + dlat;
    if (lat_lo < -85 || lat_hi > 85) return false;
    const double min_cos = std::min(std::cos(lat_lo * kRad), std::cos(lat_hi * kRad));
    const double s = std::sin(km / (2 * kEarthRadiusKm)) / min_cos;
    if (s >= 1) return false;
    const double dlon = 2 * std::asin(s) / kRad;
    const double lon_lo = centre.lon_deg - dlon, lon_hi = centre.lon_deg + dlon;
    if (lon_lo < -180 || lon_hi > 180) return false;
    // A small widening absorbs rounding in the bounds; cell_index covers every point inside them.
    constexpr double kSlackDeg = 1e-6;
    for (std::int64_t la = cell_index(lat_lo - kSlackDeg); la <= cell_index(lat_hi + kSlackDeg); ++la)
        for (std::int64_t lo = cell_index(lon_lo - kSlackDeg); lo <= cell_index(lon_hi + kSlackDeg); ++lo)
            if (const auto it = cells_.find(cell_key(la, lo)); it != cells_.end())
                out.push_back(std::span<const std::uint32_t>(items_).subspan(
                    it->second.first, it->second.second - it->second.first));
    return true;
}

std::size_t GeoGrid::memory_bytes() const {
    return items_.capacity() * sizeof(std::uint32_t) +
           cells_.size() * (sizeof(std::uint64_t) + 2 * sizeof(std::uint32_t) + 16);
}

}  // namespace kk::matcher
