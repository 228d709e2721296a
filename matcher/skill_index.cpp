#include "matcher/skill_index.hpp"

#include "matcher/normalise.hpp"
#include "matcher/similarity.hpp"

#include <algorithm>
#include <cstdint>
#include <limits>
#include <unordered_map>

namespace kk::matcher {
namespace {

// Score ceilings and factors of the tiers documented in the header.
constexpr double kExact = 1.0;
constexpr double kExactCompact = 0.99;
constexpr double kFuzzyCeiling = 0.98;
constexpr double kExactOtherLanguage = 0.95;
constexpr double kExactCompactOtherLanguage = 0.94;
constexpr double kOtherLanguageFactor = 0.92;
constexpr double kTransliterationFactor = 0.88;
constexpr double kWordPrefixFactor = 0.95;  // autocomplete: typed text starts an inner word
constexpr std::size_t kCandidatesPerList = 64;
constexpr std::size_t kAutocompleteCandidates = 128;
constexpr std::size_t kPrefixScanLimit = 2000;
constexpr std::size_t kMaxQueryLength = 256;

using Postings = std::unordered_map<std::uint64_t, std::vector<std::uint32_t>>;

struct Label {
    std::uint32_t concept_index = 0;
    std::uint16_t lang = 0;
    std::uint16_t gram_count = 0;
    std::uint16_t latin_gram_count = 0;
    std::u32string key;
    std::u32string latin;  // empty when the key is already ASCII (then it is its own transliteration)
    std::string text;

    std::u32string_view latin_or_key() const { return latin.empty() ? key : latin; }
};

struct LangIndex {
    std::string lang;
    Postings grams;          // trigrams of the labels' keys
    Postings latin_grams;    // trigrams of the transliterations of non-ASCII labels
    std::vector<std::uint32_t> by_key;  // label indexes sorted by key, for prefix ranges
};

bool is_ascii(std::u32string_view s) {
    return std::all_of(s.begin(), s.end(), [](char32_t c) { return c < 0x80; });
}

std::u32string without_spaces(std::u32string_view s) {
    std::u32string out;
    out.reserve(s.size());
    for (const char32_t c : s) {
        if (c != U' ') out.push_back(c);
    }
    return out;
}

std::uint16_t clamp16(std::size_t n) {
    return static_cast<std::uint16_t>(std::min<std::size_t>(n, std::numeric_limits<std::uint16_t>::max()));
}

// The matching key of a query, cut at kMaxQueryLength code points: labels are short, and the per-label
// trigram counters are 16 bits wide.
std::u32string bounded_key(std::string_view text, std::string_view lang) {
    std::u32string key = matching_key32(text, lang);
    if (key.size() > kMaxQueryLength) key.resize(kMaxQueryLength);
    while (!key.empty() && key.back() == U' ') key.pop_back();
    return key;
}

// A normalised query, prepared once and scored against many labels.
struct Query {
    std::u32string key;
    std::u32string compact;
    std::vector<std::u32string_view> tokens;
    CachedEditDistance compact_distance;

    explicit Query(std::u32string k)
        : key(std::move(k)), compact(without_spaces(key)), tokens(split_tokens(key)), compact_distance(compact) {}
    Query(const Query&) = delete;
    Query& operator=(const Query&) = delete;

