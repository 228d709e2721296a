#include "matcher/similarity.hpp"

#include <algorithm>
#include <numeric>

namespace kk::matcher {
namespace {

// Full (|a|+1) x (|b|+1) matrix; the reference for both distance and prefix distance.
std::vector<std::vector<std::size_t>> full_matrix(std::u32string_view a, std::u32string_view b) {
    std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
    for (std::size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
    for (std::size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t substitute = d[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
            d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, substitute});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
        }
    }
    return d;
}

constexpr char32_t kBoundary = 0x1;  // never part of a matching key

std::uint64_t pack(char32_t a, char32_t b, char32_t c) {
    return (static_cast<std::uint64_t>(a) << 42) | (static_cast<std::uint64_t>(b) << 21) | c;
}

}  // namespace

std::size_t edit_distance_reference(std::u32string_view a, std::u32string_view b) {
    return full_matrix(a, b)[a.size()][b.size()];
}

std::size_t prefix_edit_distance_reference(std::u32string_view pattern, std::u32string_view text) {
    const auto d = full_matrix(pattern, text);
    return *std::min_element(d[pattern.size()].begin(), d[pattern.size()].end());
}

CachedEditDistance::CachedEditDistance(std::u32string_view pattern) : pattern_(pattern) {
    if (pattern_.size() > 64) return;
    for (std::size_t i = 0; i < pattern_.size(); ++i) {
        const char32_t c = pattern_[i];
        const std::uint64_t bit = std::uint64_t{1} << i;
        if (c < 128) {
            ascii_masks_[c] |= bit;
            continue;
        }
        auto it = std::lower_bound(other_masks_.begin(), other_masks_.end(), c,
                                   [](const auto& entry, char32_t key) { return entry.first < key; });
        if (it != other_masks_.end() && it->first == c) {
            it->second |= bit;
        } else {
            other_masks_.insert(it, {c, bit});
        }
    }
}

std::uint64_t CachedEditDistance::match_mask(char32_t c) const {
    if (c < 128) return ascii_masks_[c];
    const auto it = std::lower_bound(other_masks_.begin(), other_masks_.end(), c,
                                     [](const auto& entry, char32_t key) { return entry.first < key; });
    return it != other_masks_.end() && it->first == c ? it->second : 0;
}

template <bool Prefix>
std::size_t CachedEditDistance::run(std::u32string_view text) const {
    const std::size_t m = pattern_.size();
    if (m == 0) return Prefix ? 0 : text.size();
    if (m > 64) {
        // Dynamic programme over text columns; the column two steps back serves transpositions.
        std::vector<std::size_t> before(m + 1), previous(m + 1), column(m + 1);
        std::iota(column.begin(), column.end(), std::size_t{0});
        std::size_t best = column[m];
        for (std::size_t j = 1; j <= text.size(); ++j) {
            before.swap(previous);
            previous.swap(column);
            column[0] = j;
            for (std::size_t i = 1; i <= m; ++i) {
                column[i] = std::min({previous[i] + 1, column[i - 1] + 1,
                                      previous[i - 1] + (pattern_[i - 1] == text[j - 1] ? 0 : 1)});
                if (i > 1 && j > 1 && pattern_[i - 1] == text[j - 2] && pattern_[i - 2] == text[j - 1])
                    column[i] = std::min(column[i], before[i - 2] + 1);
            }
            best = std::min(best, column[m]);
        }
        return Prefix ? best : column[m];
    }
    // Hyyrö 2003: VP/VN hold the vertical +1/-1 deltas of the current DP column, one bit per pattern position;
    // TR marks where swapping the previous and current text characters matches the pattern.
    std::uint64_t vp = m == 64 ? ~std::uint64_t{0} : (std::uint64_t{1} << m) - 1;
    std::uint64_t vn = 0;
    std::uint64_t d0 = 0;
    std::uint64_t previous_mask = 0;
    const std::uint64_t last = std::uint64_t{1} << (m - 1);
    std::size_t dist = m;
    std::size_t best = m;
    for (const char32_t c : text) {
        const std::uint64_t mask = match_mask(c);
        const std::uint64_t tr = (((~d0) & mask) << 1) & previous_mask;
        const std::uint64_t x = mask | vn;
        d0 = (((x & vp) + vp) ^ vp) | x | tr;
        std::uint64_t hp = vn | ~(d0 | vp);
        std::uint64_t hn = d0 & vp;
        if (hp & last) ++dist;
        if (hn & last) --dist;
        hp = (hp << 1) | 1;
        hn = hn << 1;
        vp = hn | ~(d0 | hp);
        vn = hp & d0;
        previous_mask = mask;
        best = std::min(best, dist);
    }
    return Prefix ? best : dist;
}

