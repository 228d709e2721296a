#pragma once
// Printing off the UI thread: `lp` may wait for CUPS or a slow printer for seconds, and the kiosk must keep
// drawing ("printing…", touches, the inactivity countdown) meanwhile.
#include <functional>
#include <mutex>
#include <optional>
#include <thread>

#include "kiosk/app/state.hpp"

namespace kk::kiosk {

class PrintWorker {
public:
    using Task = std::function<PrintStatus()>;

    PrintWorker() = default;
    // Waits for a running task: the temporary PDF it owns is deleted before the kiosk exits.
    ~PrintWorker() = default;
    PrintWorker(const PrintWorker&) = delete;
    PrintWorker& operator=(const PrintWorker&) = delete;

    // Runs `task` on a thread of its own and returns at once; false (and nothing runs) while a task is busy.
    bool start(Task task);
    // True from start() until the task's result has been taken.
    bool busy() const;
    // The finished task's status, once; nullopt while it runs or when nothing was started.
    std::optional<PrintStatus> take_result();

private:
    mutable std::mutex mutex_;
    bool busy_ = false;
    std::optional<PrintStatus> result_;
    std::jthread thread_;  // last: joined before the mutex it uses is destroyed
};

}  // namespace kk::kiosk
