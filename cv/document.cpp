#include "cv/document.hpp"

#include <algorithm>
#include <map>

#include "cv/script.hpp"
#include "i18n/languages.hpp"

namespace kk::cv {
namespace {

using i18n::Messages;

// What differs between the German CV and the companion page.
struct Builder {
    const CvProfile& profile;
    const CatalogLabels& labels;
    const Messages& msg;
    bool german = true;  // the reader may not read the person's script: transliterate

    std::string tr(std::string_view key, const i18n::MessageArgs& args = {}) const {
        return msg.tr(key, args);
    }

    std::string catalog_label(const std::string& id) const {
        if (auto l = labels.label(id, msg.lang())) return *l;
        if (auto l = labels.label(id, "de")) return *l;
        return id;
    }

    std::string join(const std::vector<std::string>& parts) const {
        std::string out;
        const std::string separator = tr("cv.list_separator");
        for (const auto& part : parts) {
            if (part.empty()) continue;
            if (!out.empty()) out += separator;
            out += part;
        }
        return out;
    }

    // A name (employer, place) typed in another script: Latin first for the German reader.
    std::string proper_name(const std::string& text) const {
        if (!german || !has_non_latin_letters(text)) return text;
        return tr("cv.name_transliterated", {{"latin", to_latin(text)}, {"original", text}});
    }

    // The person's own words: kept as typed; on the German CV non-Latin text gets a transliteration note.
    void add_own_words(std::vector<Line>& lines, const FreeText& own, LineStyle style) const {
        if (own.text.empty()) return;
        lines.push_back({own.text, style});
        if (german && has_non_latin_letters(own.text)) {
            lines.push_back(
                {tr("cv.own_words.transliterated", {{"latin", to_latin(own.text)}}), LineStyle::Note});
        }
    }

    void add_term(std::vector<Line>& lines, const Term& term, LineStyle style) const {
        if (term.catalog_id.empty()) {
            add_own_words(lines, term.own, style);
            return;
        }
        const std::string label = catalog_label(term.catalog_id);
        lines.push_back({label, style});
        // Resolved from the person's own words: those stay visible beside the catalog's.
        if (term.own.text.empty() || term.own.text == label) return;
        lines.push_back({tr("cv.own_words.as_typed", {{"text", term.own.text}}), LineStyle::Note});
        if (german && has_non_latin_letters(term.own.text)) {
            lines.push_back(
                {tr("cv.own_words.transliterated", {{"latin", to_latin(term.own.text)}}), LineStyle::Note});
        }
    }

    // The narrow column: the months when known, else the years the person gave, else nothing.
    std::string aside(const std::string& from, const std::string& to, const std::optional<int>& years,
                      std::string_view years_key) const {
        if (!from.empty()) return period(from, to);
        if (years) return tr(years_key, {{"years", static_cast<std::int64_t>(*years)}});
        return {};
    }

    std::string period(const std::string& from, const std::string& to) const {
        if (to.empty()) return tr("cv.period.since", {{"from", month_year(from)}});
        return tr("cv.period.range", {{"from", month_year(from)}, {"to", month_year(to)}});
    }

    // An education entry without a title is named by its kind; unknown kinds stay unnamed.
    std::string kind_label(const std::string& kind) const {
        if (kind == "school") return tr("cv.education.kind.school");
        if (kind == "vocational") return tr("cv.education.kind.vocational");
        if (kind == "university") return tr("cv.education.kind.university");
        return {};
    }

    std::string where(const std::string& place, const std::string& country) const {
        return join({proper_name(place), country_name(country, msg.lang())});
    }

    Section personal() const {
        Section s{tr("cv.section.personal"), {}};
        const Address& a = profile.address;
        if (!a.street.empty() || !a.city.empty()) {
            Entry e{tr("cv.personal.address"), {}};
            if (!a.street.empty()) e.lines.push_back({a.street, LineStyle::Normal});
            const std::string city = a.postcode.empty() ? a.city : a.postcode + " " + a.city;
            if (!city.empty()) e.lines.push_back({city, LineStyle::Normal});
            s.entries.push_back(std::move(e));
        }
        if (!profile.phone.empty())
            s.entries.push_back({tr("cv.personal.phone"), {{profile.phone, LineStyle::Normal}}});
        if (!profile.email.empty())
            s.entries.push_back({tr("cv.personal.email"), {{profile.email, LineStyle::Normal}}});
        if (profile.include_birth_date && !profile.birth_date.empty()) {
            s.entries.push_back({tr("cv.personal.birth_date"),
                                 {{format_date(profile.birth_date, msg.lang()), LineStyle::Normal}}});
        }
        if (profile.include_nationality && !profile.nationality.empty()) {
            s.entries.push_back({tr("cv.personal.nationality"),
                                 {{country_name(profile.nationality, msg.lang()), LineStyle::Normal}}});
        }
        return s;
    }

