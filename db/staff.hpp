#pragma once
// Staff accounts for the Jobcenter desk: Argon2id password hashes (libsodium crypto_pwhash_str), roles,
// a lockout after repeated failures, disabling. Clear passwords are never stored, logged or returned.
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "db/result.hpp"
#include "db/store.hpp"
#include "db/timestamps.hpp"

namespace kk::db {

enum class StaffRole { staff, admin };

std::string_view to_string(StaffRole role);
std::optional<StaffRole> parse_staff_role(std::string_view text);  // "staff" or "admin"

// Who acts: the staff user's id (for foreign keys) and username (for the audit log). Commands run from
// kioskctl without a staff account use id nullopt and "cli:<unix user>".
struct StaffActor {
    std::optional<std::int64_t> id{};
    std::string username;
};

struct StaffUser {
    std::int64_t id = 0;
    std::string username;
    std::string display_name;
    StaffRole role = StaffRole::staff;
    int failed_attempts = 0;
    std::optional<std::string> locked_until{};  // UTC ISO 8601, set while locked
    bool disabled = false;
    std::string created_at;
};

// After this many consecutive failed logins the account is locked for kLockoutDuration.
inline constexpr int kMaxFailedLogins = 5;
inline constexpr std::chrono::minutes kLockoutDuration{5};
inline constexpr std::size_t kMinPasswordLength = 8;

// Usernames: 1..64 of a-z 0-9 . _ - (no personal data beyond a login name goes into the audit log).
bool valid_username(std::string_view username);

// Creates an account; fails for a taken or invalid username or a password shorter than kMinPasswordLength.
// Writes audit entry staff.add by `actor`. Returns the new user's id.
Result<std::int64_t> add_staff_user(Store& store, std::string_view username, StaffRole role,
                                    std::string_view password, const StaffActor& actor, TimePoint now);

// Replaces the password hash, clears failed attempts and any lock. Audit: staff.passwd.
Result<bool> set_staff_password(Store& store, std::string_view username, std::string_view password,
                                const StaffActor& actor, TimePoint now);

// A disabled account can no longer log in (kept for the audit trail's references). Audit: staff.disable.
Result<bool> disable_staff_user(Store& store, std::string_view username, const StaffActor& actor,
                                TimePoint now);

// Every account, ordered by username.
Result<std::vector<StaffUser>> list_staff_users(Store& store);

enum class LoginOutcome {
    ok,
    wrong_credentials,  // unknown user or wrong password: indistinguishable to the caller on purpose
    locked,             // too many failures; try again after `locked_until`
    disabled,
};

struct LoginResult {
    LoginOutcome outcome = LoginOutcome::wrong_credentials;
    std::optional<StaffUser> user{};            // set when outcome == ok
    std::optional<std::string> locked_until{};  // set when outcome == locked
};

// Checks a login at time `now`. A failure counts toward the lockout; the kMaxFailedLogins-th consecutive
// failure locks the account until now + kLockoutDuration; while locked the password is not even checked.
// Success resets the counter. Audit: staff.login, staff.login_failed, staff.locked (unknown usernames are
// logged as "?", since people type passwords into the username field).
Result<LoginResult> staff_login(Store& store, std::string_view username, std::string_view password,
                                TimePoint now);

// Argon2id hash string of `password` (salted, self-describing); verify_password checks one against it.
Result<std::string> hash_password(std::string_view password);
bool verify_password(std::string_view hash, std::string_view password);

}  // namespace kk::db
