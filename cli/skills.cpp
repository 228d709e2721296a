// kioskctl skills search|stats: the catalog resolver and the catalog's label counts from the command line.
#include <nlohmann/json.hpp>

#include <charconv>
#include <cstdio>
#include <ostream>

#include "cli/args.hpp"
#include "cli/commands.hpp"
#include "cli/store_access.hpp"
#include "db/catalog.hpp"
#include "db/catalog_resolver.hpp"
#include "i18n/languages.hpp"

namespace kk::cli {
namespace {

constexpr char kUsage[] =
    "usage: kioskctl skills search --db FILE --lang L [--top N] [--json] TEXT\n"
    "       kioskctl skills stats --db FILE [--json]\n";

std::string score_text(double score) {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%.3f", score);
    return buffer;
}

int search(const std::vector<std::string>& args, Io io) {
    std::string error;
    const auto parsed = parse_args(args,
                                   {.options = {"--db", "--lang", "--top"},
                                    .flags = {"--json"},
                                    .min_positional = 1,
                                    .max_positional = 64},
                                   error);
    if (!parsed || !parsed->option("--db") || !parsed->option("--lang")) {
        io.err << "kioskctl skills search: " << (parsed ? "--db FILE and --lang L are required" : error)
               << '\n'
               << kUsage;
        return 2;
    }
    const std::string lang = *parsed->option("--lang");
    if (!i18n::is_ui_language(lang)) {
        io.err << "kioskctl skills search: unknown language '" << lang << "'; one of:";
        for (auto l : i18n::ui_languages()) io.err << ' ' << l;
        io.err << '\n';
        return 2;
    }
    std::size_t top = 5;
    if (const auto t = parsed->option("--top")) {
        const auto [end, ec] = std::from_chars(t->data(), t->data() + t->size(), top);
        if (ec != std::errc() || end != t->data() + t->size() || top == 0 || top > 1000) {
            io.err << "kioskctl skills search: --top wants a number from 1 to 1000, not '" << *t << "'\n";
            return 2;
        }
    }
    std::string text;
    for (const auto& word : parsed->positional) text += (text.empty() ? "" : " ") + word;
    if (text.find_first_not_of(" \t\r\n") == std::string::npos) {
        io.err << "kioskctl skills search: TEXT is empty\n" << kUsage;
        return 2;
    }
    int code = 0;
    auto store = open_existing_store(*parsed->option("--db"), "skills search", io.err, code);
    if (!store) return code;
    auto resolver = db::CatalogResolver::from_store(*store);
    if (!resolver) {
        io.err << "kioskctl skills search: " << resolver.error() << '\n';
        return 1;
    }
    const auto found = resolver->search(text, lang, top);
    if (parsed->has("--json")) {
        nlohmann::json list = nlohmann::json::array();
        for (const auto& r : found) {
            list.push_back({{"id", r.concept_id},
                            {"label", resolver->label(r.concept_id, lang).value_or(r.matched_label)},
                            {"label_de", resolver->label(r.concept_id, "de").value_or("")},
                            {"score", r.score},
                            {"matched_label", r.matched_label},
                            {"matched_lang", r.matched_lang}});
        }
        io.out << list.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
        return 0;
    }
    if (found.empty()) {
        io.out << "no skill matches\n";
        return 0;
    }
    for (const auto& r : found) {
        io.out << r.concept_id << '\t' << resolver->label(r.concept_id, lang).value_or(r.matched_label)
               << '\t' << resolver->label(r.concept_id, "de").value_or("") << '\t' << score_text(r.score)
               << '\n';
    }
    return 0;
}

int stats(const std::vector<std::string>& args, Io io) {
    std::string error;
    const auto parsed = parse_args(args, {.options = {"--db"}, .flags = {"--json"}}, error);
    if (!parsed || !parsed->option("--db")) {
        io.err << "kioskctl skills stats: " << (parsed ? "--db FILE is required" : error) << '\n' << kUsage;
        return 2;
    }
    int code = 0;
    auto store = open_existing_store(*parsed->option("--db"), "skills stats", io.err, code);
    if (!store) return code;
    const auto s = db::catalog_stats(*store);
    if (!s) {
        io.err << "kioskctl skills stats: " << s.error() << '\n';
        return 1;
    }
    if (parsed->has("--json")) {
        nlohmann::json j = {{"categories", s->categories},
                            {"occupations", s->occupations},
                            {"skills", s->skills},
                            {"relations", s->relations},
                            {"languages", nlohmann::json::array()}};
        for (const auto& l : s->languages) {
            j["languages"].push_back({{"lang", l.lang},
                                      {"occupations", l.occupations},
                                      {"skills", l.skills},
                                      {"synonyms", l.synonyms},
                                      {"reviewed", l.reviewed}});
        }
        io.out << j.dump(2) << '\n';
        return 0;
    }
    io.out << "categories " << s->categories << ", occupations " << s->occupations << ", skills " << s->skills
           << ", occupation-skill relations " << s->relations << '\n'
           << "lang\toccupations\tskills\tsynonyms\treviewed\n";
    for (const auto& l : s->languages) {
        io.out << l.lang << '\t' << l.occupations << '\t' << l.skills << '\t' << l.synonyms << '\t'
               << l.reviewed << '\n';
    }
    return 0;
}

}  // namespace

int run_skills(const std::vector<std::string>& args, Io io) {
    if (args.empty()) {
        io.err << "kioskctl skills: search or stats?\n" << kUsage;
        return 2;
    }
    const std::vector<std::string> rest(args.begin() + 1, args.end());
    if (args.front() == "search") return search(rest, io);
    if (args.front() == "stats") return stats(rest, io);
    io.err << "kioskctl skills: unknown subcommand '" << args.front() << "'\n" << kUsage;
    return 2;
}

}  // namespace kk::cli
