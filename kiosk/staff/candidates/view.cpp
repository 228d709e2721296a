#include "kiosk/staff/candidates/view.hpp"

#include <algorithm>
#include <iterator>

#include "i18n/languages.hpp"
#include "kiosk/staff/matches/panel.hpp"
#include "kiosk/staff/screens.hpp"
#include "kiosk/ui/controls.hpp"
#include "kiosk/ui/theme.hpp"

namespace kk::staff {
namespace {

void send(StaffUi& ui, CandidatesAction action) { ui.dispatch(StaffAction{std::move(action)}); }

// One line of text, clipped to its box.
void cell(StaffUi& ui, std::string_view text, float size_px, ui::Rect box, ImU32 colour, bool bold = false) {
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->PushClipRect(box.min, box.max(), true);
    const text::Style style{.size_px = size_px, .weight = bold ? text::Weight::Bold : text::Weight::Regular};
    ui.ui.text.draw_in_box(text, style, box.min, box.size, colour);
    draw->PopClipRect();
}

std::string joined(const std::vector<std::string>& parts, std::string_view separator = ", ") {
    std::string out;
    for (const auto& p : parts) {
        if (p.empty()) continue;
        if (!out.empty()) out += separator;
        out += p;
    }
    return out;
}

std::string date_of(const std::string& iso) { return iso.size() >= 10 ? iso.substr(0, 10) : iso; }

std::string full_name(const db::CandidateRecord& r) { return joined({r.given_name, r.family_name}, " "); }

// The value after `current` in `options` with "" (all) first; wraps around.
std::string next_option(const std::vector<std::string>& options, const std::string& current) {
    if (current.empty()) return options.empty() ? "" : options.front();
    const auto it = std::find(options.begin(), options.end(), current);
    if (it == options.end() || it + 1 == options.end()) return "";
    return *(it + 1);
}

struct Column {
    const char* key;
    float share;
    std::optional<CandidateSort> sort;
};

constexpr Column kColumns[] = {
    {"staff.candidates.column.name", 0.22f, CandidateSort::Name},
    {"staff.candidates.column.code", 0.11f, std::nullopt},
    {"staff.candidates.column.occupation", 0.26f, std::nullopt},
    {"staff.candidates.column.place", 0.16f, CandidateSort::Postcode},
    {"staff.candidates.column.status", 0.09f, std::nullopt},
    {"staff.candidates.column.language", 0.06f, std::nullopt},
    {"staff.candidates.column.updated", 0.10f, CandidateSort::Updated},
};

void draw_message(StaffUi& ui, const CandidatesState& view, ui::Rect box) {
    if (view.message_key.empty()) return;
    const bool good = view.message_key == "staff.candidates.saved" || view.message_key == "staff.candidates.erased";
    cell(ui, ui.tr(view.message_key, {{"detail", view.message_detail}}), ui.ui.metrics.body_px() * 0.75f, box,
         good ? ui::theme::kMutedText : ui::theme::kWarning);
}

}  // namespace

void draw_candidate_list(StaffUi& ui) {
    const ui::Metrics& m = ui.ui.metrics;
    const CandidatesState& view = ui.state.candidates;
    const float pad = m.mm(3.0f);
    const ui::Rect body = ui.body;
    const float x0 = body.min.x + pad;
    const float width = body.size.x - 2 * pad;
    float y = body.min.y + m.mm(2.0f);

    // Toolbar: search, filters, export.
    const float field_h = m.mm(15.0f);
    const float search_w = m.mm(80.0f);
    screens::staff_field(ui, kCandidateSearchField, ui.tr("staff.candidates.search"),
                         ui::Rect{ImVec2(x0, y), ImVec2(search_w, field_h)});
    const float bh = m.mm(9.0f);
    const float by = y + field_h - bh;
    float bx = x0 + search_w + m.mm(3.0f);
    const float gap = m.mm(1.5f);
    auto filter_button = [&](const std::string& id, const std::string& text, float w, bool on) {
        const bool tapped = ui::button(ui.ui, id, text, ui::Rect{ImVec2(bx, by), ImVec2(w, bh)}, on);
        bx += w + gap;
        return tapped;
    };
    const std::pair<StatusFilter, const char*> statuses[] = {{StatusFilter::All, "all"},
                                                              {StatusFilter::Complete, "complete"},
                                                              {StatusFilter::Incomplete, "incomplete"}};
    for (const auto& [status, code] : statuses) {
        if (filter_button(std::string("candidates.status.") + code, ui.tr(std::string("staff.candidates.status.") + code),
                          m.mm(30.0f), view.status == status)) {
            send(ui, FilterCandidateStatus{status});
        }
    }
    const std::string language_text =
        ui.tr("staff.candidates.language_filter",
              {{"language", view.language.empty() ? ui.tr("staff.candidates.any") : i18n::native_name(view.language)}});
    if (filter_button("candidates.language", language_text, m.mm(40.0f), !view.language.empty())) {
        send(ui, FilterCandidateLanguage{next_option(candidate_languages(view), view.language)});
    }
    const std::string review_text = ui.tr(
        "staff.candidates.review_filter",
        {{"status", view.review.empty() ? ui.tr("staff.candidates.any") : ui.tr("staff.matches.status." + view.review)}});
    if (filter_button("candidates.review", review_text, m.mm(52.0f), !view.review.empty())) {
        send(ui, FilterCandidateReview{next_option(candidate_review_statuses(view), view.review)});
    }
    const float tail_w = m.mm(30.0f);
    bx = std::max(bx, body.max().x - pad - 2 * tail_w - gap);
    if (filter_button("candidates.reload", ui.tr("staff.candidates.reload"), tail_w, false)) send(ui, ReloadCandidates{});
    if (filter_button("candidates.export", ui.tr("staff.candidates.export"), tail_w, false)) send(ui, ExportCandidates{});
    y += field_h + m.mm(1.5f);

    const std::vector<const CandidateSummary*> rows = visible_candidates(view);
    const float line_h = m.mm(6.0f);
    cell(ui, ui.tr("staff.candidates.count", {{"shown", static_cast<int64_t>(rows.size())},
                                              {"total", static_cast<int64_t>(view.all.size())}}),
         m.body_px() * 0.75f, ui::Rect{ImVec2(x0, y), ImVec2(width * 0.3f, line_h)}, ui::theme::kMutedText);
    draw_message(ui, view, ui::Rect{ImVec2(x0 + width * 0.3f, y), ImVec2(width * 0.7f, line_h)});
    y += line_h;

    // Column headers: a click sorts by that column (again: the other way round).
    const float header_h = m.mm(8.0f);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(ImVec2(x0, y), ImVec2(x0 + width, y + header_h), ui::theme::kTilePressed);
    float cx = x0;
    const float small = m.body_px() * 0.75f;
    for (const Column& column : kColumns) {
        const float w = width * column.share;
        std::string caption = ui.tr(column.key);
        if (column.sort && *column.sort == view.sort) caption += view.descending ? " \u25BC" : " \u25B2";
        const ui::Rect box{ImVec2(cx, y), ImVec2(w, header_h)};
        if (column.sort) {
            const std::string id = std::string("candidates.sort.") +
                                   (*column.sort == CandidateSort::Name      ? "name"
                                    : *column.sort == CandidateSort::Updated ? "updated"
                                                                             : "postcode");
            ui::note_target(ui.ui, id, box);
            ImGui::SetCursorScreenPos(box.min);
            if (ImGui::InvisibleButton(id.c_str(), box.size)) send(ui, SortCandidates{*column.sort});
        }
        cell(ui, caption, small, ui::Rect{ImVec2(cx + m.mm(1.0f), y), ImVec2(w - m.mm(2.0f), header_h)}, ui::theme::kText,
             true);
        cx += w;
    }
    y += header_h;

    if (view.loading || rows.empty()) {
        cell(ui, ui.tr(view.loading ? "staff.candidates.loading" : "staff.candidates.none"), small,
             ui::Rect{ImVec2(x0, y + m.mm(2.0f)), ImVec2(width, line_h)}, ui::theme::kMutedText);
        return;
    }
    const ImVec2 list_min(x0, y);
    const ImVec2 list_size(width, body.max().y - y - m.mm(2.0f));
    if (list_size.y <= 0) return;
    ImGui::SetCursorScreenPos(list_min);
    ImGui::BeginChild("candidates.list", list_size, false, ImGuiWindowFlags_NoScrollbar);
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float row_h = m.mm(8.0f);
    ImDrawList* list_draw = ImGui::GetWindowDrawList();
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const float ry = origin.y + row_h * static_cast<float>(i);
        if (ry + row_h < list_min.y || ry > list_min.y + list_size.y) continue;  // only rows in view are drawn
        const CandidateSummary& c = *rows[i];
        const ui::Rect box{ImVec2(origin.x, ry), ImVec2(width, row_h)};
        const std::string id = "candidates.row." + std::to_string(c.id);
        ui::note_target(ui.ui, id, box);
        ImGui::SetCursorScreenPos(box.min);
        if (ImGui::InvisibleButton(id.c_str(), box.size)) send(ui, OpenCandidate{c.id});
        if (ImGui::IsItemHovered()) list_draw->AddRectFilled(box.min, box.max(), ui::theme::kTilePressed);
        else if (i % 2 == 1) list_draw->AddRectFilled(box.min, box.max(), ui::theme::kTile);
        const std::string values[] = {
            joined({c.family_name, c.given_name}),
            c.resume_code,
            joined(c.occupations),
            joined({c.postcode, c.city}, " "),
            ui.tr(c.status == "complete" ? "staff.candidates.status.complete" : "staff.candidates.status.incomplete"),
            c.ui_language,
            date_of(c.updated_at),
        };
        float vx = origin.x;
        for (std::size_t k = 0; k < std::size(kColumns); ++k) {
            const float w = width * kColumns[k].share;
            cell(ui, values[k], small, ui::Rect{ImVec2(vx + m.mm(1.0f), ry), ImVec2(w - m.mm(2.0f), row_h)}, ui::theme::kText);
            vx += w;
        }
    }
    ImGui::SetCursorScreenPos(ImVec2(origin.x, origin.y + row_h * static_cast<float>(rows.size())));
    ImGui::Dummy(ImVec2(1.0f, 1.0f));
    ImGui::EndChild();
}

