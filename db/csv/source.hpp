#pragma once
// Where CSV bytes come from: a file (read sequentially, so pipes work too) or memory (tests, fuzzing).
#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace kk::db::csv {

class ByteSource {
public:
    virtual ~ByteSource() = default;
    // Reads up to `size` bytes into `buffer`; returns 0 at the end. Returns nullopt on a read error.
    virtual std::optional<std::size_t> read(char* buffer, std::size_t size) = 0;
};

class FileSource final : public ByteSource {
public:
    // Opens `path` for reading; nullopt (and `error` set) when it cannot be opened.
    static std::optional<FileSource> open(const std::filesystem::path& path, std::string& error);
    ~FileSource() override;
    FileSource(FileSource&& other) noexcept;
    FileSource& operator=(FileSource&&) = delete;
    FileSource(const FileSource&) = delete;
    FileSource& operator=(const FileSource&) = delete;
    std::optional<std::size_t> read(char* buffer, std::size_t size) override;

private:
    explicit FileSource(int fd) : fd_(fd) {}
    int fd_ = -1;
};

class MemorySource final : public ByteSource {
public:
    explicit MemorySource(std::string_view bytes) : bytes_(bytes) {}
    std::optional<std::size_t> read(char* buffer, std::size_t size) override;

private:
    std::string_view bytes_;
};

}  // namespace kk::db::csv
