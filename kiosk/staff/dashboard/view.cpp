// The skill-gap dashboard drawn: area chooser, headline numbers, three horizontal bar charts (ImGui draw
// lists; every label through the text facade), the export button. Only draws and dispatches.
#include <imgui.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "kiosk/staff/dashboard/module.hpp"
#include "kiosk/ui/controls.hpp"
#include "kiosk/ui/theme.hpp"
#include "kiosk/ui/widgets.hpp"

namespace kk::staff {
namespace {

constexpr ImU32 kDemandBar = ui::theme::kAccent;
constexpr ImU32 kSupplyBar = IM_COL32(0x3C, 0x8D, 0x5A, 0xFF);  // candidates: green beside the blue demand
constexpr ImU32 kGapBar = ui::theme::kWarning;
constexpr ImU32 kReachBar = IM_COL32(0x6B, 0x4C, 0x9A, 0xFF);
constexpr std::size_t kMaxBars = 15;

// One bar row: a label, one or two values, the tap target's id and the key it selects.
struct BarRow {
    std::string label;
    std::vector<int> values;  // one bar per value, in the chart's colours
    std::string number;       // printed after the bars
    std::string key;          // SelectDashboardBar key and tap-target suffix
};

struct Chart {
    std::string title;
    std::vector<ImU32> colours;       // per value
    std::vector<std::string> legend;  // per value; empty: none
    std::vector<BarRow> rows;
    std::string empty_text;  // shown when there are no rows
};

// Text in a box, clipped to it (skill labels can be long).
void clipped_label(StaffUi& ui, std::string_view text, const text::Style& style, ui::Rect box, ImU32 colour) {
    ImGui::PushClipRect(box.min, box.max(), true);
    ui::label(ui.ui, text, style, box, colour);
    ImGui::PopClipRect();
}

void draw_chart(StaffUi& ui, const Chart& chart, ui::Rect box) {
    const ui::Metrics& m = ui.ui.metrics;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(box.min, box.max(), ui::theme::kTile, m.mm(1.5f));
    draw->AddRect(box.min, box.max(), ui::theme::kTileBorder, m.mm(1.5f), 0, m.mm(0.3f));
    const float pad = m.mm(3.0f);
    const float inner_w = box.size.x - 2 * pad;
    float y = box.min.y + pad;
    const float x = box.min.x + pad;
    const text::Style title{.size_px = m.body_px(), .weight = text::Weight::Bold};
    clipped_label(ui, chart.title, title, ui::Rect{ImVec2(x, y), ImVec2(inner_w, m.mm(8.0f))}, ui::theme::kText);
    y += m.mm(8.0f);
    const text::Style small{.size_px = m.body_px() * 0.75f};
    if (!chart.legend.empty()) {
        float lx = x;
        for (std::size_t i = 0; i < chart.legend.size(); ++i) {
            const float swatch = m.mm(3.0f);
            const float cy = y + m.mm(3.0f);
            draw->AddRectFilled(ImVec2(lx, cy - swatch * 0.5f), ImVec2(lx + swatch, cy + swatch * 0.5f),
                                chart.colours[i]);
            lx += swatch + m.mm(1.5f);
            const float w = static_cast<float>(ui.ui.text.measure(chart.legend[i], small).width);
            ui::label(ui.ui, chart.legend[i], small, ui::Rect{ImVec2(lx, y), ImVec2(w, m.mm(6.0f))},
                      ui::theme::kMutedText);
            lx += w + m.mm(5.0f);
        }
        y += m.mm(7.0f);
    }
    if (chart.rows.empty()) {
        const text::Style note{.size_px = small.size_px, .wrap_px = inner_w};
        ui::label(ui.ui, chart.empty_text, note, ui::Rect{ImVec2(x, y), ImVec2(inner_w, m.mm(12.0f))},
                  ui::theme::kMutedText);
        return;
    }
    const std::size_t bars = std::max<std::size_t>(1, chart.colours.size());
    const float bar_h = m.mm(bars > 1 ? 2.6f : 4.0f);
    const float row_h = std::max(m.mm(8.0f), static_cast<float>(bars) * (bar_h + m.mm(0.6f)) + m.mm(2.0f));
    const float label_w = inner_w * 0.42f;
    const float number_w = m.mm(14.0f);
    const float bar_x = x + label_w + m.mm(2.0f);
    const float bar_w = std::max(1.0f, x + inner_w - number_w - m.mm(2.0f) - bar_x);
    int max_value = 1;
    for (const BarRow& row : chart.rows) {
        for (int v : row.values) max_value = std::max(max_value, v);
    }
    const float bottom = box.max().y - pad;
    for (const BarRow& row : chart.rows) {
        if (y + row_h > bottom) break;
        const ui::Rect row_box{ImVec2(x, y), ImVec2(inner_w, row_h)};
        const bool selected = ui.state.dashboard.selected == row.key;
        ui::note_target(ui.ui, "dashboard." + row.key, row_box);
        ImGui::SetCursorScreenPos(row_box.min);
        const std::string imgui_id = "dashboard." + row.key;
        if (ImGui::InvisibleButton(imgui_id.c_str(), row_box.size)) {
            ui.dispatch(DashboardAction{SelectDashboardBar{row.key}});
        }
        if (selected || ImGui::IsItemHovered()) {
            draw->AddRectFilled(row_box.min, row_box.max(), ui::theme::kTilePressed, m.mm(1.0f));
        }
        clipped_label(ui, row.label, small, ui::Rect{ImVec2(x, y), ImVec2(label_w, row_h)}, ui::theme::kText);
        const float bars_h = static_cast<float>(row.values.size()) * bar_h +
                             static_cast<float>(row.values.size() - 1) * m.mm(0.6f);
        float by = y + (row_h - bars_h) * 0.5f;
        for (std::size_t i = 0; i < row.values.size(); ++i) {
            const float w = bar_w * static_cast<float>(std::max(0, row.values[i])) / static_cast<float>(max_value);
            const ImU32 colour = i < chart.colours.size() ? chart.colours[i] : ui::theme::kAccent;
            // A zero still shows as a hairline, so "no candidate has it" is visible as such.
            draw->AddRectFilled(ImVec2(bar_x, by), ImVec2(bar_x + std::max(w, m.mm(0.4f)), by + bar_h), colour);
            by += bar_h + m.mm(0.6f);
        }
        clipped_label(ui, row.number, small, ui::Rect{ImVec2(x + inner_w - number_w, y), ImVec2(number_w, row_h)},
                      ui::theme::kMutedText);
        y += row_h;
    }
}

std::string number_text(int value) { return std::to_string(value); }

Chart demand_chart(StaffUi& ui, const db::SkillGapDashboard& board) {
    Chart chart{.title = ui.tr("staff.dashboard.demanded"),
                .colours = {kDemandBar, kSupplyBar},
                .legend = {ui.tr("staff.dashboard.legend_vacancies"), ui.tr("staff.dashboard.legend_candidates")},
                .rows = {},
                .empty_text = ui.tr("staff.dashboard.no_vacancies")};
    for (const db::SkillDemand& s : board.skills) {
        if (s.vacancies == 0 || chart.rows.size() == kMaxBars) break;  // supply-only skills come last
        chart.rows.push_back(BarRow{.label = s.label,
                                    .values = {s.vacancies, s.candidates},
                                    .number = number_text(s.vacancies) + " / " + number_text(s.candidates),
                                    .key = "skill." + s.key});
    }
    return chart;
}

Chart gap_chart(StaffUi& ui, const db::SkillGapDashboard& board) {
    Chart chart{.title = ui.tr("staff.dashboard.gaps"),
                .colours = {kGapBar},
                .legend = {},
                .rows = {},
                .empty_text = ui.tr("staff.dashboard.no_gaps")};
    for (const db::SkillDemand& s : board.gaps) {
        if (chart.rows.size() == kMaxBars) break;
        chart.rows.push_back(
            BarRow{.label = s.label, .values = {s.gap()}, .number = "+" + number_text(s.gap()), .key = "gap." + s.key});
    }
    return chart;
}

Chart occupation_chart(StaffUi& ui, const DashboardState& state, const db::SkillGapDashboard& board) {
    Chart chart{.title = ui.tr("staff.dashboard.occupations"),
                .colours = {kReachBar},
                .legend = {},
                .rows = {},
                .empty_text = ui.tr(state.computing ? "staff.dashboard.computing" : "staff.dashboard.no_matches")};
    if (state.computing) return chart;
    for (const db::OccupationReach& o : board.occupations) {
        if (o.reachable_matches == 0 || chart.rows.size() == kMaxBars) break;
        chart.rows.push_back(BarRow{.label = o.label,
                                    .values = {o.reachable_matches},
                                    .number = number_text(o.reachable_matches),
                                    .key = "occupation." + o.key});
    }
    return chart;
}

// The selected bar's numbers in words, or empty.
std::string selected_detail(StaffUi& ui, const DashboardState& state) {
    if (!state.board || state.selected.empty()) return {};
    const db::SkillGapDashboard& board = *state.board;
    for (const auto* list : {&board.skills, &board.gaps}) {
        for (const db::SkillDemand& s : *list) {
            if (state.selected != "skill." + s.key && state.selected != "gap." + s.key) continue;
            return ui.tr("staff.dashboard.skill_detail", {{"label", s.label},
                                                          {"vacancies", std::int64_t{s.vacancies}},
                                                          {"required", std::int64_t{s.required}},
                                                          {"candidates", std::int64_t{s.candidates}},
                                                          {"gap", std::int64_t{s.gap()}}});
        }
    }
    for (const db::OccupationReach& o : board.occupations) {
        if (state.selected != "occupation." + o.key) continue;
        return ui.tr("staff.dashboard.occupation_detail", {{"label", o.label},
                                                           {"matches", std::int64_t{o.reachable_matches}},
                                                           {"vacancies", std::int64_t{o.vacancies}},
                                                           {"candidates", std::int64_t{o.candidates}}});
    }
    return {};
}

// "Landkreis", the areas, the digits switch; wraps onto more rows. Returns the height used.
float draw_chooser(StaffUi& ui, const DashboardState& state, ui::Rect box) {
    const ui::Metrics& m = ui.ui.metrics;
    const float h = m.mm(9.0f);
    const float gap = m.mm(1.5f);
    const float digits_w = m.mm(26.0f);
    const float right = box.max().x - 2 * (digits_w + gap);
    for (std::size_t d = kMinAreaDigits; d <= kMaxAreaDigits; ++d) {
        const ui::Rect b{ImVec2(right + gap + static_cast<float>(d - kMinAreaDigits) * (digits_w + gap), box.min.y),
                         ImVec2(digits_w, h)};
        if (ui::button(ui.ui, "dashboard.digits." + std::to_string(d),
                       ui.tr("staff.dashboard.digits", {{"n", static_cast<std::int64_t>(d)}}), b,
                       state.area_digits == d)) {
            ui.dispatch(DashboardAction{ChooseDashboardDigits{d}});
        }
    }
    float x = box.min.x;
    float y = box.min.y;
    const float district_w = m.mm(30.0f);
    if (ui::button(ui.ui, "dashboard.area.district", ui.tr("staff.dashboard.district"),
                   ui::Rect{ImVec2(x, y), ImVec2(district_w, h)}, state.area.empty())) {
        ui.dispatch(DashboardAction{ChooseDashboardArea{}});
    }
    x += district_w + gap;
    const text::Style button_style{.size_px = m.body_px(), .weight = text::Weight::Bold};
    for (const std::string& area : state.areas) {
        const std::string text = ui.tr("staff.dashboard.area", {{"area", area}});
        const float area_w = static_cast<float>(ui.ui.text.measure(text, button_style).width) + m.mm(6.0f);
        if (x + area_w > right) {
            x = box.min.x + district_w + gap;
            y += h + gap;
        }
        if (ui::button(ui.ui, "dashboard.area." + area, text, ui::Rect{ImVec2(x, y), ImVec2(area_w, h)},
                       state.area == area)) {
            ui.dispatch(DashboardAction{ChooseDashboardArea{area}});
        }
        x += area_w + gap;
    }
    return y + h - box.min.y;
}

void draw_headline(StaffUi& ui, const DashboardState& state, ui::Rect box) {
    const ui::Metrics& m = ui.ui.metrics;
    const text::Style big{.size_px = m.title_px(), .weight = text::Weight::Bold};
    const text::Style caption{.size_px = m.body_px() * 0.8f};
    const float block_w = m.mm(55.0f);
    const db::SkillGapDashboard* board = state.board ? &*state.board : nullptr;
    struct Figure {
        const char* key;
        int value;
    };
    const Figure figures[] = {{"staff.dashboard.open_vacancies", board ? board->open_vacancies : 0},
                              {"staff.dashboard.candidates", board ? board->candidates : 0}};
    float x = box.min.x;
    for (const Figure& f : figures) {
        ui::label(ui.ui, board ? number_text(f.value) : ui.tr("staff.dashboard.no_number"), big,
                  ui::Rect{ImVec2(x, box.min.y), ImVec2(block_w, m.mm(10.0f))}, ui::theme::kText);
        ui::label(ui.ui, ui.tr(f.key), caption, ui::Rect{ImVec2(x, box.min.y + m.mm(10.0f)), ImVec2(block_w, m.mm(6.0f))},
                  ui::theme::kMutedText);
        x += block_w;
    }
    const std::string where = state.area.empty() ? ui.tr("staff.dashboard.district_long")
                                                 : ui.tr("staff.dashboard.area_long", {{"area", state.area}});
    ui::label(ui.ui, where, caption, ui::Rect{ImVec2(x, box.min.y), ImVec2(m.mm(70.0f), m.mm(10.0f))},
              ui::theme::kText);

    // Export, with where the file went (or why it did not).
    const float export_w = m.mm(45.0f);
    const ui::Rect button{ImVec2(box.max().x - export_w, box.min.y), ImVec2(export_w, m.mm(9.0f))};
    const bool ready = board != nullptr && !state.loading && !state.computing && !state.exporting;
    if (ui::button(ui.ui, "dashboard.export", ui.tr("staff.dashboard.export"), button, ready) && ready) {
        ui.dispatch(DashboardAction{ExportDashboard{}});
    }
    std::string note;
    ImU32 colour = ui::theme::kMutedText;
    if (!state.export_path.empty()) {
        note = ui.tr("staff.dashboard.exported", {{"path", state.export_path}});
    } else if (!state.export_error.empty()) {
        note = ui.tr("staff.dashboard.export_failed", {{"error", state.export_error}});
        colour = ui::theme::kWarning;
    }
    if (!note.empty()) {
        const float w = m.mm(150.0f);
        const text::Style small{.size_px = m.body_px() * 0.7f};
        clipped_label(ui, note, small, ui::Rect{ImVec2(box.max().x - w, box.min.y + m.mm(10.0f)), ImVec2(w, m.mm(6.0f))},
                      colour);
    }
}

}  // namespace

void draw_dashboard(StaffUi& ui) {
    const ui::Metrics& m = ui.ui.metrics;
    const DashboardState& state = ui.state.dashboard;
    const float pad = m.mm(4.0f);
    const ui::Rect area{ImVec2(ui.body.min.x + pad, ui.body.min.y + pad),
                        ImVec2(ui.body.size.x - 2 * pad, ui.body.size.y - 2 * pad)};
    float y = area.min.y;
    y += draw_chooser(ui, state, ui::Rect{ImVec2(area.min.x, y), area.size}) + m.mm(3.0f);
    draw_headline(ui, state, ui::Rect{ImVec2(area.min.x, y), ImVec2(area.size.x, m.mm(16.0f))});
    y += m.mm(17.0f);

    // One status line: loading, a failure, or the selected bar's numbers in words.
    const text::Style line{.size_px = m.body_px() * 0.8f};
    std::string status;
    ImU32 colour = ui::theme::kText;
    if (!state.error.empty() || (!state.loading && !state.board && state.request > 0)) {
        status = ui.tr("staff.dashboard.failed", {{"error", state.error}});
        colour = ui::theme::kWarning;
    } else if (state.loading) {
        status = ui.tr("staff.dashboard.loading");
        colour = ui::theme::kMutedText;
    } else {
        status = selected_detail(ui, state);
        if (status.empty() && state.board) {
            status = ui.tr("staff.dashboard.hint");
            colour = ui::theme::kMutedText;
        }
    }
    clipped_label(ui, status, line, ui::Rect{ImVec2(area.min.x, y), ImVec2(area.size.x, m.mm(8.0f))}, colour);
    y += m.mm(9.0f);
    if (!state.board) return;

    const ui::Rect charts{ImVec2(area.min.x, y), ImVec2(area.size.x, area.max().y - y)};
    const std::vector<ui::Rect> cells = ui::columns(charts, 3, m.mm(3.0f), false);
    draw_chart(ui, demand_chart(ui, *state.board), cells[0]);
    draw_chart(ui, gap_chart(ui, *state.board), cells[1]);
    draw_chart(ui, occupation_chart(ui, state, *state.board), cells[2]);
}

}  // namespace kk::staff
