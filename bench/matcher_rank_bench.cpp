// Latency, build time and memory of the matching index on generated data at national scale, next to the
// same query as plain SQL on SQLite. Prints a table; never fails. Run: build/bench/matcher_rank_bench
// [--quick]
#include <sqlite3.h>
#include <sys/resource.h>
#include <time.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "matcher/geo.hpp"
#include "matcher/rank.hpp"
#include "matcher/score.hpp"

using namespace kk::matcher;

namespace {

constexpr SkillId kSkills = 14000;           // ESCO has 13,896 skills
constexpr SkillId kGroups = 700;             // broader concepts with ~20 narrower each
constexpr OccupationId kOccupations = 3000;  // ESCO has 3,007 occupations
constexpr int kEssentialPerOccupation = 15;
constexpr std::size_t kUnresolvedPool = 2000;  // distinct free texts employers and candidates write
constexpr std::size_t kTopK = 20;
const std::chrono::sys_days kToday{std::chrono::year{2026} / std::chrono::November / 21};

double max_rss_mb() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return static_cast<double>(usage.ru_maxrss) / 1024.0;
}

// Resident memory now (not the peak), from /proc/self/statm.
double rss_mb() {
    long pages = 0, resident = 0;
    if (FILE* f = std::fopen("/proc/self/statm", "r")) {
        if (std::fscanf(f, "%ld %ld", &pages, &resident) != 2) resident = 0;
        std::fclose(f);
    }
    return static_cast<double>(resident) * 4096.0 / (1024.0 * 1024.0);
}

// CPU time of this thread: the cost on one core, unaffected by other processes on a shared machine.
double thread_cpu_ms() {
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_nsec) / 1e6;
}

// Short labels stay inside std::string's small buffer, like most of a real catalog's ids would in a compact
// store.
std::string label(SkillId id) {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "sk%05u", static_cast<unsigned>(id));
    return buffer;
}

class World {
  public:
    explicit World(unsigned seed) : rng_(seed) {
        SkillGraphInput in;
        in.node_count = kSkills + kGroups;
        for (SkillId s = 0; s < kSkills; ++s) {
            in.broader.emplace_back(s, kSkills + s % kGroups);
            if (s % 5 == 0 && s > 0) in.broader.emplace_back(s, pick(s));  // some skills narrower of another
        }
        essential_.resize(kOccupations);
        for (OccupationId o = 0; o < kOccupations; ++o)
            for (int i = 0; i < kEssentialPerOccupation; ++i) {
                const SkillId s = skewed_skill();
                essential_[o].push_back(s);
                in.essential.emplace_back(o, s);
            }
        graph = SkillGraph::build(in);
        for (std::size_t i = 0; i < kUnresolvedPool; ++i) {
            std::string t = label(skewed_skill());
            t[2] = 'x';  // a typo: similar to the label, not equal
            t += static_cast<char>('a' + i % 26);
            free_texts_.push_back(t);
        }
    }

    SkillGraph graph;

    Vacancy vacancy(std::size_t n) {
        Vacancy v;
        char ref[24];
        std::snprintf(ref, sizeof ref, "V%07zu", n);
        v.reference = ref;
        v.employer = std::string{"Betrieb"};
        v.title = std::string{"Stelle"};
        const OccupationId o = occupation();
        v.occupation = o;
        for (int i = uniform(4, 8); i > 0; --i) v.required.push_back(requirement(o));
        for (int i = uniform(0, 4); i > 0; --i) v.optional.push_back(requirement(o));
        v.german = static_cast<LanguageLevel>(uniform(0, 4));
        v.german_support = chance(0.3);
        if (chance(0.2)) v.licence = std::string{"B"};
        v.location = place();
        if (chance(0.8)) v.valid_until = kToday + std::chrono::days{uniform(-30, 90)};
        v.open = chance(0.95);
        return v;
    }

