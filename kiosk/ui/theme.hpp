#pragma once
// Colours of the kiosk: high contrast, calm. Sizes are in kiosk/ui/metrics.hpp.
#include <imgui.h>

namespace kk::ui::theme {

inline constexpr ImU32 kBackground = IM_COL32(0xF4, 0xF1, 0xEA, 0xFF);
inline constexpr ImU32 kText = IM_COL32(0x1F, 0x23, 0x2B, 0xFF);
inline constexpr ImU32 kMutedText = IM_COL32(0x4A, 0x50, 0x5C, 0xFF);
inline constexpr ImU32 kTile = IM_COL32(0xFF, 0xFF, 0xFF, 0xFF);
inline constexpr ImU32 kTileBorder = IM_COL32(0xC9, 0xC3, 0xB6, 0xFF);
inline constexpr ImU32 kTilePressed = IM_COL32(0xDD, 0xE8, 0xF3, 0xFF);
inline constexpr ImU32 kAccent = IM_COL32(0x1E, 0x5A, 0x96, 0xFF);
inline constexpr ImU32 kWarning = IM_COL32(0xA3, 0x2A, 0x1C, 0xFF);  // errors and refusals: dark red on the light background

}  // namespace kk::ui::theme
