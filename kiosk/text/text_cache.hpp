#pragma once
// The kiosk's one way to show user-visible text: lays a string out with Pango (kiosk/text/layout),
// uploads it as a texture once, keeps it in an LRU cache, and places it with ImGui::Image.
#include <imgui.h>

#include <cstdint>
#include <list>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

#include "kiosk/text/layout.hpp"

namespace kk::text {

// Turns bitmaps into textures ImGui can draw. The GL implementation lives with the window; tests use
// one that only counts.
class TextureUploader {
public:
    virtual ~TextureUploader() = default;
    virtual ImTextureID upload(const Bitmap& bitmap) = 0;
    virtual void release(ImTextureID texture) = 0;
};

// For headless use (tests, measuring before a window exists): hands out distinct non-null ids.
class NullUploader final : public TextureUploader {
public:
    ImTextureID upload(const Bitmap&) override;
    void release(ImTextureID) override {}
    int uploads() const { return next_; }

private:
    int next_ = 0;
};

struct TextTexture {
    ImTextureID texture = nullptr;
    Extent extent;
};

// Horizontal placement of a text block inside a box: by the text's own paragraph direction (RTL text at the
// right edge), centred, or at the right edge whatever the text (Latin words in a right-to-left screen).
enum class Placement : std::uint8_t { ByDirection, Center, Right };

class TextCache {
public:
    TextCache(TextureUploader& uploader, std::size_t capacity);
    ~TextCache();
    TextCache(const TextCache&) = delete;
    TextCache& operator=(const TextCache&) = delete;

    // The laid-out texture for (text, style); laid out and uploaded on first use. O(1) when cached.
    const TextTexture& get(std::string_view utf8, const Style& style);

    Extent measure(std::string_view utf8, const Style& style) { return get(utf8, style).extent; }

    // Draws `utf8` inside the box [min, min+size) of the current ImGui window's draw list: RTL text
    // starts at the right edge, LTR text at the left; vertically centred. Returns the text's extent.
    Extent draw_in_box(std::string_view utf8, const Style& style, ImVec2 min, ImVec2 size, ImU32 colour,
                       Placement placement = Placement::ByDirection);

    // Draws at the current ImGui cursor as an item (ImGui::Image) and advances the cursor.
    Extent draw(std::string_view utf8, const Style& style, ImU32 colour);

    std::size_t size() const { return entries_.size(); }

private:
    struct Key {
        std::string text;
        Style style;
        bool operator==(const Key&) const = default;
    };
    struct KeyHash {
        std::size_t operator()(const Key& k) const;
    };
    struct Entry {
        Key key;
        TextTexture texture;
    };

    TextureUploader& uploader_;
    std::size_t capacity_;
    std::list<Entry> lru_;  // front = most recently used
    std::unordered_map<Key, std::list<Entry>::iterator, KeyHash> entries_;
};

}  // namespace kk::text
