// Cost of laying out and rasterising a tile label, the work the text cache saves on every frame.
#include <benchmark/benchmark.h>

#include "kiosk/text/layout.hpp"

namespace {

void BM_RenderLabel(benchmark::State& state, const char* text) {
    const kk::text::Style style{.size_px = 32};
    for (auto _ : state) benchmark::DoNotOptimize(kk::text::render(text, style));
}

BENCHMARK_CAPTURE(BM_RenderLabel, german, "Gabelstapler fahren");
BENCHMARK_CAPTURE(BM_RenderLabel, pashto, "ښه راغلاست");
BENCHMARK_CAPTURE(BM_RenderLabel, tigrinya, "ትግርኛ");

}  // namespace
