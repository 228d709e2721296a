#pragma once
// Opening the database for subcommands that work on an existing file: a mistyped path must not create a
// fresh empty database.
#include <optional>
#include <ostream>
#include <string>

#include "db/store.hpp"

namespace kk::cli {

// Opens (and migrates) the existing database at `path`; on failure writes "kioskctl <command>: reason" to
// `err`, sets `exit_code` (2: no such file, 1: cannot open) and returns nullopt.
std::optional<db::Store> open_existing_store(const std::string& path, const char* command, std::ostream& err,
                                             int& exit_code);

}  // namespace kk::cli
