#include "kiosk/app/cv_printer.hpp"

#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <memory>
#include <random>
#include <vector>

#include "cv/document.hpp"
#include "cv/render.hpp"
#include "db/candidates.hpp"
#include "db/cv_profile.hpp"
#include "db/timestamps.hpp"
#include "i18n/messages.hpp"

extern char** environ;

namespace kk::kiosk {
namespace {

// True when `command` names an executable, directly or on PATH.
bool command_exists(const std::string& command) {
    if (command.find('/') != std::string::npos) return ::access(command.c_str(), X_OK) == 0;
    const char* path = std::getenv("PATH");
    std::string dirs = path != nullptr ? path : "";
    std::size_t start = 0;
    while (start <= dirs.size()) {
        const std::size_t end = std::min(dirs.find(':', start), dirs.size());
        const std::string dir = dirs.substr(start, end - start);
        if (!dir.empty() && ::access((dir + "/" + command).c_str(), X_OK) == 0) return true;
        start = end + 1;
    }
    return false;
}

// Runs `command file` and waits; its exit code, or -1 when it could not start or was killed.
int run(const std::string& command, const std::string& file) {
    std::vector<char*> argv{const_cast<char*>(command.c_str()), const_cast<char*>(file.c_str()), nullptr};
    pid_t pid = 0;
    if (::posix_spawnp(&pid, command.c_str(), nullptr, nullptr, argv.data(), environ) != 0) return -1;
    int status = 0;
    if (::waitpid(pid, &status, 0) != pid || !WIFEXITED(status)) return -1;
    return WEXITSTATUS(status);
}

// A file only this process uses: the PDF holds personal data and is deleted right after printing.
struct TemporaryPdf {
    std::filesystem::path path;
    TemporaryPdf() {
        std::random_device random;
        path = std::filesystem::temp_directory_path() / ("kiosk-cv-" + std::to_string(random()) + ".pdf");
    }
    ~TemporaryPdf() {
        std::error_code ignored;
        std::filesystem::remove(path, ignored);
    }
    TemporaryPdf(const TemporaryPdf&) = delete;
    TemporaryPdf& operator=(const TemporaryPdf&) = delete;
};

}  // namespace

std::function<PrintStatus()> CvPrinter::prepare(std::string_view resume_code) {
    if (!command_exists(command_)) return [] { return PrintStatus::NoPrinter; };
    auto record = db::load_candidate(store_, resume_code);
    if (!record || !*record) return [] { return PrintStatus::Failed; };
    const std::string today = db::utc_timestamp(std::chrono::system_clock::now()).substr(0, 10);
    const cv::CvProfile profile = db::to_cv_profile(**record, today);
    const db::StoreCatalogLabels labels(store_);
    // Shared so the task stays copyable; the PDF is deleted when the task (and with it the last owner) is gone.
    auto pdf = std::make_shared<TemporaryPdf>();
    const auto rendered = cv::render_cv_pdf(profile, labels, bundle_dir_, pdf->path, {.companion = true});
    if (!rendered) return [] { return PrintStatus::Failed; };
    return [command = command_, pdf = std::move(pdf)] {
        return run(command, pdf->path.string()) == 0 ? PrintStatus::Printed : PrintStatus::Failed;
    };
}

text::Bitmap CvPrinter::first_page(std::string_view resume_code, int width_px) {
    auto record = db::load_candidate(store_, resume_code);
    if (!record || !*record) return {};
    const std::string today = db::utc_timestamp(std::chrono::system_clock::now()).substr(0, 10);
    const cv::CvProfile profile = db::to_cv_profile(**record, today);
    const db::StoreCatalogLabels labels(store_);
    const cv::Document document = cv::build_german_cv(profile, labels, i18n::Messages(bundle_dir_, "de"));
    cv::PagePixels pixels = cv::render_page_rgba(document, 0, width_px);
    if (!pixels.error.empty()) return {};
    text::Bitmap bitmap;
    bitmap.extent.width = pixels.width;
    bitmap.extent.height = pixels.height;
    bitmap.rgba = std::move(pixels.rgba);
    return bitmap;
}

}  // namespace kk::kiosk
