#include "kiosk/text/layout.hpp"

#include <catch2/catch.hpp>
#include <algorithm>

using namespace kk::text;

namespace {
int ink(const Bitmap& b, int x0, int x1) {
    int count = 0;
    for (int y = 0; y < b.extent.height; ++y) {
        for (int x = x0; x < x1; ++x) count += b.rgba[static_cast<size_t>((y * b.extent.width + x) * 4 + 3)] > 128;
    }
    return count;
}
}  // namespace

TEST_CASE("text in every script lays out with a size", "[kiosk][text]") {
    const Style style{.size_px = 24};
    for (const char* text : {"ښه راغلاست", "لا إله", "ሰላም", "Größe und Übung", "Привіт", "سڵاو"}) {
        INFO(text);
        const Extent e = measure(text, style);
        CHECK(e.width > 0);
        CHECK(e.height > 0);
        const Bitmap b = render(text, style);
        CHECK(b.extent.width == e.width);
        CHECK(ink(b, 0, b.extent.width) > 0);
    }
}

TEST_CASE("the paragraph direction comes from the text", "[kiosk][text]") {
    CHECK(paragraph_direction("ښه راغلاست") == Direction::Rtl);
    CHECK(measure("مرحبا 2024", {}).direction == Direction::Rtl);
    CHECK(paragraph_direction("Hallo 12345") == Direction::Ltr);
    CHECK(paragraph_direction("ሰላም") == Direction::Ltr);
}

TEST_CASE("Arabic is shaped: joined letters are narrower than isolated ones", "[kiosk][text]") {
    const Style style{.size_px = 32};
    // The same letters joined and separated by zero-width non-joiners: joining changes their widths.
    const int joined = measure("بببب", style).width;
    const int isolated = measure("ب\u200Cب\u200Cب\u200Cب", style).width;
    CHECK(joined < isolated);
}

TEST_CASE("wrapping makes a long paragraph taller and no wider than the wrap width", "[kiosk][text]") {
    const char* text = "Bitte tippen Sie auf Ihre Sprache, um zu beginnen. Sie können sie später ändern.";
    const Extent one_line = measure(text, {.size_px = 20});
    const Extent wrapped = measure(text, {.size_px = 20, .wrap_px = 200});
    CHECK(wrapped.height > one_line.height);
    CHECK(wrapped.width <= 200);
}

TEST_CASE("an RTL paragraph starts on the right", "[kiosk][text]") {
    // Two lines where the second is short: in RTL its ink sits at the right edge.
    const Bitmap b = render("مرحبا بكم في كشك الكفاءات\nنعم", {.size_px = 24, .wrap_px = 400});
    REQUIRE(b.extent.direction == Direction::Rtl);
    const int half = b.extent.width / 2;
    const int second_line_top = b.extent.height / 2;
    int right = 0, left = 0;
    for (int y = second_line_top; y < b.extent.height; ++y) {
        for (int x = 0; x < b.extent.width; ++x) {
            if (b.rgba[static_cast<size_t>((y * b.extent.width + x) * 4 + 3)] > 128) (x >= half ? right : left)++;
        }
    }
    CHECK(right > 0);
    CHECK(left == 0);
}

TEST_CASE("a line of isolates takes the direction its paragraph mark gives it", "[kiosk][text]") {
    // A line whose first item is Latin would be laid out left to right; in an Arabic screen the mark makes it
    // right to left, and the other way round.
    const std::string latin_first = ltr_isolate("+49 170") + " · " + isolate("Koch/Köchin") + " · " + isolate("طبّاخ");
    CHECK(paragraph_direction(latin_first) == Direction::Ltr);
    CHECK(paragraph_direction(paragraph(latin_first, true)) == Direction::Rtl);
    const std::string arabic_first = isolate("طبّاخ") + " · " + isolate("Koch/Köchin");
    CHECK(paragraph_direction(arabic_first) == Direction::Rtl);
    CHECK(paragraph_direction(paragraph(arabic_first, false)) == Direction::Ltr);
    // Marks and isolates take no room of their own.
    CHECK(measure(paragraph(isolate("Koch"), true), Style{}).width == measure("Koch", Style{}).width);
}