namespace {

std::string how_label(StaffUi& ui, const std::string& how) {
    return how.empty() ? std::string() : ui.tr("staff.candidates.verify." + how);
}

// The profile as lines in a scrolling column; skills get their verification controls.
void draw_profile(StaffUi& ui, const CandidateDetail& detail, ui::Rect box) {
    const ui::Metrics& m = ui.ui.metrics;
    const CandidatesState& view = ui.state.candidates;
    const db::CandidateRecord& r = detail.record;
    const float small = m.body_px() * 0.72f;
    const float lh = m.mm(5.5f);
    ImGui::SetCursorScreenPos(box.min);
    ImGui::BeginChild("candidates.profile", box.size, false, ImGuiWindowFlags_NoScrollbar);
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    float y = origin.y;
    const float w = box.size.x - m.mm(2.0f);
    auto heading = [&](const char* key) {
        y += m.mm(1.5f);
        cell(ui, ui.tr(key), m.body_px() * 0.8f, ui::Rect{ImVec2(origin.x, y), ImVec2(w, lh)}, ui::theme::kAccent, true);
        y += lh;
    };
    auto text_line = [&](const std::string& text, ImU32 colour = ui::theme::kText) {
        cell(ui, text, small, ui::Rect{ImVec2(origin.x, y), ImVec2(w, lh)}, colour);
        y += lh;
    };
    auto field = [&](const char* key, const std::string& value) {
        if (!value.empty()) text_line(ui.tr(key, {{"value", value}}));
    };

    heading("staff.candidates.section.personal");
    field("staff.candidates.field.birth_date", r.birth_date.value_or(""));
    field("staff.candidates.field.nationality", r.nationality);
    field("staff.candidates.field.phone", r.phone);
    field("staff.candidates.field.email", r.email);
    field("staff.candidates.field.address", joined({r.street, joined({r.postcode.value_or(""), r.city}, " ")}));
    field("staff.candidates.field.ui_language", i18n::native_name(r.ui_language));
    field("staff.candidates.field.status", ui.tr(r.status == "complete" ? "staff.candidates.status.complete"
                                                                        : "staff.candidates.status.incomplete"));
    field("staff.candidates.field.consent", date_of(r.consent_at));

    heading("staff.candidates.section.experience");
    if (r.experiences.empty()) text_line(ui.tr("staff.candidates.none_entered"), ui::theme::kMutedText);
    for (std::size_t i = 0; i < r.experiences.size(); ++i) {
        const db::CandidateExperience& e = r.experiences[i];
        const std::string label = i < detail.experience_labels.size() ? detail.experience_labels[i] : "";
        const std::string period = e.years ? ui.tr("staff.candidates.years", {{"years", static_cast<std::int64_t>(*e.years)}})
                                           : joined({e.start_month.value_or(""), e.is_current ? ui.tr("staff.candidates.today")
                                                                                              : e.end_month.value_or("")},
                                                    " – ");
        text_line(joined({label.empty() ? e.title : label, e.employer, e.city, e.country, period}));
        if (!label.empty() && label != e.title) text_line(ui.tr("staff.candidates.own_words", {{"value", e.title}}), ui::theme::kMutedText);
    }

    heading("staff.candidates.section.skills");
    if (detail.skills.empty()) text_line(ui.tr("staff.candidates.none_entered"), ui::theme::kMutedText);
    const float bh = m.mm(6.5f);
    for (const CandidateSkillView& s : detail.skills) {
        const std::string key = std::to_string(s.id);
        if (s.verified) {
            text_line(ui.tr("staff.candidates.skill_verified", {{"skill", s.label},
                                                                {"how", how_label(ui, s.verified_how)},
                                                                {"who", s.verified_by},
                                                                {"at", date_of(s.verified_at)}}));
            continue;
        }
        const float button_w = m.mm(24.0f);
        cell(ui, s.label, small, ui::Rect{ImVec2(origin.x, y), ImVec2(w - button_w - m.mm(1.0f), bh)}, ui::theme::kText);
        if (view.verifying_skill != s.id) {
            if (ui::button(ui.ui, "candidates.verify." + key, ui.tr("staff.candidates.verify"),
                           ui::Rect{ImVec2(origin.x + w - button_w, y), ImVec2(button_w, bh - m.mm(0.5f))})) {
                send(ui, ChooseVerification{s.id});
            }
            y += bh;
            continue;
        }
        y += bh;
        const db::SkillVerification hows[] = {db::SkillVerification::certificate, db::SkillVerification::myskills,
                                              db::SkillVerification::trial_work};
        const float choice_w = (w - m.mm(4.0f)) / 4.0f;
        float bx = origin.x;
        for (const db::SkillVerification how : hows) {
            const std::string code(db::to_string(how));
            if (ui::button(ui.ui, "candidates.verify." + key + "." + code, how_label(ui, code),
                           ui::Rect{ImVec2(bx, y), ImVec2(choice_w, bh - m.mm(0.5f))}, true)) {
                send(ui, VerifySkill{.skill_id = s.id, .how = how});
            }
            bx += choice_w + m.mm(1.0f);
        }
        if (ui::button(ui.ui, "candidates.verify_cancel", ui.tr("staff.matches.cancel"),
                       ui::Rect{ImVec2(bx, y), ImVec2(choice_w, bh - m.mm(0.5f))})) {
            send(ui, ChooseVerification{0});
        }
        y += bh;
    }

    heading("staff.candidates.section.languages");
    if (r.languages.empty()) text_line(ui.tr("staff.candidates.none_entered"), ui::theme::kMutedText);
    for (const auto& l : r.languages) {
        text_line(ui.tr("staff.candidates.language_level",
                        {{"language", i18n::native_name(l.language)},
                         {"level", l.level == "native" ? ui.tr("staff.candidates.native") : l.level}}));
    }

    heading("staff.candidates.section.education");
    if (r.educations.empty()) text_line(ui.tr("staff.candidates.none_entered"), ui::theme::kMutedText);
    for (const auto& e : r.educations) {
        text_line(joined({e.title, e.institution, e.city, e.country,
                          ui.tr(e.completed ? "staff.candidates.completed" : "staff.candidates.not_completed")}));
    }

    heading("staff.candidates.section.mobility");
    field("staff.candidates.field.licence", joined(r.licence_classes));
    if (r.foreign_licence_unconverted) text_line(ui.tr("staff.candidates.licence_unconverted"), ui::theme::kWarning);
    if (r.max_commute_km) field("staff.candidates.field.commute", std::to_string(*r.max_commute_km));
    std::vector<std::string> means;
    if (r.public_transport) means.push_back(ui.tr("staff.candidates.means.public_transport"));
    if (r.car) means.push_back(ui.tr("staff.candidates.means.car"));
    if (r.bike) means.push_back(ui.tr("staff.candidates.means.bike"));
    field("staff.candidates.field.means", joined(means));
    field("staff.candidates.field.available_from", r.available_from.value_or(""));
    std::vector<std::string> hours;
    for (const auto& h : r.hours) hours.push_back(ui.tr("staff.candidates.hours." + h));
    field("staff.candidates.field.hours", joined(hours));

    ImGui::SetCursorScreenPos(ImVec2(origin.x, y));
    ImGui::Dummy(ImVec2(1.0f, 1.0f));
    ImGui::EndChild();
}

}  // namespace

