#include "db/staff.hpp"

#include <sodium.h>

#include "db/audit.hpp"

namespace kk::db {
namespace {

constexpr char kInsertStaffSql[] =
    "INSERT INTO staff_users (username, display_name, role, password_hash, created_at, updated_at) "
    "VALUES (?, ?, ?, ?, ?, ?)";
constexpr char kSelectStaffByNameSql[] =
    "SELECT id, username, display_name, role, failed_attempts, locked_until, disabled, created_at, "
    "password_hash "
    "FROM staff_users WHERE username = ?";
constexpr char kSelectStaffSql[] =
    "SELECT id, username, display_name, role, failed_attempts, locked_until, disabled, created_at, "
    "password_hash "
    "FROM staff_users ORDER BY username";
constexpr char kUpdatePasswordSql[] =
    "UPDATE staff_users SET password_hash = ?, failed_attempts = 0, locked_until = NULL, updated_at = ? "
    "WHERE id = ?";
constexpr char kDisableSql[] = "UPDATE staff_users SET disabled = 1, updated_at = ? WHERE id = ?";
constexpr char kRecordFailureSql[] =
    "UPDATE staff_users SET failed_attempts = ?, locked_until = ?, updated_at = ? WHERE id = ?";
constexpr char kRecordSuccessSql[] =
    "UPDATE staff_users SET failed_attempts = 0, locked_until = NULL, updated_at = ? WHERE id = ?";

struct StoredUser {
    StaffUser user;
    std::string hash;
};

StoredUser read_user(const Statement& row) {
    StoredUser stored;
    stored.user.id = row.column_int(0);
    stored.user.username = row.column_text(1);
    stored.user.display_name = row.column_text(2);
    stored.user.role = parse_staff_role(row.column_text(3)).value_or(StaffRole::staff);
    stored.user.failed_attempts = static_cast<int>(row.column_int(4));
    stored.user.locked_until = row.column_optional_text(5);
    stored.user.disabled = row.column_int(6) != 0;
    stored.user.created_at = row.column_text(7);
    stored.hash = row.column_text(8);
    return stored;
}

std::optional<StoredUser> find_user(Connection& connection, std::string_view username) {
    Statement select(connection, kSelectStaffByNameSql);
    select.bind(1, username);
    if (!select.step()) return std::nullopt;
    return read_user(select);
}

void audit(Connection& connection, const std::string& actor, const char* action,
           std::optional<std::int64_t> id, TimePoint now, std::string detail = {}) {
    append_audit_entry(connection, AuditEntry{.at = utc_timestamp(now),
                                              .actor = actor,
                                              .action = action,
                                              .subject_kind = "staff_user",
                                              .subject_id = id,
                                              .detail = std::move(detail)});
}

bool sodium_ready() {
    static const bool ready = sodium_init() >= 0;
    return ready;
}

}  // namespace

std::string_view to_string(StaffRole role) {
    return role == StaffRole::admin ? "admin" : "staff";
}

std::optional<StaffRole> parse_staff_role(std::string_view text) {
    if (text == "admin") return StaffRole::admin;
    if (text == "staff") return StaffRole::staff;
    return std::nullopt;
}

bool valid_username(std::string_view username) {
    if (username.empty() || username.size() > 64) return false;
    for (const char c : username) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
        if (!ok) return false;
    }
    return true;
}

