#include "matcher/normalise.hpp"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

namespace kk::matcher {

std::string fold_for_matching(std::string_view utf8) {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfkc_cf = icu::Normalizer2::getNFKCCasefoldInstance(status);
    const icu::UnicodeString source =
        icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
    if (U_FAILURE(status)) return std::string(utf8);
    icu::UnicodeString folded = nfkc_cf->normalize(source, status);
    if (U_FAILURE(status)) return std::string(utf8);
    std::string out;
    folded.toUTF8String(out);
    return out;
}

}  // namespace kk::matcher
