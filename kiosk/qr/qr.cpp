#include "kiosk/qr/qr.hpp"

#include <qrencode.h>

#include <memory>
#include <string>

namespace kk::qr {
namespace {
struct QrcodeFree {
    void operator()(QRcode* code) const { QRcode_free(code); }
};
}  // namespace

std::optional<Matrix> encode(std::string_view text) {
    if (text.empty()) return std::nullopt;
    const std::string zero_terminated(text);
    // Case-sensitive 8-bit hint: libqrencode still picks alphanumeric mode for runs that allow it.
    const std::unique_ptr<QRcode, QrcodeFree> code(
        QRcode_encodeString(zero_terminated.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1));
    if (!code || code->width <= 0) return std::nullopt;
    Matrix matrix;
    matrix.size = code->width;
    const std::size_t count = static_cast<std::size_t>(code->width) * static_cast<std::size_t>(code->width);
    matrix.modules.resize(count);
    // libqrencode's lowest bit of each byte is the module's colour; the other bits are its bookkeeping.
    for (std::size_t i = 0; i < count; ++i) matrix.modules[i] = (code->data[i] & 1U) != 0;
    return matrix;
}

}  // namespace kk::qr
