#pragma once
// Postcode centroids: importing GeoNames-style and plain CSV tables, the shipped demo-region table, and the
// lookups matching needs (postcode → coordinates).
#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "db/csv/source.hpp"
#include "db/result.hpp"
#include "db/store.hpp"
#include "matcher/model.hpp"

namespace kk::db {

struct PostcodeLineError {
    std::uint64_t line = 0;  // physical line in the file (1-based)
    std::string reason;
};

struct PostcodeImportReport {
    std::string format;           // "geonames", "geonames-csv" (with a header row) or "plain"
    std::uint64_t read = 0;       // data lines (header and blank lines not counted)
    std::uint64_t places = 0;     // distinct (postcode, place) rows written
    std::uint64_t postcodes = 0;  // distinct postcodes written
    std::uint64_t rejected = 0;
    std::vector<PostcodeLineError> rejections;  // the first 1000, in file order
    std::vector<std::string> file_errors;       // non-empty: nothing was imported
    bool committed = false;
};

// 0 every line imported, 3 some rejected (the rest imported), 2 nothing imported (unreadable, empty, or every
// line rejected).
int postcode_import_exit_code(const PostcodeImportReport& report);

// Reads one of three layouts, detected from the first line:
//  - GeoNames postal codes, tab-separated, no header: country, postcode, place, admin name1 (state), ...,
//    latitude (column 10), longitude (column 11), accuracy;
//  - the same columns comma-separated with a header row starting "country_code" (uses zipcode, place, state,
//    latitude, longitude by name);
//  - plain `plz;lat;lon` or `plz;place;lat;lon` (';', ',' or tab; an optional header row).
// Several lines for the same (postcode, place) are averaged. Upserts in one transaction, so importing the
// same file twice changes nothing. Fails (Result error) only on internal errors.
Result<PostcodeImportReport> import_postcodes(Store& store, csv::ByteSource& source);
Result<PostcodeImportReport> import_postcodes(Store& store, const std::filesystem::path& file);

// The shipped table of the demo region (Waldeck-Frankenberg and its neighbours), `plz;ort;breite;laenge`.
std::string_view demo_postcodes_csv();

// Loads demo_postcodes_csv() when the postcodes table is empty; true when it loaded.
Result<bool> ensure_demo_postcodes(Store& store);

// The centroid of a postcode: the mean of its places' coordinates; nullopt when unknown.
Result<std::optional<matcher::GeoPoint>> postcode_centroid(Store& store, std::string_view postcode);

// Every postcode's centroid. O(places).
Result<std::map<std::string, matcher::GeoPoint, std::less<>>> postcode_centroids(Store& store);

}  // namespace kk::db