    Candidate candidate(std::size_t n) {
        Candidate c;
        char ref[24];
        std::snprintf(ref, sizeof ref, "K%07zu", n);
        c.ref = ref;
        const OccupationId o = occupation();
        for (int i = uniform(4, 12); i > 0; --i) {
            if (chance(0.1)) {
                c.skills.push_back({std::nullopt,
                                    free_texts_[static_cast<std::size_t>(uniform(0, kUnresolvedPool - 1))],
                                    "ar", false});
            } else {
                const SkillId s =
                    chance(0.7)
                        ? essential_[o][static_cast<std::size_t>(uniform(0, kEssentialPerOccupation - 1))]
                        : skewed_skill();
                c.skills.push_back({s, label(s), "de", chance(0.2)});
            }
        }
        if (chance(0.5)) c.occupations.push_back({o, std::string{"Beruf"}, uniform(1, 10) * 1.0});
        c.languages.push_back({std::string{"de"}, static_cast<LanguageLevel>(uniform(0, 5))});
        if (chance(0.4)) c.licence_classes.push_back(std::string{"B"});
        c.foreign_licence_only = chance(0.3);
        c.location = place();
        c.max_commute_km = uniform(10, 60);
        return c;
    }

  private:
    std::mt19937_64 rng_;
    std::vector<std::vector<SkillId>> essential_;
    std::vector<std::string> free_texts_;

    int uniform(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng_); }
    int uniform(int lo, std::size_t hi) { return uniform(lo, static_cast<int>(hi)); }
    bool chance(double p) { return std::uniform_real_distribution<double>(0, 1)(rng_) < p; }
    SkillId pick(SkillId below) { return static_cast<SkillId>(uniform(0, static_cast<int>(below) - 1)); }
    // Some skills are far more common than others (roughly Zipf), as in real vacancies.
    SkillId skewed_skill() {
        const double u = std::uniform_real_distribution<double>(0, 1)(rng_);
        return static_cast<SkillId>(std::min<double>(
            kSkills - 1, std::floor(std::pow(static_cast<double>(kSkills), u)) - 1 + uniform(0, 1)));
    }
    OccupationId occupation() {
        return static_cast<OccupationId>(uniform(0, static_cast<int>(kOccupations) - 1));
    }
    GeoPoint place() {
        return {std::uniform_real_distribution<double>(47.5, 54.8)(rng_),
                std::uniform_real_distribution<double>(6.0, 15.0)(rng_)};
    }
    VacancySkill requirement(OccupationId o) {
        if (chance(0.05))
            return {free_texts_[static_cast<std::size_t>(uniform(0, kUnresolvedPool - 1))], std::nullopt,
                    0.0};
        const SkillId s =
            chance(0.8) ? essential_[o][static_cast<std::size_t>(uniform(0, kEssentialPerOccupation - 1))]
                        : skewed_skill();
        return {label(s), s, 0.9};
    }
};

struct Latency {
    double p50 = 0, p99 = 0;
};

Latency percentiles(std::vector<double> ms) {
    if (ms.empty()) return {};
    std::sort(ms.begin(), ms.end());
    const auto at = [&](double q) {
        return ms[std::min(ms.size() - 1, static_cast<std::size_t>(q * static_cast<double>(ms.size())))];
    };
    return {at(0.50), at(0.99)};
}

// --- SQLite baseline: the catalog part of the score as one GROUP BY query per request. ---

struct SqliteCloser {
    void operator()(sqlite3* db) const { sqlite3_close(db); }
};
struct StatementCloser {
    void operator()(sqlite3_stmt* s) const { sqlite3_finalize(s); }
};
using StatementPtr = std::unique_ptr<sqlite3_stmt, StatementCloser>;

void haversine_sql(sqlite3_context* ctx, int, sqlite3_value** argv) {
    if (sqlite3_value_type(argv[0]) == SQLITE_NULL || sqlite3_value_type(argv[2]) == SQLITE_NULL) {
        sqlite3_result_null(ctx);
        return;
    }
    sqlite3_result_double(ctx, haversine_km({sqlite3_value_double(argv[0]), sqlite3_value_double(argv[1])},
                                            {sqlite3_value_double(argv[2]), sqlite3_value_double(argv[3])}));
}

