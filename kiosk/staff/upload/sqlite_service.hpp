#pragma once
// The upload view's service over the store's database file: each import run opens its own connection on the
// calling thread (SQLite WAL lets the UI's connection keep reading meanwhile).
#include <filesystem>

#include "kiosk/staff/upload/service.hpp"

namespace kk::staff {

class SqliteUpload final : public UploadService {
public:
    explicit SqliteUpload(std::filesystem::path database) : database_(std::move(database)) {}

    PreviewRead read_preview(const std::filesystem::path& file, std::size_t max_rows) override;
    UploadOutcome run_import(const std::filesystem::path& file, const UploadRun& run, UploadCounter& counter,
                             std::stop_token stop) override;

private:
    std::filesystem::path database_;
};

}  // namespace kk::staff
