#pragma once
// One import run (dry or real) on a thread of its own. The UI thread polls progress() and take_outcome();
// destroying the worker asks the run to stop (it ends as a read error, nothing written) and waits for it.
#include <cstdint>
#include <filesystem>
#include <mutex>
#include <optional>
#include <thread>

#include "kiosk/staff/upload/service.hpp"

namespace kk::staff {

class UploadWorker {
public:
    // Starts run_import(file, run) of `service` at once; `service` must outlive the worker.
    UploadWorker(UploadService& service, std::uint64_t job, std::filesystem::path file, UploadRun run);
    ~UploadWorker() = default;  // the jthread requests stop and joins first (declared last)
    UploadWorker(const UploadWorker&) = delete;
    UploadWorker& operator=(const UploadWorker&) = delete;

    std::uint64_t job() const { return job_; }
    // Bytes read / file size, 0..1 (0 while the size is unknown).
    double progress() const;
    // The run's outcome once it has finished (once; later calls return nullopt).
    std::optional<UploadOutcome> take_outcome();

private:
    std::uint64_t job_;
    UploadCounter counter_;
    std::mutex mutex_;
    std::optional<UploadOutcome> outcome_;
    std::jthread thread_;  // last member: stopped and joined before the ones it uses are destroyed
};

}  // namespace kk::staff
