// Ranking quality on real ESCO data: our engine (resolution into the catalog + skill relations + scoring)
// against two baselines without the catalog. Prints a table; never fails. Run: build/bench/matcher_quality
// [ESCO_DIR]
//
// Candidates are drawn from one occupation's skills and written the way people write them: preferred labels,
// synonyms (ESCO altLabels), German labels where ESCO has them, typos, plus one unrelated skill. Vacancies
// are drawn from occupations' essential and optional skills, as employers phrase them (labels, synonyms, some
// typos). The right answers for a candidate are the vacancies of the candidate's occupation.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <unordered_map>
#include <vector>

#include "matcher/normalise.hpp"
#include "matcher/rank.hpp"
#include "matcher/score.hpp"
#include "matcher/skill_graph.hpp"

using namespace kk::matcher;

namespace {

constexpr std::size_t kOccupations = 300;  // sampled occupations
constexpr std::size_t kVacanciesPerOccupation = 3;
constexpr std::size_t kQueries = 600;
constexpr std::size_t kCandidateSkills = 5;  // from the occupation, plus one unrelated
constexpr std::size_t kRequired = 6, kOptional = 2;
constexpr std::size_t kDepth = 100;        // ranks looked at for MRR
constexpr double kResolveThreshold = 0.6;  // Dice a text needs to be resolved into the catalog
const std::chrono::sys_days kToday{std::chrono::year{2026} / std::chrono::November / 21};

// RFC 4180: quoted cells may hold commas, doubled quotes and newlines.
std::vector<std::vector<std::string>> read_csv(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    const std::string data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::vector<std::vector<std::string>> rows;
    std::vector<std::string> row;
    std::string cell;
    bool quoted = false;
    for (std::size_t i = 0; i < data.size(); ++i) {
        const char c = data[i];
        if (quoted) {
            if (c == '"' && i + 1 < data.size() && data[i + 1] == '"')
                cell += '"', ++i;
            else if (c == '"')
                quoted = false;
            else
                cell += c;
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            row.push_back(std::move(cell));
            cell.clear();
        } else if (c == '\n' || c == '\r') {
            if (c == '\r' && i + 1 < data.size() && data[i + 1] == '\n') ++i;
            row.push_back(std::move(cell));
            cell.clear();
            rows.push_back(std::move(row));
            row.clear();
        } else {
            cell += c;
        }
    }
    if (!cell.empty() || !row.empty()) {
        row.push_back(std::move(cell));
        rows.push_back(std::move(row));
    }
    return rows;
}

std::size_t column(const std::vector<std::string>& header, const std::string& name) {
    const auto it = std::find(header.begin(), header.end(), name);
    return it == header.end() ? header.size() : static_cast<std::size_t>(it - header.begin());
}

std::vector<std::string> split_lines(const std::string& cell) {
    std::vector<std::string> out;
    std::istringstream in(cell);
    for (std::string line; std::getline(in, line);)
        if (!line.empty() && line.size() < 120) out.push_back(line);
    return out;
}

struct Catalog {
    std::vector<std::string> label;                  // preferred English label per skill
    std::vector<std::vector<std::string>> synonyms;  // altLabels
    std::vector<std::string> german;  // empty where ESCO 1.2.1 has no German label in our extract
    std::vector<std::vector<SkillId>> essential, optional;  // per occupation
    SkillGraphInput graph;
};

std::optional<Catalog> load(const std::filesystem::path& esco) {
    const auto en = esco / "v1.1.1-en", rel = esco / "v1.1.1-relations", de = esco / "v1.2.1-de";
    if (!std::filesystem::exists(en / "skills_en.csv") ||
        !std::filesystem::exists(rel / "occupationSkillRelations.csv"))
        return std::nullopt;
    Catalog cat;
    std::unordered_map<std::string, SkillId> node;
    {
        const auto rows = read_csv(en / "skills_en.csv");
        const auto& h = rows.at(0);
        const std::size_t uri = column(h, "conceptUri"), pref = column(h, "preferredLabel"),
                          alt = column(h, "altLabels");
        for (std::size_t r = 1; r < rows.size(); ++r) {
            if (rows[r].size() <= std::max({uri, pref, alt})) continue;
            node.emplace(rows[r][uri], static_cast<SkillId>(cat.label.size()));
            cat.label.push_back(rows[r][pref]);
            cat.synonyms.push_back(split_lines(rows[r][alt]));
        }
    }
    cat.german.resize(cat.label.size());
    for (const auto& file : std::filesystem::directory_iterator(de)) {
        if (file.path().filename().string().find("SkillsCollection_de") == std::string::npos) continue;
        const auto rows = read_csv(file.path());
        const std::size_t uri = column(rows.at(0), "conceptUri"), pref = column(rows.at(0), "preferredLabel");
        for (std::size_t r = 1; r < rows.size(); ++r)
            if (rows[r].size() > std::max(uri, pref))
                if (const auto it = node.find(rows[r][uri]); it != node.end())
                    cat.german[it->second] = rows[r][pref];
    }
    const auto id_of = [&](const std::string& uri) {
        return node.try_emplace(uri, static_cast<SkillId>(node.size())).first->second;
    };
    for (const auto& row : read_csv(rel / "broaderRelationsSkillPillar.csv"))
        if (row.size() >= 4 && row[0] != "conceptType")
            cat.graph.broader.emplace_back(id_of(row[1]), id_of(row[3]));
    std::unordered_map<std::string, OccupationId> occupation;
    for (const auto& row : read_csv(rel / "occupationSkillRelations.csv")) {
        if (row.size() < 4 || row[0] == "occupationUri") continue;
        const auto skill = node.find(row[3]);
        if (skill == node.end() || skill->second >= cat.label.size()) continue;
        const auto o =
            occupation.try_emplace(row[0], static_cast<OccupationId>(occupation.size())).first->second;
        if (cat.essential.size() <= o) cat.essential.resize(o + 1), cat.optional.resize(o + 1);
        if (row[1] == "essential") {
            cat.essential[o].push_back(skill->second);
            cat.graph.essential.emplace_back(o, skill->second);
        } else {
            cat.optional[o].push_back(skill->second);
        }
    }
    cat.graph.node_count = node.size();
    return cat;
}

// Byte trigrams of the folded, space-padded text.
std::vector<std::uint32_t> trigram_set(const std::string& text) {
    const std::string folded = " " + fold_for_matching(text) + " ";
    std::vector<std::uint32_t> g;
    for (std::size_t i = 0; i + 2 < folded.size(); ++i)
        g.push_back(static_cast<std::uint32_t>(static_cast<unsigned char>(folded[i])) << 16 |
                    static_cast<std::uint32_t>(static_cast<unsigned char>(folded[i + 1])) << 8 |
                    static_cast<std::uint32_t>(static_cast<unsigned char>(folded[i + 2])));
    std::sort(g.begin(), g.end());
    g.erase(std::unique(g.begin(), g.end()), g.end());
    return g;
}

// Text → catalog skill by trigram Dice over every label (English, synonyms, German), as the kiosk's resolver
// would do at entry. Inverted index from trigram to label.
class Resolver {
  public:
    explicit Resolver(const Catalog& cat) {
        for (SkillId s = 0; s < cat.label.size(); ++s) {
            add(cat.label[s], s);
            for (const auto& syn : cat.synonyms[s]) add(syn, s);
            if (!cat.german[s].empty()) add(cat.german[s], s);
        }
        count_.assign(label_skill_.size(), 0);
    }
    // The best label's skill and its Dice, or nothing below the threshold.
    std::optional<std::pair<SkillId, double>> resolve(const std::string& text) {
        const auto grams = trigram_set(text);
        std::vector<std::uint32_t> touched;
        for (const auto g : grams)
            if (const auto it = postings_.find(g); it != postings_.end())
                for (const auto l : it->second) {
                    if (count_[l]++ == 0) touched.push_back(l);
                }
        double best = 0;
        std::uint32_t best_label = 0;
        for (const auto l : touched) {
            const double dice = 2.0 * count_[l] / static_cast<double>(grams.size() + label_size_[l]);
            if (dice > best || (dice == best && l < best_label)) best = dice, best_label = l;
            count_[l] = 0;
        }
        if (best < kResolveThreshold) return std::nullopt;
        return std::make_pair(label_skill_[best_label], best);
    }

