#pragma once
// Text layout with Pango (HarfBuzz shaping, fribidi reordering) into a CPU bitmap. Dear ImGui can
// neither shape nor reorder text, so every user-visible string is laid out here. Needs no GL context.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace kk::text {

// Font families named explicitly so every script of the UI languages has glyphs.
// FontAwesome last: its glyphs sit in the Private Use Area, which no other family covers.
inline constexpr char kFontFamilies[] = "Noto Sans, Noto Sans Arabic, Noto Sans Ethiopic, FontAwesome";

enum class Direction : std::uint8_t { Ltr, Rtl };
// Auto takes the paragraph direction from the first strong character.
enum class BaseDirection : std::uint8_t { Auto, Ltr, Rtl };
enum class Weight : std::uint8_t { Regular, Bold };
// Start and End follow the paragraph direction: Start is the right edge of an RTL paragraph.
enum class Align : std::uint8_t { Start, Center, End };

struct Style {
    float size_px = 16.0f;   // font size in pixels
    float wrap_px = 0.0f;    // wrap width in pixels; 0 lays out one line per paragraph
    Weight weight = Weight::Regular;
    Align align = Align::Start;
    BaseDirection base = BaseDirection::Auto;

    bool operator==(const Style&) const = default;
};

struct Extent {
    int width = 0;   // logical extent in pixels
    int height = 0;
    Direction direction = Direction::Ltr;  // resolved paragraph direction
};

// White glyph coverage in straight (non-premultiplied) RGBA, row-major, 4 bytes per pixel, so a
// renderer can tint it with any colour.
struct Bitmap {
    Extent extent;
    std::vector<std::uint8_t> rgba;
};

// Measures `utf8` laid out with `style`. Thread-compatible (one Pango context per thread).
Extent measure(std::string_view utf8, const Style& style);

// Lays out and rasterises `utf8`. The bitmap is exactly `measure(utf8, style)` large.
Bitmap render(std::string_view utf8, const Style& style);

// The direction of the first strong character (Pango's rule), Ltr when there is none.
Direction paragraph_direction(std::string_view utf8);

// Bidi building blocks for lines that mix directions ("طبّاخ · Koch/Köchin · السنوات: ٦ · Jahre: 6"): each item
// as an isolate keeps the line's items in the paragraph's order whatever their own directions are.
// isolate(): the item's direction from its first strong character; ltr_isolate(): always left to right (phone
// numbers, e-mail addresses); paragraph(): the line made RTL or LTR whatever its first item is (a Latin name
// first would otherwise make an Arabic screen's line left to right).
inline std::string isolate(std::string_view item) { return "\u2068" + std::string(item) + "\u2069"; }
inline std::string ltr_isolate(std::string_view item) { return "\u2066" + std::string(item) + "\u2069"; }
inline std::string paragraph(std::string_view line, bool rtl) { return (rtl ? "\u200F" : "\u200E") + std::string(line); }

}  // namespace kk::text