static constexpr char kSchemaSql[] =
    "CREATE TABLE vacancy (id INTEGER PRIMARY KEY, reference TEXT NOT NULL, lat REAL, lon REAL, "
    "valid_until INTEGER, open INTEGER NOT NULL, required_count INTEGER NOT NULL, optional_count INTEGER NOT "
    "NULL);"
    "CREATE TABLE vacancy_skill (vacancy_id INTEGER NOT NULL, skill_id INTEGER NOT NULL, required INTEGER "
    "NOT NULL);"
    "CREATE TABLE candidate (id INTEGER PRIMARY KEY, ref TEXT NOT NULL, lat REAL, lon REAL, radius REAL NOT "
    "NULL);"
    "CREATE TABLE candidate_skill (candidate_id INTEGER NOT NULL, skill_id INTEGER NOT NULL);"
    "CREATE TABLE skill_related (skill_id INTEGER NOT NULL, related_id INTEGER NOT NULL, weight REAL NOT "
    "NULL);"
    "CREATE TEMP TABLE query_skill (skill_id INTEGER NOT NULL, required INTEGER NOT NULL);";
static constexpr char kIndexSql[] =
    "CREATE INDEX vacancy_skill_by_skill ON vacancy_skill (skill_id, vacancy_id, required);"
    "CREATE INDEX candidate_skill_by_skill ON candidate_skill (skill_id, candidate_id);"
    "CREATE INDEX skill_related_by_skill ON skill_related (skill_id, related_id, weight);";
static constexpr char kInsertVacancySql[] =
    "INSERT INTO vacancy (id, reference, lat, lon, valid_until, open, required_count, optional_count) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
static constexpr char kInsertVacancySkillSql[] =
    "INSERT INTO vacancy_skill (vacancy_id, skill_id, required) VALUES (?, ?, ?)";
static constexpr char kInsertCandidateSql[] =
    "INSERT INTO candidate (id, ref, lat, lon, radius) VALUES (?, ?, ?, ?, ?)";
static constexpr char kInsertCandidateSkillSql[] =
    "INSERT INTO candidate_skill (candidate_id, skill_id) VALUES (?, ?)";
static constexpr char kInsertRelatedSql[] =
    "INSERT INTO skill_related (skill_id, related_id, weight) VALUES (?, ?, ?)";
static constexpr char kInsertQuerySkillSql[] = "INSERT INTO query_skill (skill_id, required) VALUES (?, ?)";
static constexpr char kClearQuerySql[] = "DELETE FROM query_skill";
// Vacancies for a candidate: best relatedness per vacancy skill, coverage per vacancy, reachable first.
static constexpr char kVacanciesForSql[] =
    "WITH best AS (SELECT r.related_id AS skill_id, MAX(r.weight) AS w FROM query_skill q "
    "  JOIN skill_related r ON r.skill_id = q.skill_id GROUP BY r.related_id), "
    "scored AS (SELECT v.id AS id, v.reference AS reference, "
    "  0.70 * SUM(CASE WHEN vs.required = 1 THEN b.w ELSE 0 END) / MAX(v.required_count, 1) + "
    "  0.15 * SUM(CASE WHEN vs.required = 0 THEN b.w ELSE 0 END) / MAX(v.optional_count, 1) AS score, "
    "  haversine(?, ?, v.lat, v.lon) AS km "
    "  FROM best b JOIN vacancy_skill vs ON vs.skill_id = b.skill_id JOIN vacancy v ON v.id = vs.vacancy_id "
    "  WHERE v.open = 1 AND (v.valid_until IS NULL OR v.valid_until >= ?) GROUP BY v.id) "
    "SELECT id, score, km FROM scored ORDER BY (km IS NULL OR km <= ?) DESC, score DESC, km IS NULL, km, "
    "reference "
    "LIMIT ?";
// Candidates for a vacancy: the same from the other side.
static constexpr char kCandidatesForSql[] =
    "WITH best AS (SELECT r.related_id AS skill_id, q.required AS required, MAX(r.weight) AS w FROM "
    "query_skill q "
    "  JOIN skill_related r ON r.skill_id = q.skill_id GROUP BY r.related_id, q.required), "
    "scored AS (SELECT c.id AS id, c.ref AS ref, c.radius AS radius, "
    "  0.70 * SUM(CASE WHEN b.required = 1 THEN b.w ELSE 0 END) / ? + "
    "  0.15 * SUM(CASE WHEN b.required = 0 THEN b.w ELSE 0 END) / ? AS score, "
    "  haversine(?, ?, c.lat, c.lon) AS km "
    "  FROM best b JOIN candidate_skill cs ON cs.skill_id = b.skill_id JOIN candidate c ON c.id = "
    "cs.candidate_id "
    "  GROUP BY c.id) "
    "SELECT id, score, km FROM scored ORDER BY (km IS NULL OR km <= radius) DESC, score DESC, km IS NULL, "
    "km, ref "
    "LIMIT ?";