std::size_t CachedEditDistance::distance(std::u32string_view text) const { return run<false>(text); }

std::size_t CachedEditDistance::prefix_distance(std::u32string_view text) const { return run<true>(text); }

double CachedEditDistance::similarity(std::u32string_view text) const {
    const std::size_t longest = std::max(pattern_.size(), text.size());
    if (longest == 0) return 1.0;
    return 1.0 - static_cast<double>(distance(text)) / static_cast<double>(longest);
}

std::size_t edit_distance(std::u32string_view a, std::u32string_view b) {
    if (a.size() > b.size()) std::swap(a, b);
    return CachedEditDistance(a).distance(b);
}

double normalised_similarity(std::u32string_view a, std::u32string_view b) {
    const std::size_t longest = std::max(a.size(), b.size());
    if (longest == 0) return 1.0;
    return 1.0 - static_cast<double>(edit_distance(a, b)) / static_cast<double>(longest);
}

double token_set_similarity(const std::vector<std::u32string_view>& a, const std::vector<std::u32string_view>& b) {
    if (a.empty() && b.empty()) return 1.0;
    if (a.empty() || b.empty()) return 0.0;
    std::vector<double> best_b(b.size(), 0.0);
    double weighted = 0.0;
    double total = 0.0;
    for (const auto token : a) {
        const CachedEditDistance cached(token);
        double best = 0.0;
        for (std::size_t j = 0; j < b.size(); ++j) {
            const double s = cached.similarity(b[j]);
            best = std::max(best, s);
            best_b[j] = std::max(best_b[j], s);
        }
        weighted += best * static_cast<double>(token.size());
        total += static_cast<double>(token.size());
    }
    for (std::size_t j = 0; j < b.size(); ++j) {
        weighted += best_b[j] * static_cast<double>(b[j].size());
        total += static_cast<double>(b[j].size());
    }
    return total == 0.0 ? 1.0 : weighted / total;
}

double containment_similarity(const std::vector<std::u32string_view>& query,
                              const std::vector<std::u32string_view>& label) {
    if (query.empty() || label.empty()) return 0.0;
    double query_length = 0.0;
    double weighted = 0.0;
    for (const auto token : query) {
        const CachedEditDistance cached(token);
        double best = 0.0;
        for (const auto candidate : label) best = std::max(best, cached.similarity(candidate));
        if (best < 0.8) return 0.0;
        weighted += best * static_cast<double>(token.size());
        query_length += static_cast<double>(token.size());
    }
    double label_length = 0.0;
    for (const auto token : label) label_length += static_cast<double>(token.size());
    const double coverage = std::min(1.0, query_length / label_length);
    if (coverage < 0.4) return 0.0;
    return 0.8 + 0.15 * coverage * (weighted / query_length);
}

std::vector<std::u32string_view> split_tokens(std::u32string_view key) {
    std::vector<std::u32string_view> tokens;
    std::size_t start = 0;
    while (start <= key.size()) {
        std::size_t end = key.find(U' ', start);
        if (end == std::u32string_view::npos) end = key.size();
        if (end > start) tokens.push_back(key.substr(start, end - start));
        start = end + 1;
    }
    return tokens;
}

std::vector<std::uint64_t> token_trigrams(std::u32string_view key, bool open_end) {
    std::vector<std::uint64_t> grams;
    const auto tokens = split_tokens(key);
    std::u32string padded;
    for (std::size_t t = 0; t < tokens.size(); ++t) {
        padded.assign(1, kBoundary);
        padded.append(tokens[t]);
        if (!(open_end && t + 1 == tokens.size())) padded.push_back(kBoundary);
        for (std::size_t i = 0; i + 3 <= padded.size(); ++i) grams.push_back(pack(padded[i], padded[i + 1], padded[i + 2]));
    }
    std::sort(grams.begin(), grams.end());
    grams.erase(std::unique(grams.begin(), grams.end()), grams.end());
    return grams;
}

}  // namespace kk::matcher
