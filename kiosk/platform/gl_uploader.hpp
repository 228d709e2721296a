#pragma once
// Uploads text bitmaps as OpenGL textures. Needs a current GL context.
#include "kiosk/text/text_cache.hpp"

namespace kk::platform {

class GlUploader final : public text::TextureUploader {
public:
    ImTextureID upload(const text::Bitmap& bitmap) override;
    void release(ImTextureID texture) override;
};

}  // namespace kk::platform
