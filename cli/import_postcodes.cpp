#include <ostream>

#include "cli/args.hpp"
#include "cli/commands.hpp"
#include "cli/store_access.hpp"
#include "db/postcodes.hpp"

namespace kk::cli {

int run_import_postcodes(const std::vector<std::string>& args, Io io) {
    std::string error;
    const auto parsed = parse_args(args, {.options = {"--db"}, .min_positional = 1, .max_positional = 1}, error);
    if (!parsed || !parsed->option("--db")) {
        io.err << "kioskctl import-postcodes: " << (parsed ? "--db FILE is required" : error)
               << "\nusage: kioskctl import-postcodes --db FILE FILE\n";
        return 2;
    }
    int code = 0;
    auto store = open_existing_store(*parsed->option("--db"), "import-postcodes", io.err, code);
    if (!store) return code;
    const std::string& file = parsed->positional.front();
    auto report = db::import_postcodes(*store, std::filesystem::path(file));
    if (!report) {
        io.err << "kioskctl import-postcodes: " << report.error() << "\nnothing imported\n";
        return 1;
    }
    for (const auto& e : report->file_errors) io.err << "kioskctl import-postcodes: " << file << ": " << e << '\n';
    for (const auto& r : report->rejections) io.out << "rejected: line " << r.line << ": " << r.reason << '\n';
    if (report->rejected > report->rejections.size()) {
        io.out << "... and " << report->rejected - report->rejections.size() << " more rejected lines not listed\n";
    }
    io.out << file << " (" << (report->format.empty() ? "unknown format" : report->format) << "): read "
           << report->read << ", postcodes " << report->postcodes << ", places " << report->places << ", rejected "
           << report->rejected << (report->committed ? "" : " (nothing imported)") << '\n';
    return db::postcode_import_exit_code(*report);
}

}  // namespace kk::cli
