#include "kiosk/text/text_cache.hpp"

#include <catch2/catch.hpp>

using namespace kk::text;

TEST_CASE("the text cache lays out once and evicts the least recently used", "[kiosk][text]") {
    NullUploader uploader;
    TextCache cache(uploader, 2);
    const Style style{.size_px = 20};
    const TextTexture a = cache.get("Maurer", style);
    CHECK(a.extent.width > 0);
    CHECK(cache.get("Maurer", style).texture == a.texture);
    CHECK(uploader.uploads() == 1);

    cache.get("Maurer", {.size_px = 30});  // another size is another entry
    CHECK(uploader.uploads() == 2);
    cache.get("Maurer", style);            // touch: now the 30 px one is oldest
    cache.get("نجار", style);              // evicts the 30 px entry
    CHECK(cache.size() == 2);
    cache.get("Maurer", style);
    CHECK(uploader.uploads() == 3);
    cache.get("Maurer", {.size_px = 30});
    CHECK(uploader.uploads() == 4);
}
