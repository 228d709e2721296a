#include <ctime>
#include <ostream>

#include "cli/args.hpp"
#include "cli/commands.hpp"
#include "cli/store_access.hpp"
#include "cv/render.hpp"
#include "db/cv_profile.hpp"
#include "i18n/messages.hpp"

namespace kk::cli {
namespace {

std::string today_iso() {
    const std::time_t now = std::time(nullptr);
    std::tm tm{};
    localtime_r(&now, &tm);
    char buffer[16];
    std::strftime(buffer, sizeof buffer, "%Y-%m-%d", &tm);
    return buffer;
}

}  // namespace

int run_cv(const std::vector<std::string>& args, Io io) {
    std::string error;
    const auto parsed = parse_args(args, {.options = {"--db", "--candidate", "--out"}, .flags = {"--companion"}}, error);
    if (!parsed || !parsed->option("--db") || !parsed->option("--candidate") || !parsed->option("--out")) {
        io.err << "kioskctl cv: " << (parsed ? "--db, --candidate and --out are required" : error)
               << "\nusage: kioskctl cv --db FILE --candidate REF --out FILE.pdf [--companion]\n";
        return 2;
    }
    int code = 0;
    auto store = open_existing_store(*parsed->option("--db"), "cv", io.err, code);
    if (!store) return code;
    const std::string ref = *parsed->option("--candidate");
    auto record = db::load_candidate(*store, ref);
    if (!record) {
        io.err << "kioskctl cv: " << record.error() << '\n';
        return 1;
    }
    if (!*record) {
        io.err << "kioskctl cv: no candidate with ref '" << ref << "'\n";
        return 2;
    }
    const std::filesystem::path out = *parsed->option("--out");
    const db::StoreCatalogLabels labels(*store);
    const auto result = cv::render_cv_pdf(db::to_cv_profile(**record, today_iso()), labels, i18n::default_bundle_dir(),
                                          out, {.companion = parsed->has("--companion")});
    if (!result) {
        io.err << "kioskctl cv: cannot write " << out.string() << ": " << result.error << '\n';
        return 1;
    }
    io.out << out.string() << ": " << result.pages << (result.pages == 1 ? " page\n" : " pages\n");
    return 0;
}

}  // namespace kk::cli
