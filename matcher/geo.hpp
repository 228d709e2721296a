#pragma once
// Great-circle distance between postcode centroids.
#include "matcher/model.hpp"

namespace kk::matcher {

// Haversine distance in km on a sphere of mean Earth radius 6371.0088 km. Error < 0.5 % against the
// ellipsoid, far below the spread of a postcode area. O(1).
double haversine_km(GeoPoint a, GeoPoint b);

}  // namespace kk::matcher
