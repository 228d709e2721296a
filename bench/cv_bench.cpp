// Time to produce one two-page CV PDF and one preview PNG of the demo person. Goal: under 150 ms together.
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <filesystem>

#include "cv/demo_profile.hpp"
#include "cv/render.hpp"
#include "i18n/messages.hpp"

namespace {

std::filesystem::path scratch(const char* name) {
    return std::filesystem::temp_directory_path() / ("kk_cv_bench_" + std::to_string(getpid()) + "_" + name);
}

void BM_CvPdfTwoPages(benchmark::State& state) {
    const auto profile = kk::cv::demo_profile();
    const auto catalog = kk::cv::demo_catalog();
    const auto out = scratch("cv.pdf");
    int pages = 0;
    for (auto _ : state) {
        const auto r = kk::cv::render_cv_pdf(profile, catalog, KK_BENCH_LOCALE_DIR, out);
        if (!r) state.SkipWithError(r.error.c_str());
        pages = r.pages;
    }
    state.counters["pages"] = pages;
    std::filesystem::remove(out);
}
BENCHMARK(BM_CvPdfTwoPages)->Unit(benchmark::kMillisecond);

void BM_CvPdfWithCompanion(benchmark::State& state) {
    const auto profile = kk::cv::demo_profile();
    const auto catalog = kk::cv::demo_catalog();
    const auto out = scratch("cv-companion.pdf");
    int pages = 0;
    for (auto _ : state) {
        const auto r = kk::cv::render_cv_pdf(profile, catalog, KK_BENCH_LOCALE_DIR, out, {.companion = true});
        if (!r) state.SkipWithError(r.error.c_str());
        pages = r.pages;
    }
    state.counters["pages"] = pages;
    std::filesystem::remove(out);
}
BENCHMARK(BM_CvPdfWithCompanion)->Unit(benchmark::kMillisecond);

void BM_CvPreviewPng(benchmark::State& state) {
    const auto profile = kk::cv::demo_profile();
    const auto catalog = kk::cv::demo_catalog();
    const auto out = scratch("preview.png");
    for (auto _ : state) {
        const auto r = kk::cv::render_cv_png(profile, catalog, KK_BENCH_LOCALE_DIR, out,
                                             {.width_px = static_cast<int>(state.range(0)), .page = 0});
        if (!r) state.SkipWithError(r.error.c_str());
    }
    std::filesystem::remove(out);
}
BENCHMARK(BM_CvPreviewPng)->Arg(800)->Arg(1200)->Unit(benchmark::kMillisecond);

void BM_CvPreviewPixels(benchmark::State& state) {
    const auto profile = kk::cv::demo_profile();
    const auto catalog = kk::cv::demo_catalog();
    const auto document =
        kk::cv::build_german_cv(profile, catalog, kk::i18n::Messages(KK_BENCH_LOCALE_DIR, "de"));
    for (auto _ : state) {
        benchmark::DoNotOptimize(kk::cv::render_page_rgba(document, 0, static_cast<int>(state.range(0))));
    }
}
BENCHMARK(BM_CvPreviewPixels)->Arg(800)->Unit(benchmark::kMillisecond);

}  // namespace
