#include <ostream>

#include "cli/args.hpp"
#include "cli/commands.hpp"
#include "cli/store_access.hpp"
#include "db/vacancy_export.hpp"

namespace kk::cli {

int run_export_vacancies(const std::vector<std::string>& args, Io io) {
    std::string error;
    const auto parsed = parse_args(args, {.options = {"--db", "--out"}}, error);
    if (!parsed || !parsed->option("--db") || !parsed->option("--out")) {
        io.err << "kioskctl export-vacancies: " << (parsed ? "--db FILE and --out FILE.csv are required" : error)
               << "\nusage: kioskctl export-vacancies --db FILE --out FILE.csv\n";
        return 2;
    }
    int code = 0;
    auto store = open_existing_store(*parsed->option("--db"), "export-vacancies", io.err, code);
    if (!store) return code;
    const std::string out = *parsed->option("--out");
    auto count = db::export_vacancies(*store, std::filesystem::path(out));
    if (!count) {
        io.err << "kioskctl export-vacancies: " << count.error() << '\n';
        return 1;
    }
    io.out << "exported " << *count << " open vacancies to " << out << '\n';
    return 0;
}

}  // namespace kk::cli
