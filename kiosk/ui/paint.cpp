#include "kiosk/ui/paint.hpp"

#include <algorithm>
#include <cmath>

namespace kk::ui {

void bordered_box(const Context& ui, Rect box, ImU32 fill, ImU32 border, float border_px) {
    if (!ImGui::IsRectVisible(box.min, box.max())) return;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const float rounding = ui.metrics.mm(2.0f);
    const ImDrawListFlags smoothing = draw->Flags;
    draw->Flags &= ~ImDrawListFlags_AntiAliasedFill;
    draw->AddRectFilled(box.min, box.max(), fill, rounding);
    draw->Flags = smoothing;
    // A whole number of pixels lets ImGui smooth the frame with its baked line texture (two triangles per
    // segment) instead of fringe geometry (six); it is also crisper.
    draw->AddRect(box.min, box.max(), border, rounding, 0, std::max(1.0f, std::round(border_px)));
}

}  // namespace kk::ui
