#include "kiosk/staff/upload/module.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "kiosk/staff/screens.hpp"
#include "kiosk/ui/controls.hpp"
#include "kiosk/ui/theme.hpp"
#include "kiosk/ui/widgets.hpp"

namespace kk::staff {
namespace {

// Rejected rows: a light tint of the warning colour, so the text stays readable.
constexpr ImU32 kRejectedRow = IM_COL32(0xF6, 0xDD, 0xD8, 0xFF);

std::string open_error_key(UploadOpenError error) {
    switch (error) {
        case UploadOpenError::none: return {};
        case UploadOpenError::not_found: return "staff.upload.error.not_found";
        case UploadOpenError::not_a_file: return "staff.upload.error.not_a_file";
        case UploadOpenError::unreadable: return "staff.upload.error.unreadable";
    }
    return {};
}

std::int64_t count(std::uint64_t n) { return static_cast<std::int64_t>(n); }

i18n::MessageArgs count_args(const db::ImportReport& r) {
    return {{"read", count(r.read)},           {"inserted", count(r.inserted)}, {"updated", count(r.updated)},
            {"unchanged", count(r.unchanged)}, {"closed", count(r.closed)},     {"rejected", count(r.rejected)}};
}

std::string delimiter_text(const StaffUi& ui, char delimiter) {
    if (delimiter == '\t') return ui.tr("staff.upload.tab");
    return delimiter == '\0' ? std::string("?") : std::string(1, delimiter);
}

struct Layout {
    float x;
    float y;
    float width;
};

void line(StaffUi& ui, Layout& at, const std::string& message, ImU32 colour, bool bold = false) {
    const ui::Metrics& m = ui.ui.metrics;
    const text::Style style{.size_px = m.body_px() * 0.8f, .wrap_px = at.width,
                            .weight = bold ? text::Weight::Bold : text::Weight::Regular};
    const float height = std::max(m.mm(6.0f), static_cast<float>(ui.ui.text.measure(message, style).height));
    ui::label(ui.ui, message, style, ui::Rect{ImVec2(at.x, at.y), ImVec2(at.width, height)}, colour);
    at.y += height + m.mm(1.0f);
}

void progress_bar(StaffUi& ui, Layout& at, double fraction, const std::string& caption) {
    const ui::Metrics& m = ui.ui.metrics;
    const float height = m.mm(6.0f);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec2 min(at.x, at.y);
    const ImVec2 max(at.x + at.width * 0.5f, at.y + height);
    draw->AddRectFilled(min, max, ui::theme::kTile, m.mm(1.0f));
    const float filled = (max.x - min.x) * static_cast<float>(std::clamp(fraction, 0.0, 1.0));
    if (filled > 0.0f) draw->AddRectFilled(min, ImVec2(min.x + filled, max.y), ui::theme::kAccent, m.mm(1.0f));
    draw->AddRect(min, max, ui::theme::kTileBorder, m.mm(1.0f));
    const text::Style style{.size_px = m.body_px() * 0.8f};
    ui::label(ui.ui, caption, style, ui::Rect{ImVec2(max.x + m.mm(3.0f), at.y), ImVec2(at.width * 0.5f - m.mm(3.0f), height)},
              ui::theme::kText);
    at.y += height + m.mm(2.0f);
}

// The report of a dry run or an import: file, counts, file-level errors.
void draw_outcome(StaffUi& ui, Layout& at, const UploadOutcome& outcome, bool dry_run) {
    if (!outcome.report) {
        line(ui, at, ui.tr("staff.upload.error.internal", {{"detail", outcome.internal_error}}), ui::theme::kWarning, true);
        return;
    }
    const db::ImportReport& r = *outcome.report;
    if (!r.file_errors.empty()) {
        for (const db::FileError& e : r.file_errors) {
            line(ui, at, ui.tr("staff.upload.file_error", {{"reason", e.reason_de}}), ui::theme::kWarning, true);
        }
        return;
    }
    if (dry_run) {
        line(ui, at, ui.tr("staff.upload.dry_run_counts", count_args(r)), ui::theme::kText, true);
        if (ui.state.upload.strict && r.rejected > 0) line(ui, at, ui.tr("staff.upload.strict_warning"), ui::theme::kWarning);
    } else if (r.committed) {
        line(ui, at, ui.tr("staff.upload.import_counts", count_args(r)), ui::theme::kAccent, true);
    } else {
        line(ui, at, ui.tr("staff.upload.nothing_imported", count_args(r)), ui::theme::kWarning, true);
    }
    if (r.rejections_not_listed > 0) {
        line(ui, at, ui.tr("staff.upload.not_listed", {{"count", count(r.rejections_not_listed)}}), ui::theme::kMutedText);
    }
}

std::string reasons_text(const StaffUi& ui, const PreviewRow& row) {
    std::string reasons;
    for (const db::Problem& p : row.problems) {
        if (!reasons.empty()) reasons += "\n";
        reasons += ui.tr("staff.upload.problem", {{"column", p.column}, {"reason", p.reason_de}});
    }
    return reasons;
}

bool cell_rejected(const PreviewRow& row, const std::string& column) {
    return std::any_of(row.problems.begin(), row.problems.end(),
                       [&](const db::Problem& p) { return p.column == column; });
}

// The file's first rows: line number, the columns the import knows, the reasons of rejected rows.
void draw_table(StaffUi& ui, const UploadPreview& preview, ui::Rect area) {
    const ui::Metrics& m = ui.ui.metrics;
    const text::Style cell{.size_px = m.body_px() * 0.7f};
    const text::Style head{.size_px = m.body_px() * 0.7f, .weight = text::Weight::Bold};
    const float pad = m.mm(1.0f);
    const float line_w = m.mm(16.0f);
    const float min_reason_w = std::max(m.mm(60.0f), area.size.x * 0.25f);
    const std::size_t columns = preview.columns.size();
    // Each column as wide as its widest text (capped); squeezed evenly when they do not all fit.
    std::vector<float> column_w(columns, 0.0f);
    for (std::size_t i = 0; i < columns; ++i) {
        float widest = static_cast<float>(ui.ui.text.measure(preview.columns[i], head).width);
        for (const PreviewRow& row : preview.rows) {
            if (i < row.cells.size()) widest = std::max(widest, static_cast<float>(ui.ui.text.measure(row.cells[i], cell).width));
        }
        column_w[i] = std::min(widest + 2 * pad + m.mm(1.0f), m.mm(50.0f));
    }
    float columns_w = 0.0f;
    for (float w : column_w) columns_w += w;
    const float room = std::max(0.0f, area.size.x - line_w - min_reason_w);
    if (columns_w > room && columns > 0) {  // the widest give way first: one cap that makes them fit
        std::vector<float> sorted = column_w;
        std::sort(sorted.begin(), sorted.end());
        float below = 0.0f;  // width of the columns narrower than the cap
        float cap = room / static_cast<float>(columns);
        for (std::size_t i = 0; i < columns; ++i) {
            const float fair = (room - below) / static_cast<float>(columns - i);
            if (sorted[i] > fair) {
                cap = fair;
                break;
            }
            below += sorted[i];
        }
        for (float& w : column_w) w = std::min(w, cap);
        columns_w = room;
    }
    const float reason_w = area.size.x - line_w - columns_w;
    const float row_h = m.mm(7.0f);
    ImDrawList* draw = ImGui::GetWindowDrawList();

    // The header stays in place; the rows scroll below it.
    draw->AddRectFilled(area.min, ImVec2(area.max().x, area.min.y + row_h), ui::theme::kTilePressed);
    auto cell_text = [&](const std::string& content, const text::Style& style, float left, float top, float w, float h,
                         ImU32 colour) {
        ImGui::GetWindowDrawList()->PushClipRect(ImVec2(left, top), ImVec2(left + w - pad, top + h), true);
        ui.ui.text.draw_in_box(content, style, ImVec2(left + pad, top), ImVec2(w - 2 * pad, h), colour);
        ImGui::GetWindowDrawList()->PopClipRect();
    };
    float x = area.min.x;
    cell_text(ui.tr("staff.upload.column.line"), head, x, area.min.y, line_w, row_h, ui::theme::kText);
    x += line_w;
    for (std::size_t i = 0; i < columns; ++i) {
        cell_text(preview.columns[i], head, x, area.min.y, column_w[i], row_h, ui::theme::kText);
        x += column_w[i];
    }
    cell_text(ui.tr("staff.upload.column.reason"), head, x, area.min.y, reason_w, row_h, ui::theme::kText);

    const ImVec2 rows_min(area.min.x, area.min.y + row_h);
    const ImVec2 rows_size(area.size.x, area.size.y - row_h);
    if (rows_size.y <= 0.0f) return;
    ImGui::SetCursorScreenPos(rows_min);
    ImGui::PushStyleColor(ImGuiCol_ChildBg, ui::theme::kTile);
    ImGui::BeginChild("upload.table", rows_size, false);
    ImDrawList* rows_draw = ImGui::GetWindowDrawList();
    const ImVec2 origin = ImGui::GetCursorScreenPos();  // moves up as the child scrolls
    const float wrap = reason_w - 2 * pad;
    float y = origin.y;
    for (const PreviewRow& row : preview.rows) {
        const std::string reasons = reasons_text(ui, row);
        const text::Style reason_style{.size_px = cell.size_px, .wrap_px = wrap};
        const float reasons_h =
            reasons.empty() ? 0.0f : static_cast<float>(ui.ui.text.measure(reasons, reason_style).height) + 2 * pad;
        const float h = std::max(row_h, reasons_h);
        const bool visible = y + h >= rows_min.y && y <= rows_min.y + rows_size.y;
        if (visible) {
            const bool rejected = !row.problems.empty();
            if (rejected) rows_draw->AddRectFilled(ImVec2(origin.x, y), ImVec2(origin.x + area.size.x, y + h), kRejectedRow);
            rows_draw->AddLine(ImVec2(origin.x, y + h), ImVec2(origin.x + area.size.x, y + h), ui::theme::kTileBorder);
            float cx = origin.x;
            cell_text(std::to_string(row.line), cell, cx, y, line_w, row_h, ui::theme::kMutedText);
            cx += line_w;
            if (row.cells.empty()) {
                const float w = columns_w;
                cell_text(ui.tr("staff.upload.outside_preview"), cell, cx, y, w, row_h, ui::theme::kMutedText);
                cx += w;
            }
            for (std::size_t i = 0; i < row.cells.size() && i < columns; ++i) {
                if (rejected && cell_rejected(row, preview.columns[i])) {
                    rows_draw->AddRect(ImVec2(cx + 1, y + 1), ImVec2(cx + column_w[i] - 1, y + h - 1), ui::theme::kWarning,
                                       0.0f, 0, m.mm(0.5f));
                }
                cell_text(row.cells[i], cell, cx, y, column_w[i], row_h, ui::theme::kText);
                cx += column_w[i];
            }
            if (rejected) cell_text(reasons, reason_style, cx, y, reason_w, h, ui::theme::kWarning);
        }
        y += h;
    }
    ImGui::Dummy(ImVec2(area.size.x, std::max(1.0f, y - origin.y)));
    ImGui::EndChild();
    ImGui::PopStyleColor();
}

}  // namespace

void UploadModule::effects(const EffectContext& context) {
    if (std::holds_alternative<SubmitField>(context.action) && context.before.focus == kUploadPathField) {
        context.apply(UploadAction{CheckTypedPath{}});  // Enter in the path field: as "Prüfen"
        return;
    }
    const UploadState& upload = context.after.upload;
    if (upload.job == context.before.upload.job || !upload_running(upload)) return;
    worker_.reset();  // a run of an older choice stops (rolled back) before the new one starts
    reported_progress_ = -1.0;
    if (service_ == nullptr) {
        context.apply(UploadAction{UploadFinished{upload.job, UploadOutcome{.report = {}, .internal_error = "no upload service"}}});
        return;
    }
    const bool dry_run = upload.phase == UploadPhase::checking;
    if (dry_run && upload.preview.columns.empty() && upload.preview.rows.empty()) {
        PreviewRead read = service_->read_preview(upload.file, kUploadPreviewRows);
        read.job = upload.job;
        const bool opened = read.error == UploadOpenError::none;
        context.apply(UploadAction{std::move(read)});
        if (!opened) return;
    }
    worker_ = std::make_unique<UploadWorker>(
        *service_, upload.job, upload.file,
        UploadRun{.dry_run = dry_run, .strict = upload.strict, .replace = upload.replace, .actor = actor(context.after).username});
}

void UploadModule::poll(const StaffState&, const std::function<void(const StaffAction&)>& apply) {
    if (!worker_) return;
    const std::uint64_t job = worker_->job();
    if (auto outcome = worker_->take_outcome()) {
        const double progress = worker_->progress();  // final: the run has read all it will read
        worker_.reset();
        reported_progress_ = -1.0;
        apply(UploadAction{UploadProgress{job, progress}});
        apply(UploadAction{UploadFinished{job, std::move(*outcome)}});
        return;
    }
    const double progress = worker_->progress();
    if (progress != reported_progress_) {
        reported_progress_ = progress;
        apply(UploadAction{UploadProgress{job, progress}});
    }
}

void UploadModule::draw(StaffUi& ui) {
    const ui::Metrics& m = ui.ui.metrics;
    const UploadState& upload = ui.state.upload;
    const float pad = m.mm(4.0f);
    Layout at{ui.body.min.x + pad, ui.body.min.y + pad, ui.body.size.x - 2 * pad};

    line(ui, at, ui.tr(service_ != nullptr ? "staff.upload.hint" : "staff.upload.unavailable"), ui::theme::kMutedText);
    const float field_h = m.mm(16.0f);
    const float button_w = m.mm(34.0f);
    const float gap = m.mm(3.0f);
    const float field_w = std::min(m.mm(180.0f), at.width - 2 * (button_w + gap));
    screens::staff_field(ui, kUploadPathField, ui.tr("staff.upload.path"), ui::Rect{ImVec2(at.x, at.y), ImVec2(field_w, field_h)});
    const float button_h = m.mm(10.0f);
    const float button_y = at.y + field_h - button_h;
    if (ui::button(ui.ui, "upload.check", ui.tr("staff.upload.check"),
                   ui::Rect{ImVec2(at.x + field_w + gap, button_y), ImVec2(button_w, button_h)})) {
        ui.dispatch(UploadAction{CheckTypedPath{}});
    }
    at.y += field_h + m.mm(3.0f);

    const float toggle_w = m.mm(80.0f);
    if (ui::toggle(ui.ui, "upload.replace", ui.tr("staff.upload.replace"), ui::Rect{ImVec2(at.x, at.y), ImVec2(toggle_w, button_h)},
                   upload.replace)) {
        ui.dispatch(UploadAction{ToggleReplace{}});
    }
    if (ui::toggle(ui.ui, "upload.strict", ui.tr("staff.upload.strict"),
                   ui::Rect{ImVec2(at.x + toggle_w + gap, at.y), ImVec2(toggle_w, button_h)}, upload.strict)) {
        ui.dispatch(UploadAction{ToggleStrict{}});
    }
    if (can_confirm(upload) &&
        ui::button(ui.ui, "upload.confirm", ui.tr("staff.upload.confirm"),
                   ui::Rect{ImVec2(at.x + 2 * (toggle_w + gap), at.y), ImVec2(button_w * 1.4f, button_h)}, true)) {
        ui.dispatch(UploadAction{ConfirmImport{}});
    }
    at.y += button_h + m.mm(3.0f);

    if (upload.phase == UploadPhase::idle) return;
    const std::string file = upload.file.filename().string();
    if (upload.phase == UploadPhase::failed) {
        line(ui, at, ui.tr(open_error_key(upload.open_error), {{"file", upload.file.string()}}), ui::theme::kWarning, true);
        return;
    }
    if (!upload.preview.encoding.empty()) {
        line(ui, at,
             ui.tr("staff.upload.file", {{"file", file},
                                         {"encoding", upload.preview.encoding},
                                         {"delimiter", delimiter_text(ui, upload.preview.delimiter)}}),
             ui::theme::kText);
    }
    const auto percent = static_cast<std::int64_t>(std::floor(upload.progress * 100.0));
    if (upload.phase == UploadPhase::checking) {
        progress_bar(ui, at, upload.progress, ui.tr("staff.upload.checking", {{"file", file}, {"percent", percent}}));
    } else if (upload.phase == UploadPhase::importing) {
        progress_bar(ui, at, upload.progress, ui.tr("staff.upload.importing", {{"file", file}, {"percent", percent}}));
    } else if (upload.phase == UploadPhase::imported && upload.import) {
        progress_bar(ui, at, upload.progress, ui.tr("staff.upload.done", {{"file", file}}));
        draw_outcome(ui, at, *upload.import, false);
    }
    if (upload.dry_run && upload.phase != UploadPhase::imported) draw_outcome(ui, at, *upload.dry_run, true);
    if (upload.preview.columns.empty()) return;
    if (upload.preview.more_rows) {
        line(ui, at, ui.tr("staff.upload.preview_first", {{"count", static_cast<std::int64_t>(std::count_if(
                                                    upload.preview.rows.begin(), upload.preview.rows.end(),
                                                    [](const PreviewRow& row) { return !row.cells.empty(); }))}}),
             ui::theme::kMutedText);
    }
    const float bottom = ui.body.max().y - pad;
    if (bottom - at.y > m.mm(20.0f)) {
        draw_table(ui, upload.preview, ui::Rect{ImVec2(at.x, at.y), ImVec2(at.width, bottom - at.y)});
    }
}

}  // namespace kk::staff
