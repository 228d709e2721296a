#include "db/timestamps.hpp"

#include <cstdio>

namespace kk::db {
namespace {

bool read_digits(std::string_view text, std::size_t pos, std::size_t count, int& value) {
    if (pos + count > text.size()) return false;
    value = 0;
    for (std::size_t i = pos; i < pos + count; ++i) {
        if (text[i] < '0' || text[i] > '9') return false;
        value = value * 10 + (text[i] - '0');
    }
    return true;
}

}  // namespace

std::string utc_timestamp(TimePoint at) {
    using namespace std::chrono;
    const auto secs = floor<seconds>(at);
    const auto day = floor<days>(secs);
    const year_month_day ymd{day};
    const hh_mm_ss<seconds> time{secs - day};
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02uT%02d:%02d:%02dZ", static_cast<int>(ymd.year()),
                  static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                  static_cast<int>(time.hours().count()), static_cast<int>(time.minutes().count()),
                  static_cast<int>(time.seconds().count()));
    return buffer;
}

std::optional<TimePoint> parse_utc_timestamp(std::string_view text) {
    using namespace std::chrono;
    int y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0;
    if (!read_digits(text, 0, 4, y) || text.size() < 10 || text[4] != '-' || !read_digits(text, 5, 2, mo) ||
        text[7] != '-' || !read_digits(text, 8, 2, d)) {
        return std::nullopt;
    }
    if (text.size() != 10) {
        if (text.size() != 20 || text[10] != 'T' || !read_digits(text, 11, 2, h) || text[13] != ':' ||
            !read_digits(text, 14, 2, mi) || text[16] != ':' || !read_digits(text, 17, 2, s) ||
            text[19] != 'Z') {
            return std::nullopt;
        }
        if (h > 23 || mi > 59 || s > 60) return std::nullopt;
    }
    const year_month_day ymd{year{y}, month{static_cast<unsigned>(mo)}, day{static_cast<unsigned>(d)}};
    if (!ymd.ok()) return std::nullopt;
    return TimePoint{sys_days{ymd} + hours{h} + minutes{mi} + seconds{s}};
}

}  // namespace kk::db
