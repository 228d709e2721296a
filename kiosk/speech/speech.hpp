#pragma once
// Read-aloud with espeak-ng. Each UI language maps to an espeak-ng voice where one exists; languages
// without a voice (Pashto, Sorani, Tigrinya, Somali in espeak-ng 1.51) report can_speak() == false so the
// kiosk hides the button instead of offering a broken one.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kk::speech {

// The espeak-ng voice name for a UI language, if espeak-ng has one (Dari uses the Persian voice).
std::optional<std::string> voice_for(std::string_view ui_lang);

class Speaker {
public:
    enum class Output { Playback, Capture };

    // espeak-ng is one global engine per process: the first Speaker decides its output. Returns nullptr
    // when espeak-ng cannot start (no data, no audio device for Playback).
    static std::unique_ptr<Speaker> create(Output output);
    ~Speaker();
    Speaker(const Speaker&) = delete;
    Speaker& operator=(const Speaker&) = delete;

    bool can_speak(std::string_view ui_lang) const;

    // Playback: starts speaking (stopping what was being said) and returns at once. Capture: synthesises
    // and keeps the samples. Returns false when the language has no voice.
    bool speak(std::string_view utf8, std::string_view ui_lang);
    void stop();

    // Capture output only: the 16-bit mono samples of the last speak() and their sample rate.
    const std::vector<std::int16_t>& captured() const { return captured_; }
    int sample_rate() const { return sample_rate_; }

private:
    Speaker(Output output, int sample_rate) : output_(output), sample_rate_(sample_rate) {}
    friend struct CaptureSink;  // espeak-ng's synthesis callback appends to captured_

    Output output_;
    int sample_rate_;
    std::vector<std::int16_t> captured_;
};

}  // namespace kk::speech
