#pragma once
// Result<T>: a value or a message a person can read. What kk::db returns across its boundary.
#include <cassert>
#include <optional>
#include <string>
#include <utility>

namespace kk::db {

template <typename T>
class [[nodiscard]] Result {
public:
    static Result ok(T value) { return Result(std::move(value), {}); }
    static Result fail(std::string message) { return Result(std::nullopt, std::move(message)); }

    explicit operator bool() const { return value_.has_value(); }
    T& operator*() {
        assert(value_);
        return *value_;
    }
    const T& operator*() const {
        assert(value_);
        return *value_;
    }
    T* operator->() { return &**this; }
    const T* operator->() const { return &**this; }
    const std::string& error() const { return error_; }

private:
    Result(std::optional<T> value, std::string error) : value_(std::move(value)), error_(std::move(error)) {}
    std::optional<T> value_;
    std::string error_;
};

}  // namespace kk::db
