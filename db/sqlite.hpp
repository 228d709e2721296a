#pragma once
// Thin RAII layer over SQLite: a Connection owns the handle, a Statement is prepared once and then
// bound, stepped and reset, a Transaction rolls back in its destructor unless committed.
// Errors throw kk::db::Error; they never cross the kk::db boundary (store functions return results).
#include <cstdint>
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace kk::db {

class Error : public std::runtime_error {
public:
    explicit Error(const std::string& what) : std::runtime_error(what) {}
};

// A Connection and its Statements belong to one thread at a time: connections are opened without SQLite's
// per-connection mutex (nothing in the project shares one across threads; that lock cost ~5 % of an import).
class Connection {
public:
    // Opens (creating with mode 0600 when absent) and applies the connection settings:
    // WAL, foreign keys, secure_delete, a busy timeout.
    static Connection open(const std::filesystem::path& path);
    // Opens an existing file without creating it or changing its journal mode.
    static Connection open_existing(const std::filesystem::path& path);
    ~Connection();
    Connection(Connection&& other) noexcept;
    Connection& operator=(Connection&& other) noexcept;
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;

    void exec(const char* sql);  // for schema scripts without parameters
    sqlite3* handle() const { return db_; }
    std::int64_t last_insert_rowid() const;
    int changes() const;

private:
    explicit Connection(sqlite3* db) : db_(db) {}
    sqlite3* db_ = nullptr;
};

class Statement {
public:
    Statement(const Connection& connection, const char* sql);
    ~Statement();
    Statement(Statement&& other) noexcept;
    Statement& operator=(Statement&&) = delete;
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    // Binding uses 1-based parameter indexes, as SQLite does.
    Statement& bind(int index, std::int64_t value);
    Statement& bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
    Statement& bind(int index, double value);
    Statement& bind(int index, std::string_view value);
    Statement& bind(int index, const char* value) { return bind(index, std::string_view(value)); }
    Statement& bind(int index, const std::string& value) { return bind(index, std::string_view(value)); }
    // Binds text without copying it: `value` must stay valid and unchanged until the next reset() (run()
    // resets). For hot loops that bind strings they own, such as a bulk import.
    Statement& bind_view(int index, std::string_view value);
    // The same for a std::string: SQLite is told that the text ends in a NUL, so SQL functions that read it
    // (length(), GLOB in CHECK constraints) use it in place instead of copying it to append one.
    Statement& bind_view(int index, const std::string& value);
    Statement& bind_null(int index);
    Statement& bind_blob(int index, std::string_view bytes);  // copied, as bind() copies text
    template <typename T>
    Statement& bind(int index, const std::optional<T>& value) {
        return value ? bind(index, *value) : bind_null(index);
    }

    // Steps once: true while a row is available, false when done.
    bool step();
    // Steps a statement that returns no rows.
    void run();
    void reset();  // resets and clears bindings, ready for reuse

    bool is_null(int column) const;
    std::int64_t column_int(int column) const;
    double column_double(int column) const;
    std::string column_text(int column) const;
    std::optional<std::string> column_optional_text(int column) const;
    std::string column_blob(int column) const;

private:
    sqlite3* db_ = nullptr;
    sqlite3_stmt* stmt_ = nullptr;
};

class Transaction {
public:
    // BEGIN IMMEDIATE: takes the write lock up front so a transaction never fails half-way on a lock.
    explicit Transaction(Connection& connection);
    ~Transaction();  // rolls back unless committed; never throws
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    void commit();

private:
    Connection& connection_;
    bool done_ = false;
};

}  // namespace kk::db
