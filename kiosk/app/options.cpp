#include "kiosk/app/options.hpp"

#include <charconv>

#include "i18n/languages.hpp"
#include "kiosk/app/demo_screens.hpp"

namespace kk::kiosk {
namespace {

constexpr int kStaffWindowWidth = 1440;
constexpr int kStaffWindowHeight = 900;

bool parse_size(const std::string& text, int& width, int& height) {
    const auto x = text.find('x');
    if (x == std::string::npos) return false;
    const char* begin = text.data();
    const char* end = text.data() + text.size();
    auto [p1, e1] = std::from_chars(begin, begin + x, width);
    auto [p2, e2] = std::from_chars(begin + x + 1, end, height);
    return e1 == std::errc() && e2 == std::errc() && p1 == begin + x && p2 == end && width >= 320 && height >= 240 &&
           width <= 16384 && height <= 16384;
}

}  // namespace

const char* usage() {
    return "usage: kiosk [--windowed WxH] [--lang LANG] [--db FILE] [--screenshot FILE.png] [--screen NAME]\n"
           "             [--script FILE] [--staff [--export-dir DIR]]\n"
           "  --windowed WxH      run in a window of W x H pixels instead of fullscreen\n"
           "  --lang LANG         start in this UI language (de, en, ar, fa_AF, fa, ps, uk, ru, tr, ku,\n"
           "                      ckb, ti, so, ro, pl, bg, fr); default de\n"
           "  --db FILE           database file (default: ~/.local/share/kompetenzkiosk/kiosk.db)\n"
           "  --screenshot FILE   render a few frames (after --script, if given), write them as PNG and exit\n"
           "  --screen NAME       start on screen NAME with demo data (see --list-screens)\n"
           "  --script FILE       play scripted touches from FILE (tap ID / type TEXT / wait N), then exit;\n"
           "                      exit code 3 when a step fails\n"
           "  --bench-frames N    after the script, time N frames and print start-up and frame times, exit\n"
           "  --staff             staff mode for the Jobcenter desk (login first; a 1440x900 window unless\n"
           "                      --windowed gives another size)\n"
           "  --export-dir DIR    staff mode: where CSV and PDF exports go (default: exports/ beside the database)\n"
           "  --list-screens      print the names of the screens --screen accepts and exit\n"
           "  --help              show this text\n";
}

ParsedOptions parse_options(const std::vector<std::string>& args) {
    Options options;
    bool windowed = false;
    auto fail = [](std::string message) { return ParsedOptions{std::nullopt, std::move(message)}; };
    for (size_t i = 0; i < args.size(); ++i) {
        const std::string& arg = args[i];
        auto value = [&](std::string& out) {
            if (i + 1 >= args.size()) return false;
            out = args[++i];
            return true;
        };
        std::string v;
        if (arg == "--help" || arg == "-h") {
            options.help = true;
        } else if (arg == "--windowed") {
            if (!value(v) || !parse_size(v, options.width, options.height)) {
                return fail("--windowed needs a size such as 1280x800");
            }
            options.fullscreen = false;
            windowed = true;
        } else if (arg == "--staff") {
            options.staff = true;
        } else if (arg == "--export-dir") {
            if (!value(v) || v.empty()) return fail("--export-dir needs a directory");
            options.export_dir = v;
        } else if (arg == "--screenshot") {
            if (!value(v) || v.empty()) return fail("--screenshot needs a file name");
            options.screenshot = v;
        } else if (arg == "--screen") {
            if (!value(v) || !find_demo_screen(v)) return fail("--screen needs a screen name from --list-screens");
            options.screen = v;
        } else if (arg == "--list-screens") {
            options.list_screens = true;
        } else if (arg == "--lang") {
            if (!value(v) || !i18n::is_ui_language(v)) return fail("--lang needs one of the 17 UI languages");
            options.lang = v;
        } else if (arg == "--script") {
            if (!value(v) || v.empty()) return fail("--script needs a file name");
            options.script = v;
        } else if (arg == "--bench-frames") {
            constexpr int kMaxBenchFrames = 100000;
            int frames = 0;
            const bool ok = value(v) && std::from_chars(v.data(), v.data() + v.size(), frames).ec == std::errc() &&
                            frames > 0 && frames <= kMaxBenchFrames;
            if (!ok) return fail("--bench-frames needs a number of frames from 1 to 100000");
            options.bench_frames = frames;
        } else if (arg == "--db") {
            if (!value(v) || v.empty()) return fail("--db needs a file name");
            options.database = v;
        } else {
            return fail("unknown argument: " + arg);
        }
    }
    if (options.staff && options.screen) return fail("--screen shows the newcomer's flow; it does not go with --staff");
    if (options.export_dir && !options.staff) return fail("--export-dir is for staff mode (--staff)");
    // Staff work at a desk beside other windows: a window, not the kiosk's fullscreen.
    if (options.staff && !windowed) {
        options.fullscreen = false;
        options.width = kStaffWindowWidth;
        options.height = kStaffWindowHeight;
    }
    return {options, {}};
}

}  // namespace kk::kiosk
