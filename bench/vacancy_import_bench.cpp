// Vacancy CSV import throughput and peak memory; a plain program printing a table, never failing.
// Usage: build/bench/vacancy_import_bench [ROWS...]   (default: 100000 1000000). Goal: >= 200k rows/s, flat memory.
// Per size it times the phases separately, so a slow import shows where the time goes: reading the CSV alone,
// reading plus validating every row (no database), the import into an empty database while another
// connection has it open (so through the WAL, as with the kiosk running) and alone (through a rollback
// journal), importing the same file again (every row unchanged), the floor: the same rows inserted with
// prepared statements and no CSV, and the same into a bare table, to show what the schema's constraints and
// indexes add.
#include <fcntl.h>
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "db/csv/reader.hpp"
#include "db/sqlite.hpp"
#include "db/vacancy_csv.hpp"
#include "db/vacancy_import.hpp"

namespace {

double cpu_seconds() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    auto seconds = [](const timeval& t) { return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6; };
    return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

// VmHWM rather than getrusage: it can be reset between sizes, so a small run's floor phase does not hide the
// next size's import.
long peak_rss_kib() {
    std::ifstream status("/proc/self/status");
    std::string key;
    long kib = 0;
    while (status >> key) {
        if (key == "VmHWM:") {
            status >> kib;
            return kib;
        }
        status.ignore(1 << 10, '\n');
    }
    return kib;
}

void reset_peak_rss() { std::ofstream("/proc/self/clear_refs") << "5"; }

// Rows like real exports: 500 employers, 3 required and 1 optional skill, a quoted two-line description.
void generate(const std::filesystem::path& file, std::size_t rows) {
    std::ofstream out(file, std::ios::binary);
    out << "\xEF\xBB\xBFreferenz;arbeitgeber;titel;plz;ort;pflichtkenntnisse;wunschkenntnisse;deutschniveau;"
           "sprachfoerderung;fuehrerschein;arbeitszeit;beschreibung;kontakt;gueltig_bis\r\n";
    for (std::size_t i = 0; i < rows; ++i) {
        out << "REF-" << i << ";Arbeitgeber " << i % 500 << " GmbH;Helfer/in Lager " << i % 97 << ';'
            << 10000 + i % 89999 << ";Musterstadt;Kommissionieren, Gabelstapler, Lager " << i % 13
            << ";Kasse;A2;ja;B;Vollzeit;\"Schichtbetrieb; Einarbeitung\r\nArbeitskleidung wird gestellt\";"
               "personal@example.org;31.12.2030\r\n";
    }
    out.close();
    // On the disk before any phase starts: otherwise the kernel writes the file back while the phases run and
    // the first of them pays for it.
    const int fd = ::open(file.c_str(), O_RDONLY);
    if (fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
}

// Runs `phase`, which returns whether it did what was expected, and prints one line of the table.
void measure(std::size_t rows, const char* name, const std::function<bool()>& phase) {
    // What earlier phases wrote reaches the disk first; otherwise the kernel writes it back while this phase
    // runs, and this phase pays for it (a first import after another one measured slower than it is).
    ::sync();
    const double cpu_start = cpu_seconds();
    const auto start = std::chrono::steady_clock::now();
    const bool ok = phase();
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    const double cpu = cpu_seconds() - cpu_start;
    std::printf("%10zu %-18s %10.2f %10.0f %12.0f %14.1f %8s\n", rows, name, seconds,
                static_cast<double>(rows) / seconds, static_cast<double>(rows) / cpu,
                static_cast<double>(peak_rss_kib()) / 1024.0, ok ? "ok" : "FAILED");
    std::fflush(stdout);
}

// Reads (and with `validate`, checks) every row without a database; true when all `rows` were valid.
bool read_file(const std::filesystem::path& csv, std::size_t rows, bool validate) {
    std::string error;
    auto source = kk::db::csv::FileSource::open(csv, error);
    if (!source) return false;
    kk::db::csv::Reader reader(*source);
    kk::db::csv::Record record;
    if (!reader.next(record)) return false;
    const auto header = kk::db::map_vacancy_header(record.fields);
    std::size_t good = 0;
    while (reader.next(record)) {
        good += !validate || kk::db::parse_vacancy_row(header, record).vacancy.has_value();
    }
    return good == rows && !reader.error();
}

// What SQLite alone costs for these rows in this schema: one vacancy row with its four skills (as JSON) per
// row, values prepared in advance, in one transaction, no CSV, no lookups. It asks SQLite what a first import
// asks, the way it asks: a rollback journal (the database to itself), foreign keys checked once at the end
// (each employer id the vacancies use, from the identity index), 32 rows per INSERT, the table's indexes
// dropped first and built before committing, sorted with a helper thread. The import cannot be faster.
// `bare`: into a table with the same columns and nothing else (no CHECK, no foreign key, no index): what this
// machine's SQLite and disk take for the bytes alone.
bool insert_floor(const std::filesystem::path& db, std::size_t rows, bool bare) {
    constexpr std::size_t kRowsPerInsert = 32;
    auto store = kk::db::Store::open(db);
    if (!store) return false;
    kk::db::Connection& c = store->connection();
    c.exec("PRAGMA main.cache_size = -32768");
    c.exec("PRAGMA main.journal_mode = DELETE; PRAGMA main.synchronous = FULL; PRAGMA foreign_keys = OFF");
    std::vector<std::string> indexes;
    if (bare) {
        c.exec("PRAGMA foreign_keys = OFF; DROP VIEW vacancy_skills; DROP TABLE vacancies; "
               "CREATE TABLE vacancies (id INTEGER PRIMARY KEY, employer_id, reference, title, postcode, city, "
               "german_level, language_support, driving_licence, hours, description, contact, valid_until, status, "
               "fingerprint, created_at, updated_at, closed_at, required_skills, optional_skills)");
    }
    kk::db::Transaction transaction(c);
    {
        kk::db::Statement list(c, "SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND "
                                  "tbl_name = 'vacancies' AND sql IS NOT NULL");
        std::vector<std::string> names;
        while (list.step()) {
            names.push_back(list.column_text(0));
            indexes.push_back(list.column_text(1));
        }
        list.reset();
        for (const auto& name : names) c.exec(("DROP INDEX " + name).c_str());
    }
    for (int e = 0; e < 500; ++e) {
        kk::db::Statement(c, "INSERT INTO employers (name, name_key, created_at) VALUES (?, ?, '2030-01-01')")
            .bind(1, "Arbeitgeber " + std::to_string(e) + " GmbH")
            .bind(2, "arbeitgeber " + std::to_string(e) + " gmbh")
            .run();
    }
    auto insert_sql = [](std::size_t n) {
        std::string sql =
            "INSERT INTO vacancies (employer_id, reference, title, postcode, city, german_level, "
            "language_support, driving_licence, hours, description, contact, valid_until, required_skills, "
            "optional_skills, status, fingerprint, created_at, updated_at) VALUES ";
        for (std::size_t k = 0; k < n; ++k) {
            sql += k > 0 ? ", " : "";
            sql += "(?, ?, ?, ?, 'Musterstadt', 'A2', 1, 'B', 'full_time', ?, 'personal@example.org', "
                   "'2030-12-31', ?, '[[\"Kasse\",null,0]]', 'open', ?, '2030-01-01', '2030-01-01')";
        }
        return sql;
    };
    kk::db::Statement full(c, insert_sql(kRowsPerInsert).c_str());
    const std::string description = "Schichtbetrieb; Einarbeitung\nArbeitskleidung wird gestellt";
    std::vector<std::string> texts(4 * kRowsPerInsert);  // reference, title, postcode, skills of each row
    for (std::size_t first = 0; first < rows; first += kRowsPerInsert) {
        const std::size_t n = std::min(kRowsPerInsert, rows - first);
        std::optional<kk::db::Statement> last_rows;  // fewer than kRowsPerInsert left
        if (n < kRowsPerInsert) last_rows.emplace(c, insert_sql(n).c_str());
        kk::db::Statement& insert = last_rows ? *last_rows : full;
        for (std::size_t k = 0; k < n; ++k) {
            const std::size_t i = first + k;
            std::string* text = &texts[4 * k];
            text[0] = "REF-" + std::to_string(i);
            text[1] = "Helfer/in Lager " + std::to_string(i % 97);
            text[2] = std::to_string(10000 + i % 89999);
            text[3] = R"([["Kommissionieren",null,0],["Gabelstapler",null,0],["Lager )" +
                      std::to_string(i % 13) + R"(",null,0]])";
            const int p = static_cast<int>(7 * k);
            insert.bind(p + 1, static_cast<std::int64_t>(i % 500 + 1))
                .bind_view(p + 2, text[0])
                .bind_view(p + 3, text[1])
                .bind_view(p + 4, text[2])
                .bind_view(p + 5, description)
                .bind_view(p + 6, text[3])
                .bind(p + 7, static_cast<std::int64_t>(i));
        }
        insert.run();
    }
    c.exec("PRAGMA threads = 1; PRAGMA main.cache_size = -2048");
    for (const auto& sql : indexes) c.exec(sql.c_str());
    if (!bare) {
        kk::db::Statement missing(c, R"sql(
            WITH RECURSIVE used (id) AS (
                SELECT min(employer_id) FROM vacancies
                UNION ALL
                SELECT (SELECT min(employer_id) FROM vacancies WHERE employer_id > used.id) FROM used
                WHERE used.id IS NOT NULL)
            SELECT id FROM used WHERE id IS NOT NULL AND id NOT IN (SELECT id FROM employers) LIMIT 1)sql");
        if (missing.step()) return false;
    }
    transaction.commit();
    return true;
}

}  // namespace

