#include "kiosk/ui/navigation.hpp"

#include <imgui.h>

#include <algorithm>
#include <string>

#include "kiosk/ui/controls.hpp"
#include "kiosk/ui/paint.hpp"
#include "kiosk/ui/theme.hpp"

namespace kk::ui {
namespace {

enum class Pointing { Left, Right };

// A filled arrow head centred on `centre`, `size` pixels across.
void draw_arrow(ImDrawList* draw, ImVec2 centre, float size, Pointing pointing, ImU32 colour) {
    const float h = size * 0.5f;
    const float tip = pointing == Pointing::Left ? -h : h;
    draw->AddTriangleFilled(ImVec2(centre.x + tip, centre.y), ImVec2(centre.x - tip, centre.y - h),
                            ImVec2(centre.x - tip, centre.y + h), colour);
}

bool nav_button(Context& ui, const char* id, std::string_view text, Rect box, Pointing pointing,
                bool arrow_left, bool enabled, bool primary) {
    ImGui::SetCursorScreenPos(box.min);
    const bool tapped = ImGui::InvisibleButton(id, box.size) && enabled;
    const bool held = enabled && ImGui::IsItemActive();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImU32 fill = !enabled  ? theme::kBackground
                       : held    ? theme::kTilePressed
                       : primary ? theme::kAccent
                                 : theme::kTile;
    const ImU32 ink = !enabled ? theme::kTileBorder : primary && !held ? theme::kTile : theme::kText;
    bordered_box(ui, box, fill, enabled ? theme::kAccent : theme::kTileBorder, ui.metrics.mm(0.4f));

    const float pad = ui.metrics.mm(3.0f);
    const float arrow = ui.metrics.mm(4.0f);
    const float arrow_x = arrow_left ? box.min.x + pad + arrow * 0.5f : box.max().x - pad - arrow * 0.5f;
    draw_arrow(draw, ImVec2(arrow_x, box.center().y), arrow, pointing, ink);
    const float text_min_x = arrow_left ? box.min.x + 2 * pad + arrow : box.min.x + pad;
    const float room = box.size.x - 3 * pad - arrow;
    // A long label ("Waa dhammaatay") gets a smaller type rather than running under the arrow.
    const text::Style style = fit_width(ui, text, {.size_px = ui.metrics.body_px(), .weight = text::Weight::Bold}, room);
    ui.text.draw_in_box(text, style, ImVec2(text_min_x, box.min.y), ImVec2(room, box.size.y), ink,
                        text::Placement::Center);
    return tapped;
}

}  // namespace

NavBarLayout nav_bar_layout(const Metrics& m, bool rtl, int total) {
    NavBarLayout layout;
    const float margin = m.mm(6.0f);
    const float height = std::max(m.touch_target(), m.mm(15.0f));
    const float bar_height = height + 2 * m.mm(3.0f);
    layout.bar = {ImVec2(0, m.display.y - bar_height), ImVec2(m.display.x, bar_height)};
    const float button_width = std::max(m.mm(42.0f), m.touch_target());
    const float y = layout.bar.min.y + (bar_height - height) * 0.5f;
    const Rect start{ImVec2(margin, y), ImVec2(button_width, height)};
    const Rect end{ImVec2(m.display.x - margin - button_width, y), ImVec2(button_width, height)};
    layout.back = rtl ? end : start;
    layout.next = rtl ? start : end;

    // Progress between the buttons: the label above, the dots below, step 1 at the reading start.
    const float middle_min = start.max().x + m.mm(4.0f);
    const float middle_width = std::max(0.0f, end.min.x - m.mm(4.0f) - middle_min);
    layout.progress_label = {ImVec2(middle_min, y), ImVec2(middle_width, height * 0.55f)};
    if (total > 0) {
        const float dot = m.mm(3.0f);
        const float gap = std::min(
            m.mm(4.0f), total > 1 ? (middle_width - dot) / static_cast<float>(total - 1) - dot : 0.0f);
        const float row_width = static_cast<float>(total) * dot + static_cast<float>(total - 1) * gap;
        const float x0 = middle_min + (middle_width - row_width) * 0.5f;
        const float dot_y = y + height * 0.7f - dot * 0.5f;
        for (int i = 0; i < total; ++i) {
            const int visual = rtl ? total - 1 - i : i;
            layout.steps.push_back(
                {ImVec2(x0 + static_cast<float>(visual) * (dot + gap), dot_y), ImVec2(dot, dot)});
        }
    }
    return layout;
}

NavTap nav_bar(Context& ui, const NavBarSpec& spec) {
    const NavBarLayout layout = nav_bar_layout(ui.metrics, ui.rtl, spec.total);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddLine(layout.bar.min, ImVec2(layout.bar.max().x, layout.bar.min.y), theme::kTileBorder,
                  ui.metrics.mm(0.3f));

    // Back points against the reading direction, next along it; the arrow sits on the outer side.
    const Pointing backwards = ui.rtl ? Pointing::Right : Pointing::Left;
    const Pointing forwards = ui.rtl ? Pointing::Left : Pointing::Right;
    NavTap tap = NavTap::None;
    if (spec.show_back && nav_button(ui, "nav.back", ui.messages.tr("nav.back"), layout.back, backwards, !ui.rtl,
                                     spec.can_back, false)) {
        tap = NavTap::Back;
    }
    if (nav_button(ui, "nav.next", ui.messages.tr(spec.last ? "nav.done" : "nav.next"), layout.next, forwards,
                   ui.rtl, spec.can_next, true)) {
        tap = NavTap::Next;
    }

    if (spec.total > 0 && spec.step > 0) {
        const std::string progress = ui.messages.tr(
            "nav.step", {{"step", std::int64_t{spec.step}}, {"total", std::int64_t{spec.total}}});
        const text::Style style{.size_px = ui.metrics.body_px()};
        ui.text.draw_in_box(progress, style, layout.progress_label.min, layout.progress_label.size,
                            theme::kMutedText, text::Placement::Center);
        for (int i = 0; i < spec.total; ++i) {
            const Rect dot = layout.steps[static_cast<std::size_t>(i)];
            const float r = dot.size.x * 0.5f;
            if (i + 1 <= spec.step) {
                draw->AddCircleFilled(dot.center(), r, theme::kAccent);
            } else {
                draw->AddCircle(dot.center(), r, theme::kTileBorder, 0, ui.metrics.mm(0.4f));
            }
        }
    }
    return tap;
}

}  // namespace kk::ui
