#include "kiosk/staff/upload/worker.hpp"

#include <algorithm>
#include <utility>

namespace kk::staff {

UploadWorker::UploadWorker(UploadService& service, std::uint64_t job, std::filesystem::path file, UploadRun run)
    : job_(job),
      thread_([this, &service, file = std::move(file), run = std::move(run)](std::stop_token stop) {
          UploadOutcome outcome;
          try {
              outcome = service.run_import(file, run, counter_, std::move(stop));
          } catch (const std::exception& e) {  // nothing may escape a thread; it is the run's internal error
              outcome.internal_error = e.what();
          }
          const std::lock_guard lock(mutex_);
          outcome_ = std::move(outcome);
      }) {}

double UploadWorker::progress() const {
    const auto total = counter_.total.load();
    if (total == 0) return 0.0;
    return std::min(1.0, static_cast<double>(counter_.consumed.load()) / static_cast<double>(total));
}

std::optional<UploadOutcome> UploadWorker::take_outcome() {
    const std::lock_guard lock(mutex_);
    return std::exchange(outcome_, std::nullopt);
}

}  // namespace kk::staff
