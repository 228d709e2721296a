#include "db/migrations.hpp"

#include <string>

namespace kk::db {
namespace {

// Version 1: the walking skeleton's metadata table.
constexpr char kMigrateTo1[] = R"sql(
CREATE TABLE app_meta (
    key   TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL
) STRICT;
)sql";

constexpr const char* kLadder[] = {
    kMigrateTo1,
};
constexpr int kLatest = static_cast<int>(std::size(kLadder));

int read_version(Connection& connection) {
    Statement version(connection, "PRAGMA user_version");
    return version.step() ? static_cast<int>(version.column_int(0)) : 0;
}

}  // namespace

int latest_migration() { return kLatest; }

void migrate(Connection& connection) { migrate_to(connection, kLatest); }

void migrate_to(Connection& connection, int target) {
    Transaction transaction(connection);
    int version = read_version(connection);
    if (version > kLatest) {
        throw Error("database schema version " + std::to_string(version) + " is newer than this program");
    }
    while (version < target) {
        connection.exec(kLadder[version]);
        ++version;
        connection.exec(("PRAGMA user_version = " + std::to_string(version)).c_str());
    }
    transaction.commit();
}

}  // namespace kk::db
