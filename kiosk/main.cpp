// The kiosk shell: a GLFW window with an OpenGL 3.3 core context, Dear ImGui's backends, and the App.
#include <GLFW/glfw3.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <iostream>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "db/catalog.hpp"
#include "db/catalog_resolver.hpp"
#include "db/demo_data.hpp"
#include "db/postcodes.hpp"
#include "db/store.hpp"
#include "i18n/languages.hpp"
#include "i18n/messages.hpp"
#include "kiosk/app/app.hpp"
#include "kiosk/app/cv_printer.hpp"
#include "kiosk/app/demo_screens.hpp"
#include "kiosk/app/draft_store_sqlite.hpp"
#include "kiosk/app/options.hpp"
#include "kiosk/app/script.hpp"
#include "kiosk/platform/gl_uploader.hpp"
#include "kiosk/platform/screenshot.hpp"
#include "kiosk/ui/theme.hpp"
#include "kiosk/staff/runtime.hpp"

namespace {

// Frames rendered before a screenshot: the first frames lay out text and settle ImGui's layout.
constexpr int kScreenshotFrames = 4;

struct GlfwSession {
    bool ok = glfwInit() == GLFW_TRUE;
    ~GlfwSession() {
        if (ok) glfwTerminate();
    }
};

struct WindowCloser {
    void operator()(GLFWwindow* w) const { glfwDestroyWindow(w); }
};

// The staff app that takes files dropped onto the window; GLFW's callback has no user argument of its own.
kk::staff::StaffApp* g_drop_target = nullptr;

void on_drop(GLFWwindow*, int count, const char** paths) {
    if (g_drop_target == nullptr || count <= 0) return;
    std::vector<std::filesystem::path> dropped(paths, paths + count);
    g_drop_target->drop(std::move(dropped));
}

void on_glfw_error(int code, const char* description) {
    std::cerr << "kiosk: GLFW error " << code << ": " << description << '\n';
}

}  // namespace

// --bench-frames: machine-readable lines for bench/kiosk_frame_bench; steady_clock is CLOCK_MONOTONIC.
static void print_bench(std::vector<double> frame_ms, std::chrono::steady_clock::time_point started,
                 std::chrono::steady_clock::time_point first_frame) {
    using ms = std::chrono::duration<double, std::milli>;
    std::sort(frame_ms.begin(), frame_ms.end());
    auto at = [&](double q) {
        if (frame_ms.empty()) return 0.0;
        const auto i = static_cast<std::size_t>(q * static_cast<double>(frame_ms.size() - 1) + 0.5);
        return frame_ms[i];
    };
    std::cout << "bench.main_to_first_frame_ms " << ms(first_frame - started).count() << '\n'
              << "bench.first_frame_monotonic_ms " << ms(first_frame.time_since_epoch()).count() << '\n'
              << "bench.frames " << frame_ms.size() << '\n'
              << "bench.frame_p50_ms " << at(0.50) << '\n'
              << "bench.frame_p99_ms " << at(0.99) << '\n'
              << "bench.frame_max_ms " << (frame_ms.empty() ? 0.0 : frame_ms.back()) << '\n';
}

