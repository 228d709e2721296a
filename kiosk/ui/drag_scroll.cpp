#include "kiosk/ui/drag_scroll.hpp"

#include <algorithm>
#include <cmath>

namespace kk::ui {
namespace {
// Glide decays to 5 % of its speed in about a second, like a flicked list on a phone.
constexpr float kFrictionPerSecond = 3.0f;
// Below this speed (px/s) the glide stops.
constexpr float kStopSpeed = 5.0f;
// A velocity estimate blends the newest movement with the previous estimate to smooth jitter.
constexpr float kVelocitySmoothing = 0.6f;
}  // namespace

void DragScroll::set_range(float content, float viewport) {
    max_offset_ = std::max(0.0f, content - viewport);
    clamp();
}

void DragScroll::press(float pointer, double time) {
    pressed_ = true;
    dragged_ = false;
    velocity_ = 0.0f;
    press_pointer_ = last_pointer_ = pointer;
    last_time_ = time;
}

void DragScroll::move(float pointer, double time) {
    if (!pressed_) return;
    if (!dragged_ && std::fabs(pointer - press_pointer_) > tap_slop_) dragged_ = true;
    if (dragged_) {
        const float delta = last_pointer_ - pointer;  // finger up scrolls content down
        offset_ += delta;
        const auto dt = static_cast<float>(time - last_time_);
        if (dt > 0.0f) velocity_ = kVelocitySmoothing * (delta / dt) + (1.0f - kVelocitySmoothing) * velocity_;
        clamp();
    }
    last_pointer_ = pointer;
    last_time_ = time;
}

void DragScroll::release(double time) {
    if (!pressed_) return;
    pressed_ = false;
    // A finger that rested before lifting should not fling the list.
    if (time - last_time_ > 0.1 || !dragged_) velocity_ = 0.0f;
}

void DragScroll::tick(float dt) {
    if (pressed_ || velocity_ == 0.0f) return;
    offset_ += velocity_ * dt;
    velocity_ *= std::exp(-kFrictionPerSecond * dt);
    if (std::fabs(velocity_) < kStopSpeed) velocity_ = 0.0f;
    clamp();
}

void DragScroll::clamp() {
    if (offset_ < 0.0f || offset_ > max_offset_) {
        offset_ = std::clamp(offset_, 0.0f, max_offset_);
        if (!pressed_) velocity_ = 0.0f;
    }
}

}  // namespace kk::ui
