#pragma once
// A small option parser for kioskctl subcommands: --name VALUE options, --flag switches, positionals.
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace kk::cli {

struct ArgSpec {
    std::set<std::string> options{};  // take a value: "--db"
    std::set<std::string> flags{};    // switches: "--json"
    std::size_t min_positional = 0;
    std::size_t max_positional = 0;
};

struct Args {
    std::map<std::string, std::string> options;
    std::set<std::string> flags;
    std::vector<std::string> positional;

    bool has(const std::string& flag) const { return flags.count(flag) != 0; }
    std::optional<std::string> option(const std::string& name) const;
};

// Parses `args` against `spec`. On error returns nullopt and sets `error` to a one-line reason.
std::optional<Args> parse_args(const std::vector<std::string>& args, const ArgSpec& spec, std::string& error);

}  // namespace kk::cli
