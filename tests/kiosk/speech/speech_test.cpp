#include "kiosk/speech/speech.hpp"

#include <catch2/catch.hpp>
#include <cmath>

#include "i18n/languages.hpp"

using namespace kk::speech;

namespace {
double rms(const std::vector<std::int16_t>& samples) {
    double sum = 0;
    for (auto s : samples) sum += static_cast<double>(s) * s;
    return samples.empty() ? 0.0 : std::sqrt(sum / static_cast<double>(samples.size()));
}
}  // namespace

TEST_CASE("read-aloud speaks the languages espeak-ng has and hides the others", "[kiosk][speech]") {
    auto speaker = Speaker::create(Speaker::Output::Capture);
    REQUIRE(speaker);
    for (auto lang : {"de", "ar", "fa_AF", "uk", "tr", "ku"}) {
        INFO(lang);
        CHECK(speaker->can_speak(lang));
    }
    for (auto lang : {"ps", "ckb", "ti", "so"}) {
        INFO(lang);
        CHECK_FALSE(speaker->can_speak(lang));
        CHECK_FALSE(speaker->speak("text", lang));
    }
    // Every language either speaks or is hidden; never a voice that fails.
    for (auto lang : kk::i18n::ui_languages()) {
        INFO(lang);
        CHECK(speaker->can_speak(lang) == voice_for(lang).has_value());
    }
}

TEST_CASE("speaking produces audible speech, longer for longer text", "[kiosk][speech]") {
    auto speaker = Speaker::create(Speaker::Output::Capture);
    REQUIRE(speaker);
    REQUIRE(speaker->speak("Guten Tag", "de"));
    const auto short_text = speaker->captured();
    REQUIRE(speaker->speak("مرحبا بكم في كشك الكفاءات. اختر لغتك للبدء.", "ar"));
    const auto long_text = speaker->captured();
    CHECK(short_text.size() > static_cast<size_t>(speaker->sample_rate() / 4));
    CHECK(long_text.size() > short_text.size());
    CHECK(rms(short_text) > 100.0);
    CHECK(rms(long_text) > 100.0);
}
