#include "db/store.hpp"

#include <cstdlib>

#include "db/migrations.hpp"

namespace kk::db {

int current_schema_version() { return latest_migration(); }

Result<Store> Store::open(const std::filesystem::path& path) {
    try {
        // Read the version before anything can write (WAL mode, migrations) to a newer file.
        if (std::filesystem::exists(path)) {
            Connection probe = Connection::open_existing(path);
            Statement version(probe, "PRAGMA user_version");
            const int found = version.step() ? static_cast<int>(version.column_int(0)) : 0;
            if (found > current_schema_version()) {
                return Result<Store>::fail("database " + path.string() + " has schema version " +
                                           std::to_string(found) + ", newer than this program (" +
                                           std::to_string(current_schema_version()) +
                                           "); update Kompetenzkiosk to open it. The file was not changed.");
            }
        }
        Connection connection = Connection::open(path);
        migrate(connection);
        return Result<Store>::ok(Store(std::move(connection)));
    } catch (const Error& e) {
        return Result<Store>::fail(e.what());
    }
}

int Store::schema_version() const {
    Statement version(connection_, "PRAGMA user_version");
    return version.step() ? static_cast<int>(version.column_int(0)) : 0;
}

std::filesystem::path default_database_path() {
    if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg != nullptr && *xdg != '\0') {
        return std::filesystem::path(xdg) / "kompetenzkiosk" / "kiosk.db";
    }
    const char* home = std::getenv("HOME");
    return std::filesystem::path(home != nullptr ? home : ".") / ".local" / "share" / "kompetenzkiosk" /
           "kiosk.db";
}

}  // namespace kk::db