    // Typo-tolerant, word-order-insensitive similarity to a label's key (or its transliteration).
    double similarity(std::u32string_view label_key) const {
        if (label_key == key) return kExact;
        const std::u32string label_compact = without_spaces(label_key);
        if (label_compact == compact) return kExactCompact;
        const double whole = compact_distance.similarity(label_compact);
        const auto label_tokens = split_tokens(label_key);
        const double by_tokens = token_set_similarity(tokens, label_tokens);
        const double contained = containment_similarity(tokens, label_tokens);
        return std::min(kFuzzyCeiling, std::max({whole, by_tokens, contained}));
    }
};

// Per-thread counters for the posting-list scan, so const queries on a shared index stay thread-safe.
struct Scratch {
    std::vector<std::uint16_t> counts;
    std::vector<std::uint32_t> touched;
};

Scratch& scratch(std::size_t label_count) {
    thread_local Scratch s;
    if (s.counts.size() < label_count) s.counts.resize(label_count, 0);
    return s;
}

enum class Rank { jaccard, containment };

// Per-label numbers the candidate scan reads for thousands of labels, kept apart from Label for the cache.
struct LabelSizes {
    std::vector<std::uint16_t> grams;
    std::vector<std::uint16_t> latin_grams;
    std::vector<std::uint16_t> key_length;
};

// The `limit` labels sharing the most trigrams with the query, ranked by `rank`, ties to the shorter label.
// Only labels sharing enough of the query's trigrams can be useful (40% for whole texts; 60% for a typed prefix,
// whose candidates must contain it almost whole); such a label holds one of the rarest
// q - min_shared + 1 trigrams (prefix filtering), so only those posting lists admit new labels and the
// long lists of common trigrams ("ing", "$co") merely add to labels already admitted.
void collect_candidates(const Postings& postings, const std::vector<std::uint64_t>& grams, const LabelSizes& sizes,
                        bool latin, Rank rank, std::size_t limit, std::vector<std::uint32_t>& out) {
    if (grams.empty()) return;
    std::vector<const std::vector<std::uint32_t>*> lists;
    for (const std::uint64_t g : grams) {
        if (const auto it = postings.find(g); it != postings.end()) lists.push_back(&it->second);
    }
    const std::size_t q = grams.size();
    const std::size_t min_shared = std::max<std::size_t>(1, rank == Rank::jaccard ? q * 2 / 5 : (q * 3 + 4) / 5);
    const std::size_t missing = grams.size() - lists.size();
    if (grams.size() - min_shared + 1 <= missing) return;
    const std::size_t admitting = std::min(lists.size(), grams.size() - min_shared + 1 - missing);
    std::sort(lists.begin(), lists.end(), [](const auto* a, const auto* b) { return a->size() < b->size(); });

    Scratch& s = scratch(sizes.key_length.size());
    s.touched.clear();
    for (std::size_t i = 0; i < admitting; ++i) {
        for (const std::uint32_t label : *lists[i]) {
            if (s.counts[label]++ == 0) s.touched.push_back(label);
        }
    }
    bool touched_sorted = false;
    for (std::size_t i = admitting; i < lists.size(); ++i) {
        const std::vector<std::uint32_t>& list = *lists[i];
        if (s.touched.size() * 16 < list.size()) {
            if (!touched_sorted) std::sort(s.touched.begin(), s.touched.end());
            touched_sorted = true;
            // Few admitted labels against a long sorted list: look each one up.
            for (const std::uint32_t label : s.touched) {
                if (std::binary_search(list.begin(), list.end(), label)) ++s.counts[label];
            }
        } else {
            for (const std::uint32_t label : list) {
                if (s.counts[label] != 0) ++s.counts[label];
            }
        }
    }
    const double query_grams = static_cast<double>(grams.size());
    std::vector<std::pair<double, std::uint32_t>> ranked;
    ranked.reserve(s.touched.size());
    for (const std::uint32_t label : s.touched) {
        const double shared = s.counts[label];
        s.counts[label] = 0;
        if (shared < static_cast<double>(min_shared)) continue;
        const double own = latin ? sizes.latin_grams[label] : sizes.grams[label];
        const double value = rank == Rank::jaccard ? shared / (query_grams + own - shared) : shared / query_grams;
        ranked.emplace_back(value, label);
    }
    const auto better = [&](const auto& a, const auto& b) {
        if (a.first != b.first) return a.first > b.first;
        if (sizes.key_length[a.second] != sizes.key_length[b.second])
            return sizes.key_length[a.second] < sizes.key_length[b.second];
        return a.second < b.second;
    };
    if (ranked.size() > limit) {
        std::nth_element(ranked.begin(), ranked.begin() + static_cast<std::ptrdiff_t>(limit), ranked.end(), better);
        ranked.resize(limit);
    }
    for (const auto& [value, label] : ranked) out.push_back(label);
}

}  // namespace

struct SkillIndex::Impl {
    std::vector<std::string> concept_ids;
    std::vector<ConceptKind> concept_kinds;
    std::unordered_map<std::string, std::uint32_t> concept_by_id;
    std::vector<Label> labels;
    LabelSizes sizes;
    std::vector<LangIndex> langs;
    std::unordered_map<std::u32string, std::vector<std::uint32_t>> exact;
    std::unordered_map<std::u32string, std::vector<std::uint32_t>> exact_compact;
    std::unordered_map<std::uint64_t, std::uint32_t> preferred;  // (concept << 16 | lang) -> label

