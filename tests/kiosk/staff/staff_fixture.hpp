#pragma once
// Staff mode against a real SQLite file, drawn headless: accounts, a clock the test moves, clicks on the
// controls by their tap-target id, typing through ImGui's input queue. Views' tests build on this.
#include <imgui.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <memory>
#include <string>

#include "db/staff.hpp"
#include "db/store.hpp"
#include "kiosk/staff/app.hpp"
#include "kiosk/staff/sqlite_access.hpp"
#include "tests/kiosk/headless_imgui.hpp"
#include "tests/support/temp_dir.hpp"

namespace kk::test {

inline const db::TimePoint kStaffT0 = *db::parse_utc_timestamp("2026-11-21T10:00:00Z");

class StaffFixture {
public:
    // A fresh database with an admin "admin" and a staff user "anna" (passwords kAdminPassword/kStaffPassword).
    StaffFixture() : store_(open_store()), access_(*store_, [this] { return now; }) {
        const db::StaffActor cli{.id = std::nullopt, .username = "cli:test"};
        REQUIRE(db::add_staff_user(*store_, "admin", db::StaffRole::admin, kAdminPassword, cli, now));
        REQUIRE(db::add_staff_user(*store_, "anna", db::StaffRole::staff, kStaffPassword, cli, now));
    }

    static constexpr char kAdminPassword[] = "Admin-Passwort-1";
    static constexpr char kStaffPassword[] = "Anna-Passwort-1";

    db::Store& store() { return *store_; }
    std::filesystem::path database() const { return dir_ / "staff.db"; }
    std::filesystem::path dir() const { return dir_.path(); }
    HeadlessImGui& imgui() { return imgui_; }

    // Starts the app with the login service and `services`' views (access is filled in) and `modules`.
    staff::StaffApp& start(staff::StaffServices services = {}, staff::Modules modules = {}) {
        services.access = &access_;
        app_ = std::make_unique<staff::StaffApp>(uploader_, KK_TEST_LOCALE_DIR, services, std::move(modules));
        frame();
        return *app_;
    }
    staff::StaffApp& app() { return *app_; }

    void frame() {
        imgui_.frame([this] { app_->frame(imgui_.display()); });
    }
    bool has_target(const std::string& id) const { return app_->targets().count(id) > 0; }
    // Clicks the centre of the control drawn as `id` in the last frame (fails the test when there is none),
    // then draws one more frame so targets() shows the result.
    void click(const std::string& id) {
        const auto it = app_->targets().find(id);
        INFO("target " << id);
        REQUIRE(it != app_->targets().end());
        imgui_.tap(it->second.center(), [this] { app_->frame(imgui_.display()); });
        frame();  // the click's actions applied after the last frame; draw what they changed
    }
    // Types into the focused field through ImGui's input queue, as the physical keyboard does.
    void type(const std::string& utf8) {
        ImGui::GetIO().AddInputCharactersUTF8(utf8.c_str());
        frame();
    }
    // Clicks the login form's fields, types, and clicks "Anmelden".
    void login(const std::string& username, const std::string& password) {
        if (has_target(staff::kUsernameField)) {
            click(staff::kUsernameField);
            while (!app_->state().access.username.empty()) app_->apply(staff::EraseChar{});
            type(username);
        }
        click(staff::kPasswordField);
        type(password);
        click("login.submit");
    }

    db::TimePoint now = kStaffT0;

private:
    db::Store open_store() {
        auto store = db::Store::open(dir_ / "staff.db");
        REQUIRE(store);
        return std::move(*store);
    }

    TempDir dir_;
    HeadlessImGui imgui_;
    text::NullUploader uploader_;
    std::optional<db::Store> store_;
    staff::SqliteAccess access_;
    std::unique_ptr<staff::StaffApp> app_;
};

}  // namespace kk::test