  private:
    std::unordered_map<std::uint32_t, std::vector<std::uint32_t>> postings_;
    std::vector<SkillId> label_skill_;
    std::vector<std::uint32_t> label_size_;
    std::vector<std::uint32_t> count_;
    void add(const std::string& text, SkillId s) {
        const auto grams = trigram_set(text);
        const auto l = static_cast<std::uint32_t>(label_skill_.size());
        label_skill_.push_back(s);
        label_size_.push_back(static_cast<std::uint32_t>(grams.size()));
        for (const auto g : grams) postings_[g].push_back(l);
    }
};

class Writer {
  public:
    Writer(const Catalog& cat, unsigned seed) : cat_(cat), rng_(seed) {}
    std::size_t below(std::size_t n) { return std::uniform_int_distribution<std::size_t>(0, n - 1)(rng_); }
    bool chance(double p) { return std::uniform_real_distribution<double>(0, 1)(rng_) < p; }

    // One or two edits at ASCII letters: a dropped, doubled or swapped letter.
    std::string typo(std::string s) {
        for (int e = chance(0.5) ? 2 : 1; e > 0; --e) {
            std::vector<std::size_t> at;
            for (std::size_t i = 1; i + 1 < s.size(); ++i)
                if (std::isalpha(static_cast<unsigned char>(s[i])) &&
                    std::isalpha(static_cast<unsigned char>(s[i + 1])))
                    at.push_back(i);
            if (at.empty()) return s;
            const std::size_t i = at[below(at.size())];
            switch (below(3)) {
                case 0:
                    s.erase(i, 1);
                    break;
                case 1:
                    s.insert(i, 1, s[i]);
                    break;
                default:
                    std::swap(s[i], s[i + 1]);
                    break;
            }
        }
        return s;
    }
    std::string synonym_or_label(SkillId s) {
        const auto& syn = cat_.synonyms[s];
        return syn.empty() ? cat_.label[s] : syn[below(syn.size())];
    }
    // How a candidate writes a skill.
    std::string candidate_text(SkillId s) {
        const double u = std::uniform_real_distribution<double>(0, 1)(rng_);
        if (u < 0.3) return cat_.label[s];
        if (u < 0.55) return synonym_or_label(s);
        if (u < 0.75 && !cat_.german[s].empty()) return cat_.german[s];
        return typo(chance(0.5) ? cat_.label[s] : synonym_or_label(s));
    }
    // How an employer writes a requirement.
    std::string employer_text(SkillId s) {
        const double u = std::uniform_real_distribution<double>(0, 1)(rng_);
        if (u < 0.6) return cat_.label[s];
        if (u < 0.9) return synonym_or_label(s);
        return typo(cat_.label[s]);
    }
    template <typename T>
    std::vector<T> sample(std::vector<T> from, std::size_t n) {
        std::shuffle(from.begin(), from.end(), rng_);
        if (from.size() > n) from.resize(n);
        return from;
    }

