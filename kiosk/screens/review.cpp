// Review: everything entered, in the session language with the German beside it; tapping a part goes
// back to its screen to edit it.
#include <string>

#include "cv/script.hpp"
#include "kiosk/screens/flow_screens.hpp"
#include "kiosk/screens/step_frame.hpp"
#include "kiosk/ui/controls.hpp"
#include "kiosk/ui/theme.hpp"

namespace kk::screens {
namespace {

constexpr char kBeside[] = "  \u00B7  ";  // separates the person's words from the German
constexpr char kIconGap[] = "  ";
constexpr char kEditIcon[] = "f040";  // Font Awesome pencil: tap to edit

std::string pair(const std::string& own, const std::string& german) {
    return german.empty() || own == german ? own : own + kBeside + german;
}

const char* cefr_key(kiosk::LanguageLevel level) {
    switch (level) {
        case kiosk::LanguageLevel::A1: return "cv.cefr.a1";
        case kiosk::LanguageLevel::A2: return "cv.cefr.a2";
        case kiosk::LanguageLevel::B1: return "cv.cefr.b1";
        case kiosk::LanguageLevel::B2: return "cv.cefr.b2";
        case kiosk::LanguageLevel::C1: return "cv.cefr.c1";
        case kiosk::LanguageLevel::C2: return "cv.cefr.c2";
        case kiosk::LanguageLevel::Native: return "cv.language.native";
    }
    return "cv.cefr.a1";
}

struct Section {
    kiosk::Screen screen;
    const char* id;
    const char* title_key;
    std::vector<std::string> lines;
};

std::string both(const ui::Context& ui, std::string_view key, const i18n::MessageArgs& args = {}) {
    return pair(ui.messages.tr(key, args), ui.german != nullptr ? ui.german->tr(key, args) : std::string());
}

std::vector<Section> sections(const kiosk::State& state, const ui::Context& ui) {
    const kiosk::Session& s = state.session;
    std::vector<Section> out;
    Section personal{kiosk::Screen::Personal, "review.personal", "cv.section.personal", {}};
    const kiosk::Personal& p = s.personal;
    if (!p.name_latin.empty() || !p.name_own.empty()) personal.lines.push_back(pair(p.name_latin, p.name_own));
    for (const std::string* v : {&p.phone, &p.email, &p.postcode, &p.birth_date}) {
        if (!v->empty()) personal.lines.push_back(*v);
    }
    out.push_back(std::move(personal));

    Section experience{kiosk::Screen::Experience, "review.experience", "cv.section.experience", {}};
    for (const auto& e : s.experiences) {
        const auto* o = state.catalog.occupation(e.occupation);
        // Own words stay as typed; where the catalog resolved them, its label and the German one come first.
        std::string line = o != nullptr ? pair(o->label, o->label_de) : e.title.empty() ? e.occupation : e.title;
        if (o != nullptr && !e.title.empty()) line += kBeside + e.title;
        line += kBeside + both(ui, "experience.years", {{"years", std::int64_t{e.years}}});
        if (!e.employer.empty()) line += kBeside + e.employer;
        if (!e.country.empty()) {
            line += kBeside + pair(cv::country_name(e.country, state.lang), cv::country_name(e.country, "de"));
        }
        experience.lines.push_back(std::move(line));
    }
    out.push_back(std::move(experience));

    Section skills{kiosk::Screen::Skills, "review.skills", "cv.section.skills", {}};
    for (const auto& code : s.skills) {
        const auto* k = state.catalog.skill(code);
        skills.lines.push_back(k != nullptr ? pair(k->label, k->label_de) : code);
    }
    out.push_back(std::move(skills));

    Section languages{kiosk::Screen::Languages, "review.languages", "cv.section.languages", {}};
    for (const auto& l : s.languages) {
        languages.lines.push_back(pair(language_name(l.code, state.lang), language_name(l.code, "de")) + kBeside +
                                  both(ui, cefr_key(l.level)));
    }
    out.push_back(std::move(languages));

    Section education{kiosk::Screen::Education, "review.education", "cv.section.education", {}};
    const kiosk::EducationInfo& e = s.education;
    education.lines.push_back(both(ui, "education.school_years") + ": " +
                              both(ui, "education.years", {{"years", std::int64_t{e.school_years}}}));
    if (e.vocational) education.lines.push_back(both(ui, "education.vocational"));
    if (e.university) education.lines.push_back(both(ui, "education.university"));
    if (e.certificates) education.lines.push_back(both(ui, "education.certificates"));
    out.push_back(std::move(education));

    Section mobility{kiosk::Screen::Mobility, "review.mobility", "cv.section.mobility", {}};
    const kiosk::MobilityInfo& mo = s.mobility;
    if (!mo.licences.empty()) {
        std::string classes;
        for (const auto& c : mo.licences) classes += (classes.empty() ? "" : ", ") + c;
        mobility.lines.push_back(both(ui, "cv.section.licence") + ": " + classes);
    }
    if (mo.foreign_licence) mobility.lines.push_back(both(ui, "cv.licence.foreign"));
    if (mo.car) mobility.lines.push_back(both(ui, "cv.mobility.own_car"));
    if (mo.bike) mobility.lines.push_back(both(ui, "mobility.bike"));
    if (mo.public_transport) mobility.lines.push_back(both(ui, "mobility.public_transport"));
    mobility.lines.push_back(both(ui, "cv.mobility.commute", {{"km", std::int64_t{mo.max_km}}}));
    if (mo.full_time) mobility.lines.push_back(both(ui, "cv.availability.full_time"));
    if (mo.part_time) mobility.lines.push_back(both(ui, "cv.availability.part_time"));
    if (mo.shifts) mobility.lines.push_back(both(ui, "cv.availability.shifts"));
    if (mo.mini_job) mobility.lines.push_back(both(ui, "mobility.mini_job"));
    out.push_back(std::move(mobility));
    return out;
}

}  // namespace

void draw_review(const kiosk::State& state, ui::Context& ui) {
    const ui::Rect body = draw_step_frame(state, ui, "review.title", "review.prompt");
    const ui::Metrics& m = ui.metrics;
    BodyFlow flow(ui, body);
    const float pad = m.mm(3.0f);
    for (const Section& section : sections(state, ui)) {
        std::string text;
        for (const auto& line : section.lines) text += (text.empty() ? "" : "\n") + line;
        if (text.empty()) text = ui.messages.tr("review.nothing");
        const text::Style style{.size_px = m.body_px(), .wrap_px = flow.width() - 2 * pad};
        const float title_h = m.mm(8.0f);
        const float text_h = static_cast<float>(ui.text.measure(text, style).height);
        const ui::Rect card = flow.row(std::max(m.touch_target(), title_h + text_h + 2 * pad));
        if (ui::button(ui, section.id, "", card)) ui.dispatch(kiosk::GoTo{section.screen});
        const std::string heading = both(ui, section.title_key) + kIconGap + ui::icon_glyph(kEditIcon);
        ui.text.draw_in_box(heading, {.size_px = m.body_px(), .weight = text::Weight::Bold},
                            ImVec2(card.min.x + pad, card.min.y + pad), ImVec2(card.size.x - 2 * pad, title_h),
                            ui::theme::kAccent);
        ui.text.draw_in_box(text, style, ImVec2(card.min.x + pad, card.min.y + pad + title_h),
                            ImVec2(card.size.x - 2 * pad, text_h), ui::theme::kText);
    }
}

}  // namespace kk::screens
