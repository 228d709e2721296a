#pragma once
// The I/O the newcomer's flow needs, as narrow interfaces the App calls after dispatch (effects). SQLite
// adapters live in kiosk/app/draft_store_sqlite and kiosk/app/catalog_source_sqlite; tests may pass
// their own. Every member may be null: the flow then simply does without (no saving, empty lists).
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/app/state.hpp"
#include "kiosk/text/layout.hpp"

namespace kk::kiosk {

// A draft read back for crash-resume: what the person entered and the language they used.
struct LoadedDraft {
    Session session;
    std::string ui_lang;
    std::optional<Screen> screen;  // the step it was saved on; nullopt for drafts saved before it was stored
};

struct SavedDraft {
    std::int64_t id = 0;
    std::string resume_code;
};

class DraftStore {
public:
    virtual ~DraftStore() = default;
    // Writes the session as a candidate: inserted on the first call (session.draft_id empty), replaced
    // afterwards, with `step` (the screen the person is on) so a resume returns there. Step Done marks it
    // finished; until then staff see it as incomplete. Nullopt on failure.
    virtual std::optional<SavedDraft> save(const Session& session, std::string_view ui_lang, Screen step) = 0;
    // The incomplete draft with `resume_code` ("XXXX-XXXX") as a consented session carrying its id and code,
    // every answer the flow asks (the name in one's own script, each job's words, years, employer and country,
    // school years, ...) and its step; nullopt when there is none (finished profiles are not reopened).
    virtual std::optional<LoadedDraft> load(std::string_view resume_code) = 0;
};

class CatalogSource {
public:
    virtual ~CatalogSource() = default;
    // Categories, occupations and skills labelled in `lang` (German where a label is missing), collated.
    virtual CatalogView load(std::string_view lang) = 0;
    // Skill completions for what was typed, in `lang`, with the German label.
    virtual std::vector<SkillSuggestion> suggest(std::string_view typed, std::string_view lang) = 0;
    // The catalog occupation a job typed in one's own words (in `lang`) names, when the match is confident
    // (score at least db::kCatalogResolveThreshold); nullopt otherwise: the words are kept as typed.
    virtual std::optional<std::string> resolve_occupation(std::string_view typed, std::string_view lang) = 0;
    // Whether `postcode` (five ASCII digits) is in the postcode table; nullopt when the table is empty.
    virtual std::optional<bool> postcode_known(std::string_view postcode) = 0;
};

class VacancyFinder {
public:
    virtual ~VacancyFinder() = default;
    // The best reachable open vacancies for the saved candidate `resume_code`, best first, at most `count`.
    virtual std::vector<VacancyTip> best_reachable(std::string_view resume_code, std::size_t count) = 0;
};

class Printer {
public:
    virtual ~Printer() = default;
    // Called on the UI thread: reads the saved candidate and renders their German CV (with the companion page
    // in their language). Returns the rest, sending it to the printer, which the App runs on a worker thread
    // and which must not touch the store: Printed, NoPrinter when there is no print command, Failed otherwise.
    virtual std::function<PrintStatus()> prepare(std::string_view resume_code) = 0;
};

class CvPreviewer {
public:
    virtual ~CvPreviewer() = default;
    // The first page of the saved candidate's German CV, `width_px` wide in A4 proportion, as RGBA; an empty
    // bitmap when there is no such candidate or rendering failed.
    virtual text::Bitmap first_page(std::string_view resume_code, int width_px) = 0;
};

class Voice {
public:
    virtual ~Voice() = default;
    // Starts saying `text` in the UI language `ui_lang`, stopping what was being said; returns at once.
    virtual void speak(std::string_view text, std::string_view ui_lang) = 0;
};

struct Services {
    DraftStore* drafts = nullptr;
    CatalogSource* catalog = nullptr;
    VacancyFinder* vacancies = nullptr;
    Printer* printer = nullptr;
    CvPreviewer* previewer = nullptr;
    Voice* voice = nullptr;  // null: espeak-ng's playback, started on the first read-aloud
};

}  // namespace kk::kiosk