  private:
    const Catalog& cat_;
    std::mt19937 rng_;
};

struct Query {
    OccupationId occupation;
    std::vector<std::string> texts;  // as written
    Candidate candidate;             // after resolution
};

struct Quality {
    double mrr = 0, recall10 = 0;
};

// ranking: vacancy indices best first (only those the method scores above 0).
void add_result(Quality& q, const std::vector<std::size_t>& ranking, const std::set<std::size_t>& relevant) {
    for (std::size_t r = 0; r < ranking.size() && r < kDepth; ++r)
        if (relevant.count(ranking[r])) {
            q.mrr += 1.0 / static_cast<double>(r + 1);
            break;
        }
    std::size_t hits = 0;
    for (std::size_t r = 0; r < ranking.size() && r < 10; ++r) hits += relevant.count(ranking[r]);
    q.recall10 += static_cast<double>(hits) / static_cast<double>(relevant.size());
}

// Scores every vacancy, keeps those above 0, best first, ties by index.
template <typename Score>
std::vector<std::size_t> rank_all(std::size_t n, Score score) {
    std::vector<std::pair<double, std::size_t>> scored;
    for (std::size_t v = 0; v < n; ++v)
        if (const double s = score(v); s > 0) scored.emplace_back(-s, v);
    std::sort(scored.begin(), scored.end());
    std::vector<std::size_t> out;
    for (const auto& [s, v] : scored) out.push_back(v);
    return out;
}

}  // namespace

