#pragma once
// What the upload view calls: reading a file's first rows for the preview, and running the vacancy import
// (dry or real) of a file to its end. No ImGui.
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <stop_token>
#include <string>

#include "kiosk/staff/upload/state.hpp"

namespace kk::staff {

// How far a run has read its file; written by the run's thread, read by the UI's.
struct UploadCounter {
    std::atomic<std::uint64_t> consumed{0};  // bytes handed to the CSV reader
    std::atomic<std::uint64_t> total{0};     // the file's size; 0 while unknown
};

struct UploadRun {
    bool dry_run = true;
    bool strict = false;
    bool replace = false;
    std::string actor;  // the staff user's name, for the import's audit entry
};

class UploadService {
public:
    virtual ~UploadService() = default;
    // The file's first `max_rows` data rows, read like the import reads them (encoding, delimiter, header), or
    // why it cannot be opened. Reads only as far as those rows.
    virtual PreviewRead read_preview(const std::filesystem::path& file, std::size_t max_rows) = 0;
    // Runs the import of `file` to its end on the calling thread (a worker), over its own database connection,
    // counting bytes into `counter`. A stop request ends it early as a read error: nothing is written.
    // Safe to call from one thread while the UI thread uses the UI's store.
    virtual UploadOutcome run_import(const std::filesystem::path& file, const UploadRun& run, UploadCounter& counter,
                                     std::stop_token stop) = 0;
};

}  // namespace kk::staff
