#pragma once
// The CV as a document: sections of two-column entries (date or label | content), every word already in the
// document's language. Pure: built from a profile, catalog labels and the locale bundles; no drawing here.
#include <string>
#include <vector>

#include "cv/profile.hpp"
#include "i18n/messages.hpp"

namespace kk::cv {

enum class LineStyle {
    Strong,  // the entry's headline: position, degree
    Normal,
    Bullet,  // one of several main tasks
    Note,    // secondary: transliteration, recognition, own words
};

struct Line {
    std::string text;
    LineStyle style = LineStyle::Normal;
};

// One row of the table. The renderer never splits an entry across pages.
struct Entry {
    std::string aside;  // the narrow column: a period ("03/2015 – 08/2021") or a label ("Telefon")
    std::vector<Line> lines;
};

struct Section {
    std::string title;
    std::vector<Entry> entries;
};

struct Document {
    std::string lang;        // ICU locale id of every fixed word on the page
    bool rtl = false;        // the page is mirrored: aside column on the right, text starting at the right
    std::string heading;     // "Lebenslauf", or the companion page's title
    std::string name;        // the person's name in Latin letters, the page title
    std::string intro;       // the companion page's explanation; empty on the CV itself
    std::string photo_path;  // a PNG to show beside the name; empty unless the person chose it
    std::vector<Section> sections;
    std::string closing;     // place and date
    std::string page_label;  // "Seite {page} von {pages}": the renderer fills in the numbers
};

// The German CV (all fixed wording and catalog labels in German) from `de`, a Messages for "de".
// Free text in a non-Latin script keeps its script and gets an ICU Latin transliteration marked as the
// person's own words. Birth date, nationality and photo appear only when their include flag is set.
Document build_german_cv(const CvProfile& profile, const CatalogLabels& labels, const i18n::Messages& de);

// The companion page: the same content in `ui`'s language and script (Messages for profile.ui_lang),
// catalog labels in that language (German when the catalog lacks one), free text as typed.
Document build_companion(const CvProfile& profile, const CatalogLabels& labels, const i18n::Messages& ui);

// "YYYY-MM" as "MM/YYYY"; anything else unchanged.
std::string month_year(std::string_view yyyy_mm);

}  // namespace kk::cv
