#pragma once
// Text normalisation for matching. Pure; ICU only. ICU types stay out of this header.
#include <string>
#include <string_view>

namespace kk::matcher {

// Folds a UTF-8 string for comparison: NFKC and Unicode case folding.
// Invalid UTF-8 sequences become U+FFFD. O(n) in the length of the text.
std::string fold_for_matching(std::string_view utf8);

}  // namespace kk::matcher
