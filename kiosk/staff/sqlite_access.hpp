#pragma once
// Staff logins checked against the store's accounts (db/staff.hpp: Argon2id, lockout, audit entries).
#include <chrono>
#include <functional>

#include "db/store.hpp"
#include "kiosk/staff/services.hpp"

namespace kk::staff {

class SqliteAccess final : public AccessService {
public:
    using Clock = std::function<db::TimePoint()>;
    explicit SqliteAccess(db::Store& store, Clock clock = [] { return std::chrono::system_clock::now(); })
        : store_(store), clock_(std::move(clock)) {}
    db::Result<db::LoginResult> login(std::string_view username, std::string_view password) override {
        return db::staff_login(store_, username, password, clock_());
    }

private:
    db::Store& store_;
    Clock clock_;
};

}  // namespace kk::staff
