// Printing does not block the UI: a printer that hangs until released leaves the kiosk drawing frames and
// saying "printing…"; its result shows once it finishes. And the Done screen carries the resume code's QR code.
#include "kiosk/app/print_worker.hpp"

#include <atomic>
#include <catch2/catch.hpp>
#include <chrono>
#include <functional>
#include <future>
#include <memory>
#include <optional>
#include <string>
#include <thread>

#include "kiosk/app/app.hpp"
#include "tests/kiosk/headless_imgui.hpp"

using namespace kk;
using namespace std::chrono_literals;

namespace {

// The slow part blocks until the test releases it; it notes whether it was released or gave up waiting.
struct BlockingPrinter final : kiosk::Printer {
    std::promise<void> release;
    std::shared_future<void> released = release.get_future().share();
    std::shared_ptr<std::atomic<bool>> gave_up = std::make_shared<std::atomic<bool>>(false);
    std::string prepared_for;
    std::function<kiosk::PrintStatus()> prepare(std::string_view resume_code) override {
        prepared_for = std::string(resume_code);
        return [released = released, gave_up = gave_up] {
            // Long enough that a UI thread stuck in here fails the test instead of hanging it for good.
            if (released.wait_for(30s) != std::future_status::ready) *gave_up = true;
            return kiosk::PrintStatus::Printed;
        };
    }
};

kiosk::State on_done(const std::string& code) {
    kiosk::State state;
    state.lang = "de";
    state.language_chosen = true;
    state.screen = kiosk::Screen::Done;
    state.session.consent_given = true;
    state.session.resume_code = code;
    return state;
}

}  // namespace

TEST_CASE("frames keep being drawn while the printer blocks, then the result shows", "[kiosk][ui][print]") {
    test::HeadlessImGui imgui;
    text::NullUploader uploader;
    BlockingPrinter printer;
    kiosk::App app(uploader, KK_TEST_LOCALE_DIR, on_done("K7QX-4M2P"), {.printer = &printer});
    auto draw = [&] { app.frame(imgui.display()); };
    imgui.frame(draw);
    REQUIRE(app.targets().count("done.print") == 1);
    imgui.tap(app.targets().at("done.print").center(), draw);
    CHECK(printer.prepared_for == "K7QX-4M2P");
    CHECK(app.state().session.print == kiosk::PrintStatus::Printing);

    // The printer is still blocked: every frame returns and the screen still says "printing…".
    constexpr int kFramesWhileBlocked = 20;
    for (int i = 0; i < kFramesWhileBlocked; ++i) {
        imgui.frame(draw);
        CHECK(app.state().session.print == kiosk::PrintStatus::Printing);
    }
    // A second tap while printing starts nothing new.
    imgui.tap(app.targets().at("done.print").center(), draw);
    CHECK(app.state().session.print == kiosk::PrintStatus::Printing);

    printer.release.set_value();
    for (int i = 0; i < 10000 && app.state().session.print == kiosk::PrintStatus::Printing; ++i) {
        std::this_thread::sleep_for(1ms);
        imgui.frame(draw);
    }
    CHECK(app.state().session.print == kiosk::PrintStatus::Printed);
    CHECK_FALSE(*printer.gave_up);
}

TEST_CASE("a print finishing after the session ended says nothing to the next person", "[kiosk][ui][print]") {
    test::HeadlessImGui imgui;
    text::NullUploader uploader;
    BlockingPrinter printer;
    kiosk::App app(uploader, KK_TEST_LOCALE_DIR, on_done("K7QX-4M2P"), {.printer = &printer});
    app.apply(kiosk::RequestPrint{});
    REQUIRE(app.state().session.print == kiosk::PrintStatus::Printing);
    app.apply(kiosk::NewSession{});
    REQUIRE(app.state().screen == kiosk::Screen::Welcome);
    printer.release.set_value();
    for (int i = 0; i < 50; ++i) {
        std::this_thread::sleep_for(1ms);
        imgui.frame([&] { app.frame(imgui.display()); });
    }
    CHECK(app.state().session.print == kiosk::PrintStatus::None);
}

TEST_CASE("the print worker runs one task at a time and hands its result over once", "[kiosk][print]") {
    kiosk::PrintWorker worker;
    CHECK_FALSE(worker.busy());
    CHECK_FALSE(worker.take_result());
    std::promise<void> go;
    std::shared_future<void> started = go.get_future().share();
    REQUIRE(worker.start([started] {
        started.wait();
        return kiosk::PrintStatus::Failed;
    }));
    CHECK(worker.busy());
    CHECK_FALSE(worker.start([] { return kiosk::PrintStatus::Printed; }));
    CHECK_FALSE(worker.take_result());
    go.set_value();
    std::optional<kiosk::PrintStatus> result;
    for (int i = 0; i < 10000 && !result; ++i) {
        result = worker.take_result();
        if (!result) std::this_thread::sleep_for(1ms);
    }
    CHECK(result == kiosk::PrintStatus::Failed);
    CHECK_FALSE(worker.busy());
    CHECK_FALSE(worker.take_result());
    REQUIRE(worker.start([] { return kiosk::PrintStatus::Printed; }));  // free again
}

TEST_CASE("Done shows the resume code as a square QR code, and none before it is saved", "[kiosk][ui][qr]") {
    test::HeadlessImGui imgui;
    text::NullUploader uploader;
    {
        kiosk::App app(uploader, KK_TEST_LOCALE_DIR, on_done("K7QX-4M2P"));
        imgui.frame([&] { app.frame(imgui.display()); });
        REQUIRE(app.targets().count("done.qr") == 1);
        const ui::Rect qr = app.targets().at("done.qr");
        CHECK(qr.size.x == qr.size.y);
        // 29 modules with the quiet zone, at least 4 px each: readable by a phone from the screen.
        CHECK(qr.size.x >= 29 * 4);
    }
    kiosk::App unsaved(uploader, KK_TEST_LOCALE_DIR, on_done(""));
    imgui.frame([&] { unsaved.frame(imgui.display()); });
    CHECK(unsaved.targets().count("done.qr") == 0);
}
