#include <ostream>

#include "cli/args.hpp"
#include "cli/commands.hpp"
#include "cli/store_access.hpp"
#include "db/candidate_import.hpp"

namespace kk::cli {

int run_import_candidates(const std::vector<std::string>& args, Io io) {
    std::string error;
    const auto parsed = parse_args(args, {.options = {"--db"}, .min_positional = 1, .max_positional = 1}, error);
    if (!parsed || !parsed->option("--db")) {
        io.err << "kioskctl import-candidates: " << (parsed ? "--db FILE is required" : error)
               << "\nusage: kioskctl import-candidates --db FILE FILE.jsonl\n";
        return 2;
    }
    int code = 0;
    auto store = open_existing_store(*parsed->option("--db"), "import-candidates", io.err, code);
    if (!store) return code;
    const std::string& file = parsed->positional.front();
    auto report = db::import_candidates(*store, std::filesystem::path(file));
    if (!report) {
        io.err << "kioskctl import-candidates: " << report.error() << "\nnothing imported\n";
        return 1;
    }
    for (const auto& e : report->file_errors) io.err << "kioskctl import-candidates: " << file << ": " << e << '\n';
    for (const auto& r : report->rejections) io.out << "rejected: line " << r.line << ": " << r.reason << '\n';
    io.out << file << ": read " << report->read << ", inserted " << report->inserted << ", updated "
           << report->updated << ", unchanged " << report->unchanged << ", rejected " << report->rejected
           << "; text skills resolved " << report->skills_resolved << ", kept as free text "
           << report->skills_unresolved << (report->committed ? "" : " (nothing imported)") << '\n';
    return db::candidate_import_exit_code(*report);
}

}  // namespace kk::cli
