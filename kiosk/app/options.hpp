#pragma once
// Command-line options of the kiosk binary. Parsing is pure so it can be tested.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace kk::kiosk {

struct Options {
    bool fullscreen = true;
    int width = 1280;   // window size with --windowed
    int height = 800;
    std::optional<std::filesystem::path> screenshot;  // render a few frames, write a PNG, exit
    std::optional<std::string> screen;                // start on this demo screen (kiosk/app/demo_screens.hpp)
    bool list_screens = false;                        // print the demo screens' names and exit
    std::string lang = "de";
    std::optional<std::filesystem::path> database;    // default: the per-user data dir
    std::optional<std::filesystem::path> script;      // scripted touches (kiosk/app/script.hpp); exit when done
    bool staff = false;  // the Jobcenter desk (login, review, upload, dashboard) instead of the public flow
    std::optional<std::filesystem::path> export_dir;  // staff exports; default: "exports" beside the database
    int bench_frames = 0;  // after the script (if any), time this many frames, print the numbers, exit
    bool help = false;
};

struct ParsedOptions {
    std::optional<Options> options;
    std::string error;  // set when options is empty
};

ParsedOptions parse_options(const std::vector<std::string>& args);

// Usage text for --help and errors (command-line help is for admins, in English).
const char* usage();

}  // namespace kk::kiosk