class SqliteBaseline {
  public:
    SqliteBaseline() {
        sqlite3* raw = nullptr;
        sqlite3_open(":memory:", &raw);
        db_.reset(raw);
        sqlite3_create_function(raw, "haversine", 4, SQLITE_UTF8 | SQLITE_DETERMINISTIC, nullptr,
                                haversine_sql, nullptr, nullptr);
        exec(kSchemaSql);
    }

    void load(const SkillGraph& graph, const std::vector<Vacancy>& vacancies,
              const std::vector<Candidate>& candidates) {
        exec("BEGIN");
        auto related = prepare(kInsertRelatedSql);
        for (SkillId s = 0; s < graph.node_count(); ++s) {
            insert(related.get(), {s, s}, 1.0);
            for (const RelatedSkill& r : graph.neighbours(s))
                insert(related.get(), {s, r.skill}, relation_weight(r.relation));
        }
        auto vacancy = prepare(kInsertVacancySql);
        auto vacancy_skill = prepare(kInsertVacancySkillSql);
        for (std::size_t i = 0; i < vacancies.size(); ++i) {
            const Vacancy& v = vacancies[i];
            sqlite3_stmt* st = vacancy.get();
            sqlite3_bind_int64(st, 1, static_cast<sqlite3_int64>(i));
            sqlite3_bind_text(st, 2, v.reference.c_str(), -1, SQLITE_STATIC);
            bind_place(st, 3, v.location);
            if (v.valid_until)
                sqlite3_bind_int64(st, 5, v.valid_until->time_since_epoch().count());
            else
                sqlite3_bind_null(st, 5);
            sqlite3_bind_int(st, 6, v.open ? 1 : 0);
            sqlite3_bind_int64(st, 7, static_cast<sqlite3_int64>(v.required.size()));
            sqlite3_bind_int64(st, 8, static_cast<sqlite3_int64>(v.optional.size()));
            step(st);
            for (const auto* list : {&v.required, &v.optional})
                for (const VacancySkill& r : *list)
                    if (r.id)
                        insert(vacancy_skill.get(), {static_cast<std::uint32_t>(i), *r.id},
                               list == &v.required ? 1 : 0);
        }
        auto candidate = prepare(kInsertCandidateSql);
        auto candidate_skill = prepare(kInsertCandidateSkillSql);
        for (std::size_t i = 0; i < candidates.size(); ++i) {
            const Candidate& c = candidates[i];
            sqlite3_stmt* st = candidate.get();
            sqlite3_bind_int64(st, 1, static_cast<sqlite3_int64>(i));
            sqlite3_bind_text(st, 2, c.ref.c_str(), -1, SQLITE_STATIC);
            bind_place(st, 3, c.location);
            sqlite3_bind_double(st, 5, c.max_commute_km.value_or(ScoreWeights::kDefaultCommuteKm));
            step(st);
            for (const CandidateSkill& s : c.skills)
                if (s.id) {
                    sqlite3_bind_int64(candidate_skill.get(), 1, static_cast<sqlite3_int64>(i));
                    sqlite3_bind_int64(candidate_skill.get(), 2, *s.id);
                    step(candidate_skill.get());
                }
        }
        exec("COMMIT");
        exec(kIndexSql);
        vacancies_for_ = prepare(kVacanciesForSql);
        candidates_for_ = prepare(kCandidatesForSql);
        insert_query_ = prepare(kInsertQuerySkillSql);
        clear_query_ = prepare(kClearQuerySql);
    }

    std::size_t vacancies_for(const Candidate& c) {
        set_query(c.skills, {});
        sqlite3_stmt* st = vacancies_for_.get();
        bind_place(st, 1, c.location);
        sqlite3_bind_int64(st, 3, kToday.time_since_epoch().count());
        sqlite3_bind_double(st, 4, c.max_commute_km.value_or(ScoreWeights::kDefaultCommuteKm));
        sqlite3_bind_int64(st, 5, static_cast<sqlite3_int64>(kTopK));
        return rows(st);
    }

