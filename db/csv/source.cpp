#include "db/csv/source.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <utility>

namespace kk::db::csv {

std::optional<FileSource> FileSource::open(const std::filesystem::path& path, std::string& error) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        error = std::strerror(errno);
        return std::nullopt;
    }
    return FileSource(fd);
}

FileSource::~FileSource() {
    if (fd_ >= 0) ::close(fd_);
}

FileSource::FileSource(FileSource&& other) noexcept : fd_(std::exchange(other.fd_, -1)) {}

std::optional<std::size_t> FileSource::read(char* buffer, std::size_t size) {
    for (;;) {
        const ssize_t n = ::read(fd_, buffer, size);
        if (n >= 0) return static_cast<std::size_t>(n);
        if (errno != EINTR) return std::nullopt;
    }
}

std::optional<std::size_t> MemorySource::read(char* buffer, std::size_t size) {
    const std::size_t n = std::min(size, bytes_.size());
    std::memcpy(buffer, bytes_.data(), n);
    bytes_.remove_prefix(n);
    return n;
}

}  // namespace kk::db::csv
