#include "matcher/rank.hpp"

#include <algorithm>
#include <cmath>
#include <queue>
#include <string_view>
#include <utility>

namespace kk::matcher {

namespace {

constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();
constexpr double kUnknownDistance = std::numeric_limits<double>::infinity();

MatchIndex::Postings make_postings(std::vector<std::pair<std::uint32_t, std::uint32_t>> pairs,
                                   std::size_t keys) {
    std::sort(pairs.begin(), pairs.end());
    pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
    MatchIndex::Postings p;
    p.offsets.assign(keys + 1, 0);
    p.items.reserve(pairs.size());
    for (const auto& [key, item] : pairs) {
        ++p.offsets[key + 1];
        p.items.push_back(item);
    }
    for (std::size_t i = 0; i < keys; ++i) p.offsets[i + 1] += p.offsets[i];
    return p;
}

// Collects distinct non-empty texts with the items containing them.
class DictionaryBuilder {
  public:
    std::uint32_t add(std::string_view text, std::uint32_t item) {
        if (text.empty()) return kNone;
        auto [it, inserted] = ids_.try_emplace(std::string(text), static_cast<std::uint32_t>(texts_.size()));
        if (inserted) texts_.emplace_back(text);
        pairs_.emplace_back(it->second, item);
        return it->second;
    }
    MatchIndex::TextDictionary finish() {
        MatchIndex::TextDictionary d;
        d.postings = make_postings(std::move(pairs_), texts_.size());
        d.texts = std::move(texts_);
        ids_.clear();
        return d;
    }

  private:
    std::unordered_map<std::string, std::uint32_t> ids_;
    std::vector<std::string> texts_;
    std::vector<std::pair<std::uint32_t, std::uint32_t>> pairs_;
};

const VacancySkill& requirement_at(const Vacancy& vacancy, std::size_t j) {
    return j < vacancy.required.size() ? vacancy.required[j] : vacancy.optional[j - vacancy.required.size()];
}

// The better of two partial bests under the reference's rule: higher value, then the lower skill index.
BestSkill better(const BestSkill& a, const BestSkill& b) {
    if (b.value > a.value || (b.value == a.value && b.value > 0 && b.candidate_skill < a.candidate_skill))
        return b;
    return a;
}

// Mirrors Scorer::evaluate's arithmetic exactly so fast and reference scores are bit-identical.
template <typename BestValue>
double score_with(const Candidate& candidate, const Vacancy& vacancy, BestValue best_value) {
    double required_sum = 0;
    for (std::size_t r = 0; r < vacancy.required.size(); ++r) required_sum += best_value(r);
    double optional_sum = 0;
    for (std::size_t o = 0; o < vacancy.optional.size(); ++o)
        optional_sum += best_value(vacancy.required.size() + o);
    ScoreComponents c;
    c.optional_coverage =
        vacancy.optional.empty() ? 0.0 : optional_sum / static_cast<double>(vacancy.optional.size());
    c.required_coverage = vacancy.required.empty()
                              ? c.optional_coverage
                              : required_sum / static_cast<double>(vacancy.required.size());
    c.experience = Scorer::experience(candidate, vacancy);
    c.german_factor = Scorer::german_factor(candidate, vacancy);
    return Scorer::compose(c);
}

struct Ranked {
    bool reachable = true;
    double score = 0;
    double distance = kUnknownDistance;
    std::uint32_t item = 0;
};

int compare_ranked(const Ranked& a, const Ranked& b) {
    if (a.reachable != b.reachable) return a.reachable ? -1 : 1;
    if (a.score != b.score) return a.score > b.score ? -1 : 1;
    if (a.distance != b.distance) return a.distance < b.distance ? -1 : 1;
    return 0;
}

// Keeps the best k under `before`; the heap's top is the worst kept.
template <typename Before>
class TopK {
  public:
    TopK(std::size_t k, Before before) : k_(k), heap_(before) {}
    void offer(const Ranked& r) {
        if (k_ == 0) return;
        if (heap_.size() < k_) {
            heap_.push(r);
        } else if (heap_.comp(r, heap_.top())) {
            heap_.pop();
            heap_.push(r);
        }
    }
    std::vector<Ranked> sorted() {
        std::vector<Ranked> out;
        out.reserve(heap_.size());
        while (!heap_.empty()) {
            out.push_back(heap_.top());
            heap_.pop();
        }
        std::reverse(out.begin(), out.end());
        return out;
    }

