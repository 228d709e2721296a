#pragma once
// Screens with demo data, for `kiosk --screenshot FILE --screen NAME` and the `screenshots` build target
// that renders every screen in every language for translators. A new screen registers by adding one
// entry (its name and a function that builds a State showing it with believable demo data) to the table
// in demo_screens.cpp. Demo data is invented, never a real person's.
#include <span>
#include <string_view>

#include "kiosk/app/state.hpp"

namespace kk::kiosk {

struct DemoScreen {
    std::string_view name;                 // lower case, used in file names: welcome, skills, ...
    State (*make)(std::string_view lang);  // the state that shows this screen in `lang`
};

// Every registered screen, in the order a session meets them.
std::span<const DemoScreen> demo_screens();

// The screen called `name`, or nullptr.
const DemoScreen* find_demo_screen(std::string_view name);

}  // namespace kk::kiosk
