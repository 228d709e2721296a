// Resolve and autocomplete latency over the full ESCO catalog plus ours, built the way the kiosk builds it:
// import-esco into a temporary database, then catalog_label_entries. Also times the import. Prints numbers
// only. Run: build/bench/catalog_resolve_bench [ESCO_DIR...] (default: the shared v1.1.1 en + relations,
// v1.2.1 de)
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "db/catalog.hpp"
#include "db/esco_import.hpp"
#include "matcher/skill_index.hpp"

namespace {

using Clock = std::chrono::steady_clock;

double percentile(std::vector<double> v, double p) {
    std::sort(v.begin(), v.end());
    return v.empty() ? 0.0 : v[static_cast<std::size_t>(p * static_cast<double>(v.size() - 1))];
}

// The first `n` code points of `s`, so a prefix never cuts a UTF-8 sequence.
std::string prefix(const std::string& s, std::size_t n) {
    std::size_t i = 0;
    for (std::size_t cps = 0; i < s.size() && cps < n; ++cps) {
        ++i;
        while (i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) ++i;
    }
    return s.substr(0, i);
}

}  // namespace

int main(int argc, char** argv) {
    namespace fs = std::filesystem;
    const fs::path shared = fs::path(KK_SHARED_DATA_DIR) / "esco";
    std::vector<fs::path> dirs;
    for (int i = 1; i < argc; ++i) dirs.emplace_back(argv[i]);
    if (dirs.empty()) dirs = {shared / "v1.1.1-en", shared / "v1.1.1-relations", shared / "v1.2.1-de"};
    const fs::path db =
        fs::temp_directory_path() / ("catalog_resolve_bench_" + std::to_string(::getpid()) + ".db");
    int code = 0;
    {
        auto store = kk::db::Store::open(db);
        if (!store || !kk::db::ensure_shipped_catalog(*store, KK_BENCH_LOCALE_DIR)) {
            std::fprintf(stderr, "cannot create the catalog database\n");
            return 1;
        }
        const auto t0 = Clock::now();
        auto report = kk::db::import_esco(*store, dirs);
        const double import_s = std::chrono::duration<double>(Clock::now() - t0).count();
        if (!report) {
            std::fprintf(stderr, "%s\n", report.error().c_str());
            code = 1;
        } else {
            auto entries = kk::db::catalog_label_entries(*store);
            const auto t1 = Clock::now();
            const kk::matcher::SkillIndex index(*entries);
            const double build_s = std::chrono::duration<double>(Clock::now() - t1).count();
            std::printf("import_esco_s %.2f\nlabels %zu\nconcepts %zu\nindex_build_s %.2f\n", import_s,
                        index.label_count(), index.concept_count(), build_s);

            // Queries: labels of random entries, with one typo, and 1..8 code point prefixes of them.
            std::mt19937 rng(42);
            std::vector<kk::matcher::LabelEntry> sample;
            std::sample(entries->begin(), entries->end(), std::back_inserter(sample), 2000, rng);
            std::vector<double> resolve_us, complete_us;
            for (const auto& entry : sample) {
                const auto* e = &entry;
                std::string q = e->label;
                if (q.size() > 4 && static_cast<unsigned char>(q[2]) < 0x80) q[2] = 'x';
                auto t = Clock::now();
                (void)index.resolve(q, e->lang);
                resolve_us.push_back(std::chrono::duration<double, std::micro>(Clock::now() - t).count());
                for (std::size_t n = 1; n <= 8; ++n) {
                    const std::string typed = prefix(e->label, n);
                    t = Clock::now();
                    (void)index.autocomplete(typed, e->lang);
                    complete_us.push_back(
                        std::chrono::duration<double, std::micro>(Clock::now() - t).count());
                }
            }
            std::printf("resolve_us p50 %.0f p99 %.0f (n=%zu)\n", percentile(resolve_us, 0.5),
                        percentile(resolve_us, 0.99), resolve_us.size());
            std::printf("autocomplete_us p50 %.0f p99 %.0f (n=%zu)\n", percentile(complete_us, 0.5),
                        percentile(complete_us, 0.99), complete_us.size());
        }
    }
    std::error_code ec;
    for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(db.string() + suffix, ec);
    return code;
}
