#pragma once
// The parts of staff mode every view shares: the login (and lock) screen and the header with the views'
// tabs. The views draw themselves (their modules).
#include "kiosk/staff/ui.hpp"

namespace kk::staff::screens {

// The login form; when the session is locked, the same form with the user's name filled in.
void draw_login(StaffUi& ui);

// The header: the product, one tab per view, the user and a logout button. Returns the area below it.
ui::Rect draw_header(StaffUi& ui);

// The width of a button showing `label`: the label in bold body type plus padding on both sides. Lay out
// rows of buttons with it so German labels ("unvollständig", "Liste als CSV") never overflow their frame.
float button_width(StaffUi& ui, std::string_view label);

// A field of the staff screens: caption above, text (or dots for a password) inside. Clicking focuses it.
void staff_field(StaffUi& ui, std::string_view id, std::string_view caption, ui::Rect box, bool masked = false);

}  // namespace kk::staff::screens
