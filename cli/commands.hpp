#pragma once
// kioskctl's subcommands. Each returns the process exit code: 0 success, 1 internal error, 2 bad usage or
// input refused, 3 partly done (e.g. some rows rejected). Output goes to `out`, messages to `err`.
#include <iosfwd>
#include <string>
#include <vector>

namespace kk::cli {

struct Io {
    std::ostream& out;
    std::ostream& err;
};

struct Command {
    const char* name;
    const char* synopsis;  // one usage line
    int (*run)(const std::vector<std::string>& args, Io io);
};

// All subcommands in the order `kioskctl --help` lists them.
const std::vector<Command>& commands();

// Runs kioskctl with argv[1..]; the whole command line behaviour, testable without a process.
int run_kioskctl(const std::vector<std::string>& args, Io io);

// The subcommands, one per file in cli/.
int run_init(const std::vector<std::string>& args, Io io);
int run_vacancies(const std::vector<std::string>& args, Io io);
int run_import_vacancies(const std::vector<std::string>& args, Io io);
int run_export_vacancies(const std::vector<std::string>& args, Io io);
int run_vacancy_template(const std::vector<std::string>& args, Io io);
int run_locales(const std::vector<std::string>& args, Io io);
int run_import_postcodes(const std::vector<std::string>& args, Io io);
int run_import_candidates(const std::vector<std::string>& args, Io io);
int run_match(const std::vector<std::string>& args, Io io);
int run_cv(const std::vector<std::string>& args, Io io);
int run_import_esco(const std::vector<std::string>& args, Io io);
int run_skills(const std::vector<std::string>& args, Io io);
int run_staff(const std::vector<std::string>& args, Io io);
int run_audit(const std::vector<std::string>& args, Io io);
int run_erase(const std::vector<std::string>& args, Io io);
int run_export_candidate(const std::vector<std::string>& args, Io io);
int run_purge(const std::vector<std::string>& args, Io io);
int run_dashboard(const std::vector<std::string>& args, Io io);

}  // namespace kk::cli
