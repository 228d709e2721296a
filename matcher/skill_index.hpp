#pragma once
// Resolving free text (any of our languages and scripts, misspelt, reordered, as a German compound) to
// catalog concepts. Pure; built once from label entries, then queried many times, read-only.
// ICU types stay out of this header.
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kk::matcher {

enum class ConceptKind { skill, occupation };

// One label of a concept in one language: the preferred label or a synonym.
struct LabelEntry {
    std::string concept_id;
    std::string lang;  // as the catalog spells it: "de", "fa_AF", ...
    std::string label;
    bool is_preferred = false;
    ConceptKind kind = ConceptKind::skill;
};

struct Resolution {
    std::string concept_id;
    double score = 0.0;         // 0..1; 1 only for an exact label or synonym in the query's language
    std::string matched_label;  // the label (as written in the catalog) that scored best
    std::string matched_lang;
};

struct Suggestion {
    std::string concept_id;
    double score = 0.0;  // 0..1
    std::string matched_label;
    std::string german_label;  // preferred German label, empty when the catalog has none
};

struct ResolveOptions {
    std::size_t top_n = 5;
    double threshold = 0.72;                // results scoring below this are dropped
    std::optional<ConceptKind> kind;        // only skills or only occupations
};

struct AutocompleteOptions {
    std::size_t top_n = 8;
    double threshold = 0.7;
    std::optional<ConceptKind> kind;
};

// Immutable after construction; its const functions may be called from several threads at once.
class SkillIndex {
public:
    // Normalises every label (matching key, Latin transliteration for non-Latin ones) and builds the inverted
    // indexes. O(L·ℓ) for L labels of average length ℓ; the transliterator dominates for non-Latin labels.
    explicit SkillIndex(const std::vector<LabelEntry>& entries);
    ~SkillIndex();
    SkillIndex(SkillIndex&&) noexcept;
    SkillIndex& operator=(SkillIndex&&) noexcept;

    // Concepts that `text` (written in language `lang`; its matching key cut at 256 code points) most likely
    // names, best first (score descending, then
    // concept id ascending), one entry per concept, at most options.top_n, none below options.threshold.
    // A label counts as in `lang` when its primary language subtag is the same ("fa" for "fa_AF").
    // Tiers, by score: an exact label or synonym in `lang` (1.0); the same with word boundaries removed, so
    // "Gabelstaplerfahren" equals "Gabelstapler fahren" (0.99); typo-tolerant and word-order-insensitive
    // matches in `lang` (≤ 0.98); the same in other languages (×0.92, exact 0.95); Latin transliteration of
    // both sides (×0.88), so "svarka" or a loanword in Arabic script still finds its concept.
    // Candidates come from per-language trigram posting lists (the best 64 per language by Jaccard of trigram
    // sets), so a query costs O(Σ posting-list lengths of its trigrams + 64·languages·|q|·ℓ), not O(L).
    std::vector<Resolution> resolve(std::string_view text, std::string_view lang,
                                    const ResolveOptions& options = {}) const;

    // Completions for what a user has typed so far, in `lang` only (same primary subtag, as above): labels starting with the typed text or
    // having a word that starts with it, tolerating typos (prefix edit distance), shorter labels first among
    // equals; one entry per concept, score descending, then concept id. Cost: O(log L + k) for the exact prefix
    // range (k ≤ 2000 scanned) plus the trigram candidate scan as in resolve, for one language.
    std::vector<Suggestion> autocomplete(std::string_view prefix, std::string_view lang,
                                         const AutocompleteOptions& options = {}) const;

    // The preferred label of `concept_id` in `lang`, if the index has one. O(1) average.
    std::optional<std::string> preferred_label(std::string_view concept_id, std::string_view lang) const;

    std::size_t label_count() const;
    std::size_t concept_count() const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace kk::matcher
