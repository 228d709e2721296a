#pragma once
// What every step screen of the flow shares: a header (screen title, read-aloud button where espeak-ng
// has a voice, the language button), the screen's prompt, the body, and the navigation bar.
#include <string_view>

#include "kiosk/app/state.hpp"
#include "kiosk/ui/context.hpp"

namespace kk::screens {

struct StepLayout {
    ui::Rect header;
    ui::Rect title;
    ui::Rect language_button;
    ui::Rect read_aloud_button;
    ui::Rect prompt;
    ui::Rect body;  // between the prompt and the navigation bar
};

// Pure: where the shared parts go on `metrics.display`. Without the navigation bar (Done) the body reaches down
// to the bottom margin.
StepLayout step_layout(const ui::Metrics& metrics, bool rtl, bool nav_bar = true);

// Draws header, prompt and navigation bar (back/next dispatch Back/Next). Returns the body rectangle.
ui::Rect draw_step_frame(const kiosk::State& state, ui::Context& ui, std::string_view title_key,
                         std::string_view prompt_key);

// Lays rows top to bottom inside a scrolling body: offsets by ui.scroll_offset, clips to the body, and
// reports the content height when it goes out of scope.
class BodyFlow {
public:
    BodyFlow(ui::Context& ui, ui::Rect body);
    ~BodyFlow();
    BodyFlow(const BodyFlow&) = delete;
    BodyFlow& operator=(const BodyFlow&) = delete;

    // The next full-width row of `height`, followed by the standard gap.
    ui::Rect row(float height);
    // `count` tiles of `height` in rows with as many columns as fit tiles of `min_width`, reading order.
    std::vector<ui::Rect> grid(int count, float min_width, float height);
    // A grid() of toggle tiles, one per label, at least `min_height` and as tall as the longest label wraps to;
    // `with_speaker`: each tile gives read_aloud_width() to its speaker (the width is added to `min_width`).
    std::vector<ui::Rect> toggle_grid(const std::vector<std::string>& labels, float min_width, float min_height,
                                      bool with_speaker = true);
    // The same for icon tiles (a glyph above the label), each beside its speaker.
    std::vector<ui::Rect> icon_grid(const std::vector<std::string>& labels, float min_width, float min_height);
    // A heading line in bold.
    void heading(std::string_view text);
    float gap() const { return gap_; }
    float width() const { return body_.size.x; }

private:
    // How wide grid() makes tiles of `min_width`.
    float grid_tile_width(float min_width) const;

    ui::Context& ui_;
    ui::Rect body_;
    float y_;
    float gap_;
};

}  // namespace kk::screens