int main(int argc, char** argv) {
    const std::filesystem::path esco =
        argc > 1 ? std::filesystem::path(argv[1]) : std::filesystem::path(KK_SHARED_DATA_DIR) / "esco";
    const auto loaded = load(esco);
    if (!loaded) {
        std::printf("ESCO data not found under %s; nothing to evaluate.\n", esco.string().c_str());
        return 0;
    }
    const Catalog& cat = *loaded;
    const SkillGraph graph = SkillGraph::build(cat.graph);
    const SkillGraph no_relations = SkillGraph::build({cat.graph.node_count, {}, {}});
    Resolver resolver(cat);
    Writer writer(cat, 2026);

    std::vector<OccupationId> eligible;
    for (OccupationId o = 0; o < cat.essential.size(); ++o)
        if (cat.essential[o].size() >= 8) eligible.push_back(o);
    const std::vector<OccupationId> occupations = writer.sample(eligible, kOccupations);

    // Vacancies, resolved as the CSV import would resolve them.
    std::vector<Vacancy> vacancies;
    std::vector<std::vector<std::string>> vacancy_texts;
    std::map<OccupationId, std::set<std::size_t>> relevant;
    for (const OccupationId o : occupations)
        for (std::size_t i = 0; i < kVacanciesPerOccupation; ++i) {
            Vacancy v;
            v.reference = "V" + std::to_string(vacancies.size());
            v.occupation = o;
            std::vector<std::string> texts;
            for (const auto* list : {&cat.essential[o], &cat.optional[o]}) {
                const bool required = list == &cat.essential[o];
                for (const SkillId s : writer.sample(*list, required ? kRequired : kOptional)) {
                    VacancySkill req{writer.employer_text(s), std::nullopt, 0.0};
                    if (const auto hit = resolver.resolve(req.text))
                        req.id = hit->first, req.confidence = hit->second;
                    texts.push_back(req.text);
                    (required ? v.required : v.optional).push_back(std::move(req));
                }
            }
            relevant[o].insert(vacancies.size());
            vacancies.push_back(std::move(v));
            vacancy_texts.push_back(std::move(texts));
        }

    // Candidates.
    std::vector<Query> queries;
    std::size_t texts_written = 0, texts_resolved = 0, texts_right = 0;
    for (std::size_t q = 0; q < kQueries; ++q) {
        Query query;
        query.occupation = occupations[writer.below(occupations.size())];
        std::vector<SkillId> pool = cat.essential[query.occupation];
        pool.insert(pool.end(), cat.optional[query.occupation].begin(), cat.optional[query.occupation].end());
        std::vector<SkillId> skills = writer.sample(pool, kCandidateSkills);
        skills.push_back(static_cast<SkillId>(writer.below(cat.label.size())));  // something unrelated
        query.candidate.ref = "K" + std::to_string(q);
        for (const SkillId s : skills) {
            const std::string text = writer.candidate_text(s);
            query.texts.push_back(text);
            CandidateSkill skill{std::nullopt, text, "xx", false};
            if (const auto hit = resolver.resolve(text)) {
                skill.id = hit->first;
                ++texts_resolved;
                texts_right += hit->first == s;
            }
            ++texts_written;
            query.candidate.skills.push_back(std::move(skill));
        }
        queries.push_back(std::move(query));
    }

    const Scorer scorer(graph, trigram_dice);
    const Scorer flat_scorer(no_relations, trigram_dice);
    const MatchIndex index(scorer, vacancies, {});
    const MatchIndex flat_index(flat_scorer, vacancies, {});
    Quality ours, flat, jaccard, fuzzy;
    for (const Query& query : queries) {
        const auto& right = relevant[query.occupation];
        for (auto [idx, quality] : {std::pair{&index, &ours}, std::pair{&flat_index, &flat}}) {
            std::vector<std::size_t> ranking;
            for (const Match& m : idx->vacancies_for(query.candidate, kToday, kDepth))
                ranking.push_back(m.vacancy);
            add_result(*quality, ranking, right);
        }
        std::set<std::string> mine;
        for (const auto& t : query.texts) mine.insert(fold_for_matching(t));
        add_result(jaccard,
                   rank_all(vacancies.size(),
                            [&](std::size_t v) {
                                std::set<std::string> theirs;
                                for (const auto& t : vacancy_texts[v]) theirs.insert(fold_for_matching(t));
                                std::size_t common = 0;
                                for (const auto& t : theirs) common += mine.count(t);
                                return static_cast<double>(common) /
                                       static_cast<double>(mine.size() + theirs.size() - common);
                            }),
                   right);
        add_result(fuzzy,
                   rank_all(vacancies.size(),
                            [&](std::size_t v) {
                                double sum = 0;
                                for (const auto& req : vacancy_texts[v]) {
                                    double best = 0;
                                    for (const auto& t : query.texts)
                                        best = std::max(best, trigram_dice(t, req));
                                    sum += best;
                                }
                                return sum / static_cast<double>(vacancy_texts[v].size());
                            }),
                   right);
    }

    const double n = static_cast<double>(queries.size());
    std::printf(
        "ESCO v1.1.1: %zu skills, %zu occupations; %zu vacancies from %zu occupations, %zu candidates\n",
        cat.label.size(), cat.essential.size(), vacancies.size(), occupations.size(), queries.size());
    std::printf("candidate texts resolved into the catalog: %.0f %% (%.0f %% to the intended skill)\n\n",
                100.0 * static_cast<double>(texts_resolved) / static_cast<double>(texts_written),
                100.0 * static_cast<double>(texts_right) / static_cast<double>(texts_written));
    std::printf("| method | MRR | recall@10 |\n|---|---|---|\n");
    const auto row = [&](const char* name, const Quality& q) {
        std::printf("| %s | %.3f | %.3f |\n", name, q.mrr / n, q.recall10 / n);
    };
    row("exact-label Jaccard (baseline)", jaccard);
    row("string fuzzy overlap, no catalog (baseline)", fuzzy);
    row("ours without skill relations (ablation)", flat);
    row("ours (catalog + relations + scoring)", ours);
    return 0;
}