    std::size_t candidates_for(const Vacancy& v) {
        set_query({}, v);
        sqlite3_stmt* st = candidates_for_.get();
        sqlite3_bind_int64(st, 1, static_cast<sqlite3_int64>(std::max<std::size_t>(v.required.size(), 1)));
        sqlite3_bind_int64(st, 2, static_cast<sqlite3_int64>(std::max<std::size_t>(v.optional.size(), 1)));
        bind_place(st, 3, v.location);
        sqlite3_bind_int64(st, 5, static_cast<sqlite3_int64>(kTopK));
        return rows(st);
    }

  private:
    std::unique_ptr<sqlite3, SqliteCloser> db_;
    StatementPtr vacancies_for_, candidates_for_, insert_query_, clear_query_;

    void exec(const char* sql) {
        char* error = nullptr;
        if (sqlite3_exec(db_.get(), sql, nullptr, nullptr, &error) != SQLITE_OK) {
            std::fprintf(stderr, "sqlite: %s\n", error);
            sqlite3_free(error);
        }
    }
    StatementPtr prepare(const char* sql) {
        sqlite3_stmt* st = nullptr;
        if (sqlite3_prepare_v2(db_.get(), sql, -1, &st, nullptr) != SQLITE_OK)
            std::fprintf(stderr, "sqlite: %s\n", sqlite3_errmsg(db_.get()));
        return StatementPtr(st);
    }
    static void step(sqlite3_stmt* st) {
        sqlite3_step(st);
        sqlite3_reset(st);
    }
    static void insert(sqlite3_stmt* st, std::pair<std::uint32_t, std::uint32_t> ids, double third) {
        sqlite3_bind_int64(st, 1, ids.first);
        sqlite3_bind_int64(st, 2, ids.second);
        sqlite3_bind_double(st, 3, third);
        step(st);
    }
    static void bind_place(sqlite3_stmt* st, int at, const std::optional<GeoPoint>& p) {
        if (p) {
            sqlite3_bind_double(st, at, p->lat_deg);
            sqlite3_bind_double(st, at + 1, p->lon_deg);
        } else {
            sqlite3_bind_null(st, at);
            sqlite3_bind_null(st, at + 1);
        }
    }
    void set_query(const std::vector<CandidateSkill>& skills, const Vacancy& v) {
        step(clear_query_.get());
        for (const CandidateSkill& s : skills)
            if (s.id) add_query_skill(*s.id, true);
        for (const auto* list : {&v.required, &v.optional})
            for (const VacancySkill& r : *list)
                if (r.id) add_query_skill(*r.id, list == &v.required);
    }
    void add_query_skill(SkillId skill, bool required) {
        sqlite3_bind_int64(insert_query_.get(), 1, skill);
        sqlite3_bind_int(insert_query_.get(), 2, required ? 1 : 0);
        step(insert_query_.get());
    }
    static std::size_t rows(sqlite3_stmt* st) {
        std::size_t n = 0;
        while (sqlite3_step(st) == SQLITE_ROW) ++n;
        sqlite3_reset(st);
        return n;
    }
};

}  // namespace

