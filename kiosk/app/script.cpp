#include "kiosk/app/script.hpp"

#include <charconv>

namespace kk::kiosk {

ParsedScript parse_script(std::string_view text) {
    ParsedScript out;
    int line_no = 0;
    while (!text.empty()) {
        const auto nl = text.find('\n');
        std::string_view line = text.substr(0, nl);
        text = nl == std::string_view::npos ? std::string_view{} : text.substr(nl + 1);
        ++line_no;
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (line.empty() || line.front() == '#') continue;
        const auto space = line.find(' ');
        const std::string_view verb = line.substr(0, space);
        const std::string_view arg = space == std::string_view::npos ? std::string_view{} : line.substr(space + 1);
        ScriptStep step;
        step.line = line_no;
        step.arg = std::string(arg);
        if (verb == "tap" && !arg.empty()) {
            step.kind = ScriptStep::Kind::Tap;
        } else if (verb == "type" && !arg.empty()) {
            step.kind = ScriptStep::Kind::Type;
        } else if (verb == "wait") {
            int frames = 0;
            const auto [end, ec] = std::from_chars(arg.data(), arg.data() + arg.size(), frames);
            if (ec != std::errc{} || end != arg.data() + arg.size() || frames < 0) {
                out.error = "line " + std::to_string(line_no) + ": wait needs a frame count";
                out.steps.clear();
                return out;
            }
            step.kind = ScriptStep::Kind::Wait;
        } else {
            out.error = "line " + std::to_string(line_no) + ": expected tap ID, type TEXT or wait N";
            out.steps.clear();
            return out;
        }
        out.steps.push_back(std::move(step));
    }
    return out;
}

std::optional<ScriptInput> ScriptPlayer::next(const ui::TapTargets& targets) {
    if (!error_.empty() || step_ >= steps_.size()) return std::nullopt;
    const ScriptStep& step = steps_[step_];
    ScriptInput input;
    input.pointer = pointer_;
    auto advance = [&] {
        ++step_;
        phase_ = 0;
    };
    switch (step.kind) {
        case ScriptStep::Kind::Wait: {
            int frames = 0;
            std::from_chars(step.arg.data(), step.arg.data() + step.arg.size(), frames);
            if (++phase_ >= frames) advance();
            return input;
        }
        case ScriptStep::Kind::Type:
            input.typed = step.arg;
            advance();
            return input;
        case ScriptStep::Kind::Tap: {
            // Frame 0: find the control (waiting for a screen change); 1: hover; 2: press; 3: release;
            // 4: settle, so the next step sees the controls of the screen this tap led to.
            if (phase_ == 0) {
                const auto it = targets.find(step.arg);
                if (it == targets.end()) {
                    if (++wait_ > kPatienceFrames) {
                        error_ = "line " + std::to_string(step.line) + ": no control " + step.arg;
                        return std::nullopt;
                    }
                    return input;
                }
                wait_ = 0;
                pointer_ = it->second.center();
                input.pointer = pointer_;
            }
            input.pressed = phase_ == 2;
            if (++phase_ > 4) advance();
            return input;
        }
    }
    return input;
}

}  // namespace kk::kiosk
