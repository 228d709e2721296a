#include "kiosk/platform/screenshot.hpp"

#include <GL/gl.h>
#include <cairo.h>

#include <cstdint>
#include <vector>

namespace kk::platform {

std::string write_framebuffer_png(const std::filesystem::path& path, int width, int height) {
    std::vector<std::uint8_t> pixels(static_cast<size_t>(width) * static_cast<size_t>(height) * 4u);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadPixels(0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, pixels.data());

    cairo_surface_t* surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, width, height);
    unsigned char* data = cairo_image_surface_get_data(surface);
    const int stride = cairo_image_surface_get_stride(surface);
    for (int y = 0; y < height; ++y) {
        // GL's rows go bottom-up.
        const std::uint8_t* src = pixels.data() + static_cast<size_t>(height - 1 - y) * static_cast<size_t>(width) * 4u;
        auto* dst = reinterpret_cast<std::uint32_t*>(data + static_cast<ptrdiff_t>(y) * stride);
        for (int x = 0; x < width; ++x) {
            const std::uint8_t* p = src + 4 * x;
            dst[x] = (0xFFu << 24) | (static_cast<std::uint32_t>(p[0]) << 16) |
                     (static_cast<std::uint32_t>(p[1]) << 8) | static_cast<std::uint32_t>(p[2]);
        }
    }
    cairo_surface_mark_dirty(surface);
    const cairo_status_t status = cairo_surface_write_to_png(surface, path.c_str());
    cairo_surface_destroy(surface);
    if (status != CAIRO_STATUS_SUCCESS) {
        return "cannot write " + path.string() + ": " + cairo_status_to_string(status);
    }
    return {};
}

}  // namespace kk::platform