Result<std::string> hash_password(std::string_view password) {
    if (!sodium_ready()) return Result<std::string>::fail("libsodium could not be initialised");
    char hash[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str(hash, password.data(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                          crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0) {
        return Result<std::string>::fail("not enough memory to hash the password");
    }
    return Result<std::string>::ok(std::string(hash));
}

bool verify_password(std::string_view hash, std::string_view password) {
    if (!sodium_ready()) return false;
    const std::string terminated(hash);  // crypto_pwhash_str_verify reads a C string
    return crypto_pwhash_str_verify(terminated.c_str(), password.data(), password.size()) == 0;
}

Result<std::int64_t> add_staff_user(Store& store, std::string_view username, StaffRole role,
                                    std::string_view password, const StaffActor& actor, TimePoint now) {
    if (!valid_username(username)) {
        return Result<std::int64_t>::fail("a username is 1 to 64 characters of a-z, 0-9, '.', '_' and '-'");
    }
    if (password.size() < kMinPasswordLength) {
        return Result<std::int64_t>::fail("the password needs at least " +
                                          std::to_string(kMinPasswordLength) + " characters");
    }
    auto hash = hash_password(password);
    if (!hash) return Result<std::int64_t>::fail(hash.error());
    try {
        Connection& connection = store.connection();
        Transaction transaction(connection);
        if (find_user(connection, username)) {
            return Result<std::int64_t>::fail("user " + std::string(username) + " already exists");
        }
        const std::string at = utc_timestamp(now);
        Statement insert(connection, kInsertStaffSql);
        insert.bind(1, username)
            .bind(2, "")
            .bind(3, to_string(role))
            .bind(4, *hash)
            .bind(5, at)
            .bind(6, at)
            .run();
        const std::int64_t id = connection.last_insert_rowid();
        audit(connection, actor.username, "staff.add", id, now, "role=" + std::string(to_string(role)));
        transaction.commit();
        return Result<std::int64_t>::ok(id);
    } catch (const Error& e) {
        return Result<std::int64_t>::fail(e.what());
    }
}

Result<bool> set_staff_password(Store& store, std::string_view username, std::string_view password,
                                const StaffActor& actor, TimePoint now) {
    if (password.size() < kMinPasswordLength) {
        return Result<bool>::fail("the password needs at least " + std::to_string(kMinPasswordLength) +
                                  " characters");
    }
    auto hash = hash_password(password);
    if (!hash) return Result<bool>::fail(hash.error());
    try {
        Connection& connection = store.connection();
        Transaction transaction(connection);
        const auto user = find_user(connection, username);
        if (!user) return Result<bool>::fail("no user " + std::string(username));
        Statement update(connection, kUpdatePasswordSql);
        update.bind(1, *hash).bind(2, utc_timestamp(now)).bind(3, user->user.id).run();
        audit(connection, actor.username, "staff.passwd", user->user.id, now);
        transaction.commit();
        return Result<bool>::ok(true);
    } catch (const Error& e) {
        return Result<bool>::fail(e.what());
    }
}

Result<bool> disable_staff_user(Store& store, std::string_view username, const StaffActor& actor,
                                TimePoint now) {
    try {
        Connection& connection = store.connection();
        Transaction transaction(connection);
        const auto user = find_user(connection, username);
        if (!user) return Result<bool>::fail("no user " + std::string(username));
        Statement update(connection, kDisableSql);
        update.bind(1, utc_timestamp(now)).bind(2, user->user.id).run();
        audit(connection, actor.username, "staff.disable", user->user.id, now);
        transaction.commit();
        return Result<bool>::ok(true);
    } catch (const Error& e) {
        return Result<bool>::fail(e.what());
    }
}

Result<std::vector<StaffUser>> list_staff_users(Store& store) {
    try {
        Statement select(store.connection(), kSelectStaffSql);
        std::vector<StaffUser> users;
        while (select.step()) users.push_back(read_user(select).user);
        return Result<std::vector<StaffUser>>::ok(std::move(users));
    } catch (const Error& e) {
        return Result<std::vector<StaffUser>>::fail(e.what());
    }
}

Result<LoginResult> staff_login(Store& store, std::string_view username, std::string_view password,
                                TimePoint now) {
    try {
        Connection& connection = store.connection();
        const auto user = find_user(connection, username);
        if (!user) {
            // Spend the same work as for a real account, so timing does not reveal which usernames exist.
            static const auto dummy = hash_password("not a real password");
            if (dummy) (void)verify_password(*dummy, password);
            audit(connection, "?", "staff.login_failed", std::nullopt, now, "unknown user");
            return Result<LoginResult>::ok(LoginResult{});
        }
        const std::string name = user->user.username;
        if (user->user.disabled) {
            audit(connection, name, "staff.login_failed", user->user.id, now, "disabled");
            return Result<LoginResult>::ok(LoginResult{.outcome = LoginOutcome::disabled});
        }
        if (user->user.locked_until) {
            const auto until = parse_utc_timestamp(*user->user.locked_until);
            if (until && now < *until) {
                audit(connection, name, "staff.login_failed", user->user.id, now, "locked");
                return Result<LoginResult>::ok(
                    LoginResult{.outcome = LoginOutcome::locked, .locked_until = user->user.locked_until});
            }
        }
        const bool ok = verify_password(user->hash, password);
        Transaction transaction(connection);
        if (ok) {
            Statement update(connection, kRecordSuccessSql);
            update.bind(1, utc_timestamp(now)).bind(2, user->user.id).run();
            audit(connection, name, "staff.login", user->user.id, now);
            transaction.commit();
            StaffUser logged_in = user->user;
            logged_in.failed_attempts = 0;
            logged_in.locked_until.reset();
            return Result<LoginResult>::ok(LoginResult{.outcome = LoginOutcome::ok, .user = logged_in});
        }
        const int failures = user->user.failed_attempts + 1;
        LoginResult result;
        Statement update(connection, kRecordFailureSql);
        if (failures >= kMaxFailedLogins) {
            const std::string until = utc_timestamp(now + kLockoutDuration);
            update.bind(1, 0).bind(2, until);
            result = LoginResult{.outcome = LoginOutcome::locked, .locked_until = until};
        } else {
            update.bind(1, failures).bind_null(2);
        }
        update.bind(3, utc_timestamp(now)).bind(4, user->user.id).run();
        audit(connection, name, "staff.login_failed", user->user.id, now, "wrong password");
        if (result.outcome == LoginOutcome::locked)
            audit(connection, name, "staff.locked", user->user.id, now);
        transaction.commit();
        return Result<LoginResult>::ok(result);
    } catch (const Error& e) {
        return Result<LoginResult>::fail(e.what());
    }
}

}  // namespace kk::db
