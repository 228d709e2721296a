#include "kiosk/speech/speech.hpp"

#include <espeak-ng/speak_lib.h>

#include <array>
#include <mutex>
#include <utility>

namespace kk::speech {
namespace {

struct VoiceOfLanguage {
    std::string_view ui_lang;
    std::string_view voice;
};

// espeak-ng 1.51 (Debian bookworm) voices for our UI languages.
constexpr std::array<VoiceOfLanguage, 13> kVoices = {{
    {"de", "de"}, {"en", "en"}, {"ar", "ar"}, {"fa_AF", "fa"}, {"fa", "fa"}, {"uk", "uk"}, {"ru", "ru"},
    {"tr", "tr"}, {"ku", "ku"}, {"ro", "ro"}, {"pl", "pl"}, {"bg", "bg"}, {"fr", "fr"},
}};

Speaker* g_capturing = nullptr;  // the Speaker that receives captured samples
std::mutex g_engine;             // espeak-ng's API is not re-entrant

}  // namespace

std::optional<std::string> voice_for(std::string_view ui_lang) {
    for (const auto& v : kVoices) {
        if (v.ui_lang == ui_lang) return std::string(v.voice);
    }
    return std::nullopt;
}

struct CaptureSink {
    static int on_samples(short* samples, int count, espeak_EVENT*) {
        if (g_capturing != nullptr && samples != nullptr && count > 0) {
            g_capturing->captured_.insert(g_capturing->captured_.end(), samples, samples + count);
        }
        return 0;  // continue synthesis
    }
};

std::unique_ptr<Speaker> Speaker::create(Output output) {
    std::lock_guard lock(g_engine);
    static int initialised_rate = 0;
    static Output initialised_output = output;
    if (initialised_rate == 0) {
        const espeak_AUDIO_OUTPUT mode = output == Output::Playback ? AUDIO_OUTPUT_PLAYBACK : AUDIO_OUTPUT_SYNCHRONOUS;
        const int rate = espeak_Initialize(mode, 0, nullptr, espeakINITIALIZE_DONT_EXIT);
        if (rate <= 0) return nullptr;
        initialised_rate = rate;
        initialised_output = output;
        if (output == Output::Capture) espeak_SetSynthCallback(&CaptureSink::on_samples);
    }
    if (initialised_output != output) return nullptr;
    return std::unique_ptr<Speaker>(new Speaker(output, initialised_rate));
}

Speaker::~Speaker() {
    std::lock_guard lock(g_engine);
    if (g_capturing == this) g_capturing = nullptr;
}

bool Speaker::can_speak(std::string_view ui_lang) const {
    const auto voice = voice_for(ui_lang);
    if (!voice) return false;
    std::lock_guard lock(g_engine);
    return espeak_SetVoiceByName(voice->c_str()) == EE_OK;
}

bool Speaker::speak(std::string_view utf8, std::string_view ui_lang) {
    const auto voice = voice_for(ui_lang);
    if (!voice) return false;
    std::lock_guard lock(g_engine);
    if (espeak_SetVoiceByName(voice->c_str()) != EE_OK) return false;
    if (output_ == Output::Playback) {
        espeak_Cancel();
    } else {
        captured_.clear();
        g_capturing = this;
    }
    const std::string text(utf8);
    const espeak_ERROR result = espeak_Synth(text.c_str(), text.size() + 1, 0, POS_CHARACTER, 0, espeakCHARS_UTF8,
                                             nullptr, nullptr);
    if (output_ == Output::Capture) {
        espeak_Synchronize();
        g_capturing = nullptr;
    }
    return result == EE_OK;
}

void Speaker::stop() {
    std::lock_guard lock(g_engine);
    espeak_Cancel();
}

}  // namespace kk::speech
