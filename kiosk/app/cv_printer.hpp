#pragma once
// Printing (and previewing) the CV from the kiosk: the saved candidate rendered by kk::cv into a private temporary PDF, handed
// to the print command (CUPS `lp` by default), then deleted.
#include <filesystem>
#include <string>

#include "db/store.hpp"
#include "kiosk/app/services.hpp"

namespace kk::kiosk {

class CvPrinter final : public Printer, public CvPreviewer {
public:
    // `command` is looked up on PATH unless it contains a slash; it gets the PDF's path as its one argument.
    CvPrinter(db::Store& store, std::filesystem::path bundle_dir, std::string command = "lp")
        : store_(store), bundle_dir_(std::move(bundle_dir)), command_(std::move(command)) {}
    std::function<PrintStatus()> prepare(std::string_view resume_code) override;
    // prepare() and its task in one go, on the calling thread.
    PrintStatus print(std::string_view resume_code) { return prepare(resume_code)(); }
    text::Bitmap first_page(std::string_view resume_code, int width_px) override;

private:
    db::Store& store_;
    std::filesystem::path bundle_dir_;
    std::string command_;
};

}  // namespace kk::kiosk
