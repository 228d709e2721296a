#include <ostream>

#include "cli/args.hpp"
#include "cli/commands.hpp"
#include "db/store.hpp"

namespace kk::cli {

int run_init(const std::vector<std::string>& args, Io io) {
    std::string error;
    const auto parsed = parse_args(args, {.options = {"--db"}}, error);
    if (!parsed || !parsed->option("--db")) {
        io.err << "kioskctl init: " << (parsed ? "--db FILE is required" : error) << "\nusage: kioskctl init --db FILE\n";
        return 2;
    }
    const std::string path = *parsed->option("--db");
    auto store = db::Store::open(path);
    if (!store) {
        io.err << "kioskctl init: " << store.error() << '\n';
        return 1;
    }
    io.out << "database " << path << " is at schema version " << store->schema_version() << '\n';
    return 0;
}

}  // namespace kk::cli
