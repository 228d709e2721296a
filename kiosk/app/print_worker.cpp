#include "kiosk/app/print_worker.hpp"

#include <utility>

namespace kk::kiosk {

bool PrintWorker::start(Task task) {
    {
        const std::lock_guard lock(mutex_);
        if (busy_) return false;
        busy_ = true;
        result_.reset();
    }
    if (thread_.joinable()) thread_.join();  // the previous task has finished: its result was taken
    thread_ = std::jthread([this, task = std::move(task)] {
        PrintStatus status = PrintStatus::Failed;
        try {
            status = task();
        } catch (...) {
            status = PrintStatus::Failed;  // an exception must not end the kiosk from a worker thread
        }
        const std::lock_guard lock(mutex_);
        result_ = status;
    });
    return true;
}

bool PrintWorker::busy() const {
    const std::lock_guard lock(mutex_);
    return busy_;
}

std::optional<PrintStatus> PrintWorker::take_result() {
    const std::lock_guard lock(mutex_);
    if (!result_) return std::nullopt;
    busy_ = false;
    return std::exchange(result_, std::nullopt);
}

}  // namespace kk::kiosk