    Section experience() const {
        std::vector<const Experience*> sorted;
        for (const auto& e : profile.experiences) sorted.push_back(&e);
        // Reverse chronological: current jobs first, then by start, newest first.
        std::stable_sort(sorted.begin(), sorted.end(), [](const Experience* x, const Experience* y) {
            if (x->to.empty() != y->to.empty()) return x->to.empty();
            if (x->from != y->from) return x->from > y->from;
            return x->to > y->to;
        });
        Section s{tr("cv.section.experience"), {}};
        for (const Experience* x : sorted) {
            Entry e{aside(x->from, x->to, x->years, "cv.duration.years"), {}};
            add_term(e.lines, x->position, LineStyle::Strong);
            const std::string at = join({proper_name(x->employer), where(x->place, x->country)});
            if (!at.empty()) e.lines.push_back({at, LineStyle::Normal});
            for (const auto& task : x->tasks) add_own_words(e.lines, task, LineStyle::Bullet);
            s.entries.push_back(std::move(e));
        }
        return s;
    }

    Section education() const {
        std::vector<const Education*> sorted;
        for (const auto& e : profile.education) sorted.push_back(&e);
        std::stable_sort(sorted.begin(), sorted.end(), [](const Education* x, const Education* y) {
            if (x->to.empty() != y->to.empty()) return x->to.empty();
            return x->from > y->from;
        });
        Section s{tr("cv.section.education"), {}};
        for (const Education* x : sorted) {
            Entry e{aside(x->from, x->to, x->years,
                          x->kind == "school" ? "cv.education.school_years" : "cv.duration.years"),
                    {}};
            if (x->title.catalog_id.empty() && x->title.own.text.empty() && !x->kind.empty()) {
                e.lines.push_back({kind_label(x->kind), LineStyle::Strong});
            } else {
                add_term(e.lines, x->title, LineStyle::Strong);
            }
            const std::string at = join({proper_name(x->institution), where(x->place, x->country)});
            if (!at.empty()) e.lines.push_back({at, LineStyle::Normal});
            switch (x->recognition) {
                case Recognition::NotGiven:
                    break;
                case Recognition::Recognised:
                    e.lines.push_back({tr("cv.recognition.recognised"), LineStyle::Note});
                    break;
                case Recognition::Applied:
                    e.lines.push_back({tr("cv.recognition.applied"), LineStyle::Note});
                    break;
                case Recognition::NotRecognised:
                    e.lines.push_back({tr("cv.recognition.not_recognised"), LineStyle::Note});
                    break;
            }
            s.entries.push_back(std::move(e));
        }
        return s;
    }

    std::string level(const LanguageSkill& l) const {
        if (l.native) return tr("cv.language.native");
        switch (l.level) {
            case Cefr::A1:
                return tr("cv.cefr.a1");
            case Cefr::A2:
                return tr("cv.cefr.a2");
            case Cefr::B1:
                return tr("cv.cefr.b1");
            case Cefr::B2:
                return tr("cv.cefr.b2");
            case Cefr::C1:
                return tr("cv.cefr.c1");
            case Cefr::C2:
                return tr("cv.cefr.c2");
        }
        return {};
    }

    Section languages() const {
        std::vector<const LanguageSkill*> sorted;
        for (const auto& l : profile.languages) sorted.push_back(&l);
        // Mother tongues first, then the strongest language.
        std::stable_sort(sorted.begin(), sorted.end(), [](const LanguageSkill* x, const LanguageSkill* y) {
            if (x->native != y->native) return x->native;
            return !x->native && x->level > y->level;
        });
        Section s{tr("cv.section.languages"), {}};
        for (const LanguageSkill* l : sorted) {
            s.entries.push_back({language_name(l->code, msg.lang()), {{level(*l), LineStyle::Normal}}});
        }
        return s;
    }

