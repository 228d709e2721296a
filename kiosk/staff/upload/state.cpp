#include "kiosk/staff/upload/state.hpp"

namespace kk::staff {

UploadState update(UploadState state, const UploadAction&) { return state; }

std::string* text_field(UploadState&, std::string_view) { return nullptr; }

}  // namespace kk::staff
