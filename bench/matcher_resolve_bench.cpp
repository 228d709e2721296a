// Latency of skill resolution and autocomplete over the real ESCO labels (English skills and occupations,
// German skill collections and occupations). A plain program, because the numbers that matter are
// percentiles per keystroke, not means. Prints numbers; never fails.
//
// Usage: matcher_resolve_bench [SHARED_DATA_DIR]   (default: the repository's ../shared/data)
#include "matcher/skill_index.hpp"
#include "tests/support/esco_labels.hpp"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <random>

#include <sys/resource.h>
#include <time.h>

namespace {

using Clock = std::chrono::steady_clock;

// CPU time of this thread in µs: the machine may be shared, and the goal is per core, so preemption by other
// processes must not count.
double cpu_micros() {
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) * 1e6 + static_cast<double>(t.tv_nsec) / 1e3;
}

struct Percentiles {
    double p50 = 0, p90 = 0, p99 = 0, max = 0;
};

Percentiles percentiles(std::vector<double> micros) {
    if (micros.empty()) return {};
    std::sort(micros.begin(), micros.end());
    const auto at = [&](double q) { return micros[static_cast<std::size_t>(q * static_cast<double>(micros.size() - 1))]; };
    return {.p50 = at(0.5), .p90 = at(0.9), .p99 = at(0.99), .max = micros.back()};
}

void report(const char* what, const std::vector<double>& micros, const std::vector<std::string>& queries) {
    const Percentiles p = percentiles(micros);
    std::printf("%-34s n=%5zu  p50 %7.1f µs  p90 %7.1f µs  p99 %7.1f µs  max %7.1f µs\n", what, micros.size(), p.p50,
                p.p90, p.p99, p.max);
    // The slowest queries say where to look next.
    std::vector<std::size_t> order(micros.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return micros[a] > micros[b]; });
    for (std::size_t i = 0; i < std::min<std::size_t>(3, order.size()); ++i)
        std::printf("    slow: %7.1f µs  \"%s\"\n", micros[order[i]], queries[order[i]].c_str());
}

// One random typo in a UTF-8 label (ASCII positions only, so the result stays valid UTF-8):
// substitution, deletion or transposition of neighbours.
std::string with_typo(std::string text, std::mt19937& rng) {
    std::vector<std::size_t> positions;
    for (std::size_t i = 0; i + 1 < text.size(); ++i) {
        if (std::isalpha(static_cast<unsigned char>(text[i])) && std::isalpha(static_cast<unsigned char>(text[i + 1])))
            positions.push_back(i);
    }
    if (positions.empty()) return text;
    const std::size_t i = positions[std::uniform_int_distribution<std::size_t>(0, positions.size() - 1)(rng)];
    switch (std::uniform_int_distribution<int>(0, 2)(rng)) {
        case 0: text[i] = static_cast<char>('a' + std::uniform_int_distribution<int>(0, 25)(rng)); break;
        case 1: text.erase(i, 1); break;
        default: std::swap(text[i], text[i + 1]); break;
    }
    return text;
}

}  // namespace

int main(int argc, char** argv) {
    const std::filesystem::path data = argc > 1 ? std::filesystem::path(argv[1]) : std::filesystem::path(KK_SHARED_DATA_DIR);
    const auto esco = data / "esco";
    if (!std::filesystem::exists(esco / "v1.1.1-en" / "skills_en.csv")) {
        std::printf("no ESCO data under %s; nothing to measure\n", esco.string().c_str());
        return 0;
    }

    auto start = Clock::now();
    const std::vector<kk::matcher::LabelEntry> labels = kk::test::load_esco_labels(esco, true);
    const double load_s = std::chrono::duration<double>(Clock::now() - start).count();
    start = Clock::now();
    const kk::matcher::SkillIndex index(labels);
    const double build_s = std::chrono::duration<double>(Clock::now() - start).count();
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    std::printf("ESCO labels: %zu labels of %zu concepts; CSV read %.2f s, index build %.2f s, peak RSS %ld MiB\n",
                index.label_count(), index.concept_count(), load_s, build_s, usage.ru_maxrss / 1024);

    std::mt19937 rng(5);
    std::uniform_int_distribution<std::size_t> pick(0, labels.size() - 1);
    std::vector<double> exact, typo, keystroke;
    std::vector<std::string> exact_queries, typo_queries, keystroke_queries;
    std::size_t typo_rank1 = 0, typo_found = 0;
    for (int n = 0; n < 2000; ++n) {
        const auto& entry = labels[pick(rng)];
        double t0 = cpu_micros();
        const auto direct = index.resolve(entry.label, entry.lang);
        exact.push_back(cpu_micros() - t0);
        exact_queries.push_back(entry.label);
        (void)direct;

        const std::string misspelt = with_typo(entry.label, rng);
        t0 = cpu_micros();
        const auto results = index.resolve(misspelt, entry.lang);
        typo.push_back(cpu_micros() - t0);
        typo_queries.push_back(misspelt);
        if (!results.empty()) ++typo_found;
        if (!results.empty() && results.front().concept_id == entry.concept_id) ++typo_rank1;
    }
    for (int n = 0; n < 150; ++n) {
        // Every keystroke of typing a real label (up to 24 bytes), as the kiosk's search field sees it.
        const auto& entry = labels[pick(rng)];
        for (std::size_t length = 1; length <= std::min<std::size_t>(entry.label.size(), 24); ++length) {
            if ((static_cast<unsigned char>(entry.label[length - 1]) & 0xC0) == 0x80 &&
                length < entry.label.size() && (static_cast<unsigned char>(entry.label[length]) & 0xC0) == 0x80)
                continue;  // inside a multi-byte character
            const std::string typed = entry.label.substr(0, length);
            const double t0 = cpu_micros();
            const auto suggestions = index.autocomplete(typed, entry.lang);
            keystroke.push_back(cpu_micros() - t0);
            keystroke_queries.push_back(typed);
            (void)suggestions;
        }
    }
    report("resolve, exact label", exact, exact_queries);
    report("resolve, one typo", typo, typo_queries);
    report("autocomplete, per keystroke", keystroke, keystroke_queries);
    std::printf("one-typo labels: %zu of %zu resolved, %zu with the original concept at rank 1 (%.1f%%)\n", typo_found,
                typo.size(), typo_rank1, 100.0 * static_cast<double>(typo_rank1) / static_cast<double>(typo.size()));
    std::printf("times are CPU time of the querying thread; goal: p99 < 2000 µs per keystroke on one core\n");
    return 0;
}
