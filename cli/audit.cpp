#include <ostream>

#include "cli/args.hpp"
#include "cli/commands.hpp"
#include "cli/store_access.hpp"
#include "db/audit.hpp"

namespace kk::cli {

int run_audit(const std::vector<std::string>& args, Io io) {
    std::string error;
    const auto parsed = parse_args(args, {.options = {"--db", "--since"}}, error);
    if (!parsed || !parsed->option("--db")) {
        io.err << "kioskctl audit: " << (parsed ? "--db FILE is required" : error)
               << "\nusage: kioskctl audit --db FILE [--since YYYY-MM-DD]\n";
        return 2;
    }
    std::optional<db::TimePoint> since;
    if (const auto text = parsed->option("--since")) {
        since = db::parse_utc_timestamp(*text);
        if (!since) {
            io.err << "kioskctl audit: --since takes YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ, not " << *text
                   << '\n';
            return 2;
        }
    }
    int code = 0;
    auto store = open_existing_store(*parsed->option("--db"), "audit", io.err, code);
    if (!store) return code;
    auto entries = db::read_audit(*store, since);
    if (!entries) {
        io.err << "kioskctl audit: " << entries.error() << '\n';
        return 1;
    }
    for (const auto& e : *entries) {
        io.out << e.at << '\t' << e.actor << '\t' << e.action << '\t' << e.subject_kind;
        if (e.subject_id) io.out << " #" << *e.subject_id;
        io.out << '\t' << e.detail << '\n';
    }
    return 0;
}

}  // namespace kk::cli
