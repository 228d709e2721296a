#pragma once
// Staff-mode subcommands that need more than Io: the password prompt reads a stream and must know whether
// it is a terminal (then echo is switched off). run_staff() uses std::cin and isatty(0).
#include <istream>
#include <string>
#include <vector>

#include "cli/commands.hpp"

namespace kk::cli {

// `kioskctl staff add|passwd|disable|list ...` reading passwords from `in`; `terminal` = prompt without echo
// and ask twice. From a pipe the first line is the password.
int run_staff_with_input(const std::vector<std::string>& args, Io io, std::istream& in, bool terminal);

// "cli:<unix login>": who ran kioskctl, for the audit log when no staff account acts.
std::string cli_actor();

}  // namespace kk::cli
