// Done: the resume code staff use to find the profile (as text and as a QR code), the CV's first page, printing, the best reachable vacancies, and a way
// to end the session (which wipes it from memory).
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <string>

#include "kiosk/qr/qr.hpp"

#include "kiosk/screens/flow_screens.hpp"
#include "kiosk/screens/step_frame.hpp"
#include "kiosk/text/layout.hpp"
#include "kiosk/ui/controls.hpp"
#include "kiosk/ui/theme.hpp"

namespace kk::screens {
namespace {
constexpr char kNewline[] = "\n";
// A version 1 code is 29 modules with its quiet zone: about 1.2 mm each, which phone scanners read from a screen.
constexpr float kQrSideMm = 34.0f;

// The QR code of `text` as dark rectangles on white, the quiet zone included, filling `box` (a square).
// Encoded every frame on Done only: a few microseconds, and no copy of the code outlives the session.
void draw_qr(ui::Context& ui, const std::string& text, ui::Rect box) {
    const auto matrix = qr::encode(text);
    if (!matrix) return;
    ui::note_target(ui, "done.qr", box);
    const int total = matrix->size + 2 * qr::kQuietZoneModules;
    const float module = std::floor(box.size.x / static_cast<float>(total));
    if (module < 1.0f) return;
    const float side = module * static_cast<float>(total);
    const ImVec2 origin(box.min.x + (box.size.x - side) * 0.5f, box.min.y + (box.size.y - side) * 0.5f);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(origin, ImVec2(origin.x + side, origin.y + side), IM_COL32_WHITE);
    const float x0 = origin.x + module * static_cast<float>(qr::kQuietZoneModules);
    const float y0 = origin.y + module * static_cast<float>(qr::kQuietZoneModules);
    for (int y = 0; y < matrix->size; ++y) {
        // One rectangle per horizontal run of dark modules keeps the draw list short.
        for (int x = 0; x < matrix->size;) {
            if (!matrix->dark(x, y)) {
                ++x;
                continue;
            }
            int end = x;
            while (end < matrix->size && matrix->dark(end, y)) ++end;
            const float top = y0 + module * static_cast<float>(y);
            draw->AddRectFilled(ImVec2(x0 + module * static_cast<float>(x), top),
                                ImVec2(x0 + module * static_cast<float>(end), top + module), IM_COL32_BLACK);
            x = end;
        }
    }
}
}  // namespace

void draw_done(const kiosk::State& state, ui::Context& ui) {
    const ui::Rect body = draw_step_frame(state, ui, "done.title", "done.prompt");
    const ui::Metrics& m = ui.metrics;
    const kiosk::Session& s = state.session;
    BodyFlow flow(ui, body);
    const float pad = m.mm(3.0f);

    // Label | code | QR code in reading order; the QR code is square and needs the row's height.
    const ui::Rect code_row = flow.row(s.resume_code.empty() ? m.mm(22.0f) : m.mm(kQrSideMm));
    const float qr_side = s.resume_code.empty() ? 0.0f : code_row.size.y;
    const ui::Rect text_part{ImVec2(ui.rtl ? code_row.min.x + qr_side + flow.gap() : code_row.min.x, code_row.min.y),
                             ImVec2(code_row.size.x - (qr_side > 0 ? qr_side + flow.gap() : 0.0f), code_row.size.y)};
    const auto halves = ui::columns(text_part, 2, flow.gap(), ui.rtl);
    const std::string code_label = ui.messages.tr(s.resume_code.empty() ? "done.not_saved" : "done.code_label");
    ui.text.draw_in_box(code_label, {.size_px = m.body_px(), .wrap_px = halves[0].size.x}, halves[0].min, halves[0].size,
                        ui::theme::kText);
    if (!s.resume_code.empty()) {
        // The code is Latin letters and digits in every language: staff type it.
        ui.text.draw_in_box(s.resume_code, {.size_px = m.title_px() * 1.4f, .weight = text::Weight::Bold, .base = text::BaseDirection::Ltr},
                            halves[1].min, halves[1].size, ui::theme::kAccent, text::Placement::Center);
        const float qr_x = ui.rtl ? code_row.min.x : code_row.max().x - qr_side;
        draw_qr(ui, s.resume_code, {ImVec2(qr_x, code_row.min.y), ImVec2(qr_side, qr_side)});
    }
    const auto actions = ui::columns(flow.row(std::max(m.touch_target(), m.mm(16.0f))), 2, m.mm(6.0f), ui.rtl);
    if (ui::button(ui, "done.print", ui.messages.tr("done.print"), actions[0], true)) ui.dispatch(kiosk::RequestPrint{});
    if (ui::button(ui, "done.finish", ui.messages.tr("done.finish"), actions[1])) ui.dispatch(kiosk::NewSession{});
    const char* print_key = nullptr;
    switch (s.print) {
        case kiosk::PrintStatus::None: break;
        case kiosk::PrintStatus::Printing: print_key = "done.printing"; break;
        case kiosk::PrintStatus::Printed: print_key = "done.printed"; break;
        case kiosk::PrintStatus::NoPrinter: print_key = "done.no_printer"; break;
        case kiosk::PrintStatus::Failed: print_key = "done.print_failed"; break;
    }
    if (print_key != nullptr) {
        const text::Style style{.size_px = m.body_px(), .wrap_px = flow.width()};
        const std::string msg = ui.messages.tr(print_key);
        const ui::Rect r = flow.row(static_cast<float>(ui.text.measure(msg, style).height));
        ui.text.draw_in_box(msg, style, r.min, r.size, ui::theme::kText);
    }
    if (ui.cv_preview != nullptr && ui.cv_preview_size.x > 0 && ui.cv_preview_size.y > 0) {
        // The whole page, scaled to fit half the width and most of the body's height, centred.
        const float scale = std::min(flow.width() * 0.5f / ui.cv_preview_size.x, body.size.y * 0.9f / ui.cv_preview_size.y);
        const ImVec2 size(ui.cv_preview_size.x * scale, ui.cv_preview_size.y * scale);
        const ui::Rect r = flow.row(size.y);
        const ImVec2 min(r.min.x + (r.size.x - size.x) * 0.5f, r.min.y);
        const ImVec2 max(min.x + size.x, min.y + size.y);
        ImGui::GetWindowDrawList()->AddRect(ImVec2(min.x - 1, min.y - 1), ImVec2(max.x + 1, max.y + 1), ui::theme::kText);
        ImGui::GetWindowDrawList()->AddImage(ui.cv_preview, min, max);
        if (ui.targets != nullptr) (*ui.targets)["done.preview"] = ui::Rect{min, size};
    }
    if (state.vacancies.empty()) return;
    flow.heading(ui.messages.tr("done.vacancies"));
    for (const auto& tip : state.vacancies) {
        const text::Style style{.size_px = m.body_px(), .wrap_px = flow.width() - 2 * pad};
        const std::string why =
            tip.distance_km >= 0
                ? ui.messages.tr("done.vacancy_why", {{"km", std::int64_t{tip.distance_km}},
                                                      {"skills", std::int64_t{tip.matched_skills}}})
                : ui.messages.tr("done.vacancy_why_nearby", {{"skills", std::int64_t{tip.matched_skills}}});
        // In a right-to-left screen every line starts at the right, also the German title and employer: each is
        // a bidi isolate in a right-to-left paragraph ("(m/w/d)" keeps its parentheses).
        auto line = [&](const std::string& item) { return ui.rtl ? text::paragraph(text::isolate(item), true) : item; };
        const std::string text = line(tip.title) + kNewline + line(tip.employer) + kNewline + line(why);
        const ui::Rect r = flow.row(static_cast<float>(ui.text.measure(text, style).height) + 2 * pad);
        ImGui::GetWindowDrawList()->AddRectFilled(r.min, r.max(), ui::theme::kTile, m.mm(2.0f));
        ui.text.draw_in_box(text, style, ImVec2(r.min.x + pad, r.min.y + pad), ImVec2(r.size.x - 2 * pad, r.size.y - 2 * pad),
                            ui::theme::kText, ui.rtl ? text::Placement::Right : text::Placement::ByDirection);
    }
}

}  // namespace kk::screens
