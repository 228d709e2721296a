#include <nlohmann/json.hpp>

#include <cmath>
#include <iomanip>
#include <optional>
#include <ostream>
#include <sstream>

#include "cli/args.hpp"
#include "cli/commands.hpp"
#include "cli/store_access.hpp"
#include "db/catalog.hpp"
#include "db/matching.hpp"
#include "matcher/explain.hpp"
#include "matcher/rank.hpp"

namespace kk::cli {
namespace {

constexpr char kUsage[] =
    "usage: kioskctl match --db FILE --candidate REF [--top N] [--json]\n"
    "       kioskctl match --db FILE --vacancy \"EMPLOYER/REFERENCE\" [--top N] [--json]\n";

double rounded(double value, double scale) { return std::round(value * scale) / scale; }

std::string lower_ascii(std::string s) {
    for (char& c : s) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return s;
}

// The vacancy named "EMPLOYER/REFERENCE" (employer case-insensitive); either part may itself contain '/'.
std::optional<std::size_t> find_vacancy(const std::vector<matcher::Vacancy>& vacancies, const std::string& name) {
    for (std::size_t slash = name.find('/'); slash != std::string::npos; slash = name.find('/', slash + 1)) {
        const std::string employer = lower_ascii(name.substr(0, slash));
        const std::string reference = name.substr(slash + 1);
        for (std::size_t i = 0; i < vacancies.size(); ++i) {
            if (vacancies[i].reference == reference && lower_ascii(vacancies[i].employer) == employer) return i;
        }
    }
    return std::nullopt;
}

nlohmann::ordered_json result_json(const matcher::Explanation& e) {
    nlohmann::ordered_json j;
    j["score"] = rounded(e.score, 100);
    j["distance_km"] = e.distance_km ? nlohmann::ordered_json(rounded(*e.distance_km, 10)) : nlohmann::ordered_json(nullptr);
    j["reachable"] = e.reachable;
    j["matched"] = nlohmann::ordered_json::array();
    for (const auto& m : e.matched) {
        if (!m.required) continue;  // "matched" lists required skills; optional ones only lift the score
        j["matched"].push_back({{"required", m.requirement}, {"by", m.by}, {"similarity", rounded(m.similarity, 100)}});
    }
    j["missing"] = e.missing;
    j["blockers"] = nlohmann::ordered_json::array();
    for (const auto b : e.blockers) j["blockers"].push_back(std::string(b));
    j["explanation"] = e.sentence_de;
    return j;
}

std::string km_text(const matcher::Explanation& e) {
    if (!e.distance_km) return "?";
    std::ostringstream s;
    s << std::fixed << std::setprecision(1) << *e.distance_km;
    return s.str();
}

std::string blockers_text(const matcher::Explanation& e) {
    std::string out;
    for (const auto b : e.blockers) out += (out.empty() ? "" : ",") + std::string(b);
    return out.empty() ? "-" : out;
}

}  // namespace

int run_match(const std::vector<std::string>& args, Io io) {
    std::string error;
    const auto parsed =
        parse_args(args, {.options = {"--db", "--candidate", "--vacancy", "--top"}, .flags = {"--json"}}, error);
    if (!parsed || !parsed->option("--db") || (parsed->option("--candidate").has_value() == parsed->option("--vacancy").has_value())) {
        io.err << "kioskctl match: "
               << (!parsed ? error : !parsed->option("--db") ? "--db FILE is required"
                                                             : "give exactly one of --candidate and --vacancy")
               << '\n' << kUsage;
        return 2;
    }
    std::size_t top = 10;
    if (const auto t = parsed->option("--top")) {
        try {
            std::size_t used = 0;
            const long value = std::stol(*t, &used);
            if (used != t->size() || value < 1 || value > 10000) throw std::invalid_argument("range");
            top = static_cast<std::size_t>(value);
        } catch (const std::exception&) {
            io.err << "kioskctl match: --top must be a number from 1 to 10000\n" << kUsage;
            return 2;
        }
    }
    int code = 0;
    auto store = open_existing_store(*parsed->option("--db"), "match", io.err, code);
    if (!store) return code;

    auto entries = db::catalog_label_entries(*store);
    if (!entries) {
        io.err << "kioskctl match: " << entries.error() << '\n';
        return 1;
    }
    std::optional<matcher::SkillIndex> index;
    if (!entries->empty()) index.emplace(*entries);
    const auto today = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
    auto data = db::load_match_data(*store, index ? &*index : nullptr, today);
    if (!data) {
        io.err << "kioskctl match: " << data.error() << '\n';
        return 1;
    }
    const matcher::Scorer scorer(data->catalog.graph, matcher::trigram_dice);
    const matcher::MatchIndex match_index(scorer, data->vacancies, data->candidates);
    const bool json = parsed->has("--json");
    nlohmann::ordered_json results = nlohmann::ordered_json::array();

    if (const auto ref = parsed->option("--candidate")) {
        const auto it = std::find_if(data->candidates.begin(), data->candidates.end(),
                                     [&](const matcher::Candidate& c) { return c.ref == *ref; });
        if (it == data->candidates.end()) {
            io.err << "kioskctl match: no candidate with ref '" << *ref << "'\n";
            return 2;
        }
        const auto matches = match_index.vacancies_for(*it, today, top);
        if (!json) {
            io.out << "Vacancies for " << it->ref << " (" << matches.size() << ")\n"
                   << " # score     km reach  blockers          employer / reference — title\n";
        }
        for (std::size_t i = 0; i < matches.size(); ++i) {
            const matcher::Vacancy& v = data->vacancies[matches[i].vacancy];
            const auto e = matcher::explain(matches[i], *it, v);
            if (json) {
                nlohmann::ordered_json r = {{"vacancy", v.reference}, {"employer", v.employer}, {"title", v.title}};
                r.update(result_json(e));
                results.push_back(std::move(r));
            } else {
                io.out << std::setw(2) << i + 1 << ' ' << std::fixed << std::setprecision(2) << std::setw(5) << e.score
                       << ' ' << std::setw(6) << km_text(e) << ' ' << std::setw(5) << (e.reachable ? "yes" : "no") << "  "
                       << std::left << std::setw(17) << blockers_text(e) << std::right << ' ' << v.employer << " / "
                       << v.reference << " — " << v.title << "\n     " << e.sentence_de << '\n';
            }
        }
    } else {
        const std::string name = *parsed->option("--vacancy");
        const auto found = find_vacancy(data->vacancies, name);
        if (!found) {
            io.err << "kioskctl match: no open vacancy '" << name << "' (give EMPLOYER/REFERENCE)\n";
            return 2;
        }
        const matcher::Vacancy& v = data->vacancies[*found];
        const auto matches = match_index.candidates_for(v, today, top);
        if (!json) {
            io.out << "Candidates for " << v.employer << " / " << v.reference << " — " << v.title << " ("
                   << matches.size() << ")\n # score     km reach  blockers          candidate\n";
        }
        for (std::size_t i = 0; i < matches.size(); ++i) {
            const matcher::Candidate& c = data->candidates[matches[i].candidate];
            const auto e = matcher::explain(matches[i], c, v);
            if (json) {
                nlohmann::ordered_json r = {{"candidate", c.ref}};
                r.update(result_json(e));
                results.push_back(std::move(r));
            } else {
                io.out << std::setw(2) << i + 1 << ' ' << std::fixed << std::setprecision(2) << std::setw(5) << e.score
                       << ' ' << std::setw(6) << km_text(e) << ' ' << std::setw(5) << (e.reachable ? "yes" : "no") << "  "
                       << std::left << std::setw(17) << blockers_text(e) << std::right << ' ' << c.ref << "\n     "
                       << e.sentence_de << '\n';
            }
        }
    }
    if (json) io.out << nlohmann::ordered_json{{"results", results}}.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << '\n';
    return 0;
}

}  // namespace kk::cli
