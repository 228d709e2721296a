// kioskctl import-esco: the official ESCO CSV export merged into the catalog (rules in db/esco_import.hpp).
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <ostream>

#include "cli/args.hpp"
#include "cli/commands.hpp"
#include "cli/store_access.hpp"
#include "db/esco_import.hpp"

namespace kk::cli {
namespace {

constexpr char kUsage[] = "usage: kioskctl import-esco --db FILE [--quiet] DIR [DIR...]\n";

// A one-line bar redrawn in place on stderr; only when stderr is a terminal.
void draw_progress(std::uint64_t done, std::uint64_t total) {
    if (total == 0) return;
    const int percent = static_cast<int>(done * 100 / total);
    static int last = -1;
    if (percent == last) return;
    last = percent;
    constexpr int kWidth = 40;
    char bar[kWidth + 1];
    for (int i = 0; i < kWidth; ++i) bar[i] = i < percent * kWidth / 100 ? '#' : '.';
    bar[kWidth] = '\0';
    std::fprintf(stderr, "\rimport-esco [%s] %3d%%", bar, percent);
    std::fflush(stderr);
}

}  // namespace

int run_import_esco(const std::vector<std::string>& args, Io io) {
    std::string error;
    const auto parsed = parse_args(
        args, {.options = {"--db"}, .flags = {"--quiet"}, .min_positional = 1, .max_positional = 32}, error);
    if (!parsed || !parsed->option("--db")) {
        io.err << "kioskctl import-esco: " << (parsed ? "--db FILE is required" : error) << '\n' << kUsage;
        return 2;
    }
    int code = 0;
    auto store = open_existing_store(*parsed->option("--db"), "import-esco", io.err, code);
    if (!store) return code;
    std::vector<std::filesystem::path> dirs(parsed->positional.begin(), parsed->positional.end());
    db::EscoImportOptions options;
    const bool bar = !parsed->has("--quiet") && isatty(STDERR_FILENO) == 1;
    if (bar) options.progress = draw_progress;
    const auto start = std::chrono::steady_clock::now();
    auto report = db::import_esco(*store, dirs, options);
    if (bar) std::fprintf(stderr, "\n");
    if (!report) {
        io.err << "kioskctl import-esco: " << report.error() << "\nnothing imported\n";
        return 2;
    }
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    io.out << "languages:";
    for (const auto& l : report->languages) io.out << ' ' << l;
    io.out << "\nfiles read: " << report->files.size() << ", not imported: " << report->skipped_files.size()
           << '\n'
           << "occupations: " << report->occupations_read << " read, " << report->occupations_inserted
           << " new\n"
           << "skills: " << report->skills_read << " read, " << report->skills_inserted << " new\n"
           << "merged into our catalog by URI: " << report->matched_ours
           << ", ESCO concepts changed: " << report->concepts_updated << '\n'
           << "labels: " << report->labels_inserted << " new, " << report->labels_updated << " changed\n"
           << "occupation-skill relations: " << report->relations_read << " read, "
           << report->relations_written << " written; broader links written: " << report->broader_set << '\n'
           << "rows skipped: " << report->rows_skipped << '\n';
    char took[32];
    std::snprintf(took, sizeof took, "%.1f", seconds);
    io.out << "took " << took << " s\n";
    return 0;
}

}  // namespace kk::cli