int main(int argc, char** argv) {
    std::vector<std::size_t> sizes;
    for (int i = 1; i < argc; ++i) sizes.push_back(static_cast<std::size_t>(std::strtoull(argv[i], nullptr, 10)));
    if (sizes.empty()) sizes = {100000, 1000000};

    char pattern[] = "/tmp/kk-import-bench-XXXXXX";
    if (mkdtemp(pattern) == nullptr) return 0;
    const std::filesystem::path dir(pattern);
    // rows/CPU-s is what the import costs; rows/s (wall clock) also shows a busy machine or a slow disk.
    // Peak RSS is the process's since the start of that size, so each line includes the phases above it.
    std::printf("%10s %-18s %10s %10s %12s %14s %8s\n", "rows", "phase", "seconds", "rows/s", "rows/CPU-s",
                "peak RSS MiB", "outcome");
    for (const std::size_t rows : sizes) {
        const auto csv = dir / ("vacancies-" + std::to_string(rows) + ".csv");
        const auto db = dir / ("bench-" + std::to_string(rows) + ".db");
        generate(csv, rows);
        reset_peak_rss();
        std::printf("%10zu %-18s %.1f MiB of CSV\n", rows, "file",
                    static_cast<double>(std::filesystem::file_size(csv)) / (1024.0 * 1024.0));
        measure(rows, "read CSV", [&] { return read_file(csv, rows, false); });
        measure(rows, "read+validate", [&] { return read_file(csv, rows, true); });
        {
            auto store = kk::db::Store::open(db);
            if (!store) {
                std::printf("cannot open %s: %s\n", db.c_str(), store.error().c_str());
                continue;
            }
            {
                // The kiosk running: another connection has the database open, so the import stays in WAL
                // mode.
                const auto wal_db = dir / ("wal-" + std::to_string(rows) + ".db");
                auto writer = kk::db::Store::open(wal_db);
                auto other = kk::db::Store::open(wal_db);
                if (writer && other) {
                    measure(rows, "import (new, WAL)", [&] {
                        auto report = kk::db::import_vacancies(*writer, csv, {});
                        return report && report->inserted == rows;
                    });
                }
            }
            measure(rows, "import (new)", [&] {
                auto report = kk::db::import_vacancies(*store, csv, {});
                return report && report->inserted == rows;
            });
            measure(rows, "import (same)", [&] {
                auto report = kk::db::import_vacancies(*store, csv, {});
                return report && report->unchanged == rows;
            });
        }  // closed: its page cache is gone before the floor opens its own
        const auto floor_db = dir / ("floor-" + std::to_string(rows) + ".db");
        measure(rows, "SQLite floor", [&] { return insert_floor(floor_db, rows, false); });
        const auto bare_db = dir / ("bare-" + std::to_string(rows) + ".db");
        measure(rows, "bare table", [&] { return insert_floor(bare_db, rows, true); });
        std::filesystem::remove(csv);
    }
    std::error_code ec;
    std::filesystem::remove_all(dir, ec);
    return 0;
}
