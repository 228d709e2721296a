#pragma once
// The bottom navigation bar every step screen shares: a back button, progress steps, and a next (or done)
// button. It mirrors in right-to-left languages: back sits on the right, step 1 is the rightmost dot, and
// the arrows point the way the reader reads.
#include <vector>

#include "kiosk/ui/context.hpp"

namespace kk::ui {

struct NavBarSpec {
    int step = 0;   // the current step, 1-based; 0 shows no progress
    int total = 0;  // number of steps
    bool can_back = true;
    bool show_back = true;  // false: the screen puts something of its own where Back would be
    bool can_next = true;
    bool last = false;  // the next button says "done" (nav.done) instead of "next"
};

struct NavBarLayout {
    Rect bar;
    Rect back;
    Rect next;
    Rect progress_label;      // "Step 2 of 5"
    std::vector<Rect> steps;  // one dot per step, index 0 = step 1, placed in reading order
};

// Where the bar's parts go at the bottom of `metrics.display`. Pure.
NavBarLayout nav_bar_layout(const Metrics& metrics, bool rtl, int total);

enum class NavTap { None, Back, Next };

// Draws the bar in the current ImGui window and returns what was tapped this frame. Disabled buttons are
// drawn faded and never report a tap.
NavTap nav_bar(Context& ui, const NavBarSpec& spec);

}  // namespace kk::ui
