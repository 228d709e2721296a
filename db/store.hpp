#pragma once
// The kiosk's database: one SQLite file, created on first use and migrated up a ladder of versions.
#include <filesystem>

#include "db/result.hpp"
#include "db/sqlite.hpp"

namespace kk::db {

// The schema version this build writes. Files with a higher PRAGMA user_version are refused, untouched.
int current_schema_version();

class Store {
public:
    // Opens or creates the database at `path` and migrates it to current_schema_version() in one
    // transaction. Fails (and changes nothing) for a file from a newer version or a file that is not
    // a database.
    static Result<Store> open(const std::filesystem::path& path);

    int schema_version() const;
    Connection& connection() { return connection_; }

private:
    explicit Store(Connection connection) : connection_(std::move(connection)) {}
    Connection connection_;
};

// The per-user default database: $XDG_DATA_HOME/kompetenzkiosk/kiosk.db, else
// ~/.local/share/kompetenzkiosk/kiosk.db.
std::filesystem::path default_database_path();

}  // namespace kk::db
