#pragma once
// String similarity on Unicode code points (UTF-32, never bytes). Pure; no ICU.
//
// Every fast path here has a naive reference next to it; tests/matcher/similarity_test.cpp compares them on
// thousands of random strings.
#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace kk::matcher {

// Edit distance: insertions, deletions, substitutions and transpositions of two adjacent code points, each
// costing 1, no substring edited twice (Damerau's optimal string alignment). Transpositions count once because
// swapped letters are the commonest typo on a touch keyboard ("weldign").
//
// The textbook full-matrix dynamic programme. Obviously correct and slow: O(|a|·|b|) time and memory.
// For tests only.
std::size_t edit_distance_reference(std::u32string_view a, std::u32string_view b);

// min over j of edit_distance(pattern, text[0, j)): how far `pattern` is from being a prefix of `text`.
// Full-matrix reference; O(|pattern|·|text|) time and memory. For tests only.
std::size_t prefix_edit_distance_reference(std::u32string_view pattern, std::u32string_view text);

// A pattern prepared once and compared with many texts (one query against many labels).
// Patterns of up to 64 code points use Hyyrö's bit-parallel algorithm with transpositions (2003):
// O(|text|) word operations per comparison, plus O(log σ) per non-ASCII code point for the match-vector
// lookup. Longer patterns fall back to a three-row dynamic programme, O(|pattern|·|text|) time,
// O(|pattern|) memory.
class CachedEditDistance {
public:
    explicit CachedEditDistance(std::u32string_view pattern);

    // edit_distance(pattern, text).
    std::size_t distance(std::u32string_view text) const;
    // min over j of edit_distance(pattern, text[0, j)).
    std::size_t prefix_distance(std::u32string_view text) const;
    // 1 - distance / max(|pattern|, |text|), in [0, 1]; 1 for two empty strings.
    double similarity(std::u32string_view text) const;

    std::u32string_view pattern() const { return pattern_; }

private:
    std::uint64_t match_mask(char32_t c) const;
    template <bool Prefix>
    std::size_t run(std::u32string_view text) const;

    std::u32string pattern_;
    std::array<std::uint64_t, 128> ascii_masks_{};
    std::vector<std::pair<char32_t, std::uint64_t>> other_masks_;  // sorted by code point
};

// edit_distance(a, b) through CachedEditDistance (the shorter string becomes the pattern).
std::size_t edit_distance(std::u32string_view a, std::u32string_view b);

// 1 - edit_distance(a, b) / max(|a|, |b|), in [0, 1]; 1 for two empty strings.
double normalised_similarity(std::u32string_view a, std::u32string_view b);

// Word-order-insensitive similarity of two token lists, in [0, 1]: every token of each side is paired with
// its most similar token on the other side (normalised_similarity), and the two sides' averages, weighted by
// token length, are averaged weighted by total length. Equal multisets score 1 whatever their order; a token
// missing on one side costs its length. O(Σ|a_i|·Σ|b_j|).
double token_set_similarity(const std::vector<std::u32string_view>& a, const std::vector<std::u32string_view>& b);

// How well `label` contains every word of `query`, for a short query naming a longer label ("spalat vase" in
// "spalat vase de mana"): 0 unless each query token pairs with a label token at least 0.8 similar and the query
// covers at least 40% of the label's letters; otherwise 0.8 + 0.15 · coverage · (length-weighted mean pairing
// similarity), so at most 0.95, and a near-equal token-set score still ranks above it. O(Σ|q_i|·Σ|l_j|).
double containment_similarity(const std::vector<std::u32string_view>& query,
                              const std::vector<std::u32string_view>& label);

// The space-separated tokens of a matching key, as views into it. O(n).
std::vector<std::u32string_view> split_tokens(std::u32string_view key);

// Character trigrams of every token of a matching key, each token padded with a boundary mark at its start
// (and at its end unless `open_end` and it is the last token, for prefixes), packed into 64 bits, sorted and
// unique. Used by the index as posting-list keys. O(n log n).
std::vector<std::uint64_t> token_trigrams(std::u32string_view key, bool open_end = false);

}  // namespace kk::matcher