    std::uint16_t lang_index(std::string_view lang) {
        for (std::size_t i = 0; i < langs.size(); ++i) {
            if (langs[i].lang == lang) return static_cast<std::uint16_t>(i);
        }
        langs.push_back(LangIndex{.lang = std::string(lang), .grams = {}, .latin_grams = {}, .by_key = {}});
        return static_cast<std::uint16_t>(langs.size() - 1);
    }

    // Per language index: whether it counts as `lang`. Dari (fa_AF) and Farsi (fa) share script and most
    // words, so the primary language subtag decides.
    std::vector<bool> same_language(std::string_view lang) const {
        const auto primary = [](std::string_view l) { return l.substr(0, l.find_first_of("_-")); };
        std::vector<bool> same(langs.size(), false);
        for (std::size_t i = 0; i < langs.size(); ++i) same[i] = primary(langs[i].lang) == primary(lang);
        return same;
    }

    std::optional<std::uint16_t> find_lang(std::string_view lang) const {
        for (std::size_t i = 0; i < langs.size(); ++i) {
            if (langs[i].lang == lang) return static_cast<std::uint16_t>(i);
        }
        return std::nullopt;
    }

    bool kind_ok(std::uint32_t concept_index, const std::optional<ConceptKind>& kind) const {
        return !kind || concept_kinds[concept_index] == *kind;
    }

    void add(const LabelEntry& entry) {
        std::u32string key = matching_key32(entry.label, entry.lang);
        if (key.empty()) return;
        auto [it, inserted] = concept_by_id.try_emplace(entry.concept_id, static_cast<std::uint32_t>(concept_ids.size()));
        if (inserted) {
            concept_ids.push_back(entry.concept_id);
            concept_kinds.push_back(entry.kind);
        }
        const auto index = static_cast<std::uint32_t>(labels.size());
        Label label{.concept_index = it->second, .lang = lang_index(entry.lang), .gram_count = 0,
                    .latin_gram_count = 0, .key = std::move(key), .latin = {}, .text = entry.label};
        if (!is_ascii(label.key)) label.latin = latin_key32(label.key);
        LangIndex& lang = langs[label.lang];
        const auto grams = token_trigrams(label.key);
        label.gram_count = clamp16(grams.size());
        for (const std::uint64_t g : grams) lang.grams[g].push_back(index);
        if (!label.latin.empty()) {
            const auto latin_grams = token_trigrams(label.latin);
            label.latin_gram_count = clamp16(latin_grams.size());
            for (const std::uint64_t g : latin_grams) lang.latin_grams[g].push_back(index);
        }
        lang.by_key.push_back(index);
        exact[label.key].push_back(index);
        exact_compact[without_spaces(label.key)].push_back(index);
        const std::uint64_t slot = (std::uint64_t{label.concept_index} << 16) | label.lang;
        // The preferred label wins; without one, the first label of the concept in that language stands in.
        if (entry.is_preferred || !preferred.contains(slot)) preferred[slot] = index;
        sizes.grams.push_back(label.gram_count);
        sizes.latin_grams.push_back(label.latin_gram_count);
        sizes.key_length.push_back(clamp16(label.key.size()));
        labels.push_back(std::move(label));
    }

