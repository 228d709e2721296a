#include "kiosk/text/text_cache.hpp"

#include <functional>

namespace kk::text {

ImTextureID NullUploader::upload(const Bitmap&) {
    ++next_;
    return reinterpret_cast<ImTextureID>(static_cast<std::uintptr_t>(next_));
}

std::size_t TextCache::KeyHash::operator()(const Key& k) const {
    std::size_t h = std::hash<std::string>{}(k.text);
    auto mix = [&h](std::size_t v) { h ^= v + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2); };
    mix(std::hash<float>{}(k.style.size_px));
    mix(std::hash<float>{}(k.style.wrap_px));
    mix(static_cast<std::size_t>(k.style.weight));
    mix(static_cast<std::size_t>(k.style.align) << 4);
    mix(static_cast<std::size_t>(k.style.base) << 8);
    return h;
}

TextCache::TextCache(TextureUploader& uploader, std::size_t capacity) : uploader_(uploader), capacity_(capacity) {}

TextCache::~TextCache() {
    for (auto& entry : lru_) {
        if (entry.texture.texture != nullptr) uploader_.release(entry.texture.texture);
    }
}

const TextTexture& TextCache::get(std::string_view utf8, const Style& style) {
    Key key{std::string(utf8), style};
    if (auto it = entries_.find(key); it != entries_.end()) {
        lru_.splice(lru_.begin(), lru_, it->second);
        return it->second->texture;
    }
    const Bitmap bitmap = render(utf8, style);
    TextTexture texture{bitmap.rgba.empty() ? nullptr : uploader_.upload(bitmap), bitmap.extent};
    lru_.push_front(Entry{key, texture});
    entries_.emplace(std::move(key), lru_.begin());
    while (entries_.size() > capacity_) {
        Entry& oldest = lru_.back();
        if (oldest.texture.texture != nullptr) uploader_.release(oldest.texture.texture);
        entries_.erase(oldest.key);
        lru_.pop_back();
    }
    return lru_.front().texture;
}

Extent TextCache::draw_in_box(std::string_view utf8, const Style& style, ImVec2 min, ImVec2 size, ImU32 colour,
                              Placement placement) {
    const TextTexture& t = get(utf8, style);
    const auto w = static_cast<float>(t.extent.width);
    const auto h = static_cast<float>(t.extent.height);
    float x = min.x;
    if (placement == Placement::Center) {
        x = min.x + (size.x - w) * 0.5f;
    } else if (placement == Placement::Right || t.extent.direction == Direction::Rtl) {
        x = min.x + size.x - w;
    }
    const float y = min.y + (size.y - h) * 0.5f;
    if (t.texture != nullptr) {
        ImGui::GetWindowDrawList()->AddImage(t.texture, ImVec2(x, y), ImVec2(x + w, y + h), ImVec2(0, 0),
                                             ImVec2(1, 1), colour);
    }
    return t.extent;
}

Extent TextCache::draw(std::string_view utf8, const Style& style, ImU32 colour) {
    const TextTexture& t = get(utf8, style);
    const ImVec2 size(static_cast<float>(t.extent.width), static_cast<float>(t.extent.height));
    if (t.texture != nullptr) {
        ImGui::Image(t.texture, size, ImVec2(0, 0), ImVec2(1, 1), ImGui::ColorConvertU32ToFloat4(colour));
    } else {
        ImGui::Dummy(size);
    }
    return t.extent;
}

}  // namespace kk::text
