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
        {"vacancies", "vacancies --db FILE [--json]     list vacancies (employer, reference, title, postcode, skills, status)",
         run_vacancies},
        {"import-vacancies",
         "import-vacancies --db FILE FILE.csv [--dry-run] [--strict] [--replace] [--json]\n"
         "                                   import employers' vacancy CSV (exit 0 all, 3 some rejected, 2 none)",
         run_import_vacancies},
        {"export-vacancies", "export-vacancies --db FILE --out FILE.csv   write open vacancies as CSV for Excel",
         run_export_vacancies},
        {"import-postcodes", "import-postcodes --db FILE FILE   postcode centroids: GeoNames (tab) or plz;lat;lon CSV",
         run_import_postcodes},
        {"import-candidates", "import-candidates --db FILE FILE.jsonl   candidates, one JSON object per line (exit 3: some rejected)",
         run_import_candidates},
        {"match",
         "match --db FILE (--candidate REF | --vacancy \"EMPLOYER/REFERENCE\") [--top N] [--json]\n"
         "                                   ranked vacancies for a candidate, or candidates for a vacancy",
         run_match},
        {"cv", "cv --db FILE --candidate REF --out FILE.pdf [--companion]   the German CV as PDF", run_cv},
        {"vacancy-template", "vacancy-template                 print a vacancy CSV template (German headers, ';')",
         run_vacancy_template},
        {"locales",
         "locales status [--dir DIR] | export --lang L --out FILE.csv [--dir DIR]\n"
         "                                   | import FILE.csv [--source-dir DIR] [--reviewed]   translation workflow",
         run_locales},
        {"import-esco", "import-esco --db FILE [--quiet] DIR [DIR...]   merge the ESCO CSV export into the catalog",
         run_import_esco},
        {"skills",
         "skills search --db FILE --lang L [--top N] [--json] TEXT | stats --db FILE [--json]\n"
         "                                   resolve text to catalog skills; label counts per language",
         run_skills},
        {"staff",
         "staff add USER --role staff|admin | passwd USER | disable USER | list   --db FILE\n"
         "                                   staff accounts (password read from stdin, no echo on a terminal)",
         run_staff},
        {"audit", "audit --db FILE [--since YYYY-MM-DD]   print the append-only audit log", run_audit},
        {"erase", "erase --db FILE --candidate REF    remove a candidate and every byte of their data (GDPR)",
         run_erase},
        {"export-candidate",
         "export-candidate --db FILE --candidate REF --out FILE.json   everything stored about a person",
         run_export_candidate},
        {"purge",
         "purge --db FILE --older-than 12m [--drafts-older-than 30d] [--dry-run]   retention: remove inactive "
         "candidates",
         run_purge},
        {"dashboard",
         "dashboard --db FILE [--area PLZ | --areas] [--out FILE.csv]   skill gaps: vacancies' demand vs candidates",
         run_dashboard},
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
