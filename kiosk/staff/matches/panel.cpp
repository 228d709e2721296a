#include "kiosk/staff/matches/panel.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>

#include "kiosk/staff/screens.hpp"
#include "kiosk/ui/controls.hpp"
#include "kiosk/ui/theme.hpp"
#include "kiosk/ui/widgets.hpp"

namespace kk::staff {
namespace {

std::string percent_text(StaffUi& ui, double fraction) {
    return ui.tr("staff.matches.percent", {{"percent", std::to_string(static_cast<int>(std::lround(fraction * 100.0)))}});
}

std::string km_text(double km) {
    const long tenths = std::lround(km * 10.0);
    return std::to_string(tenths / 10) + "," + std::to_string(std::labs(tenths % 10));
}

std::string status_label(StaffUi& ui, db::ReviewStatus status) {
    return ui.tr("staff.matches.status." + std::string(db::to_string(status)));
}

std::string joined(const std::vector<std::string>& parts) {
    std::string out;
    for (const auto& p : parts) out += (out.empty() ? "" : ", ") + p;
    return out;
}

// One line of text, clipped to its box.
void line(StaffUi& ui, std::string_view text, float size_px, ui::Rect box, ImU32 colour, bool bold = false) {
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->PushClipRect(box.min, box.max(), true);
    const text::Style style{.size_px = size_px, .weight = bold ? text::Weight::Bold : text::Weight::Regular};
    ui.ui.text.draw_in_box(text, style, box.min, box.size, colour);
    draw->PopClipRect();
}

// A labelled bar of a score component (0..1).
void component_bar(StaffUi& ui, std::string_view caption, double value, ui::Rect box) {
    const ui::Metrics& m = ui.ui.metrics;
    const float caption_w = box.size.x * 0.5f;
    line(ui, caption, m.body_px() * 0.7f, ui::Rect{box.min, ImVec2(caption_w, box.size.y)}, ui::theme::kMutedText);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const float bar_h = box.size.y * 0.45f;
    const ImVec2 min(box.min.x + caption_w, box.min.y + (box.size.y - bar_h) * 0.5f);
    const float width = box.size.x - caption_w - m.mm(1.0f);
    draw->AddRectFilled(min, ImVec2(min.x + width, min.y + bar_h), ui::theme::kTilePressed, m.mm(0.5f));
    const float filled = width * static_cast<float>(std::clamp(value, 0.0, 1.0));
    draw->AddRectFilled(min, ImVec2(min.x + filled, min.y + bar_h), ui::theme::kAccent, m.mm(0.5f));
}

std::string matched_text(StaffUi& ui, const MatchRow& row) {
    std::string out;
    for (const MatchedSkillRow& s : row.matched) {
        const std::string how = ui.tr("staff.matches.how." + s.how);
        const std::string item = ui.tr("staff.matches.matched_item",
                                       {{"requirement", s.requirement},
                                        {"by", s.by},
                                        {"percent", std::to_string(static_cast<int>(std::lround(s.similarity * 100.0)))},
                                        {"how", how}});
        out += (out.empty() ? "" : "; ") + item + (s.verified ? " \u2713" : "");
    }
    return out;
}

std::string where_text(StaffUi& ui, const MatchRow& row) {
    std::string out = row.distance_km ? ui.tr("staff.matches.distance", {{"km", km_text(*row.distance_km)}})
                                      : ui.tr("staff.matches.distance_unknown");
    if (!row.reachable) out += " · " + ui.tr("staff.matches.unreachable");
    std::vector<std::string> blockers;
    for (const auto& b : row.blockers) blockers.push_back(ui.tr("staff.matches.blocker." + b));
    if (!blockers.empty()) out += " · " + ui.tr("staff.matches.blockers", {{"list", joined(blockers)}});
    return out;
}

std::string review_text(StaffUi& ui, const MatchRow& row) {
    if (!row.review) return ui.tr("staff.matches.not_proposed");
    const db::MatchReview& r = *row.review;
    std::string at = r.status_changed_at.size() >= 16 ? r.status_changed_at.substr(0, 10) + " " + r.status_changed_at.substr(11, 5)
                                                      : r.status_changed_at;
    std::string out = ui.tr("staff.matches.review", {{"status", status_label(ui, r.status)},
                                                     {"who", r.status_changed_by.value_or("kioskctl")},
                                                     {"at", at}});
    if (r.status == db::ReviewStatus::rejected && !r.rejection_reason.empty()) {
        out += " · " + ui.tr("staff.matches.reason_shown", {{"reason", r.rejection_reason}});
    }
    return out;
}

// Height of one match card for `panel` (taller while its reason or note is being typed).
float card_height(const ui::Metrics& m, const MatchesState& panel, const MatchRow& row) {
    const bool editing = row.review && (panel.rejecting == row.review->id || panel.noting == row.review->id);
    return m.mm(editing ? 76.0f : 58.0f);
}

void draw_card(StaffUi& ui, const MatchesState& panel, std::string_view prefix, const MatchRow& row, int rank,
               ui::Rect box, const SendMatchesAction& send, const OpenMatchSide& open) {
    const ui::Metrics& m = ui.ui.metrics;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(box.min, box.max(), ui::theme::kTile, m.mm(1.5f));
    draw->AddRect(box.min, box.max(), ui::theme::kTileBorder, m.mm(1.5f), 0, m.mm(0.3f));
    const float pad = m.mm(2.5f);
    const float x = box.min.x + pad;
    const float w = box.size.x - 2 * pad;
    const float lh = m.mm(5.5f);
    const float small = m.body_px() * 0.75f;
    float y = box.min.y + m.mm(1.5f);
    const std::string key = match_key(row);
    const std::string p(prefix);

    // Who or what, and the score.
    const float score_w = m.mm(22.0f);
    const std::string heading =
        panel.subject == MatchSubject::Candidate
            ? ui.tr("staff.matches.heading_vacancy",
                    {{"rank", std::to_string(rank)}, {"title", row.title}, {"employer", row.employer}, {"reference", row.reference}})
            : ui.tr("staff.matches.heading_candidate",
                    {{"rank", std::to_string(rank)}, {"ref", row.candidate_ref}, {"name", row.candidate_name}});
    line(ui, heading, m.body_px() * 0.85f, ui::Rect{ImVec2(x, y), ImVec2(w - score_w, lh)}, ui::theme::kText, true);
    line(ui, percent_text(ui, row.score), m.body_px() * 1.1f, ui::Rect{ImVec2(x + w - score_w, y), ImVec2(score_w, lh + m.mm(1.0f))},
         ui::theme::kAccent, true);
    y += lh + m.mm(0.5f);

    // Component scores.
    const float bar_w = (w - score_w) / 4.0f;
    const std::pair<const char*, double> components[] = {{"staff.matches.component.required", row.required_coverage},
                                                         {"staff.matches.component.optional", row.optional_coverage},
                                                         {"staff.matches.component.experience", row.experience},
                                                         {"staff.matches.component.german", row.german_factor}};
    for (std::size_t i = 0; i < 4; ++i) {
        component_bar(ui, ui.tr(components[i].first), components[i].second,
                      ui::Rect{ImVec2(x + bar_w * static_cast<float>(i), y), ImVec2(bar_w - m.mm(2.0f), lh)});
    }
    y += lh;

    const std::string matched = matched_text(ui, row);
    line(ui, ui.tr("staff.matches.matched", {{"list", matched.empty() ? ui.tr("staff.matches.nothing") : matched}}), small,
         ui::Rect{ImVec2(x, y), ImVec2(w, lh)}, ui::theme::kText);
    y += lh;
    line(ui, ui.tr("staff.matches.missing", {{"list", row.missing.empty() ? ui.tr("staff.matches.nothing") : joined(row.missing)}}),
         small, ui::Rect{ImVec2(x, y), ImVec2(w, lh)}, row.missing.empty() ? ui::theme::kMutedText : ui::theme::kWarning);
    y += lh;
    line(ui, where_text(ui, row), small, ui::Rect{ImVec2(x, y), ImVec2(w, lh)},
         row.blockers.empty() && row.reachable ? ui::theme::kMutedText : ui::theme::kWarning);
    y += lh;
    line(ui, row.sentence_de, small, ui::Rect{ImVec2(x, y), ImVec2(w, lh)}, ui::theme::kMutedText);
    y += lh;
    line(ui, review_text(ui, row), small, ui::Rect{ImVec2(x, y), ImVec2(w, lh)}, ui::theme::kText, true);
    y += lh;
    if (row.review && !row.review->notes.empty()) {
        std::string notes = row.review->notes;
        std::replace(notes.begin(), notes.end(), '\n', ' ');
        line(ui, ui.tr("staff.matches.notes", {{"notes", notes}}), small, ui::Rect{ImVec2(x, y), ImVec2(w, lh)},
             ui::theme::kMutedText);
    }
    y += lh + m.mm(0.5f);

    // The workflow's controls, each as wide as its label; the button opening the other side at the end.
    const float bh = m.mm(8.0f);
    const float gap = m.mm(2.0f);
    if (open) {
        const std::string label = ui.tr(panel.subject == MatchSubject::Candidate ? "staff.matches.open_vacancy"
                                                                                 : "staff.matches.open_candidate");
        const float ow = screens::button_width(ui, label);
        if (ui::button(ui.ui, p + ".open." + key, label, ui::Rect{ImVec2(x + w - ow, y), ImVec2(ow, bh)})) open(row);
    }
    float bx = x;
    auto next_button = [&](const std::string& id, const std::string& text, bool primary = false) {
        const float bw = screens::button_width(ui, text);
        const bool tapped = ui::button(ui.ui, id, text, ui::Rect{ImVec2(bx, y), ImVec2(bw, bh)}, primary);
        bx += bw + gap;
        return tapped;
    };
    if (!row.review) {
        if (next_button(p + ".propose." + key, ui.tr("staff.matches.propose"), true)) {
            send(ProposeMatch{.candidate_id = row.candidate_id, .vacancy_id = row.vacancy_id});
        }
        return;
    }
    const db::MatchReview& review = *row.review;
    const bool rejecting = panel.rejecting == review.id;
    const bool noting = panel.noting == review.id;
    if (!rejecting && !noting) {
        for (db::ReviewStatus to : next_statuses(review.status)) {
            if (next_button(p + ".status." + std::string(db::to_string(to)) + "." + key, status_label(ui, to), true)) {
                send(ChangeMatchStatus{.review_id = review.id, .to = to});
            }
        }
        if (db::review_transition_allowed(review.status, db::ReviewStatus::rejected) &&
            next_button(p + ".reject." + key, ui.tr("staff.matches.reject"))) {
            send(StartRejection{review.id});
        }
        if (next_button(p + ".note." + key, ui.tr("staff.matches.note"))) send(StartNote{review.id});
        return;
    }
    const float field_h = m.mm(15.0f);
    const std::string field = p + (rejecting ? ".reason" : ".note");
    screens::staff_field(ui, field, ui.tr(rejecting ? "staff.matches.reason_caption" : "staff.matches.note_caption"),
                         ui::Rect{ImVec2(x, y), ImVec2(w, field_h)});
    y += field_h + m.mm(1.5f);
    if (rejecting && next_button(p + ".reject_confirm", ui.tr("staff.matches.reject_confirm"), true)) {
        send(ChangeMatchStatus{.review_id = review.id, .to = db::ReviewStatus::rejected});
    }
    if (noting && next_button(p + ".note_save", ui.tr("staff.matches.note_save"), true)) send(SaveMatchNote{});
    if (next_button(p + ".cancel", ui.tr("staff.matches.cancel"))) send(CancelMatchEdit{});
}

}  // namespace

std::string match_key(const MatchRow& row) {
    return std::to_string(row.candidate_id) + "-" + std::to_string(row.vacancy_id);
}

void draw_match_list(StaffUi& ui, const MatchesState& panel, std::string_view prefix, ui::Rect box,
                     const SendMatchesAction& send, const OpenMatchSide& open) {
    const ui::Metrics& m = ui.ui.metrics;
    const std::string p(prefix);
    const float head_h = m.mm(10.0f);
    const std::string title = ui.tr(panel.subject == MatchSubject::Candidate ? "staff.matches.title_vacancies"
                                                                             : "staff.matches.title_candidates");
    const std::string refresh = ui.tr("staff.matches.refresh");
    const std::string export_label = ui.tr("staff.matches.export");
    const float refresh_w = screens::button_width(ui, refresh);
    const float export_w = screens::button_width(ui, export_label);
    line(ui, title, m.body_px(), ui::Rect{box.min, ImVec2(box.size.x - refresh_w - export_w - m.mm(4.0f), head_h)},
         ui::theme::kText, true);
    const float by = box.min.y + m.mm(1.0f);
    if (ui::button(ui.ui, p + ".refresh", refresh,
                   ui::Rect{ImVec2(box.max().x - export_w - m.mm(2.0f) - refresh_w, by), ImVec2(refresh_w, head_h - m.mm(2.0f))})) {
        send(RefreshMatches{});
    }
    if (ui::button(ui.ui, p + ".export", export_label,
                   ui::Rect{ImVec2(box.max().x - export_w, by), ImVec2(export_w, head_h - m.mm(2.0f))})) {
        send(ExportMatches{});
    }
    float y = box.min.y + head_h;
    const float small = m.body_px() * 0.75f;
    if (!panel.message_key.empty()) {
        line(ui, ui.tr(panel.message_key, {{"detail", panel.message_detail}}), small,
             ui::Rect{ImVec2(box.min.x, y), ImVec2(box.size.x, m.mm(6.0f))},
             panel.message_key == "staff.matches.exported" ? ui::theme::kMutedText : ui::theme::kWarning);
        y += m.mm(6.0f);
    }
    if (panel.loading || panel.rows.empty()) {
        line(ui, ui.tr(panel.loading ? "staff.matches.loading" : "staff.matches.none"), small,
             ui::Rect{ImVec2(box.min.x, y), ImVec2(box.size.x, m.mm(6.0f))}, ui::theme::kMutedText);
        return;
    }
    const ImVec2 list_min(box.min.x, y);
    const ImVec2 list_size(box.size.x, box.max().y - y);
    if (list_size.y <= 0) return;
    ImGui::SetCursorScreenPos(list_min);
    const std::string child_id = p + ".list";
    ImGui::BeginChild(child_id.c_str(), list_size, false, ImGuiWindowFlags_NoScrollbar);
    const ImVec2 origin = ImGui::GetCursorScreenPos();  // moves up as the list scrolls
    const float gap = m.mm(2.0f);
    float cy = origin.y;
    int rank = 0;
    for (const MatchRow& row : panel.rows) {
        ++rank;
        const float h = card_height(m, panel, row);
        // Only cards in view are drawn (and become tap targets).
        if (cy + h >= list_min.y && cy <= list_min.y + list_size.y) {
            draw_card(ui, panel, prefix, row, rank, ui::Rect{ImVec2(origin.x, cy), ImVec2(list_size.x - m.mm(1.0f), h)}, send, open);
        }
        cy += h + gap;
    }
    ImGui::SetCursorScreenPos(ImVec2(origin.x, cy));
    ImGui::Dummy(ImVec2(1.0f, 1.0f));
    ImGui::EndChild();
}

}  // namespace kk::staff
