#pragma once
// What a screen needs to draw: text, messages, sizes, direction, and where to send actions.
#include <functional>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "i18n/messages.hpp"
#include "kiosk/app/state.hpp"
#include "kiosk/text/text_cache.hpp"
#include "kiosk/ui/metrics.hpp"

namespace kk::ui {

// Collects the actions a frame dispatches; the app applies them after drawing.
class Dispatch {
public:
    void operator()(kiosk::Action action) { pending_.push_back(std::move(action)); }
    std::vector<kiosk::Action> take() { return std::exchange(pending_, {}); }

private:
    std::vector<kiosk::Action> pending_;
};

// Where each tappable control was drawn this frame, by id: for tests and scripted input.
using TapTargets = std::map<std::string, Rect, std::less<>>;

struct Context {
    text::TextCache& text;
    const i18n::Messages& messages;
    Metrics metrics;
    bool rtl = false;  // the session language is written right to left
    Dispatch& dispatch;
    const i18n::Messages* german = nullptr;  // German messages, for the labels shown beside the user's
    const kiosk::State* state = nullptr;  // the whole state, for shared chrome (header, overlays)
    bool can_read_aloud = false;          // espeak-ng has a voice for the session language
    TapTargets* targets = nullptr;        // filled by the controls when set
    float scroll_offset = 0.0f;           // how far the screen's body is scrolled up, in pixels
    bool scroll_dragged = false;          // the current press is a drag, not a tap
    float* body_content_height = nullptr; // a scrolling screen reports its content height here
    ImTextureID cv_preview = nullptr;     // Done: the CV's first page, when it could be rendered
    ImVec2 cv_preview_size{};             // its pixel size
};

}  // namespace kk::ui
