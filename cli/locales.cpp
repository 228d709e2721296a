// kioskctl locales: translation status, and a two-column CSV round trip for translators who do not edit
// ICU bundle syntax. Reads bundle sources (locales/*.txt) or compiled bundles (*.res); writes only sources.
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <map>
#include <ostream>
#include <sstream>

#include "cli/args.hpp"
#include "cli/commands.hpp"
#include "cli/locales_csv.hpp"
#include "i18n/bundle_source.hpp"
#include "i18n/languages.hpp"
#include "i18n/message_shape.hpp"
#include "i18n/messages.hpp"

namespace kk::cli {
namespace {

namespace fs = std::filesystem;
using i18n::BundleSource;

constexpr char kUsage[] =
    "usage: kioskctl locales status [--dir DIR]\n"
    "       kioskctl locales export --lang L --out FILE.csv [--dir DIR]\n"
    "       kioskctl locales import FILE.csv [--source-dir DIR] [--reviewed]\n"
    "  DIR holds bundle sources (root.txt, de.txt, ...) or compiled bundles (root.res, ...);\n"
    "  default: the locales directory beside kioskctl. Import writes <lang>.txt into the source\n"
    "  directory, by default the repository's locales/ found above kioskctl or the working directory.\n";

// English is root: `en` has no texts of its own (locales/README.md).
bool is_root_language(const std::string& lang) {
    return lang == "en" || lang == "root";
}

struct LocaleSet {
    BundleSource root;
    std::map<std::string, BundleSource> languages;  // by code; absent when the language has no file
};

std::optional<BundleSource> load_one(const fs::path& dir, const std::string& name, bool sources,
                                     std::string& error) {
    const auto result =
        sources ? i18n::read_bundle_source(dir / (name + ".txt")) : i18n::read_compiled_bundle(dir, name);
    if (!result.bundle) error = result.error;
    return result.bundle;
}

std::optional<LocaleSet> load_locales(const fs::path& dir, std::string& error) {
    const bool sources = fs::exists(dir / "root.txt");
    if (!sources && !fs::exists(dir / "root.res")) {
        error = "no root.txt or root.res in " + dir.string();
        return std::nullopt;
    }
    LocaleSet set;
    auto root = load_one(dir, "root", sources, error);
    if (!root) return std::nullopt;
    set.root = std::move(*root);
    for (auto code : i18n::ui_languages()) {
        const std::string lang(code);
        if (is_root_language(lang) || !fs::exists(dir / (lang + (sources ? ".txt" : ".res")))) continue;
        auto bundle = load_one(dir, lang, sources, error);
        if (!bundle) return std::nullopt;
        set.languages.emplace(lang, std::move(*bundle));
    }
    return set;
}

// The repository's locales/ for import: above the running binary (build/bin/kioskctl) or the working dir.
fs::path default_source_dir() {
    std::error_code ec;
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    for (fs::path dir = ec ? fs::path() : exe.parent_path(); !dir.empty(); dir = dir.parent_path()) {
        if (fs::exists(dir / "locales" / "root.txt") && fs::exists(dir / "locales" / "CMakeLists.txt")) {
            return dir / "locales";
        }
        if (dir == dir.parent_path()) break;
    }
    return fs::current_path(ec) / "locales";
}

int usage_error(Io io, const std::string& what) {
    io.err << "kioskctl locales: " << what << '\n' << kUsage;
    return 2;
}

int run_status(const std::vector<std::string>& args, Io io) {
    std::string error;
    const auto parsed = parse_args(args, {.options = {"--dir"}}, error);
    if (!parsed) return usage_error(io, error);
    const fs::path dir = parsed->option("--dir").value_or(i18n::default_bundle_dir().string());
    const auto set = load_locales(dir, error);
    if (!set) {
        io.err << "kioskctl locales status: " << error << '\n';
        return 1;
    }
    const std::size_t total = set->root.messages.size();
    io.out << "lang    translated  missing  unreviewed   (" << total << " keys in root, " << dir.string()
           << ")\n";
    bool incomplete = false;
    std::ostringstream details;
    for (auto code : i18n::ui_languages()) {
        const std::string lang(code);
        std::size_t translated = 0, unreviewed = 0;
        std::vector<std::string> missing;
        if (is_root_language(lang)) {
            translated = total;  // the English source itself
        } else {
            const auto it = set->languages.find(lang);
            for (const auto& [key, english] : set->root.messages) {
                const std::string* text = it == set->languages.end() ? nullptr : it->second.find(key);
                if (text == nullptr || text->empty()) {
                    missing.push_back(key);
                    continue;
                }
                ++translated;
                if (!it->second.reviewed.count(key)) ++unreviewed;
            }
        }
        io.out << std::left << std::setw(8) << lang << std::right << std::setw(10) << translated
               << std::setw(9) << missing.size() << std::setw(12) << unreviewed
               << (is_root_language(lang) ? "   (root: English source)" : "") << '\n';
        if (!missing.empty()) {
            incomplete = true;
            details << lang << " lacks:";
            for (const auto& key : missing) details << ' ' << key;
            details << '\n';
        }
    }
    io.out << details.str();
    return incomplete ? 3 : 0;
}

int run_export(const std::vector<std::string>& args, Io io) {
    std::string error;
    const auto parsed = parse_args(args, {.options = {"--dir", "--lang", "--out"}}, error);
    if (!parsed) return usage_error(io, error);
    if (!parsed->option("--lang") || !parsed->option("--out"))
        return usage_error(io, "export needs --lang and --out");
    const std::string lang = *parsed->option("--lang");
    if (!i18n::is_ui_language(lang)) return usage_error(io, "unknown language " + lang);
    const fs::path dir = parsed->option("--dir").value_or(i18n::default_bundle_dir().string());
    const auto set = load_locales(dir, error);
    if (!set) {
        io.err << "kioskctl locales export: " << error << '\n';
        return 1;
    }
    std::vector<std::pair<std::string, std::string>> rows;
    const auto it = set->languages.find(lang);
    for (const auto& [key, english] : set->root.messages) {
        const std::string* text = is_root_language(lang)       ? &english
                                  : it == set->languages.end() ? nullptr
                                                               : it->second.find(key);
        rows.emplace_back(key, text ? *text : std::string());
    }
    const fs::path out_path = *parsed->option("--out");
    std::ofstream out(out_path, std::ios::binary | std::ios::trunc);
    out << write_translation_csv(lang, rows);
    if (!out.flush()) {
        io.err << "kioskctl locales export: cannot write " << out_path.string() << '\n';
        return 1;
    }
    io.out << "exported " << rows.size() << " keys of " << lang << " to " << out_path.string() << '\n';
    return 0;
}

int run_import(const std::vector<std::string>& args, Io io) {
    std::string error;
    const auto parsed = parse_args(
        args,
        {.options = {"--source-dir"}, .flags = {"--reviewed"}, .min_positional = 1, .max_positional = 1},
        error);
    if (!parsed) return usage_error(io, error);
    const fs::path csv_path = parsed->positional.front();
    const fs::path dir = parsed->option("--source-dir").value_or(default_source_dir().string());

    std::ifstream in(csv_path, std::ios::binary);
    if (!in) {
        io.err << "kioskctl locales import: cannot read " << csv_path.string() << '\n';
        return 2;
    }
    std::ostringstream content;
    content << in.rdbuf();
    const auto csv = parse_translation_csv(content.str());
    if (!csv.table) {
        io.err << "kioskctl locales import: " << csv_path.string() << ": " << csv.error << '\n';
        return 2;
    }
    const std::string& lang = csv.table->lang;
    if (is_root_language(lang)) {
        io.err << "kioskctl locales import: English is the source (root.txt); edit it there, not by import\n";
        return 2;
    }
    if (!i18n::is_ui_language(lang)) {
        io.err << "kioskctl locales import: the header names unknown language '" << lang << "'\n";
        return 2;
    }
    const auto root = i18n::read_bundle_source(dir / "root.txt");
    if (!root.bundle) {
        io.err << "kioskctl locales import: " << root.error << " (use --source-dir)\n";
        return 1;
    }
    BundleSource bundle;
    bundle.name = lang;
    if (fs::exists(dir / (lang + ".txt"))) {
        auto existing = i18n::read_bundle_source(dir / (lang + ".txt"));
        if (!existing.bundle) {
            io.err << "kioskctl locales import: " << existing.error << '\n';
            return 1;
        }
        bundle = std::move(*existing.bundle);
    }

    // Check every row first; nothing is written unless all rows are acceptable.
    std::vector<std::string> refusals;
    std::set<std::string> seen;
    for (const auto& row : csv.table->rows) {
        const std::string where = "line " + std::to_string(row.line) + ", key " + row.key + ": ";
        const std::string* english = root.bundle->find(row.key);
        if (english == nullptr) {
            refusals.push_back(where + "not a key of root.txt");
        } else if (!seen.insert(row.key).second) {
            refusals.push_back(where + "appears twice");
        } else if (!row.text.empty()) {
            if (auto why = i18n::check_translation(row.text, lang, *english); !why.empty()) {
                refusals.push_back(where + why);
            }
        }
    }
    if (!refusals.empty()) {
        for (const auto& r : refusals)
            io.err << "kioskctl locales import: " << csv_path.string() << ": " << r << '\n';
        io.err << "kioskctl locales import: nothing written\n";
        return 2;
    }

    std::size_t changed = 0, unchanged = 0;
    for (const auto& row : csv.table->rows) {
        if (row.text.empty()) continue;  // an empty cell keeps what the file has
        const std::string* before = bundle.find(row.key);
        if (before && *before == row.text) {
            ++unchanged;
        } else {
            ++changed;
            bundle.set(row.key, row.text);
            bundle.reviewed.erase(row.key);  // a new text needs a new review
        }
        if (parsed->has("--reviewed")) bundle.reviewed.insert(row.key);
    }
    std::vector<std::string> order;
    for (const auto& [key, text] : root.bundle->messages) order.push_back(key);

    const fs::path target = dir / (lang + ".txt");
    const fs::path temp = dir / (lang + ".txt.tmp");
    {
        std::ofstream out(temp, std::ios::binary | std::ios::trunc);
        out << i18n::write_bundle_source(bundle, order);
        if (!out.flush()) {
            io.err << "kioskctl locales import: cannot write " << temp.string() << '\n';
            return 1;
        }
    }
    std::error_code ec;
    fs::rename(temp, target, ec);  // atomic: a crash leaves the old file, never half a file
    if (ec) {
        io.err << "kioskctl locales import: cannot replace " << target.string() << ": " << ec.message()
               << '\n';
        return 1;
    }
    io.out << lang << ": " << changed << " changed, " << unchanged << " unchanged, written to "
           << target.string() << '\n';
    return 0;
}

}  // namespace

int run_locales(const std::vector<std::string>& args, Io io) {
    if (args.empty()) return usage_error(io, "missing subcommand");
    const std::vector<std::string> rest(args.begin() + 1, args.end());
    if (args.front() == "status") return run_status(rest, io);
    if (args.front() == "export") return run_export(rest, io);
    if (args.front() == "import") return run_import(rest, io);
    return usage_error(io, "unknown subcommand " + args.front());
}

}  // namespace kk::cli
