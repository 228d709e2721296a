#pragma once
// The flow's DraftStore and CatalogSource over the SQLite store: drafts become candidates (db/candidates,
// keyed by their resume code, status "incomplete" until Done); catalog lists come from the catalog tables.
#include <memory>

#include "db/result.hpp"
#include "db/store.hpp"
#include "db/timestamps.hpp"
#include "kiosk/app/services.hpp"

namespace kk::matcher {
class SkillIndex;
}

namespace kk::kiosk {

class SqliteDraftStore final : public DraftStore {
public:
    explicit SqliteDraftStore(db::Store& store) : store_(store) {}
    std::optional<SavedDraft> save(const Session& session, std::string_view ui_lang, Screen step) override;
    std::optional<LoadedDraft> load(std::string_view resume_code) override;

private:
    db::Store& store_;
};

class SqliteCatalogSource final : public CatalogSource {
public:
    explicit SqliteCatalogSource(db::Store& store);
    ~SqliteCatalogSource() override;
    CatalogView load(std::string_view lang) override;
    std::vector<SkillSuggestion> suggest(std::string_view typed, std::string_view lang) override;
    std::optional<std::string> resolve_occupation(std::string_view typed, std::string_view lang) override;
    std::optional<bool> postcode_known(std::string_view postcode) override;

private:
    const matcher::SkillIndex* index();  // built on the first search or resolution, then reused; null on failure
    db::Store& store_;
    std::unique_ptr<matcher::SkillIndex> index_;
    CatalogView last_;                            // labels for suggestions
};

// Ranks the store's open vacancies for a saved candidate with the matching engine (as `kioskctl match`).
class SqliteVacancyFinder final : public VacancyFinder {
public:
    explicit SqliteVacancyFinder(db::Store& store) : store_(store) {}
    std::vector<VacancyTip> best_reachable(std::string_view resume_code, std::size_t count) override;

private:
    db::Store& store_;
};

// Days an unfinished draft is kept when app_meta has no retention.draft_days.
inline constexpr int kDefaultDraftDays = 30;

// Start-up housekeeping: erases (as `kioskctl purge` does, audited as actor "kiosk") the incomplete drafts
// last updated more than retention.draft_days (default kDefaultDraftDays) before `now`. The number purged.
db::Result<std::size_t> purge_stale_drafts(db::Store& store, db::TimePoint now);

}  // namespace kk::kiosk