  private:
    struct Heap : std::priority_queue<Ranked, std::vector<Ranked>, Before> {
        using std::priority_queue<Ranked, std::vector<Ranked>, Before>::priority_queue;
        using std::priority_queue<Ranked, std::vector<Ranked>, Before>::comp;
    };
    std::size_t k_;
    Heap heap_;
};

Ranked ranked_of(const Match& reach, double score, std::uint32_t item) {
    return {reach.reachable, score, reach.distance_km.value_or(kUnknownDistance), item};
}

template <typename T>
void ensure_size(std::vector<T>& v, std::size_t n) {
    if (v.size() < n) v.resize(n);
}

}  // namespace

bool vacancy_ranks_before(const Match& a, const Match& b, std::span<const Vacancy> vacancies) {
    if (const int c = compare_rank(a, b); c != 0) return c < 0;
    const Vacancy& va = vacancies[a.vacancy];
    const Vacancy& vb = vacancies[b.vacancy];
    if (va.reference != vb.reference) return va.reference < vb.reference;
    if (va.employer != vb.employer) return va.employer < vb.employer;
    return a.vacancy < b.vacancy;
}

bool candidate_ranks_before(const Match& a, const Match& b, std::span<const Candidate> candidates) {
    if (const int c = compare_rank(a, b); c != 0) return c < 0;
    const Candidate& ca = candidates[a.candidate];
    const Candidate& cb = candidates[b.candidate];
    if (ca.ref != cb.ref) return ca.ref < cb.ref;
    return a.candidate < b.candidate;
}

std::span<const std::uint32_t> MatchIndex::Postings::of(std::size_t key) const {
    if (key + 1 >= offsets.size()) return {};
    return std::span<const std::uint32_t>(items).subspan(offsets[key], offsets[key + 1] - offsets[key]);
}

std::size_t MatchIndex::Postings::memory_bytes() const {
    return (offsets.capacity() + items.capacity()) * sizeof(std::uint32_t);
}

std::size_t MatchIndex::TextDictionary::memory_bytes() const {
    std::size_t bytes = postings.memory_bytes() + texts.capacity() * sizeof(std::string);
    for (const auto& t : texts) bytes += t.capacity() > 15 ? t.capacity() + 1 : 0;
    return bytes;
}

MatchIndex::MatchIndex(const Scorer& scorer, std::span<const Vacancy> vacancies,
                       std::span<const Candidate> candidates)
    : scorer_(&scorer), vacancies_(vacancies), candidates_(candidates) {
    std::size_t skill_keys = scorer.graph().node_count();
    std::size_t occupation_keys = 0;
    std::vector<std::pair<std::uint32_t, std::uint32_t>> by_skill, by_occupation;
    DictionaryBuilder resolved_texts, unresolved_texts;
    requirement_text_offsets_.reserve(vacancies.size() + 1);
    vacancy_facts_.reserve(vacancies.size());
    requirement_text_offsets_.push_back(0);
    vacancy_order_.resize(vacancies.size());
    for (std::uint32_t v = 0; v < vacancies.size(); ++v) vacancy_order_[v] = v;
    const auto cell = [&](std::uint32_t v) {
        return is_known(vacancies[v].location) ? GeoGrid::cell_of(*vacancies[v].location)
                                               : std::numeric_limits<std::uint64_t>::max();
    };
    std::stable_sort(vacancy_order_.begin(), vacancy_order_.end(),
                     [&](std::uint32_t a, std::uint32_t b) { return cell(a) < cell(b); });
    for (std::uint32_t v = 0; v < vacancies.size(); ++v) {  // v: internal number
        const Vacancy& vacancy = vacancies[vacancy_order_[v]];
        if (vacancy.occupation) {
            by_occupation.emplace_back(*vacancy.occupation, v);
            occupation_keys = std::max<std::size_t>(occupation_keys, *vacancy.occupation + 1);
        }
        VacancyFacts facts;
        facts.lat =
            is_known(vacancy.location) ? vacancy.location->lat_deg : std::numeric_limits<double>::quiet_NaN();
        facts.lon =
            is_known(vacancy.location) ? vacancy.location->lon_deg : std::numeric_limits<double>::quiet_NaN();
        facts.listed_until = !vacancy.open ? std::numeric_limits<std::int32_t>::min()
                             : vacancy.valid_until
                                 ? static_cast<std::int32_t>(vacancy.valid_until->time_since_epoch().count())
                                 : std::numeric_limits<std::int32_t>::max();
        facts.occupation = vacancy.occupation.value_or(kNone);
        facts.required_count = static_cast<std::uint16_t>(vacancy.required.size());
        facts.german = vacancy.german;
        facts.german_support = vacancy.german_support;
        facts.needs_licence = !vacancy.licence.empty();
        vacancy_facts_.push_back(facts);
        for (std::size_t j = 0; j < vacancy.required.size() + vacancy.optional.size(); ++j) {
            const VacancySkill& req = requirement_at(vacancy, j);
            requirement_skill_ids_.push_back(Scorer::resolved(req) ? *req.id : kNone);
            if (Scorer::resolved(req)) {
                by_skill.emplace_back(*req.id, v);
                skill_keys = std::max<std::size_t>(skill_keys, *req.id + 1);
                requirement_text_ids_.push_back(resolved_texts.add(req.text, v));
            } else {
                requirement_text_ids_.push_back(unresolved_texts.add(req.text, v));
            }
        }
        requirement_text_offsets_.push_back(static_cast<std::uint32_t>(requirement_text_ids_.size()));
    }

    std::vector<std::pair<std::uint32_t, std::uint32_t>> cand_by_skill, cand_by_occupation;
    DictionaryBuilder all_texts, free_texts;
    candidate_text_offsets_.reserve(candidates.size() + 1);
    candidate_text_offsets_.push_back(0);
    for (std::uint32_t c = 0; c < candidates.size(); ++c) {
        const Candidate& candidate = candidates[c];
        for (const auto& occupation : candidate.occupations)
            if (occupation.id && occupation.years > 0) {
                cand_by_occupation.emplace_back(*occupation.id, c);
                occupation_keys = std::max<std::size_t>(occupation_keys, *occupation.id + 1);
            }
        for (const auto& skill : candidate.skills) {
            if (skill.id) {
                cand_by_skill.emplace_back(*skill.id, c);
                skill_keys = std::max<std::size_t>(skill_keys, *skill.id + 1);
            }
            candidate_all_text_ids_.push_back(all_texts.add(skill.text, c));
            candidate_unresolved_text_ids_.push_back(skill.id ? kNone : free_texts.add(skill.text, c));
        }
        candidate_text_offsets_.push_back(static_cast<std::uint32_t>(candidate_all_text_ids_.size()));
    }

    vacancies_by_skill_ = make_postings(std::move(by_skill), skill_keys);
    vacancies_by_occupation_ = make_postings(std::move(by_occupation), occupation_keys);
    vacancy_resolved_texts_ = resolved_texts.finish();
    vacancy_unresolved_texts_ = unresolved_texts.finish();
    candidates_by_skill_ = make_postings(std::move(cand_by_skill), skill_keys);
    candidates_by_occupation_ = make_postings(std::move(cand_by_occupation), occupation_keys);
    candidate_all_texts_ = all_texts.finish();
    candidate_unresolved_texts_ = free_texts.finish();

    std::vector<std::pair<GeoPoint, std::uint32_t>> placed;
    for (std::uint32_t v = 0; v < vacancies.size(); ++v) {
        if (is_known(vacancies[vacancy_order_[v]].location))
            placed.emplace_back(*vacancies[vacancy_order_[v]].location, v);
        else
            unplaced_vacancies_.push_back(v);
    }
    vacancy_grid_ = GeoGrid(placed);
    placed.clear();
    for (std::uint32_t c = 0; c < candidates.size(); ++c) {
        if (is_known(candidates[c].location)) {
            placed.emplace_back(*candidates[c].location, c);
            max_candidate_radius_km_ =
                std::max(max_candidate_radius_km_,
                         candidates[c].max_commute_km.value_or(ScoreWeights::kDefaultCommuteKm));
        } else {
            unplaced_candidates_.push_back(c);
        }
    }
    candidate_grid_ = GeoGrid(placed);
}

std::size_t MatchIndex::memory_bytes() const {
    const auto u32 = [](const std::vector<std::uint32_t>& v) { return v.capacity() * sizeof(std::uint32_t); };
    return vacancies_by_skill_.memory_bytes() + vacancies_by_occupation_.memory_bytes() +
           vacancy_resolved_texts_.memory_bytes() + vacancy_unresolved_texts_.memory_bytes() +
           u32(requirement_text_offsets_) + u32(requirement_text_ids_) + u32(requirement_skill_ids_) +
           vacancy_facts_.capacity() * sizeof(VacancyFacts) + candidates_by_skill_.memory_bytes() +
           candidates_by_occupation_.memory_bytes() + candidate_all_texts_.memory_bytes() +
           candidate_unresolved_texts_.memory_bytes() + u32(candidate_text_offsets_) +
           u32(candidate_all_text_ids_) + u32(candidate_unresolved_text_ids_) + vacancy_grid_.memory_bytes() +
           candidate_grid_.memory_bytes() + u32(unplaced_vacancies_) + u32(unplaced_candidates_) +
           u32(vacancy_order_);
}

void MatchIndex::next_epoch() const {
    Scratch& s = scratch_;
    if (++s.epoch == 0) {
        for (auto* v : {&s.item_stamp, &s.skill_stamp, &s.text_stamp_a, &s.text_stamp_b})
            std::fill(v->begin(), v->end(), 0);
        s.epoch = 1;
    }
    s.touched.clear();
    s.rows.clear();
    s.keys.clear();
    s.text_keys_a.clear();
    s.text_keys_b.clear();
    const std::size_t skills = vacancies_by_skill_.offsets.size() - 1;
    ensure_size(s.item_stamp, std::max(vacancies_.size(), candidates_.size()));
    ensure_size(s.skill_stamp, skills);
    ensure_size(s.skill_best, skills);
    ensure_size(s.skill_row, skills);
    const std::size_t a = std::max(vacancy_unresolved_texts_.texts.size(), candidate_all_texts_.texts.size());
    const std::size_t b =
        std::max(vacancy_resolved_texts_.texts.size(), candidate_unresolved_texts_.texts.size());
    for (auto* v : {&s.text_stamp_a, &s.text_row_a}) ensure_size(*v, a);
    for (auto* v : {&s.text_stamp_b, &s.text_row_b}) ensure_size(*v, b);
    ensure_size(s.text_best_a, a);
    ensure_size(s.text_best_b, b);
}

void MatchIndex::touch(std::span<const std::uint32_t> items) const {
    Scratch& s = scratch_;
    for (const std::uint32_t item : items)
        if (s.item_stamp[item] != s.epoch) {
            s.item_stamp[item] = s.epoch;
            s.touched.push_back(item);
        }
}

std::vector<Match> MatchIndex::vacancies_for(const Candidate& candidate, std::chrono::sys_days today,
                                             std::size_t k) const {
    if (k == 0) return {};
    next_epoch();
    Scratch& s = scratch_;
    const std::uint32_t epoch = s.epoch;
    const std::size_t skill_keys = s.skill_stamp.size();
    const SkillGraph& graph = scorer_->graph();

    // Best resolved candidate skill per catalog skill, over the skill itself and its related skills.
    const auto offer_skill = [&](SkillId t, std::size_t i, SkillRelation relation) {
        const double w = relation_weight(relation);
        if (s.skill_stamp[t] != epoch) {
            s.skill_stamp[t] = epoch;
            s.skill_best[t] = {w, i, relation};
            s.keys.push_back(t);
        } else if (w > s.skill_best[t].value) {
            s.skill_best[t] = {w, i, relation};
        }
    };
    bool has_free_text = false;
    for (std::size_t i = 0; i < candidate.skills.size(); ++i) {
        const CandidateSkill& skill = candidate.skills[i];
        if (!skill.id) {
            has_free_text = true;
            continue;
        }
        if (*skill.id >= skill_keys) continue;  // no vacancy names it, and related skills come from the graph
        offer_skill(*skill.id, i, SkillRelation::Same);
        for (const RelatedSkill& related : graph.neighbours(*skill.id))
            if (related.skill < skill_keys) offer_skill(related.skill, i, related.relation);
    }

    // Texts compared by similarity: one call per distinct vacancy text and candidate skill.
    const auto scan = [&](const TextDictionary& dict, bool free_text_only, std::vector<std::uint32_t>& stamp,
                          std::vector<BestSkill>& best, std::vector<std::uint32_t>& keys) {
        // Skill by skill, so the similarity sees the same first text many times in a row (trigram_dice caches
        // it); ascending i with a strict > keeps the lowest index among equals, like Scorer::best_for.
        for (std::size_t i = 0; i < candidate.skills.size(); ++i) {
            if (free_text_only && candidate.skills[i].id) continue;
            for (std::uint32_t d = 0; d < dict.texts.size(); ++d) {
                const double v = scorer_->text_value(candidate.skills[i].text, dict.texts[d]);
                if (v <= 0) continue;
                if (stamp[d] != epoch) {
                    stamp[d] = epoch;
                    best[d] = {v, i, SkillRelation::None};
                    keys.push_back(d);
                } else if (v > best[d].value) {
                    best[d] = {v, i, SkillRelation::None};
                }
            }
        }
    };
    scan(vacancy_unresolved_texts_, false, s.text_stamp_a, s.text_best_a, s.text_keys_a);
    if (has_free_text) scan(vacancy_resolved_texts_, true, s.text_stamp_b, s.text_best_b, s.text_keys_b);

    const auto before = [this](const Ranked& a, const Ranked& b) {
        if (const int c = compare_ranked(a, b); c != 0) return c < 0;
        const Vacancy& va = vacancies_[vacancy_order_[a.item]];
        const Vacancy& vb = vacancies_[vacancy_order_[b.item]];
        if (va.reference != vb.reference) return va.reference < vb.reference;
        if (va.employer != vb.employer) return va.employer < vb.employer;
        return vacancy_order_[a.item] < vacancy_order_[b.item];
    };
    Match reach;
    std::size_t reachable = 0;
    // Scores from the compact arrays with exactly Scorer::evaluate's arithmetic (see score_with).
    const auto today_days = static_cast<std::int32_t>(today.time_since_epoch().count());
    const LanguageLevel german = german_level(candidate);
    const bool candidate_placed = is_known(candidate.location);
    const double radius = candidate.max_commute_km.value_or(ScoreWeights::kDefaultCommuteKm);
    const auto consider = [&](TopK<decltype(before)>& top, std::uint32_t v) {
        const VacancyFacts& f = vacancy_facts_[v];
        if (f.listed_until < today_days) return;
        const std::uint32_t first = requirement_text_offsets_[v];
        const std::size_t n = requirement_text_offsets_[v + 1] - first;
        const std::uint32_t* text_ids = requirement_text_ids_.data() + first;
        const std::uint32_t* skill_ids = requirement_skill_ids_.data() + first;
        const auto best_value = [&](std::size_t j) {
            const std::uint32_t d = text_ids[j];
            const std::uint32_t id = skill_ids[j];
            if (id == kNone) return d != kNone && s.text_stamp_a[d] == epoch ? s.text_best_a[d].value : 0.0;
            BestSkill catalog = s.skill_stamp[id] == epoch ? s.skill_best[id] : BestSkill{};
            if (d != kNone && s.text_stamp_b[d] == epoch) catalog = better(catalog, s.text_best_b[d]);
            return catalog.value;
        };
        const std::size_t required = f.required_count;
        double required_sum = 0;
        for (std::size_t r = 0; r < required; ++r) required_sum += best_value(r);
        double optional_sum = 0;
        for (std::size_t o = required; o < n; ++o) optional_sum += best_value(o);
        ScoreComponents c;
        c.optional_coverage = n == required ? 0.0 : optional_sum / static_cast<double>(n - required);
        c.required_coverage =
            required == 0 ? c.optional_coverage : required_sum / static_cast<double>(required);
        c.experience = Scorer::experience(
            candidate, f.occupation == kNone ? std::nullopt : std::optional<OccupationId>(f.occupation));
        c.german_factor = Scorer::german_factor(f.german, f.german_support, german);
        const double score = Scorer::compose(c);
        if (score <= 0) return;
        // Reachability as Scorer::assess_reach decides it.
        Ranked ranked{true, score, kUnknownDistance, v};
        if (candidate_placed && !std::isnan(f.lat)) {
            ranked.distance = haversine_km(*candidate.location, GeoPoint{f.lat, f.lon});
            if (ranked.distance > radius) ranked.reachable = false;
        }
        if (f.needs_licence && ranked.reachable) {
            Scorer::assess_reach(candidate, vacancies_[vacancy_order_[v]], reach);
            ranked.reachable = reach.reachable;
        }
        reachable += ranked.reachable;
        top.offer(ranked);
    };
    const auto explained = [&](TopK<decltype(before)>& top) {
        std::vector<Match> out;
        for (const Ranked& r : top.sorted()) {
            Match m = scorer_->evaluate(candidate, vacancies_[vacancy_order_[r.item]]);
            m.vacancy = vacancy_order_[r.item];
            m.candidate = kQueryIndex;
            out.push_back(std::move(m));
        }
        return out;
    };

    // Phase 1: every vacancy that can be reachable lies within the radius or has no location. When k of them
    // match, the unreachable rest cannot enter the top k.
    s.cells.clear();
    if (candidate_placed &&
        vacancy_grid_.near(*candidate.location,
                           candidate.max_commute_km.value_or(ScoreWeights::kDefaultCommuteKm), s.cells)) {
        TopK<decltype(before)> top(k, before);
        for (const auto cell : s.cells)
            for (const std::uint32_t v :
                 cell)  // beyond the radius is never reachable: not needed in this phase
                if (haversine_km(*candidate.location,
                                 GeoPoint{vacancy_facts_[v].lat, vacancy_facts_[v].lon}) <= radius)
                    consider(top, v);
        for (const std::uint32_t v : unplaced_vacancies_) consider(top, v);
        if (reachable >= k) return explained(top);
    }

    // Phase 2: every vacancy sharing something with the candidate, through the inverted indexes.
    for (const std::uint32_t t : s.keys) touch(vacancies_by_skill_.of(t));
    for (const auto& occupation : candidate.occupations)
        if (occupation.id && occupation.years > 0) touch(vacancies_by_occupation_.of(*occupation.id));
    for (const std::uint32_t d : s.text_keys_a) touch(vacancy_unresolved_texts_.postings.of(d));
    for (const std::uint32_t d : s.text_keys_b) touch(vacancy_resolved_texts_.postings.of(d));
    TopK<decltype(before)> top(k, before);
    for (const std::uint32_t v : s.touched) consider(top, v);
    return explained(top);
}

std::vector<Match> MatchIndex::candidates_for(const Vacancy& vacancy, std::chrono::sys_days today,
                                              std::size_t k) const {
    if (k == 0 || !is_listed(vacancy, today)) return {};
    next_epoch();
    Scratch& s = scratch_;
    const std::uint32_t epoch = s.epoch;
    const std::size_t skill_keys = s.skill_stamp.size();
    const std::size_t n = vacancy.required.size() + vacancy.optional.size();
    if (n == 0 && !vacancy.occupation) return {};
    const SkillGraph& graph = scorer_->graph();

    // One row of n values per catalog skill or text: how well it meets requirement j.
    const auto row_of = [&](std::vector<std::uint32_t>& stamp, std::vector<std::uint32_t>& row,
                            std::size_t key, std::vector<std::uint32_t>& keys) -> double* {
        if (stamp[key] != epoch) {
            stamp[key] = epoch;
            row[key] = static_cast<std::uint32_t>(s.rows.size() / std::max<std::size_t>(n, 1));
            s.rows.resize(s.rows.size() + n, 0.0);
            keys.push_back(static_cast<std::uint32_t>(key));
        }
        return s.rows.data() + static_cast<std::size_t>(row[key]) * n;
    };
    for (std::size_t j = 0; j < n; ++j) {
        const VacancySkill& req = requirement_at(vacancy, j);
        if (!Scorer::resolved(req) || *req.id >= skill_keys) continue;
        row_of(s.skill_stamp, s.skill_row, *req.id, s.keys)[j] = 1.0;
        for (const RelatedSkill& related : graph.neighbours(*req.id))
            if (related.skill < skill_keys)
                row_of(s.skill_stamp, s.skill_row, related.skill, s.keys)[j] =
                    relation_weight(related.relation);
    }

    const auto scan = [&](const TextDictionary& dict, bool resolved_requirements,
                          std::vector<std::uint32_t>& stamp, std::vector<std::uint32_t>& row,
                          std::vector<std::uint32_t>& keys) {
        for (std::uint32_t d = 0; d < dict.texts.size(); ++d)
            for (std::size_t j = 0; j < n; ++j) {
                const VacancySkill& req = requirement_at(vacancy, j);
                if (Scorer::resolved(req) != resolved_requirements) continue;
                const double v = scorer_->text_value(dict.texts[d], req.text);
                if (v > 0) row_of(stamp, row, d, keys)[j] = v;
            }
    };
    scan(candidate_all_texts_, false, s.text_stamp_a, s.text_row_a, s.text_keys_a);
    scan(candidate_unresolved_texts_, true, s.text_stamp_b, s.text_row_b, s.text_keys_b);

    const auto before = [this](const Ranked& a, const Ranked& b) {
        if (const int c = compare_ranked(a, b); c != 0) return c < 0;
        const Candidate& ca = candidates_[a.item];
        const Candidate& cb = candidates_[b.item];
        if (ca.ref != cb.ref) return ca.ref < cb.ref;
        return a.item < b.item;
    };
    Match reach;
    std::size_t reachable = 0;
    const auto consider = [&](TopK<decltype(before)>& top, std::uint32_t c) {
        const Candidate& candidate = candidates_[c];
        const std::uint32_t first = candidate_text_offsets_[c];
        const double score = score_with(candidate, vacancy, [&](std::size_t j) {
            const bool req_resolved = Scorer::resolved(requirement_at(vacancy, j));
            double best = 0;
            for (std::size_t i = 0; i < candidate.skills.size(); ++i) {
                const CandidateSkill& skill = candidate.skills[i];
                double v = 0;
                if (skill.id && req_resolved) {
                    if (*skill.id < skill_keys && s.skill_stamp[*skill.id] == epoch)
                        v = s.rows[static_cast<std::size_t>(s.skill_row[*skill.id]) * n + j];
                } else if (req_resolved) {
                    const std::uint32_t d = candidate_unresolved_text_ids_[first + i];
                    if (d != kNone && s.text_stamp_b[d] == epoch)
                        v = s.rows[static_cast<std::size_t>(s.text_row_b[d]) * n + j];
                } else {
                    const std::uint32_t d = candidate_all_text_ids_[first + i];
                    if (d != kNone && s.text_stamp_a[d] == epoch)
                        v = s.rows[static_cast<std::size_t>(s.text_row_a[d]) * n + j];
                }
                best = std::max(best, v);
            }
            return best;
        });
        if (score <= 0) return;
        Scorer::assess_reach(candidate, vacancy, reach);
        reachable += reach.reachable;
        top.offer(ranked_of(reach, score, c));
    };
    const auto explained = [&](TopK<decltype(before)>& top) {
        std::vector<Match> out;
        for (const Ranked& r : top.sorted()) {
            Match m = scorer_->evaluate(candidates_[r.item], vacancy);
            m.candidate = r.item;
            m.vacancy = kQueryIndex;
            out.push_back(std::move(m));
        }
        return out;
    };

    // Phase 1: reachable candidates live within the largest radius any candidate gave, or have no location.
    s.cells.clear();
    if (is_known(vacancy.location) &&
        candidate_grid_.near(*vacancy.location, max_candidate_radius_km_, s.cells)) {
        TopK<decltype(before)> top(k, before);
        for (const auto cell : s.cells)
            for (const std::uint32_t c : cell)  // beyond the candidate's own radius is never reachable
                if (haversine_km(*candidates_[c].location, *vacancy.location) <=
                    candidates_[c].max_commute_km.value_or(ScoreWeights::kDefaultCommuteKm))
                    consider(top, c);
        for (const std::uint32_t c : unplaced_candidates_) consider(top, c);
        if (reachable >= k) return explained(top);
    }

    // Phase 2: every candidate sharing something with the vacancy, through the inverted indexes.
    for (const std::uint32_t t : s.keys) touch(candidates_by_skill_.of(t));
    if (vacancy.occupation) touch(candidates_by_occupation_.of(*vacancy.occupation));
    for (const std::uint32_t d : s.text_keys_a) touch(candidate_all_texts_.postings.of(d));
    for (const std::uint32_t d : s.text_keys_b) touch(candidate_unresolved_texts_.postings.of(d));
    TopK<decltype(before)> top(k, before);
    for (const std::uint32_t c : s.touched) consider(top, c);
    return explained(top);
}

}  // namespace kk::matcher
