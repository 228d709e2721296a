#pragma once
// Runs kioskctl in-process (cli::run_kioskctl) and captures what it prints, for the CLI tests.
#include <sstream>
#include <string>
#include <vector>

#include "cli/commands.hpp"

namespace kk::test {

struct Captured {
    int code;
    std::string out, err;
};

inline Captured kioskctl(const std::vector<std::string>& args) {
    std::ostringstream out, err;
    const int code = cli::run_kioskctl(args, {out, err});
    return {code, out.str(), err.str()};
}

}  // namespace kk::test
