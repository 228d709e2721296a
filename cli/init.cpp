#include <ostream>

#include "cli/args.hpp"
#include "cli/commands.hpp"
#include "db/catalog.hpp"
#include "db/postcodes.hpp"
#include "db/store.hpp"
#include "i18n/messages.hpp"

namespace kk::cli {

int run_init(const std::vector<std::string>& args, Io io) {
    std::string error;
    const auto parsed = parse_args(args, {.options = {"--db"}}, error);
    if (!parsed || !parsed->option("--db")) {
        io.err << "kioskctl init: " << (parsed ? "--db FILE is required" : error)
               << "\nusage: kioskctl init --db FILE\n";
        return 2;
    }
    const std::string path = *parsed->option("--db");
    auto store = db::Store::open(path);
    if (!store) {
        io.err << "kioskctl init: " << store.error() << '\n';
        return 1;
    }
    io.out << "database " << path << " is at schema version " << store->schema_version() << '\n';
    const auto bundles = i18n::default_bundle_dir();
    auto catalog = db::ensure_shipped_catalog(*store, bundles);
    if (!catalog) {
        io.err << "kioskctl init: cannot load the shipped skill catalog (bundles in " << bundles.string()
               << "): " << catalog.error() << '\n';
        return 1;
    }
    if (catalog->loaded) {
        io.out << "catalog loaded: " << catalog->categories << " categories, " << catalog->occupations
               << " occupations, " << catalog->skills << " skills, " << catalog->relations << " relations, "
               << catalog->labels << " labels\n";
    } else {
        io.out << "catalog already up to date\n";
    }
    // The demo region's postcodes, only into a store without any (demo vacancies are the kiosk's default
    // only).
    auto postcodes = db::ensure_demo_postcodes(*store);
    if (!postcodes) {
        io.err << "kioskctl init: cannot load the demo region's postcodes: " << postcodes.error() << '\n';
        return 1;
    }
    if (*postcodes) io.out << "demo-region postcodes loaded\n";
    return 0;
}

}  // namespace kk::cli
