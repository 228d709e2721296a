#include <chrono>
#include <cstdio>
#include <fstream>
#include <iomanip>
#include <ostream>

#include "cli/args.hpp"
#include "cli/commands.hpp"
#include "cli/store_access.hpp"
#include "db/catalog.hpp"
#include "db/dashboard.hpp"
#include "db/timestamps.hpp"

namespace kk::cli {
namespace {

constexpr std::size_t kShown = 15;

void print_board(const db::SkillGapDashboard& board, std::ostream& out) {
    out << (board.area.empty() ? std::string("Landkreis") : "PLZ " + board.area + "*") << ": "
        << board.open_vacancies << " open vacancies, " << board.candidates << " candidates\n";
    out << "  most demanded (vacancies / required / candidates):\n";
    for (std::size_t i = 0; i < board.skills.size() && i < kShown; ++i) {
        const auto& s = board.skills[i];
        if (s.vacancies == 0) break;
        out << "    " << std::setw(4) << s.vacancies << std::setw(5) << s.required << std::setw(5)
            << s.candidates << "  " << s.label << '\n';
    }
    out << "  biggest gaps (vacancies - candidates):\n";
    for (std::size_t i = 0; i < board.gaps.size() && i < kShown; ++i) {
        out << "    " << std::setw(4) << board.gaps[i].gap() << "  " << board.gaps[i].label << '\n';
    }
    out << "  occupations by reachable matches (matches / vacancies / candidates):\n";
    for (std::size_t i = 0; i < board.occupations.size() && i < kShown; ++i) {
        const auto& o = board.occupations[i];
        out << "    " << std::setw(4) << o.reachable_matches << std::setw(5) << o.vacancies << std::setw(5)
            << o.candidates << "  " << o.label << '\n';
    }
}

}  // namespace

int run_dashboard(const std::vector<std::string>& args, Io io) {
    std::string error;
    const auto parsed =
        parse_args(args, {.options = {"--db", "--area", "--out", "--today"}, .flags = {"--areas"}}, error);
    const char* usage =
        "usage: kioskctl dashboard --db FILE [--area PLZ | --areas] [--out FILE.csv] [--today YYYY-MM-DD]\n";
    if (!parsed || !parsed->option("--db")) {
        io.err << "kioskctl dashboard: " << (parsed ? "--db FILE is required" : error) << '\n' << usage;
        return 2;
    }
    const std::string area = parsed->option("--area").value_or("");
    if (area.size() > 5 || area.find_first_not_of("0123456789") != std::string::npos) {
        io.err << "kioskctl dashboard: --area takes the first digits of a postcode, not " << area << '\n'
               << usage;
        return 2;
    }
    auto today = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
    if (const auto text = parsed->option("--today")) {
        const auto parsed_day = db::parse_utc_timestamp(*text);
        if (!parsed_day || text->size() != 10) {
            io.err << "kioskctl dashboard: --today takes YYYY-MM-DD, not " << *text << '\n';
            return 2;
        }
        today = std::chrono::floor<std::chrono::days>(*parsed_day);
    }
    int code = 0;
    auto store = open_existing_store(*parsed->option("--db"), "dashboard", io.err, code);
    if (!store) return code;

    std::vector<std::string> areas{area};
    if (parsed->has("--areas")) {
        auto found = db::postcode_areas(*store, 2);
        if (!found) {
            io.err << "kioskctl dashboard: " << found.error() << '\n';
            return 1;
        }
        areas.insert(areas.end(), found->begin(), found->end());
    }
    // The catalog's labels let the matcher resolve vacancy titles to occupations, as kioskctl match does.
    auto entries = db::catalog_label_entries(*store);
    if (!entries) {
        io.err << "kioskctl dashboard: " << entries.error() << '\n';
        return 1;
    }
    std::optional<matcher::SkillIndex> index;
    if (!entries->empty()) index.emplace(*entries);
    std::vector<db::SkillGapDashboard> boards;
    for (const auto& a : areas) {
        auto board = db::skill_gap_dashboard(*store, a, today);
        if (!board) {
            io.err << "kioskctl dashboard: " << board.error() << '\n';
            return 1;
        }
        if (auto reach = db::add_reachable_occupations(*store, *board, index ? &*index : nullptr, today);
            !reach) {
            io.err << "kioskctl dashboard: " << reach.error() << '\n';
            return 1;
        }
        boards.push_back(std::move(*board));
    }
    if (const auto out = parsed->option("--out")) {
        const std::string partial = *out + ".partial";
        {
            std::ofstream file(partial, std::ios::binary | std::ios::trunc);
            db::write_dashboard_csv(boards, file);
            file.flush();
            if (!file) {
                io.err << "kioskctl dashboard: cannot write " << partial << '\n';
                std::remove(partial.c_str());
                return 1;
            }
        }
        if (std::rename(partial.c_str(), out->c_str()) != 0) {
            io.err << "kioskctl dashboard: cannot write " << *out << '\n';
            std::remove(partial.c_str());
            return 1;
        }
        io.out << "wrote " << *out << '\n';
        return 0;
    }
    for (const auto& board : boards) print_board(board, io.out);
    return 0;
}

}  // namespace kk::cli
