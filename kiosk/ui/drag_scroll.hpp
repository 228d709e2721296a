#pragma once
// Drag-to-scroll with inertia for touch lists (Dear ImGui 1.86 has none). Pure: positions in pixels,
// time in seconds; the widget feeds pointer events and ticks, and reads `offset`.
namespace kk::ui {

class DragScroll {
public:
    // `tap_slop` is how far a finger may move before a press becomes a drag (and no longer a tap).
    explicit DragScroll(float tap_slop = 10.0f) : tap_slop_(tap_slop) {}

    // The scrollable range: content height minus viewport height (never negative).
    void set_range(float content, float viewport);

    void press(float pointer, double time);
    void move(float pointer, double time);
    void release(double time);
    // Advances the inertial glide by `dt` seconds.
    void tick(float dt);

    float offset() const { return offset_; }
    float velocity() const { return velocity_; }
    bool pressed() const { return pressed_; }
    // True once the current (or just released) press moved further than the tap slop.
    bool dragged() const { return dragged_; }
    bool gliding() const { return !pressed_ && velocity_ != 0.0f; }

private:
    void clamp();

    float tap_slop_;
    float max_offset_ = 0.0f;
    float offset_ = 0.0f;
    float velocity_ = 0.0f;  // pixels per second, in offset direction
    bool pressed_ = false;
    bool dragged_ = false;
    float press_pointer_ = 0.0f;
    float last_pointer_ = 0.0f;
    double last_time_ = 0.0;
};

}  // namespace kk::ui
