#include "kiosk/ui/metrics.hpp"

#include <algorithm>

namespace kk::ui {
namespace {
constexpr float kReferenceWidthPx = 1280.0f;
constexpr float kReferenceHeightPx = 800.0f;
constexpr float kReferencePxPerMm = 64.0f / 12.0f;
}  // namespace

Metrics metrics_for_display(ImVec2 display) {
    const float scale = std::min(display.x / kReferenceWidthPx, display.y / kReferenceHeightPx);
    return Metrics{display, kReferencePxPerMm * std::max(scale, 0.25f)};
}

std::vector<Rect> tile_grid(int count, Rect area, float min_width, float height, float gap, bool rtl) {
    std::vector<Rect> tiles;
    if (count <= 0) return tiles;
    const int columns = std::max(1, static_cast<int>((area.size.x + gap) / (min_width + gap)));
    const float width = (area.size.x - gap * static_cast<float>(columns - 1)) / static_cast<float>(columns);
    tiles.reserve(static_cast<size_t>(count));
    for (int i = 0; i < count; ++i) {
        const int row = i / columns;
        const int visual_column = rtl ? columns - 1 - i % columns : i % columns;
        tiles.push_back(Rect{ImVec2(area.min.x + static_cast<float>(visual_column) * (width + gap),
                                    area.min.y + static_cast<float>(row) * (height + gap)),
                             ImVec2(width, height)});
    }
    return tiles;
}

}  // namespace kk::ui
