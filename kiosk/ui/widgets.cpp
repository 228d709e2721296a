#include "kiosk/ui/widgets.hpp"

#include <imgui.h>

#include <string>

#include "kiosk/ui/controls.hpp"
#include "kiosk/ui/paint.hpp"
#include "kiosk/ui/theme.hpp"

namespace kk::ui {

void label(Context& ui, std::string_view text, const text::Style& style, Rect box, ImU32 colour) {
    ui.text.draw_in_box(text, style, box.min, box.size, colour);
}

bool tile(Context& ui, std::string_view id, std::string_view text, const text::Style& style, Rect box,
          bool selected) {
    note_target(ui, id, box);
    ImGui::SetCursorScreenPos(box.min);
    const std::string imgui_id(id);
    const bool tapped = ImGui::InvisibleButton(imgui_id.c_str(), box.size);
    const bool held = ImGui::IsItemActive();
    bordered_box(ui, box, held || selected ? theme::kTilePressed : theme::kTile,
                 selected ? theme::kAccent : theme::kTileBorder, selected ? ui.metrics.mm(0.8f) : ui.metrics.mm(0.3f));
    const float pad = ui.metrics.mm(4.0f);
    ui.text.draw_in_box(text, style, ImVec2(box.min.x + pad, box.min.y), ImVec2(box.size.x - 2 * pad, box.size.y),
                        theme::kText);
    return tapped;
}

}  // namespace kk::ui
