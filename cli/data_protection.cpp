#include <chrono>
#include <ostream>

#include "cli/args.hpp"
#include "cli/commands.hpp"
#include "cli/staff_commands.hpp"
#include "cli/store_access.hpp"
#include "db/data_protection.hpp"

namespace kk::cli {

int run_erase(const std::vector<std::string>& args, Io io) {
    std::string error;
    const auto parsed = parse_args(args, {.options = {"--db", "--candidate"}}, error);
    if (!parsed || !parsed->option("--db") || !parsed->option("--candidate")) {
        io.err << "kioskctl erase: " << (parsed ? "--db FILE and --candidate REF are required" : error)
               << "\nusage: kioskctl erase --db FILE --candidate REF   (REF: resume code or #id)\n";
        return 2;
    }
    int code = 0;
    auto store = open_existing_store(*parsed->option("--db"), "erase", io.err, code);
    if (!store) return code;
    const auto id = db::find_candidate_id(*store, *parsed->option("--candidate"));
    if (!id) {
        io.err << "kioskctl erase: " << id.error() << '\n';
        return 2;
    }
    const auto report = db::erase_candidate(*store, *id, cli_actor(), std::chrono::system_clock::now());
    if (!report) {
        io.err << "kioskctl erase: " << report.error() << '\n';
        return 1;
    }
    io.out << "erased candidate #" << *id << " and everything of theirs";
    if (!report->files_removed.empty()) io.out << " (" << report->files_removed.size() << " files removed)";
    io.out << '\n';
    for (const auto& path : report->files_failed)
        io.err << "kioskctl erase: could not remove " << path << '\n';
    if (!report->file_compacted) {
        io.err
            << "kioskctl erase: another program has the database open, so old copies of the data remain in "
               "its write-ahead log; close the kiosk and run the command again\n";
        return 3;
    }
    return report->files_failed.empty() ? 0 : 3;
}

int run_export_candidate(const std::vector<std::string>& args, Io io) {
    std::string error;
    const auto parsed = parse_args(args, {.options = {"--db", "--candidate", "--out"}}, error);
    if (!parsed || !parsed->option("--db") || !parsed->option("--candidate") || !parsed->option("--out")) {
        io.err << "kioskctl export-candidate: "
               << (parsed ? "--db FILE, --candidate REF and --out FILE.json are required" : error)
               << "\nusage: kioskctl export-candidate --db FILE --candidate REF --out FILE.json\n";
        return 2;
    }
    int code = 0;
    auto store = open_existing_store(*parsed->option("--db"), "export-candidate", io.err, code);
    if (!store) return code;
    const auto id = db::find_candidate_id(*store, *parsed->option("--candidate"));
    if (!id) {
        io.err << "kioskctl export-candidate: " << id.error() << '\n';
        return 2;
    }
    const std::string out = *parsed->option("--out");
    const auto done = db::export_candidate(*store, *id, out, cli_actor(), std::chrono::system_clock::now());
    if (!done) {
        io.err << "kioskctl export-candidate: " << done.error() << '\n';
        return 1;
    }
    io.out << "exported everything stored about candidate #" << *id << " to " << out << '\n';
    return 0;
}

int run_purge(const std::vector<std::string>& args, Io io) {
    std::string error;
    const auto parsed = parse_args(
        args, {.options = {"--db", "--older-than", "--drafts-older-than"}, .flags = {"--dry-run"}}, error);
    const char* usage =
        "usage: kioskctl purge --db FILE --older-than 12m [--drafts-older-than 30d] [--dry-run]\n"
        "       (periods: Nd days, Nm months, Ny years; drafts default to app_meta retention.draft_days)\n";
    if (!parsed || !parsed->option("--db") || !parsed->option("--older-than")) {
        io.err << "kioskctl purge: " << (parsed ? "--db FILE and --older-than PERIOD are required" : error)
               << '\n'
               << usage;
        return 2;
    }
    const auto now = std::chrono::system_clock::now();
    db::PurgeOptions options{.inactive_before = db::retention_cutoff(*parsed->option("--older-than"), now),
                             .drafts_before = std::nullopt,
                             .dry_run = parsed->has("--dry-run"),
                             .actor = cli_actor()};
    if (!options.inactive_before) {
        io.err << "kioskctl purge: --older-than takes Nd, Nm or Ny, not " << *parsed->option("--older-than")
               << '\n'
               << usage;
        return 2;
    }
    if (const auto drafts = parsed->option("--drafts-older-than")) {
        options.drafts_before = db::retention_cutoff(*drafts, now);
        if (!options.drafts_before) {
            io.err << "kioskctl purge: --drafts-older-than takes Nd, Nm or Ny, not " << *drafts << '\n'
                   << usage;
            return 2;
        }
    }
    int code = 0;
    auto store = open_existing_store(*parsed->option("--db"), "purge", io.err, code);
    if (!store) return code;
    if (!options.drafts_before) {
        const auto days = db::configured_draft_days(*store);
        if (!days) {
            io.err << "kioskctl purge: " << days.error() << '\n';
            return 2;
        }
        if (*days) options.drafts_before = now - std::chrono::days(**days);
    }
    const auto purged = db::purge_candidates(*store, options, now);
    if (!purged) {
        io.err << "kioskctl purge: " << purged.error() << '\n';
        return 1;
    }
    for (const auto& c : *purged) {
        io.out << (options.dry_run ? "would purge" : "purged") << " candidate #" << c.id << " (" << c.reason
               << ", last activity " << c.last_activity << ")\n";
    }
    io.out << purged->size() << (options.dry_run ? " candidates would be purged\n" : " candidates purged\n");
    return 0;
}

}  // namespace kk::cli
