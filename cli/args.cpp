#include "cli/args.hpp"

namespace kk::cli {

std::optional<std::string> Args::option(const std::string& name) const {
    auto it = options.find(name);
    if (it == options.end()) return std::nullopt;
    return it->second;
}

std::optional<Args> parse_args(const std::vector<std::string>& args, const ArgSpec& spec, std::string& error) {
    Args out;
    bool only_positional = false;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& arg = args[i];
        if (!only_positional && arg == "--") {
            only_positional = true;
        } else if (!only_positional && arg.size() > 2 && arg.rfind("--", 0) == 0) {
            std::string name = arg;
            std::optional<std::string> inline_value;
            if (const auto eq = arg.find('='); eq != std::string::npos) {
                name = arg.substr(0, eq);
                inline_value = arg.substr(eq + 1);
            }
            if (spec.flags.count(name) != 0 && !inline_value) {
                out.flags.insert(name);
            } else if (spec.options.count(name) != 0) {
                if (inline_value) {
                    out.options[name] = *inline_value;
                } else if (i + 1 < args.size()) {
                    out.options[name] = args[++i];
                } else {
                    error = name + " needs a value";
                    return std::nullopt;
                }
            } else {
                error = "unknown option " + name;
                return std::nullopt;
            }
        } else {
            out.positional.push_back(arg);
        }
    }
    if (out.positional.size() < spec.min_positional) {
        error = "missing argument";
        return std::nullopt;
    }
    if (out.positional.size() > spec.max_positional) {
        error = "unexpected argument " + out.positional[spec.max_positional];
        return std::nullopt;
    }
    return out;
}

}  // namespace kk::cli
