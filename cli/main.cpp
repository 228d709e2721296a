// kioskctl: the command line for staff, admins and scripts.
#include <iostream>
#include <string>
#include <vector>

#include "cli/commands.hpp"
#include "i18n/languages.hpp"

int main(int argc, char** argv) {
    kk::i18n::set_process_default_locale("en");
    return kk::cli::run_kioskctl(std::vector<std::string>(argv + 1, argv + argc), {std::cout, std::cerr});
}
