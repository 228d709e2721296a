#include <nlohmann/json.hpp>
#include <ostream>

#include "cli/args.hpp"
#include "cli/commands.hpp"
#include "cli/store_access.hpp"
#include "db/catalog_resolver.hpp"
#include "db/vacancy_import.hpp"

namespace kk::cli {
namespace {

constexpr char kUsage[] = "usage: kioskctl import-vacancies --db FILE FILE.csv [--dry-run] [--strict] [--replace] [--json]\n";

nlohmann::json row_json(const db::RowReport& r) {
    return {{"line", r.line}, {"column", r.problem.column}, {"reason_de", r.problem.reason_de},
            {"reason_en", r.problem.reason_en}};
}

void print_json(std::ostream& out, const std::string& file, const db::ImportReport& report, int code) {
    nlohmann::json j = {
        {"file", file},
        {"encoding", report.encoding},
        {"delimiter", report.delimiter == '\0' ? std::string() : std::string(1, report.delimiter)},
        {"dry_run", report.dry_run},
        {"committed", report.committed},
        {"exit_code", code},
        {"read", report.read},
        {"inserted", report.inserted},
        {"updated", report.updated},
        {"unchanged", report.unchanged},
        {"closed", report.closed},
        {"rejected", report.rejected},
        {"rejections_not_listed", report.rejections_not_listed},
    };
    j["rejections"] = nlohmann::json::array();
    for (const auto& r : report.rejections) j["rejections"].push_back(row_json(r));
    j["warnings"] = nlohmann::json::array();
    for (const auto& w : report.warnings) j["warnings"].push_back(row_json(w));
    j["errors"] = nlohmann::json::array();
    for (const auto& e : report.file_errors) {
        nlohmann::json error = {{"reason_de", e.reason_de}, {"reason_en", e.reason_en}};
        if (e.byte_offset) error["byte_offset"] = *e.byte_offset;
        j["errors"].push_back(error);
    }
    out << j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
}

void print_row(std::ostream& os, const char* kind, const db::RowReport& r) {
    os << kind << "line " << r.line << ", column " << r.problem.column << ": " << r.problem.reason_en << '\n'
       << "  Zeile " << r.line << ", Spalte " << r.problem.column << ": " << r.problem.reason_de << '\n';
}

void print_text(Io io, const std::string& file, const db::ImportReport& report) {
    for (const auto& e : report.file_errors) {
        io.err << "kioskctl import-vacancies: " << file << ": " << e.reason_en << "\n  " << e.reason_de << '\n';
    }
    if (!report.file_errors.empty()) {
        io.err << "nothing imported / nichts importiert\n";
        return;
    }
    for (const auto& w : report.warnings) print_row(io.out, "warning: ", w);
    for (const auto& r : report.rejections) print_row(io.out, "rejected: ", r);
    if (report.rejections_not_listed > 0) {
        io.out << "... and " << report.rejections_not_listed << " more problems not listed\n";
    }
    io.out << file << " (" << report.encoding << ", '" << (report.delimiter == '\t' ? "\\t" : std::string(1, report.delimiter))
           << "'): read " << report.read << ", inserted " << report.inserted << ", updated " << report.updated
           << ", unchanged " << report.unchanged << ", closed " << report.closed << ", rejected " << report.rejected
           << (report.dry_run ? " (dry run, nothing written)" : report.committed ? "" : " (nothing imported)") << '\n';
}

}  // namespace

int run_import_vacancies(const std::vector<std::string>& args, Io io) {
    std::string error;
    const auto parsed = parse_args(
        args, {.options = {"--db"}, .flags = {"--dry-run", "--strict", "--replace", "--json"}, .min_positional = 1, .max_positional = 1},
        error);
    if (!parsed || !parsed->option("--db")) {
        io.err << "kioskctl import-vacancies: " << (parsed ? "--db FILE is required" : error) << '\n' << kUsage;
        return 2;
    }
    int code = 0;
    auto store = open_existing_store(*parsed->option("--db"), "import-vacancies", io.err, code);
    if (!store) return code;
    // Vacancy skills resolve against the catalog; without one they are kept as text only.
    auto resolver = db::CatalogResolver::from_store(*store);
    if (!resolver) io.err << "kioskctl import-vacancies: skills stay unresolved: " << resolver.error() << '\n';
    const db::ImportOptions options{.dry_run = parsed->has("--dry-run"),
                                    .strict = parsed->has("--strict"),
                                    .replace = parsed->has("--replace"),
                                    .resolver = resolver ? &*resolver : nullptr};
    const std::string& file = parsed->positional.front();
    auto report = db::import_vacancies(*store, std::filesystem::path(file), options);
    if (!report) {
        io.err << "kioskctl import-vacancies: " << report.error() << "\nnothing imported / nichts importiert\n";
        if (parsed->has("--json")) io.out << nlohmann::json{{"exit_code", 1}, {"error", report.error()}}.dump(2) << '\n';
        return 1;
    }
    code = db::import_exit_code(*report);
    if (parsed->has("--json")) {
        print_json(io.out, file, *report, code);
    } else {
        print_text(io, file, *report);
    }
    return code;
}

}  // namespace kk::cli
