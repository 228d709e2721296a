// Frame time of the real kiosk binary under Xvfb (Mesa llvmpipe) at 1280x800 on the busiest screen: skills
// with the search focused, the on-screen keyboard up and autocomplete open. Prints p50/p99 frame time,
// start-up to first frame, and peak resident memory. Goals: p99 < 16 ms, start-up < 1 s, < 200 MB.
// A plain program, not a test: build/bench/kiosk_frame_bench [FRAMES]
#include <fcntl.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "tests/support/temp_dir.hpp"
#include "tests/support/xvfb.hpp"

extern char** environ;

namespace {

constexpr char kScript[] =
    "# skills, search focused, autocomplete open\n"
    "tap field.skill_search\n"
    "type Kü\n"
    "wait 5\n";

struct Run {
    int exit_code = -1;
    std::string out;
    double spawn_monotonic_ms = 0.0;
    long peak_rss_kb = 0;
};

// Runs argv with `env` added, its stdout into `out_file`; wait4 gives the child's peak RSS.
Run run(const std::vector<std::string>& argv, const std::map<std::string, std::string>& env,
        const std::string& out_file) {
    std::vector<std::string> env_strings;
    for (char** e = environ; *e != nullptr; ++e) {
        const std::string entry(*e);
        if (env.count(entry.substr(0, entry.find('='))) == 0) env_strings.push_back(entry);
    }
    for (const auto& [k, v] : env) env_strings.push_back(k + "=" + v);
    std::vector<char*> envp;
    for (auto& s : env_strings) envp.push_back(s.data());
    envp.push_back(nullptr);
    std::vector<std::string> args = argv;
    std::vector<char*> argp;
    for (auto& a : args) argp.push_back(a.data());
    argp.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, out_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    Run result;
    result.spawn_monotonic_ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now().time_since_epoch()).count();
    pid_t pid = 0;
    const int spawned = posix_spawn(&pid, argp[0], &actions, nullptr, argp.data(), envp.data());
    posix_spawn_file_actions_destroy(&actions);
    if (spawned != 0) return result;
    int status = 0;
    rusage usage{};
    if (wait4(pid, &status, 0, &usage) != pid) return result;
    result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    result.peak_rss_kb = usage.ru_maxrss;
    std::ifstream in(out_file);
    std::stringstream text;
    text << in.rdbuf();
    result.out = text.str();
    return result;
}

std::map<std::string, double> bench_lines(const std::string& out) {
    std::map<std::string, double> values;
    std::istringstream lines(out);
    std::string key;
    double value = 0.0;
    while (lines >> key >> value) {
        if (key.rfind("bench.", 0) == 0) values[key] = value;
    }
    return values;
}

}  // namespace

int main(int argc, char** argv) {
    const int frames = argc > 1 ? std::atoi(argv[1]) : 600;
    if (::access("/usr/bin/Xvfb", X_OK) != 0) {
        std::cout << "kiosk_frame_bench: Xvfb is not installed; nothing measured\n";
        return 0;
    }
    kk::test::Xvfb xvfb(1280, 800);
    if (!xvfb.running()) {
        std::cout << "kiosk_frame_bench: Xvfb did not start; nothing measured\n";
        return 0;
    }
    kk::test::TempDir dir;
    {
        std::ofstream script(dir / "bench.script");
        script << kScript;
    }
    const Run r = run({KK_KIOSK_BIN, "--windowed", "1280x800", "--screen", "skills", "--lang", "de", "--db",
                       (dir / "kiosk.db").string(), "--script", (dir / "bench.script").string(), "--bench-frames",
                       std::to_string(frames)},
                      xvfb.env(), (dir / "out.txt").string());
    const auto v = bench_lines(r.out);
    if (r.exit_code != 0 || v.count("bench.frame_p99_ms") == 0) {
        std::cout << "kiosk_frame_bench: the kiosk failed (exit " << r.exit_code << ")\n" << r.out;
        return 1;
    }
    const double startup = v.at("bench.first_frame_monotonic_ms") - r.spawn_monotonic_ms;
    std::printf("kiosk at 1280x800 under Xvfb/llvmpipe, skills with autocomplete and keyboard open, %d frames\n",
                frames);
    std::printf("  frame p50 %.2f ms, p99 %.2f ms, max %.2f ms   (goal: p99 < 16 ms)\n", v.at("bench.frame_p50_ms"),
                v.at("bench.frame_p99_ms"), v.at("bench.frame_max_ms"));
    std::printf("  start-up to first frame %.0f ms (main() to first frame %.0f ms)   (goal: < 1000 ms)\n", startup,
                v.at("bench.main_to_first_frame_ms"));
    std::printf("  peak resident memory %.1f MB   (goal: < 200 MB)\n", static_cast<double>(r.peak_rss_kb) / 1024.0);
    return 0;
}
