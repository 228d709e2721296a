#include "kiosk/staff/matches/sqlite_service.hpp"

#include <cmath>
#include <cstdlib>
#include <map>
#include <optional>
#include <unordered_map>

#include "db/catalog.hpp"
#include "db/matching.hpp"
#include "db/sqlite.hpp"
#include "db/vacancies.hpp"
#include "kiosk/staff/matches/csv_export.hpp"
#include "matcher/explain.hpp"
#include "matcher/rank.hpp"

namespace kk::staff {
namespace {

static constexpr char kCandidateNamesSql[] =
    "SELECT id, resume_code, given_name, family_name FROM candidates ORDER BY resume_code";

struct CandidateName {
    std::int64_t id = 0;
    std::string ref;
    std::string name;
};

std::string percent(double fraction) { return std::to_string(static_cast<int>(std::lround(fraction * 100.0))); }

std::string one_decimal(double value) {
    const long tenths = std::lround(value * 10.0);
    return std::to_string(tenths / 10) + "," + std::to_string(std::labs(tenths % 10));
}

}  // namespace

// Everything a query needs, built together; MatchIndex points into data and scorer, so it never moves.
struct SqliteMatches::Engine {
    std::optional<matcher::SkillIndex> index;
    db::MatchData data;
    std::optional<matcher::Scorer> scorer;
    std::optional<matcher::MatchIndex> match_index;
    std::vector<std::int64_t> vacancy_ids;                         // parallel to data.vacancies
    std::unordered_map<std::int64_t, std::size_t> vacancy_pos;     // vacancies.id → index
    std::vector<CandidateName> candidate_names;                    // parallel to data.candidates
    std::unordered_map<std::int64_t, std::size_t> candidate_pos;   // candidates.id → index
    std::chrono::sys_days today{};
};

SqliteMatches::SqliteMatches(db::Store& store, std::filesystem::path export_dir, Clock clock)
    : store_(store), export_dir_(std::move(export_dir)), clock_(std::move(clock)) {}

SqliteMatches::~SqliteMatches() = default;

void SqliteMatches::refresh() {
    engine_.reset();
    // Replacing a build still running waits for it (a std::async future joins): only when refreshed twice
    // within the seconds one build takes.
    if (database_) warming_ = start_build(*database_);
}

void SqliteMatches::warm_up(const std::filesystem::path& database) {
    database_ = database;
    if (!engine_ && !warming_.valid()) warming_ = start_build(database);
}

std::future<db::Result<std::unique_ptr<SqliteMatches::Engine>>> SqliteMatches::start_build(
    const std::filesystem::path& database) {
    const db::TimePoint now = clock_();
    return std::async(std::launch::async, [database, now]() -> db::Result<std::unique_ptr<Engine>> {
        using R = db::Result<std::unique_ptr<Engine>>;
        std::error_code ec;
        if (!std::filesystem::is_regular_file(database, ec)) return R::fail("no database at " + database.string());
        auto store = db::Store::open(database);  // a connection of its own: one per thread
        if (!store) return R::fail(store.error());
        return build_engine(*store, now);
    });
}

db::Result<SqliteMatches::Engine*> SqliteMatches::engine() {
    using R = db::Result<Engine*>;
    if (engine_) return R::ok(engine_.get());
    if (warming_.valid()) {
        auto built = warming_.get();  // waits only when asked before the worker is done
        if (built) {
            engine_ = std::move(*built);
            ++builds_;
            ++background_builds_;
            return R::ok(engine_.get());
        }
        // The worker failed (e.g. it could not open the file): build here, so the panel shows this error.
    }
    auto built = build_engine(store_, clock_());
    if (!built) return R::fail(built.error());
    engine_ = std::move(*built);
    ++builds_;
    return R::ok(engine_.get());
}

db::Result<std::unique_ptr<SqliteMatches::Engine>> SqliteMatches::build_engine(db::Store& store, db::TimePoint now) {
    using R = db::Result<std::unique_ptr<Engine>>;
    auto built = std::make_unique<Engine>();
    built->today = std::chrono::floor<std::chrono::days>(now);
    auto entries = db::catalog_label_entries(store);
    if (!entries) return R::fail(entries.error());
    if (!entries->empty()) built->index.emplace(*entries);
    auto data = db::load_match_data(store, built->index ? &*built->index : nullptr, built->today);
    if (!data) return R::fail(data.error());
    built->data = std::move(*data);
    // load_match_data lists open vacancies in list_vacancies() order: the same call gives their ids.
    auto vacancies = db::list_vacancies(store, db::VacancyFilter::open_only);
    if (!vacancies) return R::fail(vacancies.error());
    if (vacancies->size() != built->data.vacancies.size()) return R::fail("the vacancies changed while loading");
    for (std::size_t i = 0; i < vacancies->size(); ++i) {
        built->vacancy_ids.push_back((*vacancies)[i].id);
        built->vacancy_pos[(*vacancies)[i].id] = i;
    }
    try {
        std::unordered_map<std::string, CandidateName> by_ref;
        db::Statement select(store.connection(), kCandidateNamesSql);
        while (select.step()) {
            const std::string given = select.column_text(2);
            const std::string family = select.column_text(3);
            CandidateName name{.id = select.column_int(0),
                               .ref = select.column_text(1),
                               .name = given + (given.empty() || family.empty() ? "" : " ") + family};
            by_ref.emplace(name.ref, std::move(name));
        }
        for (std::size_t i = 0; i < built->data.candidates.size(); ++i) {
            const auto it = by_ref.find(built->data.candidates[i].ref);
            if (it == by_ref.end()) return R::fail("the candidates changed while loading");
            built->candidate_pos[it->second.id] = i;
            built->candidate_names.push_back(it->second);
        }
    } catch (const db::Error& e) {
        return R::fail(e.what());
    }
    built->scorer.emplace(built->data.catalog.graph, matcher::trigram_dice);
    built->match_index.emplace(*built->scorer, built->data.vacancies, built->data.candidates);
    return R::ok(std::move(built));
}

namespace {

// Who and what a match row is about, for the panel's cards and its CSV.
void name_sides(MatchRow& row, const CandidateName& candidate, std::int64_t vacancy_id,
                const matcher::Vacancy& vacancy) {
    row.candidate_id = candidate.id;
    row.candidate_ref = candidate.ref;
    row.candidate_name = candidate.name;
    row.vacancy_id = vacancy_id;
    row.employer = vacancy.employer;
    row.reference = vacancy.reference;
    row.title = vacancy.title;
}

MatchRow to_row(const matcher::Explanation& e) {
    MatchRow row;
    row.score = e.score;
    row.required_coverage = e.components.required_coverage;
    row.optional_coverage = e.components.optional_coverage;
    row.experience = e.components.experience;
    row.german_factor = e.components.german_factor;
    row.distance_km = e.distance_km;
    row.reachable = e.reachable;
    for (const auto& m : e.matched) {
        row.matched.push_back(MatchedSkillRow{.requirement = m.requirement,
                                              .by = m.by,
                                              .similarity = m.similarity,
                                              .required = m.required,
                                              .verified = m.verified,
                                              .how = std::string(m.how)});
    }
    row.missing = e.missing;
    for (const auto b : e.blockers) row.blockers.emplace_back(b);
    row.sentence_de = e.sentence_de;
    return row;
}

}  // namespace

db::Result<std::vector<MatchRow>> SqliteMatches::for_candidate(std::int64_t candidate_id, std::size_t top) {
    using R = db::Result<std::vector<MatchRow>>;
    auto built = engine();
    if (!built) return R::fail(built.error());
    Engine& en = **built;
    const auto pos = en.candidate_pos.find(candidate_id);
    if (pos == en.candidate_pos.end()) return R::ok({});  // added after the engine was built: refresh
    const matcher::Candidate& candidate = en.data.candidates[pos->second];
    auto reviews = db::reviews_for_candidate(store_, candidate_id);
    if (!reviews) return R::fail(reviews.error());
    std::vector<MatchRow> rows;
    for (const matcher::Match& match : en.match_index->vacancies_for(candidate, en.today, top)) {
        const matcher::Vacancy& vacancy = en.data.vacancies[match.vacancy];
        MatchRow row = to_row(matcher::explain(match, candidate, vacancy));
        name_sides(row, en.candidate_names[pos->second], en.vacancy_ids[match.vacancy], vacancy);
        for (const auto& review : *reviews) {
            if (review.vacancy_id == row.vacancy_id) row.review = review;
        }
        rows.push_back(std::move(row));
    }
    return R::ok(std::move(rows));
}

db::Result<std::vector<MatchRow>> SqliteMatches::for_vacancy(std::int64_t vacancy_id, std::size_t top) {
    using R = db::Result<std::vector<MatchRow>>;
    auto built = engine();
    if (!built) return R::fail(built.error());
    Engine& en = **built;
    const auto pos = en.vacancy_pos.find(vacancy_id);
    if (pos == en.vacancy_pos.end()) return R::ok({});  // closed, or imported after the engine was built
    const matcher::Vacancy& vacancy = en.data.vacancies[pos->second];
    auto reviews = db::reviews_for_vacancy(store_, vacancy_id);
    if (!reviews) return R::fail(reviews.error());
    std::vector<MatchRow> rows;
    for (const matcher::Match& match : en.match_index->candidates_for(vacancy, en.today, top)) {
        const matcher::Candidate& candidate = en.data.candidates[match.candidate];
        MatchRow row = to_row(matcher::explain(match, candidate, vacancy));
        name_sides(row, en.candidate_names[match.candidate], vacancy_id, vacancy);
        for (const auto& review : *reviews) {
            if (review.candidate_id == row.candidate_id) row.review = review;
        }
        rows.push_back(std::move(row));
    }
    return R::ok(std::move(rows));
}

db::Result<db::MatchReview> SqliteMatches::propose(std::int64_t candidate_id, std::int64_t vacancy_id, double score,
                                                   const db::StaffActor& actor) {
    auto id = db::propose_match(store_, candidate_id, vacancy_id, score, actor, clock_());
    if (!id) return db::Result<db::MatchReview>::fail(id.error());
    return db::get_review(store_, *id);
}

db::Result<db::MatchReview> SqliteMatches::change_status(std::int64_t review_id, db::ReviewStatus to,
                                                         std::string_view reason, const db::StaffActor& actor) {
    return db::change_review_status(store_, review_id, to, reason, "", actor, clock_());
}

db::Result<db::MatchReview> SqliteMatches::add_note(std::int64_t review_id, std::string_view note,
                                                    const db::StaffActor& actor) {
    return db::add_review_note(store_, review_id, note, actor, clock_());
}

db::Result<std::filesystem::path> SqliteMatches::export_csv(const std::vector<MatchRow>& rows, std::string_view stem) {
    // Column names are stable codes (like the JSON of `kioskctl match --json`), not UI text.
    const CsvRow header{"candidate", "name", "employer", "reference", "title", "score_percent",
                        "required_percent", "optional_percent", "experience_percent", "german_factor",
                        "distance_km", "reachable", "matched", "missing", "blockers", "status",
                        "status_changed_by", "status_changed_at", "rejection_reason", "notes", "explanation"};
    std::vector<CsvRow> cells;
    for (const MatchRow& r : rows) {
        std::string matched, missing, blockers;
        for (const auto& m : r.matched) matched += (matched.empty() ? "" : ", ") + m.requirement + " (" + m.by + ")";
        for (const auto& m : r.missing) missing += (missing.empty() ? "" : ", ") + m;
        for (const auto& b : r.blockers) blockers += (blockers.empty() ? "" : ", ") + b;
        const db::MatchReview* review = r.review ? &*r.review : nullptr;
        cells.push_back({r.candidate_ref, r.candidate_name, r.employer, r.reference, r.title, percent(r.score),
                         percent(r.required_coverage), percent(r.optional_coverage), percent(r.experience),
                         percent(r.german_factor), r.distance_km ? one_decimal(*r.distance_km) : "",
                         r.reachable ? "1" : "0", matched, missing, blockers,
                         review ? std::string(db::to_string(review->status)) : "",
                         review ? review->status_changed_by.value_or("") : "", review ? review->status_changed_at : "",
                         review ? review->rejection_reason : "", review ? review->notes : "", r.sentence_de});
    }
    return write_csv_export(export_dir_, stem, header, cells, clock_());
}

}  // namespace kk::staff