int main(int argc, char** argv) {
    // --quick: smaller sizes; --size N: only N vacancies; --no-sql: skip the SQLite baseline.
    bool quick = false, sql_baseline = true;
    std::size_t only = 0;
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--quick") == 0)
            quick = true;
        else if (std::strcmp(argv[i], "--no-sql") == 0)
            sql_baseline = false;
        else if (std::strcmp(argv[i], "--size") == 0 && i + 1 < argc)
            only = std::strtoul(argv[++i], nullptr, 10);
    }
    std::vector<std::size_t> sizes = quick ? std::vector<std::size_t>{10'000, 100'000}
                                           : std::vector<std::size_t>{10'000, 100'000, 1'000'000};
    if (only > 0) sizes = {only};
    const std::size_t candidate_count = quick ? 20'000 : 100'000;
    constexpr int kQueries = 300;
    constexpr int kSqlQueries = 20;

    World world(42);
    const Scorer scorer(world.graph, trigram_dice);
    std::vector<Candidate> candidates;
    candidates.reserve(candidate_count);
    for (std::size_t i = 0; i < candidate_count; ++i) candidates.push_back(world.candidate(i));
    std::printf(
        "catalog: %u skills, %u groups, %u occupations; skill graph %.1f MB; %zu candidates; top-%zu; one "
        "core\n",
        kSkills, kGroups, kOccupations, static_cast<double>(world.graph.memory_bytes()) / 1e6,
        candidates.size(), kTopK);
    std::printf("%-10s %-24s %10s %10s %10s %12s %12s %12s\n", "vacancies", "top-20 query", "p50 ms",
                "p99 ms", "build s", "index MB", "+rss MB", "maxrss MB");

    std::vector<Vacancy> vacancies;
    for (const std::size_t size : sizes) {
        vacancies.reserve(size);
        while (vacancies.size() < size) vacancies.push_back(world.vacancy(vacancies.size()));

        const double rss_before = rss_mb();
        const double build_start = thread_cpu_ms();
        const MatchIndex index(scorer, vacancies, candidates);
        const double build_s = (thread_cpu_ms() - build_start) / 1000.0;
        const double index_mb = static_cast<double>(index.memory_bytes()) / 1e6;
        const double rss_index = rss_mb() - rss_before;

        std::vector<double> forward, backward;
        std::size_t results = 0;
        for (int q = 0; q < kQueries; ++q) {
            const Candidate& c = candidates[static_cast<std::size_t>(q) * 7919 % candidates.size()];
            double start = thread_cpu_ms();
            results += index.vacancies_for(c, kToday, kTopK).size();
            forward.push_back(thread_cpu_ms() - start);
            const Vacancy& v = vacancies[static_cast<std::size_t>(q) * 104729 % vacancies.size()];
            start = thread_cpu_ms();
            results += index.candidates_for(v, kToday, kTopK).size();
            backward.push_back(thread_cpu_ms() - start);
        }
        const double rss = max_rss_mb();
        const Latency f = percentiles(forward), b = percentiles(backward);
        std::printf("%-10zu %-24s %10.2f %10.2f %10.2f %12.1f %12.0f %12.0f\n", size,
                    "index: vacancies/cand.", f.p50, f.p99, build_s, index_mb, rss_index, rss);
        std::printf("%-10zu %-24s %10.2f %10.2f %10s %12s %12s\n", size, "index: candidates/vac.", b.p50,
                    b.p99, "", "", "");

        if (!sql_baseline) continue;
        SqliteBaseline sql;
        const double load_start = thread_cpu_ms();
        sql.load(world.graph, vacancies, candidates);
        const double load_s = (thread_cpu_ms() - load_start) / 1000.0;
        std::vector<double> sql_forward, sql_backward;
        for (int q = 0; q < kSqlQueries; ++q) {
            const Candidate& c = candidates[static_cast<std::size_t>(q) * 7919 % candidates.size()];
            double start = thread_cpu_ms();
            results += sql.vacancies_for(c);
            sql_forward.push_back(thread_cpu_ms() - start);
            const Vacancy& v = vacancies[static_cast<std::size_t>(q) * 104729 % vacancies.size()];
            start = thread_cpu_ms();
            results += sql.candidates_for(v);
            sql_backward.push_back(thread_cpu_ms() - start);
        }
        const Latency sf = percentiles(sql_forward), sb = percentiles(sql_backward);
        std::printf("%-10zu %-24s %10.2f %10.2f %10.2f %12s %12s\n", size, "SQLite: vacancies/cand.", sf.p50,
                    sf.p99, load_s, "", "");
        std::printf("%-10zu %-24s %10.2f %10.2f %10s %12s %12s\n", size, "SQLite: candidates/vac.", sb.p50,
                    sb.p99, "", "", "");
        std::fflush(stdout);
        if (results == 0) std::printf("(no results: the generator is broken)\n");
    }
    std::printf(
        "Times are CPU time of the querying thread (one core), so other load on the machine does not "
        "count.\n");
    std::printf(
        "index MB: the index's own arrays; +rss MB: resident growth while building it; maxrss: process peak\n"
        "(generated Vacancy/Candidate objects + index + the SQLite copy of the previous size).\n");
    std::printf(
        "SQLite: catalog part of the score only (no text similarity, experience, German, licence); build s = "
        "load + index.\n");
    return 0;
}
