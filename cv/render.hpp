#pragma once
// Drawing CV documents with Pango and cairo: an A4 PDF with embedded subset fonts, and a PNG of one page for
// the kiosk's preview. Entries are never split across pages; a section title never ends a page; pages carry
// "Seite n von m" when a document has more than one. The PDF's only metadata is the title.
#include <cstdint>
#include <filesystem>
#include <span>
#include <string>
#include <vector>

#include "cv/document.hpp"
#include "cv/profile.hpp"

namespace kk::cv {

// Pages written, or a message a person can read (error non-empty) when nothing usable was written.
struct [[nodiscard]] RenderResult {
    int pages = 0;
    std::string error;
    explicit operator bool() const { return error.empty(); }
};

// The number of A4 pages `document` takes.
int page_count(const Document& document);

// Writes the documents one after the other into one PDF at `out`, titled `title` in the PDF metadata.
RenderResult write_pdf(std::span<const Document> documents, const std::string& title,
                       const std::filesystem::path& out);

// Writes page `page` (0-based) of `document` as a PNG `width_px` wide (height keeps A4's proportion).
RenderResult write_png(const Document& document, int page, int width_px, const std::filesystem::path& out);

// An opaque page raster for the kiosk's preview texture: RGBA, 8 bits per channel, rows top to bottom.
struct PagePixels {
    int width = 0;
    int height = 0;
    std::vector<std::uint8_t> rgba;
    std::string error;  // non-empty when there is no picture
};

// Page `page` (0-based) of `document` rasterised `width_px` wide, without PNG encoding (which costs more
// than drawing); the height keeps A4's proportion.
PagePixels render_page_rgba(const Document& document, int page, int width_px);

struct CvOptions {
    bool companion = false;  // append the companion page(s) in the person's UI language
};

// The German CV of `profile` as PDF at `out`, fixed wording from the genrb bundles in `bundle_dir`.
RenderResult render_cv_pdf(const CvProfile& profile, const CatalogLabels& labels,
                           const std::filesystem::path& bundle_dir, const std::filesystem::path& out,
                           const CvOptions& options = {});

struct PreviewOptions {
    int width_px = 800;
    int page = 0;
    bool companion = false;  // preview the companion page instead of the German CV
};

// A PNG of one page of the German CV (or the companion) for the kiosk's preview.
RenderResult render_cv_png(const CvProfile& profile, const CatalogLabels& labels,
                           const std::filesystem::path& bundle_dir, const std::filesystem::path& out,
                           const PreviewOptions& options = {});

}  // namespace kk::cv
