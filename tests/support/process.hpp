#pragma once
// Runs a program as a child process with extra environment variables and captures its output.
#include <map>
#include <string>
#include <vector>

namespace kk::test {

struct ProcessResult {
    int exit_code = -1;  // -1 when killed by a signal
    std::string out;
    std::string err;
};

ProcessResult run_process(const std::vector<std::string>& argv, const std::map<std::string, std::string>& env = {},
                          const std::string& stdin_text = {});

}  // namespace kk::test
