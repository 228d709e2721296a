#pragma once
// What a screen needs to draw: text, messages, sizes, direction, and where to send actions.
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

struct Context {
    text::TextCache& text;
    const i18n::Messages& messages;
    Metrics metrics;
    bool rtl = false;  // the session language is written right to left
    Dispatch& dispatch;
};

}  // namespace kk::ui
