#pragma once
// Whole-file reads and writes for tests (fixtures, raw database bytes, exported files).
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

namespace kk::test {

// Every byte of `path`; empty when it cannot be read.
inline std::string read_bytes(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// Writes `bytes` to `path` exactly, replacing it; returns the path.
inline std::filesystem::path write_file(const std::filesystem::path& path, const std::string& bytes) {
    std::ofstream(path, std::ios::binary) << bytes;
    return path;
}

}  // namespace kk::test