int main(int argc, char** argv) {
    const auto started = std::chrono::steady_clock::now();
    const auto parsed = kk::kiosk::parse_options(std::vector<std::string>(argv + 1, argv + argc));
    if (!parsed.options) {
        std::cerr << "kiosk: " << parsed.error << '\n' << kk::kiosk::usage();
        return 2;
    }
    const kk::kiosk::Options& options = *parsed.options;
    if (options.help) {
        std::cout << kk::kiosk::usage();
        return 0;
    }
    if (options.list_screens) {
        for (const auto& screen : kk::kiosk::demo_screens()) std::cout << screen.name << '\n';
        return 0;
    }

    std::optional<kk::kiosk::ScriptPlayer> player;
    if (options.script) {
        std::ifstream in(*options.script, std::ios::binary);
        std::stringstream text;
        text << in.rdbuf();
        auto script = kk::kiosk::parse_script(text.str());
        if (!in || !script.error.empty()) {
            std::cerr << "kiosk: --script " << options.script->string() << ": "
                      << (script.error.empty() ? "cannot read" : script.error) << '\n';
            return 2;
        }
        player.emplace(std::move(script.steps));
    }

    // ICU falls back to the process default locale before root; never let that be the machine's.
    kk::i18n::set_process_default_locale("en");

    const auto db_path = options.database.value_or(kk::db::default_database_path());
    auto store = kk::db::Store::open(db_path);
    if (!store) {
        std::cerr << "kiosk: " << store.error() << '\n';
        return 1;
    }
    // Every database gets the shipped catalog (a no-op when it already holds this version).
    if (auto catalog = kk::db::ensure_shipped_catalog(*store, kk::i18n::default_bundle_dir()); !catalog) {
        std::cerr << "kiosk: cannot load the skill catalog into " << db_path << ": " << catalog.error() << '\n';
        return 1;
    }
    // Drafts nobody finished are not kept for ever; counted only, nothing personal is printed.
    if (auto purged = kk::kiosk::purge_stale_drafts(*store, std::chrono::system_clock::now()); !purged) {
        std::cerr << "kiosk: draft purge failed: " << purged.error() << '\n';
    }
    // The demo region's postcodes and vacancies, only into a store that has none of its own.
    if (auto postcodes = kk::db::ensure_demo_postcodes(*store); !postcodes) {
        std::cerr << "kiosk: " << postcodes.error() << '\n';
    }
    // Demo vacancies only on the embedded default database, and only while it has no vacancy of its own; the
    // resolver indexes every catalog label, so it is built only when they are actually imported.
    if (const auto needed = options.database ? kk::db::Result<bool>::ok(false) : kk::db::needs_demo_vacancies(*store);
        needed && *needed) {
        if (auto resolver = kk::db::CatalogResolver::from_store(*store)) {
            if (auto vacancies = kk::db::ensure_demo_vacancies(*store, &*resolver); !vacancies) {
                std::cerr << "kiosk: " << vacancies.error() << '\n';
            }
        }
    }

    glfwSetErrorCallback(on_glfw_error);
    GlfwSession glfw;
    if (!glfw.ok) {
        std::cerr << "kiosk: cannot initialise GLFW (is a display available?)\n";
        return 1;
    }
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
    glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);

    int width = options.width;
    int height = options.height;
    GLFWmonitor* monitor = nullptr;
    if (options.fullscreen) {
        monitor = glfwGetPrimaryMonitor();
        if (const GLFWvidmode* mode = monitor ? glfwGetVideoMode(monitor) : nullptr) {
            width = mode->width;
            height = mode->height;
        }
    }
    std::unique_ptr<GLFWwindow, WindowCloser> window(
        glfwCreateWindow(width, height, "Kompetenzkiosk", monitor, nullptr));
    if (!window) {
        std::cerr << "kiosk: cannot open an OpenGL 3.3 window\n";
        return 1;
    }
    glfwMakeContextCurrent(window.get());
    // Screenshots and --bench-frames measure the frame's own cost, not the wait for the display's refresh.
    glfwSwapInterval(options.screenshot || options.bench_frames > 0 ? 0 : 1);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGui::GetIO().IniFilename = nullptr;  // nothing about the session is written to disk
    ImGui_ImplGlfw_InitForOpenGL(window.get(), true);
    ImGui_ImplOpenGL3_Init("#version 330 core");

    int exit_code = 0;
    {
        kk::platform::GlUploader uploader;
        // One of the two modes draws the frames: the newcomer's flow, or the Jobcenter desk (--staff).
        std::optional<kk::kiosk::SqliteCatalogSource> catalog;
        std::optional<kk::kiosk::SqliteDraftStore> drafts;
        std::optional<kk::kiosk::SqliteVacancyFinder> vacancies;
        std::optional<kk::kiosk::CvPrinter> printer;
        std::optional<kk::kiosk::App> flow;
        std::optional<kk::staff::StaffRuntime> staff;
        if (options.staff) {
            staff.emplace(uploader, kk::staff::StaffSetup{
                                        .store = *store,
                                        .database = db_path,
                                        .bundle_dir = kk::i18n::default_bundle_dir(),
                                        .export_dir = options.export_dir.value_or(kk::staff::default_export_dir(db_path))});
            g_drop_target = &staff->app();
            glfwSetDropCallback(window.get(), on_drop);
        } else {
            kk::kiosk::State initial;
            initial.lang = options.lang;
            if (options.screen) initial = kk::kiosk::find_demo_screen(*options.screen)->make(options.lang);
            catalog.emplace(*store);
            drafts.emplace(*store);
            vacancies.emplace(*store);
            printer.emplace(*store, kk::i18n::default_bundle_dir());
            // Demo screens show invented people: they are never saved (and have no saved CV to preview).
            const kk::kiosk::Services services{.drafts = options.screen ? nullptr : &*drafts, .catalog = &*catalog,
                                                   .vacancies = &*vacancies,
                                                   .printer = options.screen ? nullptr : &*printer,
                                                   .previewer = options.screen ? nullptr : &*printer};
            flow.emplace(uploader, kk::i18n::default_bundle_dir(), initial, services);
        }
        auto draw_frame = [&](ImVec2 display) {
            if (flow) flow->frame(display);
            if (staff) staff->app().frame(display);
        };
        auto targets = [&]() -> const kk::ui::TapTargets& { return flow ? flow->targets() : staff->app().targets(); };

        std::vector<double> frame_ms;  // --bench-frames: the timed frames
        auto first_frame = started;
        int settled_from = 0;  // the frame from which the scene is complete (after --script, if any)
        for (int frame = 0; !glfwWindowShouldClose(window.get()); ++frame) {
            glfwPollEvents();
            ImGui_ImplOpenGL3_NewFrame();
            ImGui_ImplGlfw_NewFrame();
            const auto frame_start = std::chrono::steady_clock::now();
            std::optional<kk::kiosk::ScriptInput> input;
            if (player) {
                input = player->next(targets());
                if (!input) {
                    if (!player->error().empty()) {
                        std::cerr << "kiosk: --script: " << player->error() << '\n';
                        exit_code = 3;
                        break;
                    }
                    if (options.bench_frames == 0 && !options.screenshot) break;
                    player.reset();  // the script set the scene; the timed frames or the screenshot follow
                    settled_from = frame;
                }
            }
            if (input) {
                // Scripted input replaces the pointer the backend read; typed text joins the queue.
                ImGuiIO& io = ImGui::GetIO();
                io.MousePos = input->pointer;
                io.MouseDown[0] = input->pressed;
                if (!input->typed.empty()) io.AddInputCharactersUTF8(input->typed.c_str());
            }
            ImGui::NewFrame();
            draw_frame(ImGui::GetIO().DisplaySize);
            ImGui::Render();

            int fb_width = 0;
            int fb_height = 0;
            glfwGetFramebufferSize(window.get(), &fb_width, &fb_height);
            glViewport(0, 0, fb_width, fb_height);
            // The screen's background colour: the flow's window draws none of its own (one full-screen fill less).
            const ImVec4 background = ImGui::ColorConvertU32ToFloat4(kk::ui::theme::kBackground);
            glClearColor(background.x, background.y, background.z, 1.f);
            glClear(GL_COLOR_BUFFER_BIT);
            ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());

            if (options.screenshot && !player && frame + 1 >= settled_from + kScreenshotFrames) {
                const std::string error =
                    kk::platform::write_framebuffer_png(*options.screenshot, fb_width, fb_height);
                if (!error.empty()) {
                    std::cerr << "kiosk: " << error << '\n';
                    exit_code = 1;
                }
                break;
            }
            glfwSwapBuffers(window.get());
            if (frame == 0) first_frame = std::chrono::steady_clock::now();
            if (options.bench_frames > 0 && !player) {
                frame_ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - frame_start).count());
                if (std::cmp_greater_equal(frame_ms.size(), options.bench_frames)) break;
            }
        }
        if (options.bench_frames > 0) print_bench(frame_ms, started, first_frame);
        glfwSetDropCallback(window.get(), nullptr);
        g_drop_target = nullptr;
    }

    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
    return exit_code;
}
