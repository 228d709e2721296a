#pragma once
// QR codes as a plain module matrix (libqrencode), for Done's resume code: staff scan it to find the
// profile. No ImGui, no GL: the screen draws the matrix as rectangles, tests render it to a PNG.
#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

namespace kk::qr {

// A square of modules; true is dark. No quiet zone: whoever draws it leaves 4 light modules around it.
struct Matrix {
    int size = 0;  // modules per side: 21 for version 1, 4 more per version
    std::vector<bool> modules;  // row by row, size * size entries

    bool dark(int x, int y) const {
        return modules[static_cast<std::size_t>(y) * static_cast<std::size_t>(size) + static_cast<std::size_t>(x)];
    }
};

// The light modules a scanner needs around the code, in modules (ISO/IEC 18004).
inline constexpr int kQuietZoneModules = 4;

// Encodes `text` (case kept, error correction level M, the smallest version that fits). Nullopt for empty
// text or text too long for a QR code. Linear in the text's length.
std::optional<Matrix> encode(std::string_view text);

}  // namespace kk::qr
