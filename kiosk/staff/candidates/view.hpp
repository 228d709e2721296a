#pragma once
// Drawing the candidates view: the list (search field, filters, sortable column headers, rows) and one
// candidate's detail (profile, CV preview, the matches panel, verification, PDF, erase for admins).
#include <imgui.h>

#include "kiosk/staff/ui.hpp"

namespace kk::staff {

struct CvPreview {
    ImTextureID texture = nullptr;  // null: not rendered (yet)
    ImVec2 size{};                  // pixels
};

void draw_candidate_list(StaffUi& ui);
void draw_candidate_detail(StaffUi& ui, const CvPreview& preview);

}  // namespace kk::staff
