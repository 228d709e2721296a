#pragma once
// The schema migration ladder on PRAGMA user_version. Each step moves the schema from N to N+1.
#include "db/sqlite.hpp"

namespace kk::db {

// The highest version the ladder reaches.
int latest_migration();

// Climbs from the file's version to latest_migration() in one transaction; throws Error and leaves the
// file unchanged when a step fails or the file is newer than the ladder.
void migrate(Connection& connection);

// Climbs only up to `target` (for tests that build files of older versions).
void migrate_to(Connection& connection, int target);

}  // namespace kk::db
