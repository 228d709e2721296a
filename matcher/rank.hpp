#pragma once
// Top-k ranking in both directions over inverted indexes: vacancies for a candidate, candidates for a
// vacancy.
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include "matcher/geo.hpp"
#include "matcher/model.hpp"
#include "matcher/score.hpp"

namespace kk::matcher {

// Match::candidate / Match::vacancy of the query side when the query is not taken from the index's lists.
inline constexpr std::size_t kQueryIndex = std::numeric_limits<std::size_t>::max();

// Total result orders (compare_rank, then the tie key): vacancies by reference, employer, index; candidates
// by ref, index. Used by the fast path and the reference alike.
bool vacancy_ranks_before(const Match& a, const Match& b, std::span<const Vacancy> vacancies);
bool candidate_ranks_before(const Match& a, const Match& b, std::span<const Candidate> candidates);

// Two phases per query. First the items that can be reachable (within the radius on a grid of cells, or
// without a location) are scored; when k of them match, unreachable ones cannot enter the top k and the query
// ends. Otherwise inverted indexes over catalog skills (a query expands to the skills related to its own),
// occupations and the distinct texts compared by similarity yield every item that can score above 0. Each
// item is scored exactly like Scorer::evaluate (same values, same arithmetic), the best k are kept in a
// bounded heap and explained by Scorer::evaluate. Results never include unlisted vacancies or scores of 0.
//
// The index keeps pointers to scorer, vacancies and candidates: they must outlive it unchanged. Queries reuse
// scratch buffers inside the index: one query at a time per index (copy the index for more threads).
class MatchIndex {
  public:
    MatchIndex(const Scorer& scorer, std::span<const Vacancy> vacancies,
               std::span<const Candidate> candidates);

    // Best k listed vacancies for the candidate (which need not be in the index's candidates);
    // Match::candidate is kQueryIndex. Cost: the postings of the candidate's skills and their related skills,
    // plus one similarity call per distinct vacancy text for each text compared (see text dictionaries), plus
    // O(n log k).
    std::vector<Match> vacancies_for(const Candidate& candidate, std::chrono::sys_days today,
                                     std::size_t k) const;
    // Best k candidates for the vacancy; empty when the vacancy is not listed today. Match::vacancy is
    // kQueryIndex.
    std::vector<Match> candidates_for(const Vacancy& vacancy, std::chrono::sys_days today,
                                      std::size_t k) const;

    // Bytes held by the index structures (not the vacancies and candidates themselves).
    std::size_t memory_bytes() const;

    // A list of ids per key, stored contiguously.
    struct Postings {
        std::vector<std::uint32_t> offsets;  // size keys + 1
        std::vector<std::uint32_t> items;
        std::span<const std::uint32_t> of(std::size_t key) const;
        std::size_t memory_bytes() const;
    };
    // Distinct texts, each with the items that contain it.
    struct TextDictionary {
        std::vector<std::string> texts;
        Postings postings;
        std::size_t memory_bytes() const;
    };

  private:
    const Scorer* scorer_;
    std::span<const Vacancy> vacancies_;
    std::span<const Candidate> candidates_;

    Postings vacancies_by_skill_;  // resolved requirement (required or optional) → vacancy
    Postings vacancies_by_occupation_;
    TextDictionary vacancy_resolved_texts_;                // compared with the candidate's unresolved skills
    TextDictionary vacancy_unresolved_texts_;              // compared with every candidate skill
    std::vector<std::uint32_t> requirement_text_offsets_;  // per vacancy into requirement_text_ids_
    std::vector<std::uint32_t>
        requirement_text_ids_;  // required then optional; id in the dictionary by resolved()
    // Compact per-vacancy copies of what scoring reads, so a query scans contiguous arrays, not Vacancy
    // objects.
    std::vector<std::uint32_t>
        requirement_skill_ids_;  // parallel to requirement_text_ids_; kNone unless resolved()
    struct VacancyFacts {
        double lat = 0, lon = 0;        // NaN when the location is unknown
        std::int32_t listed_until = 0;  // days since 1970; INT32_MIN when closed, INT32_MAX without end
        std::uint32_t occupation = 0;   // kNone when unknown
        std::uint16_t required_count = 0;
        LanguageLevel german = LanguageLevel::None;
        bool german_support = false;
        bool needs_licence = false;
    };
    std::vector<VacancyFacts> vacancy_facts_;
    // Internally vacancies are numbered by grid cell so a radius query reads neighbouring memory;
    // vacancy_order_[internal] is the index in the caller's list.
    std::vector<std::uint32_t> vacancy_order_;

    Postings candidates_by_skill_;
    Postings candidates_by_occupation_;          // occupations with years > 0
    TextDictionary candidate_all_texts_;         // compared with the vacancy's unresolved requirements
    TextDictionary candidate_unresolved_texts_;  // compared with every requirement
    std::vector<std::uint32_t> candidate_text_offsets_;  // per candidate into the two id arrays below
    std::vector<std::uint32_t> candidate_all_text_ids_;
    std::vector<std::uint32_t> candidate_unresolved_text_ids_;  // kNone for resolved skills

    GeoGrid vacancy_grid_;
    GeoGrid candidate_grid_;
    std::vector<std::uint32_t>
        unplaced_vacancies_;  // without a location: distance unknown, never a distance blocker
    std::vector<std::uint32_t> unplaced_candidates_;
    double max_candidate_radius_km_ = 0;

    // Query scratch, reused; stamps tell which entries the current query wrote.
    struct Scratch {
        std::uint32_t epoch = 0;
        std::vector<std::uint32_t> item_stamp;  // vacancies or candidates seen
        std::vector<std::uint32_t> touched;
        std::vector<std::uint32_t> skill_stamp;
        std::vector<BestSkill> skill_best;     // per catalog skill (candidate direction)
        std::vector<std::uint32_t> skill_row;  // per catalog skill: row into rows (vacancy direction)
        std::vector<std::uint32_t> text_stamp_a, text_stamp_b;
        std::vector<BestSkill> text_best_a, text_best_b;            // candidate direction
        std::vector<std::uint32_t> text_row_a, text_row_b;          // vacancy direction
        std::vector<double> rows;                                   // rows of requirement-count values
        std::vector<std::uint32_t> keys, text_keys_a, text_keys_b;  // skills and texts the query stamped
        std::vector<std::span<const std::uint32_t>> cells;          // grid cells near the query
    };
    mutable Scratch scratch_;
    void next_epoch() const;
    void touch(std::span<const std::uint32_t> items) const;
};

}  // namespace kk::matcher
