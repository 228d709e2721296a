#include "db/postcodes.hpp"

#include <algorithm>
#include <charconv>
#include <map>

#include "db/csv/reader.hpp"

namespace kk::db {
namespace {

constexpr std::size_t kMaxListedRejections = 1000;

constexpr char kUpsertPostcodeSql[] =
    "INSERT INTO postcodes (postcode, place, state, latitude, longitude) VALUES (?, ?, ?, ?, ?) "
    "ON CONFLICT (postcode, place) DO UPDATE SET state = excluded.state, latitude = excluded.latitude, "
    "longitude = excluded.longitude";
constexpr char kCountPostcodesSql[] = "SELECT COUNT(*) FROM postcodes";
constexpr char kCentroidSql[] = "SELECT AVG(latitude), AVG(longitude) FROM postcodes WHERE postcode = ?";
constexpr char kCentroidsSql[] =
    "SELECT postcode, AVG(latitude), AVG(longitude) FROM postcodes GROUP BY postcode ORDER BY postcode";

enum class Layout { geonames, geonames_csv, plain };

struct Columns {
    std::size_t postcode = 0;
    std::optional<std::size_t> place;
    std::optional<std::size_t> state;
    std::size_t latitude = 0;
    std::size_t longitude = 0;
};

std::string trim(std::string_view s) {
    const auto begin = s.find_first_not_of(" \t\r\n");
    if (begin == std::string_view::npos) return {};
    const auto end = s.find_last_not_of(" \t\r\n");
    return std::string(s.substr(begin, end - begin + 1));
}

// A decimal degree; a decimal comma is accepted (German spreadsheets write 51,276).
std::optional<double> parse_degree(std::string_view text) {
    std::string s = trim(text);
    std::replace(s.begin(), s.end(), ',', '.');
    double value = 0;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
    if (ec != std::errc() || end != s.data() + s.size() || s.empty()) return std::nullopt;
    return value;
}

bool is_postcode(std::string_view s) {
    return s.size() == 5 && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

struct Aggregate {
    std::string state;
    double lat_sum = 0;
    double lon_sum = 0;
    int count = 0;
};

std::optional<std::size_t> column_named(const std::vector<std::string>& header, std::string_view name) {
    for (std::size_t i = 0; i < header.size(); ++i) {
        if (trim(header[i]) == name) return i;
    }
    return std::nullopt;
}

}  // namespace

int postcode_import_exit_code(const PostcodeImportReport& report) {
    if (!report.file_errors.empty()) return 2;
    if (report.rejected == 0) return 0;
    return report.places > 0 ? 3 : 2;
}

Result<PostcodeImportReport> import_postcodes(Store& store, csv::ByteSource& source) {
    PostcodeImportReport report;
    csv::Reader reader(source);
    csv::Record record;
    std::optional<Layout> layout;
    Columns columns;
    std::map<std::pair<std::string, std::string>, Aggregate> rows;
    auto reject = [&](std::uint64_t line, std::string reason) {
        ++report.rejected;
        if (report.rejections.size() < kMaxListedRejections) report.rejections.push_back({line, std::move(reason)});
    };
    while (reader.next(record)) {
        const auto& f = record.fields;
        if (std::all_of(f.begin(), f.end(), [](const std::string& s) { return trim(s).empty(); })) continue;
        if (!layout) {
            if (!f.empty() && trim(f[0]) == "country_code") {
                layout = Layout::geonames_csv;
                const auto postcode = column_named(f, "zipcode");
                const auto latitude = column_named(f, "latitude");
                const auto longitude = column_named(f, "longitude");
                if (!postcode || !latitude || !longitude) {
                    report.file_errors.push_back("header lacks zipcode, latitude or longitude");
                    break;
                }
                columns = {*postcode, column_named(f, "place"), column_named(f, "state"), *latitude, *longitude};
                continue;
            }
            if (reader.delimiter() == '\t' && f.size() >= 11) {
                layout = Layout::geonames;
                columns = {1, 2, 3, 9, 10};
            } else if (f.size() == 3 || f.size() == 4) {
                layout = Layout::plain;
                columns = f.size() == 3 ? Columns{0, std::nullopt, std::nullopt, 1, 2} : Columns{0, 1, std::nullopt, 2, 3};
                // A header row: the latitude column is not a number.
                if (!parse_degree(f[columns.latitude])) continue;
            } else {
                report.file_errors.push_back("unknown layout: expected GeoNames (tab-separated, 12 columns) or "
                                             "plz;lat;lon / plz;place;lat;lon");
                break;
            }
        }
        ++report.read;
        if (record.unterminated_quote || record.oversized) {
            reject(record.line, "broken quoting or oversized line");
            continue;
        }
        const std::size_t needed = std::max({columns.postcode, columns.latitude, columns.longitude,
                                             columns.place.value_or(0), columns.state.value_or(0)}) + 1;
        if (f.size() < needed) {
            reject(record.line, "expected " + std::to_string(needed) + " fields, found " + std::to_string(f.size()));
            continue;
        }
        std::string postcode = trim(f[columns.postcode]);
        // Excel drops the leading zero of 0xxxx postcodes.
        if (postcode.size() == 4 && is_postcode("0" + postcode)) postcode = "0" + postcode;
        if (!is_postcode(postcode)) {
            reject(record.line, "postcode '" + postcode + "' is not 5 digits");
            continue;
        }
        const auto lat = parse_degree(f[columns.latitude]);
        const auto lon = parse_degree(f[columns.longitude]);
        if (!lat || *lat < -90 || *lat > 90) {
            reject(record.line, "latitude '" + trim(f[columns.latitude]) + "' is not a number in -90..90");
            continue;
        }
        if (!lon || *lon < -180 || *lon > 180) {
            reject(record.line, "longitude '" + trim(f[columns.longitude]) + "' is not a number in -180..180");
            continue;
        }
        const std::string place = columns.place ? trim(f[*columns.place]) : std::string();
        Aggregate& a = rows[{postcode, place}];
        if (columns.state) a.state = trim(f[*columns.state]);
        a.lat_sum += *lat;
        a.lon_sum += *lon;
        ++a.count;
    }
    if (reader.error()) {
        report.file_errors.push_back("unreadable bytes at offset " + std::to_string(reader.error()->byte_offset));
    }
    if (report.file_errors.empty() && report.read == 0) report.file_errors.push_back("no postcode lines in the file");
    if (!report.file_errors.empty() || rows.empty()) return Result<PostcodeImportReport>::ok(std::move(report));
    report.format = *layout == Layout::geonames ? "geonames" : *layout == Layout::geonames_csv ? "geonames-csv" : "plain";
    try {
        Transaction transaction(store.connection());
        Statement upsert(store.connection(), kUpsertPostcodeSql);
        std::string last_postcode;
        for (const auto& [key, a] : rows) {
            upsert.bind(1, key.first).bind(2, key.second).bind(3, a.state).bind(4, a.lat_sum / a.count)
                .bind(5, a.lon_sum / a.count).run();
            ++report.places;
            if (key.first != last_postcode) ++report.postcodes;
            last_postcode = key.first;
        }
        transaction.commit();
        report.committed = true;
    } catch (const Error& e) {
        return Result<PostcodeImportReport>::fail(std::string("postcodes: ") + e.what());
    }
    return Result<PostcodeImportReport>::ok(std::move(report));
}

Result<PostcodeImportReport> import_postcodes(Store& store, const std::filesystem::path& file) {
    std::string error;
    auto source = csv::FileSource::open(file, error);
    if (!source) {
        PostcodeImportReport report;
        report.file_errors.push_back(error);
        return Result<PostcodeImportReport>::ok(std::move(report));
    }
    return import_postcodes(store, *source);
}

Result<bool> ensure_demo_postcodes(Store& store) {
    try {
        Statement count(store.connection(), kCountPostcodesSql);
        if (count.step() && count.column_int(0) > 0) return Result<bool>::ok(false);
    } catch (const Error& e) {
        return Result<bool>::fail(std::string("postcodes: ") + e.what());
    }
    csv::MemorySource source(demo_postcodes_csv());
    auto report = import_postcodes(store, source);
    if (!report) return Result<bool>::fail(report.error());
    if (postcode_import_exit_code(*report) != 0) return Result<bool>::fail("postcodes: the shipped demo table is broken");
    return Result<bool>::ok(true);
}

Result<std::optional<matcher::GeoPoint>> postcode_centroid(Store& store, std::string_view postcode) {
    try {
        Statement select(store.connection(), kCentroidSql);
        select.bind(1, postcode);
        if (select.step() && !select.is_null(0)) {
            return Result<std::optional<matcher::GeoPoint>>::ok(
                matcher::GeoPoint{select.column_double(0), select.column_double(1)});
        }
        return Result<std::optional<matcher::GeoPoint>>::ok(std::nullopt);
    } catch (const Error& e) {
        return Result<std::optional<matcher::GeoPoint>>::fail(std::string("postcodes: ") + e.what());
    }
}

Result<std::map<std::string, matcher::GeoPoint, std::less<>>> postcode_centroids(Store& store) {
    using Map = std::map<std::string, matcher::GeoPoint, std::less<>>;
    try {
        Map centroids;
        Statement select(store.connection(), kCentroidsSql);
        while (select.step()) {
            centroids.emplace(select.column_text(0), matcher::GeoPoint{select.column_double(1), select.column_double(2)});
        }
        return Result<Map>::ok(std::move(centroids));
    } catch (const Error& e) {
        return Result<Map>::fail(std::string("postcodes: ") + e.what());
    }
}

}  // namespace kk::db
