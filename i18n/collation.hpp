#pragma once
// Sorting labels (occupations, countries, languages) the way the reader's language sorts them, with an
// ICU Collator. Create one Collation per session language and pass it by const&: creating a collator
// costs far more than comparing with it.
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace kk::i18n {

class Collation {
  public:
    // A collator for `lang` (an ICU locale id); falls back to the root collation (logged) when ICU has none.
    explicit Collation(std::string_view lang);
    ~Collation();
    Collation(Collation&&) noexcept;
    Collation& operator=(Collation&&) noexcept;

    // True when `a` sorts before `b`. Thread-safe (ICU collators are safe for concurrent compare).
    bool less(std::string_view a, std::string_view b) const;

    // Sorts `labels` in place; stable, O(n log n) comparisons.
    void sort(std::vector<std::string>& labels) const;

    // Sorts any items by the label `label_of(item)` returns.
    template <class T, class LabelOf>
    void sort_by(std::vector<T>& items, LabelOf label_of) const;

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace kk::i18n

#include <algorithm>

template <class T, class LabelOf>
void kk::i18n::Collation::sort_by(std::vector<T>& items, LabelOf label_of) const {
    std::stable_sort(items.begin(), items.end(),
                     [&](const T& a, const T& b) { return less(label_of(a), label_of(b)); });
}