    Section skills() const {
        // Catalog skills grouped by category, groups in the order the person listed them; own words last.
        std::vector<std::string> order;
        std::map<std::string, std::vector<std::string>> groups;
        std::vector<Line> own;
        for (const Skill& skill : profile.skills) {
            if (skill.term.catalog_id.empty()) {
                add_own_words(own, skill.term.own, LineStyle::Normal);
                continue;
            }
            const auto category = labels.category(skill.term.catalog_id);
            const std::string group = category ? catalog_label(*category) : tr("cv.skills.other");
            if (groups.find(group) == groups.end()) order.push_back(group);
            std::string label = catalog_label(skill.term.catalog_id);
            if (skill.verified) label = tr("cv.skills.verified", {{"skill", label}});
            groups[group].push_back(std::move(label));
        }
        Section s{tr("cv.section.skills"), {}};
        for (const auto& group : order)
            s.entries.push_back({group, {{join(groups[group]), LineStyle::Normal}}});
        if (!own.empty()) s.entries.push_back({tr("cv.skills.own"), std::move(own)});
        return s;
    }

    Section licence() const {
        Section s{tr("cv.section.licence"), {}};
        if (profile.licence_classes.empty()) return s;
        const std::string classes = join(profile.licence_classes);
        Entry e{tr("cv.licence.label"), {{classes, LineStyle::Normal}}};
        if (profile.licence_foreign_only) e.lines.push_back({tr("cv.licence.foreign"), LineStyle::Note});
        s.entries.push_back(std::move(e));
        return s;
    }

    Section mobility() const {
        Section s{tr("cv.section.mobility"), {}};
        const Mobility& m = profile.mobility;
        std::vector<std::string> mob;
        if (m.commute_km)
            mob.push_back(tr("cv.mobility.commute", {{"km", static_cast<std::int64_t>(*m.commute_km)}}));
        if (m.own_car) mob.push_back(tr("cv.mobility.own_car"));
        if (m.willing_to_relocate) mob.push_back(tr("cv.mobility.relocate"));
        if (!mob.empty()) s.entries.push_back({tr("cv.mobility.label"), {{join(mob), LineStyle::Normal}}});

        const Availability& a = profile.availability;
        std::vector<std::string> avail;
        avail.push_back(a.from_date.empty()
                            ? tr("cv.availability.now")
                            : tr("cv.availability.from", {{"date", format_date(a.from_date, msg.lang())}}));
        switch (a.working_time) {
            case WorkingTime::Any:
                avail.push_back(tr("cv.availability.any_time"));
                break;
            case WorkingTime::FullTime:
                avail.push_back(tr("cv.availability.full_time"));
                break;
            case WorkingTime::PartTime:
                avail.push_back(tr("cv.availability.part_time"));
                break;
        }
        if (m.shift_work) avail.push_back(tr("cv.availability.shifts"));
        s.entries.push_back({tr("cv.availability.label"), {{join(avail), LineStyle::Normal}}});
        return s;
    }

    Document build() const {
        Document d;
        d.lang = msg.lang();
        d.rtl = i18n::is_rtl(d.lang);
        d.heading = german ? tr("cv.title") : tr("cv.companion.title");
        d.name = profile.given_names + (profile.given_names.empty() ? "" : " ") + profile.family_name;
        if (!german) d.intro = tr("cv.companion.intro");
        if (profile.include_photo) d.photo_path = profile.photo_path;
        for (Section s :
             {personal(), experience(), education(), languages(), skills(), licence(), mobility()}) {
            if (!s.entries.empty()) d.sections.push_back(std::move(s));
        }
        if (!profile.place.empty() || !profile.date.empty()) {
            d.closing = join({profile.place, format_date(profile.date, msg.lang())});
        }
        // Placeholders survive formatting as text, so the renderer can insert the numbers it knows.
        d.page_label = tr("cv.page", {{"page", std::string("{page}")}, {"pages", std::string("{pages}")}});
        return d;
    }
};

}  // namespace

std::string month_year(std::string_view yyyy_mm) {
    if (yyyy_mm.size() != 7 || yyyy_mm[4] != '-') return std::string(yyyy_mm);
    return std::string(yyyy_mm.substr(5, 2)) + "/" + std::string(yyyy_mm.substr(0, 4));
}

Document build_german_cv(const CvProfile& profile, const CatalogLabels& labels, const i18n::Messages& de) {
    return Builder{profile, labels, de, true}.build();
}

Document build_companion(const CvProfile& profile, const CatalogLabels& labels, const i18n::Messages& ui) {
    return Builder{profile, labels, ui, false}.build();
}

}  // namespace kk::cv
