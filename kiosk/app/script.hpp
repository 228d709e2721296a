#pragma once
// Scripted touches for end-to-end runs (`kiosk --script FILE`): a plain text file, one step a line —
//   tap ID        press and release the control recorded under ID (see App::targets()), e.g. nav.next
//   type TEXT     type TEXT (UTF-8) on the physical keyboard into the focused field
//   wait N        let N frames pass
// Blank lines and lines starting with # are ignored. Parsing and playing are pure: the shell feeds the
// player the last frame's targets and applies the pointer and typed text it returns.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/ui/context.hpp"

namespace kk::kiosk {

struct ScriptStep {
    enum class Kind { Tap, Type, Wait } kind = Kind::Wait;
    std::string arg;  // the control id, the text, or the frame count
    int line = 0;
};

struct ParsedScript {
    std::vector<ScriptStep> steps;
    std::string error;  // set, naming the line, when the text is not a script
};

ParsedScript parse_script(std::string_view text);

// What to feed ImGui this frame.
struct ScriptInput {
    ImVec2 pointer{0, 0};
    bool pressed = false;
    std::string typed;
};

class ScriptPlayer {
public:
    explicit ScriptPlayer(std::vector<ScriptStep> steps) : steps_(std::move(steps)) {}

    // The input for the next frame, given where the controls were drawn in the last one. Nullopt when
    // the script is done or failed (see error()). A tap waits up to kPatienceFrames for its control.
    std::optional<ScriptInput> next(const ui::TapTargets& targets);
    const std::string& error() const { return error_; }
    bool finished() const { return step_ >= steps_.size() && error_.empty(); }

    static constexpr int kPatienceFrames = 30;

private:
    std::vector<ScriptStep> steps_;
    std::size_t step_ = 0;
    int phase_ = 0;  // frames spent in the current step
    int wait_ = 0;   // frames a tap has waited for its control
    ImVec2 pointer_{0, 0};
    std::string error_;
};

}  // namespace kk::kiosk
