#pragma once
// Reads the current GL framebuffer and writes it as PNG.
#include <filesystem>
#include <string>

namespace kk::platform {

// Reads `width` x `height` pixels of the bound framebuffer. Returns an error message, empty on success.
std::string write_framebuffer_png(const std::filesystem::path& path, int width, int height);

}  // namespace kk::platform
