#include "kiosk/platform/gl_uploader.hpp"

#include <GL/gl.h>

#include <cstdint>

namespace kk::platform {

ImTextureID GlUploader::upload(const text::Bitmap& bitmap) {
    GLuint id = 0;
    glGenTextures(1, &id);
    glBindTexture(GL_TEXTURE_2D, id);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, bitmap.extent.width, bitmap.extent.height, 0, GL_RGBA,
                 GL_UNSIGNED_BYTE, bitmap.rgba.data());
    return reinterpret_cast<ImTextureID>(static_cast<std::uintptr_t>(id));
}

void GlUploader::release(ImTextureID texture) {
    const auto id = static_cast<GLuint>(reinterpret_cast<std::uintptr_t>(texture));
    glDeleteTextures(1, &id);
}

}  // namespace kk::platform
