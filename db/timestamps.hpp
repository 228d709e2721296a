#pragma once
// UTC timestamps as the schema stores them (ISO 8601, `2026-11-21T19:30:00Z`); time is always passed in, so
// lockouts and retention are testable without waiting.
#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace kk::db {

using TimePoint = std::chrono::system_clock::time_point;

// `2026-11-21T19:30:00Z` (seconds precision, UTC).
std::string utc_timestamp(TimePoint at);

// Reads `YYYY-MM-DDTHH:MM:SSZ` or a date `YYYY-MM-DD` (midnight UTC); nullopt for anything else.
std::optional<TimePoint> parse_utc_timestamp(std::string_view text);

}  // namespace kk::db
