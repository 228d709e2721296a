#include <pwd.h>
#include <termios.h>
#include <unistd.h>

#include <chrono>
#include <iostream>
#include <ostream>

#include "cli/args.hpp"
#include "cli/staff_commands.hpp"
#include "cli/store_access.hpp"
#include "db/staff.hpp"

namespace kk::cli {
namespace {

constexpr char kUsage[] =
    "usage: kioskctl staff add USER --role staff|admin --db FILE   (password from stdin)\n"
    "       kioskctl staff passwd USER --db FILE\n"
    "       kioskctl staff disable USER --db FILE\n"
    "       kioskctl staff list --db FILE\n";

// Switches terminal echo off for its lifetime, so a typed password is not shown.
class EchoOff {
  public:
    EchoOff() {
        if (::tcgetattr(STDIN_FILENO, &saved_) != 0) return;
        termios quiet = saved_;
        quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
        active_ = ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet) == 0;
    }
    ~EchoOff() {
        if (active_) ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved_);
    }
    EchoOff(const EchoOff&) = delete;
    EchoOff& operator=(const EchoOff&) = delete;

  private:
    termios saved_{};
    bool active_ = false;
};

std::optional<std::string> read_line(std::istream& in) {
    std::string line;
    if (!std::getline(in, line)) return std::nullopt;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    return line;
}

std::optional<std::string> read_password(std::istream& in, bool terminal, std::ostream& err) {
    if (!terminal) return read_line(in);
    std::optional<std::string> first, second;
    {
        EchoOff quiet;
        err << "Password: " << std::flush;
        first = read_line(in);
        err << "\nRepeat password: " << std::flush;
        second = read_line(in);
        err << '\n';
    }
    if (!first || !second) return std::nullopt;
    if (*first != *second) {
        err << "kioskctl staff: the passwords differ\n";
        return std::nullopt;
    }
    return first;
}

}  // namespace

std::string cli_actor() {
    const passwd* user = ::getpwuid(::geteuid());
    return std::string("cli:") + (user != nullptr && user->pw_name != nullptr ? user->pw_name : "unknown");
}

int run_staff_with_input(const std::vector<std::string>& args, Io io, std::istream& in, bool terminal) {
    std::string error;
    const auto parsed =
        parse_args(args, {.options = {"--db", "--role"}, .min_positional = 1, .max_positional = 2}, error);
    if (!parsed || !parsed->option("--db")) {
        io.err << "kioskctl staff: " << (parsed ? "--db FILE is required" : error) << '\n' << kUsage;
        return 2;
    }
    const std::string& action = parsed->positional[0];
    const bool needs_user = action == "add" || action == "passwd" || action == "disable";
    if ((!needs_user && action != "list") || (needs_user != (parsed->positional.size() == 2))) {
        io.err << "kioskctl staff: expected add|passwd|disable USER or list\n" << kUsage;
        return 2;
    }
    std::optional<db::StaffRole> role;
    if (action == "add") {
        role = db::parse_staff_role(parsed->option("--role").value_or(""));
        if (!role) {
            io.err << "kioskctl staff add: --role staff or --role admin is required\n" << kUsage;
            return 2;
        }
    }
    int code = 0;
    auto store = open_existing_store(*parsed->option("--db"), "staff", io.err, code);
    if (!store) return code;
    const db::StaffActor actor{.id = std::nullopt, .username = cli_actor()};
    const auto now = std::chrono::system_clock::now();

    if (action == "list") {
        auto users = db::list_staff_users(*store);
        if (!users) {
            io.err << "kioskctl staff list: " << users.error() << '\n';
            return 1;
        }
        for (const auto& u : *users) {
            io.out << u.username << '\t' << db::to_string(u.role) << '\t'
                   << (u.disabled ? "disabled"
                                  : (u.locked_until ? "locked until " + *u.locked_until : "active"))
                   << '\n';
        }
        return 0;
    }
    const std::string& user = parsed->positional[1];
    if (action == "disable") {
        auto done = db::disable_staff_user(*store, user, actor, now);
        if (!done) {
            io.err << "kioskctl staff disable: " << done.error() << '\n';
            return 2;
        }
        io.out << "disabled " << user << '\n';
        return 0;
    }
    const auto password = read_password(in, terminal, io.err);
    if (!password) {
        io.err << "kioskctl staff " << action << ": no password read from stdin\n";
        return 2;
    }
    if (action == "add") {
        auto id = db::add_staff_user(*store, user, *role, *password, actor, now);
        if (!id) {
            io.err << "kioskctl staff add: " << id.error() << '\n';
            return 2;
        }
        io.out << "added " << user << " (" << db::to_string(*role) << ")\n";
        return 0;
    }
    auto done = db::set_staff_password(*store, user, *password, actor, now);
    if (!done) {
        io.err << "kioskctl staff passwd: " << done.error() << '\n';
        return 2;
    }
    io.out << "password of " << user << " changed\n";
    return 0;
}

int run_staff(const std::vector<std::string>& args, Io io) {
    return run_staff_with_input(args, io, std::cin, ::isatty(STDIN_FILENO) == 1);
}

}  // namespace kk::cli
