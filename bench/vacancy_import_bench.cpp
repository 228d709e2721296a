// Vacancy CSV import throughput and peak memory; a plain program printing a table, never failing.
// Usage: build/bench/vacancy_import_bench [ROWS...]   (default: 100000 1000000). Goal: >= 200k rows/s, flat memory.
// Per size it times the phases separately, so a slow import shows where the time goes: reading the CSV alone,
// reading plus validating every row (no database), the import into an empty database, importing the same
// file again (every row unchanged), the floor: the same rows inserted with prepared statements and no CSV, and
// the same into a bare table, to show what the schema's constraints and indexes add.
#include <fcntl.h>
#include <sys/resource.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
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
    const double cpu_start = cpu_seconds();
    const auto start = std::chrono::steady_clock::now();
    const bool ok = phase();
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    const double cpu = cpu_seconds() - cpu_start;
    std::printf("%10zu %-16s %10.2f %10.0f %12.0f %14.1f %8s\n", rows, name, seconds,
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
// row, values prepared in advance, in one transaction, no CSV, no lookups. Like the import into an empty
// table, it drops the table's indexes first and builds them before committing. The import cannot be faster.
// `bare`: into a table with the same columns and nothing else (no CHECK, no foreign key, no index): what this
// machine's SQLite and disk take for the bytes alone.
bool insert_floor(const std::filesystem::path& db, std::size_t rows, bool bare) {
    auto store = kk::db::Store::open(db);
    if (!store) return false;
    kk::db::Connection& c = store->connection();
    c.exec("PRAGMA main.cache_size = -32768");
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
    kk::db::Statement vacancy(
        c, "INSERT INTO vacancies (employer_id, reference, title, postcode, city, german_level, language_support, "
           "driving_licence, hours, description, contact, valid_until, required_skills, optional_skills, status, "
           "fingerprint, created_at, updated_at) "
           "VALUES (?, ?, ?, ?, 'Musterstadt', 'A2', 1, 'B', 'full_time', ?, 'personal@example.org', '2030-12-31', "
           "?, '[[\"Kasse\",null,0]]', 'open', ?, '2030-01-01', '2030-01-01')");
    const std::string description = "Schichtbetrieb; Einarbeitung\nArbeitskleidung wird gestellt";
    for (std::size_t i = 0; i < rows; ++i) {
        const std::string reference = "REF-" + std::to_string(i);
        const std::string title = "Helfer/in Lager " + std::to_string(i % 97);
        const std::string postcode = std::to_string(10000 + i % 89999);
        const std::string required =
            R"([["Kommissionieren",null,0],["Gabelstapler",null,0],["Lager )" + std::to_string(i % 13) + R"(",null,0]])";
        vacancy.bind(1, static_cast<std::int64_t>(i % 500 + 1))
            .bind_view(2, reference)
            .bind_view(3, title)
            .bind_view(4, postcode)
            .bind_view(5, description)
            .bind_view(6, required)
            .bind(7, static_cast<std::int64_t>(i))
            .run();
    }
    for (const auto& sql : indexes) c.exec(sql.c_str());
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
    std::printf("%10s %-16s %10s %10s %12s %14s %8s\n", "rows", "phase", "seconds", "rows/s", "rows/CPU-s",
                "peak RSS MiB", "outcome");
    for (const std::size_t rows : sizes) {
        const auto csv = dir / ("vacancies-" + std::to_string(rows) + ".csv");
        const auto db = dir / ("bench-" + std::to_string(rows) + ".db");
        generate(csv, rows);
        reset_peak_rss();
        std::printf("%10zu %-16s %.1f MiB of CSV\n", rows, "file",
                    static_cast<double>(std::filesystem::file_size(csv)) / (1024.0 * 1024.0));
        measure(rows, "read CSV", [&] { return read_file(csv, rows, false); });
        measure(rows, "read+validate", [&] { return read_file(csv, rows, true); });
        {
            auto store = kk::db::Store::open(db);
            if (!store) {
                std::printf("cannot open %s: %s\n", db.c_str(), store.error().c_str());
                continue;
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
