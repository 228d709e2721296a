#include "cli/commands.hpp"

#include <ostream>

namespace kk::cli {
namespace {

void print_usage(std::ostream& os) {
    os << "usage: kioskctl <command> [options]\n"
          "       kioskctl --help | --version\n\ncommands:\n";
    for (const Command& c : commands()) os << "  " << c.synopsis << '\n';
}

}  // namespace

const std::vector<Command>& commands() {
    static const std::vector<Command> table = {
        {"init", "init --db FILE                  create (or migrate) the database file", run_init},
    };
    return table;
}

int run_kioskctl(const std::vector<std::string>& args, Io io) {
    if (args.empty()) {
        print_usage(io.err);
        return 2;
    }
    const std::string& name = args.front();
    if (name == "--help" || name == "-h" || name == "help") {
        print_usage(io.out);
        return 0;
    }
    if (name == "--version") {
        io.out << "kioskctl " << KK_VERSION << '\n';
        return 0;
    }
    for (const Command& c : commands()) {
        if (name == c.name) return c.run(std::vector<std::string>(args.begin() + 1, args.end()), io);
    }
    io.err << "kioskctl: unknown command '" << name << "'\n";
    print_usage(io.err);
    return 2;
}

}  // namespace kk::cli
