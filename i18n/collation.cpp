#include "i18n/collation.hpp"

#include <unicode/coll.h>
#include <unicode/locid.h>

#include <algorithm>
#include <iostream>

namespace kk::i18n {

struct Collation::Impl {
    std::unique_ptr<icu::Collator> collator;
};

Collation::Collation(std::string_view lang) : impl_(std::make_unique<Impl>()) {
    UErrorCode status = U_ZERO_ERROR;
    impl_->collator.reset(icu::Collator::createInstance(icu::Locale(std::string(lang).c_str()), status));
    if (U_FAILURE(status) || !impl_->collator) {
        std::clog << "i18n: no collator for '" << lang << "' (" << u_errorName(status) << "), using root\n";
        status = U_ZERO_ERROR;
        impl_->collator.reset(icu::Collator::createInstance(icu::Locale::getRoot(), status));
    }
}

Collation::~Collation() = default;
Collation::Collation(Collation&&) noexcept = default;
Collation& Collation::operator=(Collation&&) noexcept = default;

bool Collation::less(std::string_view a, std::string_view b) const {
    if (!impl_->collator) return a < b;
    UErrorCode status = U_ZERO_ERROR;
    const UCollationResult r =
        impl_->collator->compareUTF8(icu::StringPiece(a.data(), static_cast<int32_t>(a.size())),
                                     icu::StringPiece(b.data(), static_cast<int32_t>(b.size())), status);
    if (U_FAILURE(status)) return a < b;
    return r == UCOL_LESS;
}

void Collation::sort(std::vector<std::string>& labels) const {
    std::stable_sort(labels.begin(), labels.end(),
                     [this](const std::string& a, const std::string& b) { return less(a, b); });
}

}  // namespace kk::i18n
