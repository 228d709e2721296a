#include "cli/store_access.hpp"

#include <filesystem>

namespace kk::cli {

std::optional<db::Store> open_existing_store(const std::string& path, const char* command, std::ostream& err,
                                             int& exit_code) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec)) {
        err << "kioskctl " << command << ": database " << path << " does not exist; create it with kioskctl init --db "
            << path << '\n';
        exit_code = 2;
        return std::nullopt;
    }
    auto store = db::Store::open(path);
    if (!store) {
        err << "kioskctl " << command << ": " << store.error() << '\n';
        exit_code = 1;
        return std::nullopt;
    }
    return std::move(*store);
}

}  // namespace kk::cli
