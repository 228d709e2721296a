#pragma once
// Physical sizes for touch: every size in the UI is given in millimetres and converted here, never as
// literal pixels. The reference is a 10" 1280x800 tablet (64 px = 12 mm); larger displays scale up.
#include <imgui.h>

#include <vector>

namespace kk::ui {

struct Metrics {
    ImVec2 display{0, 0};
    float px_per_mm = 1.0f;

    float mm(float millimetres) const { return millimetres * px_per_mm; }
    // Type sizes, in pixels.
    float title_px() const { return mm(8.0f); }
    float body_px() const { return mm(5.0f); }
    float tile_label_px() const { return mm(6.0f); }
    // The smallest thing a finger can hit reliably.
    float touch_target() const { return mm(12.0f); }
};

Metrics metrics_for_display(ImVec2 display);

struct Rect {
    ImVec2 min{0, 0};
    ImVec2 size{0, 0};
    ImVec2 max() const { return ImVec2(min.x + size.x, min.y + size.y); }
    ImVec2 center() const { return ImVec2(min.x + size.x * 0.5f, min.y + size.y * 0.5f); }
    bool contains(ImVec2 p) const { return p.x >= min.x && p.y >= min.y && p.x < max().x && p.y < max().y; }
};

// Lays `count` equal tiles in rows inside `area`, as many columns as fit tiles of at least `min_width`.
// Reading order follows the UI direction: in RTL the first tile is top right.
std::vector<Rect> tile_grid(int count, Rect area, float min_width, float height, float gap, bool rtl);

}  // namespace kk::ui
