// The vacancies view drawn: search and status filter over a scrolling list grouped by employer, or one
// vacancy's detail (its fields, its skills with what each resolved to, its top candidates). Only draws and
// dispatches.
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <string>

#include "kiosk/staff/matches/panel.hpp"
#include "kiosk/staff/screens.hpp"
#include "kiosk/staff/vacancies/module.hpp"
#include "kiosk/ui/controls.hpp"
#include "kiosk/ui/theme.hpp"
#include "kiosk/ui/widgets.hpp"

namespace kk::staff {
namespace {

void clipped_label(StaffUi& ui, std::string_view text, const text::Style& style, ui::Rect box, ImU32 colour) {
    ImGui::PushClipRect(box.min, box.max(), true);
    ui::label(ui.ui, text, style, box, colour);
    ImGui::PopClipRect();
}

std::string status_text(StaffUi& ui, const db::Vacancy& v) {
    return ui.tr(v.status == "open" ? "staff.vacancies.status.open" : "staff.vacancies.status.closed");
}

std::string join(const std::vector<std::string>& parts, std::string_view separator) {
    std::string out;
    for (const auto& p : parts) {
        if (!out.empty()) out += separator;
        out += p;
    }
    return out;
}

void draw_list(StaffUi& ui, ui::Rect area) {
    const ui::Metrics& m = ui.ui.metrics;
    const VacanciesState& state = ui.state.vacancies;
    const float field_h = m.mm(18.0f);
    const float search_w = std::min(m.mm(110.0f), area.size.x * 0.5f);
    screens::staff_field(ui, kVacancySearchField, ui.tr("staff.vacancies.search"),
                         ui::Rect{area.min, ImVec2(search_w, field_h)});
    struct FilterButton {
        VacancyStatusFilter filter;
        const char* id;
        const char* key;
    };
    static constexpr FilterButton kFilters[] = {
        {VacancyStatusFilter::Open, "vacancies.filter.open", "staff.vacancies.filter.open"},
        {VacancyStatusFilter::Closed, "vacancies.filter.closed", "staff.vacancies.filter.closed"},
        {VacancyStatusFilter::All, "vacancies.filter.all", "staff.vacancies.filter.all"}};
    const float button_h = m.mm(10.0f);
    const text::Style button_style{.size_px = m.body_px(), .weight = text::Weight::Bold};
    float x = area.min.x + search_w + m.mm(4.0f);
    const float by = area.min.y + field_h - button_h;
    for (const FilterButton& b : kFilters) {
        const std::string text = ui.tr(b.key);
        const float button_w =
            std::max(m.mm(24.0f), static_cast<float>(ui.ui.text.measure(text, button_style).width) + m.mm(6.0f));
        if (ui::button(ui.ui, b.id, text, ui::Rect{ImVec2(x, by), ImVec2(button_w, button_h)},
                       state.filter == b.filter)) {
            ui.dispatch(VacanciesAction{FilterVacancies{b.filter}});
        }
        x += button_w + m.mm(2.0f);
    }
    std::int64_t shown = 0;
    for (const auto& g : state.groups) shown += static_cast<std::int64_t>(g.rows.size());
    const text::Style small{.size_px = m.body_px() * 0.8f};
    ui::label(ui.ui,
              ui.tr("staff.vacancies.count",
                    {{"vacancies", shown}, {"employers", static_cast<std::int64_t>(state.groups.size())}}),
              small, ui::Rect{ImVec2(x + m.mm(3.0f), by), ImVec2(area.max().x - x, button_h)}, ui::theme::kMutedText);

    float y = area.min.y + field_h + m.mm(4.0f);
    const ui::Rect list{ImVec2(area.min.x, y), ImVec2(area.size.x, area.max().y - y)};
    if (!state.error.empty() || (!state.loading && !state.loaded)) {
        ui::label(ui.ui, ui.tr("staff.vacancies.failed", {{"error", state.error}}), small,
                  ui::Rect{list.min, ImVec2(list.size.x, m.mm(8.0f))}, ui::theme::kWarning);
        return;
    }
    if (state.loading && !state.loaded) {
        ui::label(ui.ui, ui.tr("staff.vacancies.loading"), small, ui::Rect{list.min, ImVec2(list.size.x, m.mm(8.0f))},
                  ui::theme::kMutedText);
        return;
    }
    if (state.groups.empty()) {
        ui::label(ui.ui, ui.tr("staff.vacancies.none"), small, ui::Rect{list.min, ImVec2(list.size.x, m.mm(8.0f))},
                  ui::theme::kMutedText);
        return;
    }

    // A child window scrolls with the mouse wheel; only rows on screen are tap targets.
    ImGui::SetCursorScreenPos(list.min);
    ImGui::PushStyleColor(ImGuiCol_ChildBg, ui::theme::kTile);
    ImGui::BeginChild("vacancies.list", list.size, true);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const float pad = m.mm(2.0f);
    const float width = ImGui::GetContentRegionAvail().x;
    const float header_h = m.mm(9.0f);
    const float row_h = m.mm(8.0f);
    const text::Style employer_style{.size_px = m.body_px() * 0.9f, .weight = text::Weight::Bold};
    const float ref_w = width * 0.14f;
    const float title_w = width * 0.36f;
    const float place_w = width * 0.26f;
    const float status_w = width - ref_w - title_w - place_w;
    for (const VacancyGroup& group : state.groups) {
        ImVec2 p = ImGui::GetCursorScreenPos();
        ImGui::Dummy(ImVec2(width, header_h));
        if (ImGui::IsRectVisible(p, ImVec2(p.x + width, p.y + header_h))) {
            ui::label(ui.ui, group.employer, employer_style, ui::Rect{ImVec2(p.x + pad, p.y), ImVec2(width, header_h)},
                      ui::theme::kText);
            draw->AddLine(ImVec2(p.x, p.y + header_h), ImVec2(p.x + width, p.y + header_h), ui::theme::kTileBorder);
        }
        for (std::size_t index : group.rows) {
            const db::Vacancy& v = state.vacancies[index];
            p = ImGui::GetCursorScreenPos();
            const std::string id = "vacancies.row." + std::to_string(v.id);
            const ui::Rect row{p, ImVec2(width, row_h)};
            if (ImGui::InvisibleButton(id.c_str(), row.size)) ui.dispatch(VacanciesAction{OpenVacancy{v.id}});
            if (!ImGui::IsRectVisible(row.min, row.max())) continue;
            ui::note_target(ui.ui, id, row);
            if (ImGui::IsItemHovered()) draw->AddRectFilled(row.min, row.max(), ui::theme::kTilePressed);
            const ImU32 colour = v.status == "open" ? ui::theme::kText : ui::theme::kMutedText;
            float cx = p.x + pad + m.mm(4.0f);
            clipped_label(ui, v.fields.reference, small, ui::Rect{ImVec2(cx, p.y), ImVec2(ref_w - pad, row_h)}, colour);
            cx += ref_w;
            clipped_label(ui, v.fields.title, small, ui::Rect{ImVec2(cx, p.y), ImVec2(title_w - pad, row_h)}, colour);
            cx += title_w;
            clipped_label(ui, v.fields.postcode + " " + v.fields.city, small,
                          ui::Rect{ImVec2(cx, p.y), ImVec2(place_w - pad, row_h)}, colour);
            cx += place_w;
            clipped_label(ui, status_text(ui, v), small, ui::Rect{ImVec2(cx, p.y), ImVec2(status_w - pad, row_h)},
                          colour);
        }
    }
    ImGui::EndChild();
    ImGui::PopStyleColor();
}

// "Label: value" lines of the detail; returns the y below them.
float draw_fields(StaffUi& ui, const db::Vacancy& v, ui::Rect column, float y) {
    const ui::Metrics& m = ui.ui.metrics;
    const text::Style caption{.size_px = m.body_px() * 0.75f, .weight = text::Weight::Bold};
    const float caption_w = m.mm(38.0f);
    const float value_w = column.size.x - caption_w;
    const text::Style value{.size_px = m.body_px() * 0.75f, .wrap_px = value_w};
    const auto& f = v.fields;
    const std::string none = ui.tr("staff.vacancies.no_value");
    std::vector<std::string> hours;
    for (const auto& h : f.hours) hours.push_back(ui.tr("staff.vacancies.hours." + h));
    const std::pair<const char*, std::string> lines[] = {
        {"staff.vacancies.field.reference", f.reference},
        {"staff.vacancies.field.status", status_text(ui, v)},
        {"staff.vacancies.field.place", f.postcode + " " + f.city},
        {"staff.vacancies.field.german", f.german_level.value_or(none)},
        {"staff.vacancies.field.support", ui.tr(f.language_support ? "staff.vacancies.yes" : "staff.vacancies.no")},
        {"staff.vacancies.field.licence", f.driving_licence.empty() ? none : join(f.driving_licence, ", ")},
        {"staff.vacancies.field.hours", hours.empty() ? none : join(hours, ", ")},
        {"staff.vacancies.field.valid", f.valid_until.value_or(none)},
        {"staff.vacancies.field.contact", f.contact.empty() ? none : f.contact},
        {"staff.vacancies.field.description", f.description.empty() ? none : f.description},
    };
    for (const auto& [key, text] : lines) {
        const float h = std::max(m.mm(6.5f), static_cast<float>(ui.ui.text.measure(text, value).height) + m.mm(1.5f));
        ui::label(ui.ui, ui.tr(key), caption, ui::Rect{ImVec2(column.min.x, y), ImVec2(caption_w, m.mm(6.5f))},
                  ui::theme::kMutedText);
        ui.ui.text.draw_in_box(text, value, ImVec2(column.min.x + caption_w, y), ImVec2(value_w, h), ui::theme::kText);
        y += h;
    }
    return y;
}

float draw_skills(StaffUi& ui, const db::Vacancy& v, ui::Rect column, float y) {
    const ui::Metrics& m = ui.ui.metrics;
    const text::Style heading{.size_px = m.body_px() * 0.85f, .weight = text::Weight::Bold};
    const text::Style small{.size_px = m.body_px() * 0.75f};
    const float row_h = m.mm(6.5f);
    const float text_w = column.size.x * 0.4f;
    bool required_section = true;
    bool first = true;
    for (const SkillResolutionRow& row : skill_resolution_rows(ui.state.vacancies, v)) {
        if (first || row.required != required_section) {
            required_section = row.required;
            first = false;
            y += m.mm(2.0f);
            ui::label(ui.ui, ui.tr(row.required ? "staff.vacancies.required" : "staff.vacancies.optional"), heading,
                      ui::Rect{ImVec2(column.min.x, y), ImVec2(column.size.x, m.mm(8.0f))}, ui::theme::kText);
            y += m.mm(8.0f);
        }
        if (y + row_h > column.max().y) break;
        clipped_label(ui, row.text, small, ui::Rect{ImVec2(column.min.x, y), ImVec2(text_w, row_h)}, ui::theme::kText);
        const std::string resolved =
            row.skill ? ui.tr("staff.vacancies.resolved",
                              {{"label", row.skill->label}, {"code", row.skill->code}, {"confidence", row.confidence}})
                      : ui.tr("staff.vacancies.unresolved");
        clipped_label(ui, resolved, small,
                      ui::Rect{ImVec2(column.min.x + text_w, y), ImVec2(column.size.x - text_w, row_h)},
                      row.skill ? ui::theme::kAccent : ui::theme::kWarning);
        y += row_h;
    }
    return y;
}

void draw_detail(StaffUi& ui, const db::Vacancy& v, ui::Rect area) {
    const ui::Metrics& m = ui.ui.metrics;
    const float back_w = m.mm(45.0f);
    const float top_h = m.mm(10.0f);
    if (ui::button(ui.ui, "vacancies.back", ui.tr("staff.vacancies.back"),
                   ui::Rect{area.min, ImVec2(back_w, top_h)})) {
        ui.dispatch(VacanciesAction{CloseVacancyDetail{}});
    }
    const text::Style title{.size_px = m.body_px() * 1.2f, .weight = text::Weight::Bold};
    clipped_label(ui, v.fields.title + " · " + v.fields.employer, title,
                  ui::Rect{ImVec2(area.min.x + back_w + m.mm(4.0f), area.min.y),
                           ImVec2(area.size.x - back_w - m.mm(4.0f), top_h)},
                  ui::theme::kText);
    const float y0 = area.min.y + top_h + m.mm(4.0f);
    const float left_w = area.size.x * 0.42f;
    const ui::Rect left{ImVec2(area.min.x, y0), ImVec2(left_w, area.max().y - y0)};
    ImGui::PushClipRect(left.min, left.max(), true);
    float y = draw_fields(ui, v, left, y0);
    draw_skills(ui, v, left, y + m.mm(2.0f));
    ImGui::PopClipRect();

    // The top candidates with the matcher's explanations and the review controls (kiosk/staff/matches).
    const ui::Rect right{ImVec2(area.min.x + left_w + m.mm(5.0f), y0),
                         ImVec2(area.size.x - left_w - m.mm(5.0f), area.max().y - y0)};
    if (v.status != "open") {
        const text::Style heading{.size_px = m.body_px() * 0.9f, .weight = text::Weight::Bold};
        ui::label(ui.ui, ui.tr("staff.vacancies.matches"), heading,
                  ui::Rect{right.min, ImVec2(right.size.x, m.mm(8.0f))}, ui::theme::kText);
        const text::Style note{.size_px = m.body_px() * 0.8f, .wrap_px = right.size.x};
        ui::label(ui.ui, ui.tr("staff.vacancies.matches_closed"), note,
                  ui::Rect{ImVec2(right.min.x, right.min.y + m.mm(9.0f)), ImVec2(right.size.x, m.mm(12.0f))},
                  ui::theme::kMutedText);
        return;
    }
    // The panel draws its own heading and controls.
    draw_match_list(ui, ui.state.vacancies.matches, kVacancyMatchesPrefix, right,
                    [&ui](MatchesAction action) { ui.dispatch(VacanciesAction{VacancyMatches{std::move(action)}}); },
                    [&ui](const MatchRow& row) {  // the candidate's profile, in the candidates view
                        ui.dispatch(ShowView{View::Candidates});
                        ui.dispatch(CandidatesAction{OpenCandidate{row.candidate_id}});
                    });
}

}  // namespace

void draw_vacancies(StaffUi& ui) {
    const ui::Metrics& m = ui.ui.metrics;
    const float pad = m.mm(4.0f);
    const ui::Rect area{ImVec2(ui.body.min.x + pad, ui.body.min.y + pad),
                        ImVec2(ui.body.size.x - 2 * pad, ui.body.size.y - 2 * pad)};
    const VacanciesState& state = ui.state.vacancies;
    if (state.selected != 0) {
        if (const db::Vacancy* v = find_vacancy(state, state.selected)) {
            draw_detail(ui, *v, area);
            return;
        }
    }
    draw_list(ui, area);
}

}  // namespace kk::staff
