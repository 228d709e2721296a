// Review: everything entered, in the session language with the German beside it; tapping a part goes
// back to its screen to edit it. A speaker beside each part reads it in the session language only (personal
// data by its heading alone: others may be listening).
#include <string>

#include "cv/script.hpp"
#include "kiosk/screens/flow_screens.hpp"
#include "kiosk/screens/step_frame.hpp"
#include "kiosk/text/layout.hpp"
#include "kiosk/ui/controls.hpp"
#include "kiosk/ui/theme.hpp"

namespace kk::screens {
namespace {

constexpr char kBeside[] = "  \u00B7  ";  // separates the person's words from the German
constexpr char kIconGap[] = "  ";
constexpr char kEditIcon[] = "f040";  // Font Awesome pencil: tap to edit

// Each item of a line is a bidi isolate, so a right-to-left line keeps its items in reading order however
// their directions alternate ("السنوات: ٦ · Jahre: 6 · Restaurant Dimashq" would otherwise put the employer
// between the two year labels). Personal data is always left to right inside (a phone number's "+").
using text::isolate;
using text::ltr_isolate;

std::string pair(const std::string& own, const std::string& german) {
    return german.empty() || own == german ? isolate(own) : isolate(own) + kBeside + isolate(german);
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
    std::vector<std::string> lines;   // shown: the person's words with the German beside them
    std::vector<std::string> spoken;  // read aloud: the person's words only
    bool private_lines = false;       // read aloud by title only: a kiosk stands where others listen

    void add(std::string shown, std::string own) {
        lines.push_back(std::move(shown));
        spoken.push_back(std::move(own));
    }
};

std::string both(const ui::Context& ui, std::string_view key, const i18n::MessageArgs& args = {}) {
    return pair(ui.messages.tr(key, args), ui.german != nullptr ? ui.german->tr(key, args) : std::string());
}

// A message shown with its German beside it, and read without it.
void add_message(Section& section, const ui::Context& ui, std::string_view key, const i18n::MessageArgs& args = {}) {
    section.add(both(ui, key, args), ui.messages.tr(key, args));
}

std::vector<Section> sections(const kiosk::State& state, const ui::Context& ui) {
    const kiosk::Session& s = state.session;
    std::vector<Section> out;
    Section personal{kiosk::Screen::Personal, "review.personal", "cv.section.personal", {}, {}, true};
    const kiosk::Personal& p = s.personal;
    if (!p.name_latin.empty() || !p.name_own.empty()) personal.add(pair(p.name_latin, p.name_own), {});
    for (const std::string* v : {&p.phone, &p.email, &p.postcode, &p.birth_date}) {
        if (!v->empty()) personal.add(ltr_isolate(*v), {});
    }
    out.push_back(std::move(personal));

    Section experience{kiosk::Screen::Experience, "review.experience", "cv.section.experience", {}, {}, false};
    for (const auto& e : s.experiences) {
        const auto* o = state.catalog.occupation(e.occupation);
        // Own words stay as typed; where the catalog resolved them, its label and the German one come first.
        std::string line =
            o != nullptr ? pair(o->label, o->label_de) : isolate(e.title.empty() ? e.occupation : e.title);
        std::string said = o != nullptr ? o->label : e.title.empty() ? e.occupation : e.title;
        if (o != nullptr && !e.title.empty()) line += kBeside + isolate(e.title);
        const i18n::MessageArgs years{{"years", std::int64_t{e.years}}};
        line += kBeside + both(ui, "experience.years", years);
        said += ", " + ui.messages.tr("experience.years", years);
        if (!e.employer.empty()) line += kBeside + isolate(e.employer);
        if (!e.country.empty()) {
            line += kBeside + pair(cv::country_name(e.country, state.lang), cv::country_name(e.country, "de"));
            said += ", " + cv::country_name(e.country, state.lang);
        }
        experience.add(std::move(line), std::move(said));
    }
    out.push_back(std::move(experience));

    Section skills{kiosk::Screen::Skills, "review.skills", "cv.section.skills", {}, {}, false};
    for (const auto& code : s.skills) {
        const auto* k = state.catalog.skill(code);
        skills.add(k != nullptr ? pair(k->label, k->label_de) : isolate(code), k != nullptr ? k->label : code);
    }
    out.push_back(std::move(skills));

    Section languages{kiosk::Screen::Languages, "review.languages", "cv.section.languages", {}, {}, false};
    for (const auto& l : s.languages) {
        languages.add(pair(language_name(l.code, state.lang), language_name(l.code, "de")) + kBeside +
                          both(ui, cefr_key(l.level)),
                      language_name(l.code, state.lang) + ", " + ui.messages.tr(cefr_key(l.level)));
    }
    out.push_back(std::move(languages));

    Section education{kiosk::Screen::Education, "review.education", "cv.section.education", {}, {}, false};
    const kiosk::EducationInfo& e = s.education;
    const i18n::MessageArgs school_years{{"years", std::int64_t{e.school_years}}};
    education.add(both(ui, "education.school_years") + ": " + both(ui, "education.years", school_years),
                  ui.messages.tr("education.school_years") + ": " + ui.messages.tr("education.years", school_years));
    if (e.vocational) add_message(education, ui, "education.vocational");
    if (e.university) add_message(education, ui, "education.university");
    if (e.certificates) add_message(education, ui, "education.certificates");
    out.push_back(std::move(education));

    Section mobility{kiosk::Screen::Mobility, "review.mobility", "cv.section.mobility", {}, {}, false};
    const kiosk::MobilityInfo& mo = s.mobility;
    if (!mo.licences.empty()) {
        std::string classes;
        for (const auto& c : mo.licences) classes += (classes.empty() ? "" : ", ") + c;
        mobility.add(both(ui, "cv.section.licence") + ": " + classes,
                     ui.messages.tr("cv.section.licence") + ": " + classes);
    }
    if (mo.foreign_licence) add_message(mobility, ui, "cv.licence.foreign");
    if (mo.car) add_message(mobility, ui, "cv.mobility.own_car");
    if (mo.bike) add_message(mobility, ui, "mobility.bike");
    if (mo.public_transport) add_message(mobility, ui, "mobility.public_transport");
    add_message(mobility, ui, "cv.mobility.commute", {{"km", std::int64_t{mo.max_km}}});
    if (mo.full_time) add_message(mobility, ui, "cv.availability.full_time");
    if (mo.part_time) add_message(mobility, ui, "cv.availability.part_time");
    if (mo.shifts) add_message(mobility, ui, "cv.availability.shifts");
    if (mo.mini_job) add_message(mobility, ui, "mobility.mini_job");
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
        // Every line takes the screen's direction, also one that starts with a Latin item.
        std::string text;
        for (const auto& line : section.lines) text += (text.empty() ? "" : "\n") + text::paragraph(line, ui.rtl);
        if (text.empty()) text = ui.messages.tr("review.nothing");
        // What the speaker beside the card reads: the section's name, then its entries in the person's language.
        std::string said = ui.messages.tr(section.title_key);
        if (!section.private_lines) {
            for (const auto& line : section.spoken) said += ". " + line;
            if (section.spoken.empty()) said += ". " + ui.messages.tr("review.nothing");
        }
        const float speaker_w = ui::read_aloud_width(ui);
        const text::Style style{.size_px = m.body_px(), .wrap_px = flow.width() - speaker_w - 2 * pad};
        const float title_h = m.mm(8.0f);
        const float text_h = static_cast<float>(ui.text.measure(text, style).height);
        const ui::Rect row = flow.row(std::max(m.touch_target(), title_h + text_h + 2 * pad));
        const ui::Rect card = ui::read_aloud_beside(ui, section.id, said, row);
        if (ui::button(ui, section.id, "", card)) ui.dispatch(kiosk::GoTo{section.screen});
        const std::string heading = both(ui, section.title_key) + kIconGap + ui::icon_glyph(kEditIcon);
        ui.text.draw_in_box(heading, {.size_px = m.body_px(), .weight = text::Weight::Bold},
                            ImVec2(card.min.x + pad, card.min.y + pad), ImVec2(card.size.x - 2 * pad, title_h),
                            ui::theme::kAccent);
        // In a right-to-left screen the entries start at the right, also when they begin with Latin letters.
        ui.text.draw_in_box(text, style, ImVec2(card.min.x + pad, card.min.y + pad + title_h),
                            ImVec2(card.size.x - 2 * pad, text_h), ui::theme::kText,
                            ui.rtl ? text::Placement::Right : text::Placement::ByDirection);
    }
}

}  // namespace kk::screens
