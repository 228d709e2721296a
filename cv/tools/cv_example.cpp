// Writes the example CV of the demo person (German CV + Arabic companion) as PDF and page PNGs into a
// directory; the README's pictures under docs/cv/ come from here. Usage: cv_example <out-dir> [width-px]
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <string>

#include "cv/demo_profile.hpp"
#include "cv/render.hpp"
#include "i18n/messages.hpp"

int main(int argc, char** argv) {
    if (argc < 2) {
        std::cerr << "usage: cv_example <out-dir> [width-px]\n";
        return 2;
    }
    const std::filesystem::path out = argv[1];
    const int width = argc > 2 ? std::atoi(argv[2]) : 1000;
    std::filesystem::create_directories(out);
    const std::filesystem::path bundles = KK_CV_EXAMPLE_LOCALE_DIR;
    const auto profile = kk::cv::demo_profile();
    const auto catalog = kk::cv::demo_catalog();

    const auto pdf =
        kk::cv::render_cv_pdf(profile, catalog, bundles, out / "example-cv.pdf", {.companion = true});
    if (!pdf) {
        std::cerr << pdf.error << '\n';
        return 1;
    }
    const kk::cv::Document german =
        kk::cv::build_german_cv(profile, catalog, kk::i18n::Messages(bundles, "de"));
    const kk::cv::Document companion =
        kk::cv::build_companion(profile, catalog, kk::i18n::Messages(bundles, profile.ui_lang));
    for (const auto& [document, stem] :
         {std::pair{&german, "example-cv-de"}, std::pair{&companion, "example-cv-ar"}}) {
        const int pages = kk::cv::page_count(*document);
        for (int page = 0; page < pages; ++page) {
            const auto name = std::string(stem) + "-" + std::to_string(page + 1) + ".png";
            if (const auto png = kk::cv::write_png(*document, page, width, out / name); !png) {
                std::cerr << png.error << '\n';
                return 1;
            }
        }
    }
    std::cout << "wrote " << pdf.pages << " PDF pages and the page PNGs to " << out.string() << '\n';
    return 0;
}
