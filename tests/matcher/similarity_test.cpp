#include "matcher/similarity.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <iterator>
#include <random>

using namespace kk::matcher;

namespace {

// Random strings over a small alphabet mixing ASCII, Latin with diacritics, Cyrillic, Arabic, Ethiopic and
// an astral code point, so matches are frequent and multi-byte characters are exercised.
std::u32string random_string(std::mt19937& rng, std::size_t max_length) {
    static constexpr char32_t kAlphabet[] = {U'a', U'b', U'c', U'e', U' ', U'ä', U'ş', U'ж', U'ب', U'ገ', U'😀'};
    std::uniform_int_distribution<std::size_t> length(0, max_length);
    std::uniform_int_distribution<std::size_t> letter(0, std::size(kAlphabet) - 1);
    std::u32string s(length(rng), U' ');
    for (char32_t& c : s) c = kAlphabet[letter(rng)];
    return s;
}

}  // namespace

TEST_CASE("edit distance of known pairs", "[matcher]") {
    CHECK(edit_distance(U"kitten", U"sitting") == 3);
    CHECK(edit_distance(U"", U"abc") == 3);
    CHECK(edit_distance(U"weldign", U"welding") == 1);  // a transposition counts once
    CHECK(edit_distance_reference(U"weldign", U"welding") == 1);
    CHECK(edit_distance(U"ca", U"abc") == 3);  // optimal string alignment: no substring edited twice
    CHECK(edit_distance_reference(U"ca", U"abc") == 3);
    CHECK(edit_distance(U"abc", U"") == 3);
    CHECK(edit_distance(U"schweissen", U"schweisen") == 1);
    CHECK(edit_distance(U"зварювання", U"зварювання") == 0);
    CHECK(edit_distance(U"جوشکاری", U"جوشکاري") == 1);  // one code point, two UTF-8 bytes
    CHECK(edit_distance_reference(U"kitten", U"sitting") == 3);
    CHECK(prefix_edit_distance_reference(U"gabel", U"gabelstapler") == 0);
    CHECK(CachedEditDistance(U"gabel").prefix_distance(U"gabelstapler") == 0);
    CHECK(CachedEditDistance(U"gabsl").prefix_distance(U"gabelstapler") == 1);
}

TEST_CASE("bit-parallel edit distance agrees with the reference on random strings", "[matcher]") {
    std::mt19937 rng(20261121);
    for (int i = 0; i < 4000; ++i) {
        // Up to 90 code points, so patterns above 64 take the two-row fallback as well.
        const std::u32string a = random_string(rng, i % 4 == 0 ? 90 : 20);
        const std::u32string b = random_string(rng, i % 3 == 0 ? 90 : 20);
        const CachedEditDistance cached(a);
        const std::size_t expected = edit_distance_reference(a, b);
        INFO("pair " << i << " lengths " << a.size() << ", " << b.size());
        REQUIRE(cached.distance(b) == expected);
        REQUIRE(edit_distance(a, b) == expected);
        REQUIRE(edit_distance(b, a) == expected);
        REQUIRE(cached.prefix_distance(b) == prefix_edit_distance_reference(a, b));
    }
}

TEST_CASE("bit-parallel edit distance at the 64 code point word boundary", "[matcher]") {
    std::mt19937 rng(64);
    for (std::size_t length : {63u, 64u, 65u}) {
        for (int i = 0; i < 50; ++i) {
            std::u32string a = random_string(rng, 0);
            while (a.size() < length) a += random_string(rng, length - a.size());
            const std::u32string b = random_string(rng, 80);
            REQUIRE(CachedEditDistance(a).distance(b) == edit_distance_reference(a, b));
            REQUIRE(CachedEditDistance(a).prefix_distance(b) == prefix_edit_distance_reference(a, b));
        }
    }
}

TEST_CASE("normalised similarity is 1 for equal strings and falls with edits", "[matcher]") {
    CHECK(normalised_similarity(U"", U"") == 1.0);
    CHECK(normalised_similarity(U"welding", U"welding") == 1.0);
    CHECK(normalised_similarity(U"welding", U"weldign") == Approx(1.0 - 1.0 / 7.0));
    CHECK(normalised_similarity(U"welding", U"wedlnig") == Approx(1.0 - 2.0 / 7.0));
    CHECK(normalised_similarity(U"abc", U"xyz") == 0.0);
    CHECK(CachedEditDistance(U"welding").similarity(U"weldin") == Approx(1.0 - 1.0 / 7.0));
}

TEST_CASE("token set similarity ignores word order and tolerates typos", "[matcher]") {
    const std::u32string a = U"gabelstapler fahren";
    const std::u32string b = U"fahren gabelstapler";
    CHECK(token_set_similarity(split_tokens(a), split_tokens(b)) == 1.0);
    const double typo = token_set_similarity(split_tokens(U"fahren gabelstaplr"), split_tokens(a));
    CHECK(typo < 1.0);
    CHECK(typo > 0.9);
    const double extra = token_set_similarity(split_tokens(U"welding"), split_tokens(U"welding techniques"));
    CHECK(extra < 0.75);
    CHECK(token_set_similarity({}, {}) == 1.0);
    CHECK(token_set_similarity(split_tokens(U"welding"), {}) == 0.0);
}

TEST_CASE("containment rewards a short query whose words are all in a longer label", "[matcher]") {
    const auto query = split_tokens(U"spalat vase");
    const double contained = containment_similarity(query, split_tokens(U"spalat vase de mana"));
    CHECK(contained == Approx(0.8 + 0.15 * 10.0 / 16.0));
    CHECK(contained > token_set_similarity(query, split_tokens(U"spalator vase")));
    CHECK(containment_similarity(query, split_tokens(U"spalator vase")) == 0.0);        // a word is missing
    CHECK(containment_similarity(split_tokens(U"vase"), split_tokens(U"spalat vase de mana")) == 0.0);  // too little
    CHECK(containment_similarity(split_tokens(U"spalat vse"), split_tokens(U"spalat vase de mana")) < contained);
    CHECK(containment_similarity({}, query) == 0.0);
}

TEST_CASE("split tokens and trigrams of a matching key", "[matcher]") {
    CHECK(split_tokens(U"lkw fahren") == std::vector<std::u32string_view>{U"lkw", U"fahren"});
    CHECK(split_tokens(U"").empty());
    // "$ab$" gives two trigrams; an open end leaves the last word's closing trigram out.
    CHECK(token_trigrams(U"ab").size() == 2);
    CHECK(token_trigrams(U"ab", true).size() == 1);
    CHECK(token_trigrams(U"abc abc").size() == 3);  // unique
    const auto compound = token_trigrams(U"gabelstaplerfahren");
    const auto split = token_trigrams(U"gabelstapler fahren");
    std::vector<std::uint64_t> shared;
    std::set_intersection(compound.begin(), compound.end(), split.begin(), split.end(), std::back_inserter(shared));
    CHECK(shared.size() >= compound.size() - 3);
}
