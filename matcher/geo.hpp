#pragma once
// Great-circle distance between postcode centroids, and a grid of points for radius queries.
#include <cstdint>
#include <optional>
#include <span>
#include <unordered_map>
#include <utility>
#include <vector>

#include "matcher/model.hpp"

namespace kk::matcher {

// Haversine distance in km on a sphere of mean Earth radius 6371.0088 km. Error < 0.5 % against the
// ellipsoid, far below the spread of a postcode area. O(1).
double haversine_km(GeoPoint a, GeoPoint b);

// True when the point is there and its coordinates are finite and in range; anything else is an unknown
// location.
bool is_known(const std::optional<GeoPoint>& point);

// Items bucketed by cells of kCellDeg × kCellDeg degrees.
class GeoGrid {
  public:
    static constexpr double kCellDeg = 0.1;  // about 11 × 7 km in Germany

    GeoGrid() = default;
    explicit GeoGrid(const std::vector<std::pair<GeoPoint, std::uint32_t>>& points);

    // Appends the item lists of every cell that may hold a point within km of centre (a superset: callers
    // check the distance). Returns false, appending nothing, when the area is too large for a grid query
    // (near a pole, across the date line, or half the globe): then the caller must look at everything.
    // O(cells + items).
    bool near(GeoPoint centre, double km, std::vector<std::span<const std::uint32_t>>& out) const;
    std::size_t memory_bytes() const;
    // The cell a point falls in, as a sortable key: items sorted by it lie together in memory.
    static std::uint64_t cell_of(GeoPoint point);

  private:
    std::unordered_map<std::uint64_t, std::pair<std::uint32_t, std::uint32_t>> cells_;  // key → [begin, end)
    std::vector<std::uint32_t> items_;
};

}  // namespace kk::matcher
