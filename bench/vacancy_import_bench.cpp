// Vacancy CSV import throughput and peak memory; a plain program printing a table, never failing.
// Usage: build/bench/vacancy_import_bench [ROWS...]   (default: 100000 1000000). Goal: >= 200k rows/s, flat memory.
#include <sys/resource.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "db/vacancy_import.hpp"

namespace {

double cpu_seconds() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    auto seconds = [](const timeval& t) { return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6; };
    return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

long peak_rss_kib() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss;
}

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
    std::printf("%10s %10s %10s %10s %12s %14s %12s\n", "rows", "file MiB", "seconds", "rows/s", "rows/CPU-s",
                "peak RSS MiB", "outcome");
    for (const std::size_t rows : sizes) {
        const auto csv = dir / ("vacancies-" + std::to_string(rows) + ".csv");
        const auto db = dir / ("bench-" + std::to_string(rows) + ".db");
        generate(csv, rows);
        auto store = kk::db::Store::open(db);
        if (!store) {
            std::printf("cannot open %s: %s\n", db.c_str(), store.error().c_str());
            continue;
        }
        const double cpu_start = cpu_seconds();
        const auto start = std::chrono::steady_clock::now();
        auto report = kk::db::import_vacancies(*store, csv, {});
        const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        const double cpu = cpu_seconds() - cpu_start;
        const double mib = static_cast<double>(std::filesystem::file_size(csv)) / (1024.0 * 1024.0);
        std::printf("%10zu %10.1f %10.2f %10.0f %12.0f %14.1f %12s\n", rows, mib, seconds,
                    static_cast<double>(rows) / seconds, static_cast<double>(rows) / cpu,
                    static_cast<double>(peak_rss_kib()) / 1024.0,
                    report && report->inserted == rows ? "all inserted" : "FAILED");
        std::filesystem::remove(csv);
    }
    std::error_code ec;
    std::filesystem::remove_all(dir, ec);
    return 0;
}