void draw_candidate_detail(StaffUi& ui, const CvPreview& preview) {
    const ui::Metrics& m = ui.ui.metrics;
    const CandidatesState& view = ui.state.candidates;
    const float pad = m.mm(3.0f);
    const ui::Rect body = ui.body;
    const float x0 = body.min.x + pad;
    const float width = body.size.x - 2 * pad;
    float y = body.min.y + m.mm(2.0f);
    const float bh = m.mm(9.0f);
    const float gap = m.mm(2.0f);

    if (ui::button(ui.ui, "candidates.back", ui.tr("staff.candidates.back"), ui::Rect{ImVec2(x0, y), ImVec2(m.mm(28.0f), bh)})) {
        send(ui, CloseCandidate{});
    }
    if (!view.detail) {
        cell(ui, ui.tr("staff.candidates.loading"), m.body_px() * 0.8f,
             ui::Rect{ImVec2(x0 + m.mm(32.0f), y), ImVec2(width * 0.5f, bh)}, ui::theme::kMutedText);
        draw_message(ui, view, ui::Rect{ImVec2(x0, y + bh + gap), ImVec2(width, m.mm(6.0f))});
        return;
    }
    const CandidateDetail& detail = *view.detail;
    const std::string title = ui.tr("staff.candidates.detail_title",
                                    {{"name", full_name(detail.record)}, {"code", detail.record.resume_code}});
    cell(ui, title, m.body_px(), ui::Rect{ImVec2(x0 + m.mm(31.0f), y), ImVec2(width * 0.45f, bh)}, ui::theme::kText, true);
    float bx = x0 + width;
    auto right_button = [&](const std::string& id, const std::string& text, float w, bool primary) {
        bx -= w;
        const bool tapped = ui::button(ui.ui, id, text, ui::Rect{ImVec2(bx, y), ImVec2(w, bh)}, primary);
        bx -= gap;
        return tapped;
    };
    if (is_admin(ui.state)) {
        if (view.confirm_erase) {
            if (right_button("candidates.erase_cancel", ui.tr("staff.matches.cancel"), m.mm(28.0f), false)) send(ui, CancelErase{});
            if (right_button("candidates.erase_confirm", ui.tr("staff.candidates.erase_confirm"), m.mm(54.0f), true)) {
                send(ui, ConfirmErase{});
            }
        } else if (right_button("candidates.erase", ui.tr("staff.candidates.erase"), m.mm(48.0f), false)) {
            send(ui, AskErase{});
        }
    }
    if (right_button("candidates.pdf", ui.tr("staff.candidates.pdf"), m.mm(44.0f), false)) send(ui, SaveCvPdf{});
    y += bh + m.mm(1.0f);
    const float message_h = m.mm(6.0f);
    if (view.confirm_erase) {
        cell(ui, ui.tr("staff.candidates.erase_question"), m.body_px() * 0.75f,
             ui::Rect{ImVec2(x0, y), ImVec2(width, message_h)}, ui::theme::kWarning, true);
    } else {
        draw_message(ui, view, ui::Rect{ImVec2(x0, y), ImVec2(width, message_h)});
    }
    y += message_h;

    const float content_h = body.max().y - y - m.mm(2.0f);
    const float profile_w = width * 0.30f;
    const float preview_w = width * 0.22f;
    draw_profile(ui, detail, ui::Rect{ImVec2(x0, y), ImVec2(profile_w, content_h)});

    // The CV's first page, scaled into its column.
    const ImVec2 preview_min(x0 + profile_w + gap, y);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    if (preview.texture != nullptr && preview.size.x > 0) {
        const float scale = std::min(preview_w / preview.size.x, content_h / preview.size.y);
        const ImVec2 size(preview.size.x * scale, preview.size.y * scale);
        draw->AddImage(preview.texture, preview_min, ImVec2(preview_min.x + size.x, preview_min.y + size.y));
        draw->AddRect(preview_min, ImVec2(preview_min.x + size.x, preview_min.y + size.y), ui::theme::kTileBorder);
    } else {
        cell(ui, ui.tr("staff.candidates.no_preview"), m.body_px() * 0.7f, ui::Rect{preview_min, ImVec2(preview_w, m.mm(6.0f))},
             ui::theme::kMutedText);
    }

    const float matches_x = preview_min.x + preview_w + gap;
    draw_match_list(ui, view.matches, kCandidateMatchesPrefix,
                    ui::Rect{ImVec2(matches_x, y), ImVec2(x0 + width - matches_x, content_h)},
                    [&ui](MatchesAction action) { send(ui, MatchCommand{std::move(action)}); },
                    [&ui](const MatchRow& row) {  // the vacancy with its own top candidates, in the vacancies view
                        ui.dispatch(ShowView{View::Vacancies});
                        ui.dispatch(VacanciesAction{OpenVacancy{row.vacancy_id}});
                    });
}

}  // namespace kk::staff