    void finish() {
        for (LangIndex& lang : langs) {
            std::sort(lang.by_key.begin(), lang.by_key.end(), [&](std::uint32_t a, std::uint32_t b) {
                return labels[a].key != labels[b].key ? labels[a].key < labels[b].key : a < b;
            });
        }
    }
};

SkillIndex::SkillIndex(const std::vector<LabelEntry>& entries) : impl_(std::make_unique<Impl>()) {
    impl_->labels.reserve(entries.size());
    for (const LabelEntry& entry : entries) impl_->add(entry);
    impl_->finish();
}

SkillIndex::~SkillIndex() = default;
SkillIndex::SkillIndex(SkillIndex&&) noexcept = default;
SkillIndex& SkillIndex::operator=(SkillIndex&&) noexcept = default;

std::size_t SkillIndex::label_count() const { return impl_->labels.size(); }
std::size_t SkillIndex::concept_count() const { return impl_->concept_ids.size(); }

std::optional<std::string> SkillIndex::preferred_label(std::string_view concept_id, std::string_view lang) const {
    const auto concept_it = impl_->concept_by_id.find(std::string(concept_id));
    const auto lang_index = impl_->find_lang(lang);
    if (concept_it == impl_->concept_by_id.end() || !lang_index) return std::nullopt;
    const auto it = impl_->preferred.find((std::uint64_t{concept_it->second} << 16) | *lang_index);
    if (it == impl_->preferred.end()) return std::nullopt;
    return impl_->labels[it->second].text;
}

std::vector<Resolution> SkillIndex::resolve(std::string_view text, std::string_view lang,
                                            const ResolveOptions& options) const {
    const Impl& ix = *impl_;
    const Query query(bounded_key(text, lang));
    if (query.key.empty() || options.top_n == 0) return {};

    // Best (score, label) per concept.
    std::unordered_map<std::uint32_t, std::pair<double, std::uint32_t>> best;
    const auto offer = [&](std::uint32_t label_index, double score) {
        const Label& label = ix.labels[label_index];
        if (!ix.kind_ok(label.concept_index, options.kind)) return;
        auto [it, inserted] = best.try_emplace(label.concept_index, score, label_index);
        if (!inserted && score > it->second.first) it->second = {score, label_index};
    };
    const std::vector<bool> own = ix.same_language(lang);
    const auto in_own_lang = [&](const Label& label) { return static_cast<bool>(own[label.lang]); };

    if (const auto it = ix.exact.find(query.key); it != ix.exact.end()) {
        for (const std::uint32_t l : it->second) offer(l, in_own_lang(ix.labels[l]) ? kExact : kExactOtherLanguage);
    }
    if (const auto it = ix.exact_compact.find(query.compact); it != ix.exact_compact.end()) {
        for (const std::uint32_t l : it->second)
            offer(l, in_own_lang(ix.labels[l]) ? kExactCompact : kExactCompactOtherLanguage);
    }

    // Typo-tolerant and word-order-insensitive, in every language; other languages count less.
    const auto grams = token_trigrams(query.key);
    std::vector<std::uint32_t> candidates;
    for (const LangIndex& li : ix.langs) {
        candidates.clear();
        collect_candidates(li.grams, grams, ix.sizes, false, Rank::jaccard, kCandidatesPerList, candidates);
        for (const std::uint32_t l : candidates) {
            const Label& label = ix.labels[l];
            offer(l, query.similarity(label.key) * (in_own_lang(label) ? 1.0 : kOtherLanguageFactor));
        }
    }

    // Latin transliteration of both sides: the last resort across scripts.
    const Query latin(latin_key32(query.key));
    if (!latin.key.empty()) {
        const auto latin_grams = token_trigrams(latin.key);
        const bool query_was_latin = latin.key == query.key;
        for (const LangIndex& li : ix.langs) {
            candidates.clear();
            collect_candidates(li.latin_grams, latin_grams, ix.sizes, true, Rank::jaccard, kCandidatesPerList,
                               candidates);
            // A non-Latin query may also be a loanword of a Latin label; a Latin query already met those above.
            if (!query_was_latin)
                collect_candidates(li.grams, latin_grams, ix.sizes, false, Rank::jaccard, kCandidatesPerList,
                                   candidates);
            for (const std::uint32_t l : candidates) {
                offer(l, latin.similarity(ix.labels[l].latin_or_key()) * kTransliterationFactor);
            }
        }
    }

    std::vector<Resolution> results;
    for (const auto& [concept_index, scored] : best) {
        if (scored.first < options.threshold) continue;
        const Label& label = ix.labels[scored.second];
        results.push_back(Resolution{.concept_id = ix.concept_ids[concept_index], .score = scored.first,
                                     .matched_label = label.text, .matched_lang = ix.langs[label.lang].lang});
    }
    std::sort(results.begin(), results.end(), [](const Resolution& a, const Resolution& b) {
        return a.score != b.score ? a.score > b.score : a.concept_id < b.concept_id;
    });
    if (results.size() > options.top_n) results.resize(options.top_n);
    return results;
}

std::vector<Suggestion> SkillIndex::autocomplete(std::string_view prefix, std::string_view lang,
                                                 const AutocompleteOptions& options) const {
    const Impl& ix = *impl_;
    const std::u32string typed = bounded_key(prefix, lang);
    if (typed.empty() || options.top_n == 0) return {};
    const std::vector<bool> own = ix.same_language(lang);
    const auto grams = token_trigrams(typed, true);
    std::vector<std::uint32_t> prefixed;
    std::vector<std::uint32_t> candidates;
    for (std::size_t i = 0; i < ix.langs.size(); ++i) {
        if (!own[i]) continue;
        const LangIndex& li = ix.langs[i];
        // Labels whose key starts with the typed text: a binary search and a bounded scan.
        auto it = std::lower_bound(li.by_key.begin(), li.by_key.end(), typed,
                                   [&](std::uint32_t l, const std::u32string& key) { return ix.labels[l].key < key; });
        for (std::size_t n = 0; it != li.by_key.end() && n < kPrefixScanLimit; ++it, ++n) {
            if (!ix.labels[*it].key.starts_with(typed)) break;
            prefixed.push_back(*it);
        }
        // Typos and inner words: trigram candidates, the last word left open.
        collect_candidates(li.grams, grams, ix.sizes, false, Rank::containment, kAutocompleteCandidates, candidates);
    }

    const CachedEditDistance typed_distance(typed);
    const auto prefix_similarity = [&](std::u32string_view text) {
        return 1.0 - static_cast<double>(typed_distance.prefix_distance(text)) / static_cast<double>(typed.size());
    };
    const auto fuzzy_prefix_similarity = [&](const Label& label) {
        double similarity = prefix_similarity(label.key);
        for (std::size_t pos = label.key.find(U' '); pos != std::u32string::npos; pos = label.key.find(U' ', pos + 1)) {
            if (pos == label.key.find(U' ')) similarity = std::max(similarity, prefix_similarity(without_spaces(label.key)));
            similarity = std::max(similarity,
                                  kWordPrefixFactor * prefix_similarity(std::u32string_view(label.key).substr(pos + 1)));
        }
        return similarity;
    };
    std::unordered_map<std::uint32_t, std::pair<double, std::uint32_t>> best;
    const auto offer = [&](std::uint32_t l, double similarity) {
        const Label& label = ix.labels[l];
        if (!ix.kind_ok(label.concept_index, options.kind) || similarity < options.threshold) return;
        // Among equally good completions the shorter label is the likelier one.
        const double coverage = std::min(1.0, static_cast<double>(typed.size()) / static_cast<double>(label.key.size()));
        const double score = similarity * (0.85 + 0.15 * coverage);
        auto [slot, inserted] = best.try_emplace(label.concept_index, score, l);
        if (!inserted && (score > slot->second.first || (score == slot->second.first && l < slot->second.second)))
            slot->second = {score, l};
    };
    for (const std::uint32_t l : prefixed) offer(l, 1.0);
    for (const std::uint32_t l : candidates) offer(l, fuzzy_prefix_similarity(ix.labels[l]));

    std::vector<Suggestion> results;
    results.reserve(best.size());
    for (const auto& [concept_index, scored] : best) {
        const std::string& id = ix.concept_ids[concept_index];
        results.push_back(Suggestion{.concept_id = id, .score = scored.first,
                                     .matched_label = ix.labels[scored.second].text, .german_label = {}});
    }
    std::sort(results.begin(), results.end(), [](const Suggestion& a, const Suggestion& b) {
        return a.score != b.score ? a.score > b.score : a.concept_id < b.concept_id;
    });
    if (results.size() > options.top_n) results.resize(options.top_n);
    for (Suggestion& s : results) s.german_label = preferred_label(s.concept_id, "de").value_or(std::string());
    return results;
}

}  // namespace kk::matcher
