#include <nlohmann/json.hpp>
#include <ostream>

#include "cli/args.hpp"
#include "cli/commands.hpp"
#include "cli/store_access.hpp"
#include "db/vacancies.hpp"

namespace kk::cli {
namespace {

nlohmann::json skills_json(const std::vector<db::VacancySkill>& skills) {
    auto list = nlohmann::json::array();
    for (const auto& s : skills) {
        list.push_back({{"text", s.text},
                        {"skill_id", s.skill_id ? nlohmann::json(*s.skill_id) : nlohmann::json(nullptr)},
                        {"confidence", s.confidence}});
    }
    return list;
}

std::string join(const std::vector<std::string>& items, const char* separator) {
    std::string out;
    for (std::size_t i = 0; i < items.size(); ++i) out += (i > 0 ? separator : "") + items[i];
    return out;
}

}  // namespace

int run_vacancies(const std::vector<std::string>& args, Io io) {
    std::string error;
    const auto parsed = parse_args(args, {.options = {"--db"}, .flags = {"--json"}}, error);
    if (!parsed || !parsed->option("--db")) {
        io.err << "kioskctl vacancies: " << (parsed ? "--db FILE is required" : error)
               << "\nusage: kioskctl vacancies --db FILE [--json]\n";
        return 2;
    }
    int code = 0;
    auto store = open_existing_store(*parsed->option("--db"), "vacancies", io.err, code);
    if (!store) return code;
    auto vacancies = db::list_vacancies(*store);
    if (!vacancies) {
        io.err << "kioskctl vacancies: " << vacancies.error() << '\n';
        return 1;
    }
    if (parsed->has("--json")) {
        auto list = nlohmann::json::array();
        for (const auto& v : *vacancies) {
            const auto& f = v.fields;
            list.push_back({{"id", v.id},
                            {"employer", f.employer},
                            {"reference", f.reference},
                            {"title", f.title},
                            {"postcode", f.postcode},
                            {"city", f.city},
                            {"status", v.status},
                            {"required_skills", skills_json(v.required_skills)},
                            {"optional_skills", skills_json(v.optional_skills)},
                            {"german_level", f.german_level ? nlohmann::json(*f.german_level) : nlohmann::json(nullptr)},
                            {"language_support", f.language_support},
                            {"driving_licence", f.driving_licence},
                            {"hours", f.hours},
                            {"description", f.description},
                            {"contact", f.contact},
                            {"valid_until", f.valid_until ? nlohmann::json(*f.valid_until) : nlohmann::json(nullptr)}});
        }
        io.out << list.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
        return 0;
    }
    io.out << "employer\treference\ttitle\tpostcode\tskills\tstatus\n";
    for (const auto& v : *vacancies) {
        const auto& f = v.fields;
        std::string skills = join(f.required_skills, ", ");
        if (!f.optional_skills.empty()) skills += " (+ " + join(f.optional_skills, ", ") + ")";
        io.out << f.employer << '\t' << f.reference << '\t' << f.title << '\t' << f.postcode << ' ' << f.city << '\t'
               << skills << '\t' << v.status << '\n';
    }
    return 0;
}

}  // namespace kk::cli
