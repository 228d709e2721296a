#pragma once
// A csv::ByteSource that passes another one's bytes through, counting them (for a progress bar) and failing
// as a read error once a stop is requested (so an import started on a worker ends without writing).
#include <atomic>
#include <cstdint>
#include <stop_token>
#include <utility>

#include "db/csv/source.hpp"

namespace kk::staff {

class CountingSource final : public db::csv::ByteSource {
public:
    CountingSource(db::csv::ByteSource& inner, std::atomic<std::uint64_t>& consumed, std::stop_token stop)
        : inner_(inner), consumed_(consumed), stop_(std::move(stop)) {}

    std::optional<std::size_t> read(char* buffer, std::size_t size) override {
        if (stop_.stop_requested()) return std::nullopt;
        const auto n = inner_.read(buffer, size);
        if (n) consumed_.fetch_add(*n, std::memory_order_relaxed);
        return n;
    }

private:
    db::csv::ByteSource& inner_;
    std::atomic<std::uint64_t>& consumed_;
    std::stop_token stop_;
};

}  // namespace kk::staff
