#include <ostream>

#include "cli/args.hpp"
#include "cli/commands.hpp"
#include "db/vacancy_csv.hpp"

namespace kk::cli {

int run_vacancy_template(const std::vector<std::string>& args, Io io) {
    std::string error;
    if (!parse_args(args, {}, error)) {
        io.err << "kioskctl vacancy-template: " << error << "\nusage: kioskctl vacancy-template > vacancies.csv\n";
        return 2;
    }
    io.out << db::vacancy_template_csv();
    return 0;
}

}  // namespace kk::cli
