#include "cv/render.hpp"

#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <memory>
#include <utility>
#include <vector>

#include "cv/script.hpp"
#include "i18n/messages.hpp"

namespace kk::cv {
namespace {

// Geometry in PDF points (1/72 inch). A4 is 210 × 297 mm.
constexpr double kPageWidth = 595.2756;
constexpr double kPageHeight = 841.8898;
constexpr double kMarginSide = 62.0;
constexpr double kMarginTop = 56.0;
constexpr double kMarginBottom = 70.0;  // room for the page number
constexpr double kFooterBaseline = kPageHeight - 40.0;
constexpr double kAsideWidth = 112.0;
constexpr double kColumnGap = 16.0;
constexpr double kBulletIndent = 11.0;
constexpr double kTextWidth = kPageWidth - 2 * kMarginSide;
constexpr double kContentWidth = kTextWidth - kAsideWidth - kColumnGap;
constexpr double kPhotoWidth = 99.0;  // 35 × 45 mm, the usual application photo
constexpr double kPhotoHeight = 127.0;

constexpr char kFontFamilies[] = "Noto Sans, Noto Sans Arabic, Noto Sans Ethiopic";
constexpr char kBullet[] = "•";  // typography, not wording

struct Rgb {
    double r, g, b;
};
constexpr Rgb kInk{0.10, 0.10, 0.11};
constexpr Rgb kMuted{0.36, 0.37, 0.40};
constexpr Rgb kAccent{0.12, 0.23, 0.37};

struct TextStyle {
    double size_pt;
    bool bold;
    Rgb colour;
};
constexpr TextStyle kHeadingStyle{10.5, false, kMuted};
constexpr TextStyle kNameStyle{23.0, true, kInk};
constexpr TextStyle kIntroStyle{9.5, false, kInk};
constexpr TextStyle kSectionStyle{12.5, true, kAccent};
constexpr TextStyle kAsideStyle{9.5, false, kMuted};
constexpr TextStyle kBodyStyle{10.0, false, kInk};
constexpr TextStyle kStrongStyle{10.0, true, kInk};
constexpr TextStyle kNoteStyle{8.5, false, kMuted};
constexpr TextStyle kFooterStyle{8.5, false, kMuted};

void unref_gobject(gpointer p) {
    g_object_unref(p);
}
using LayoutPtr = std::shared_ptr<PangoLayout>;
using ContextPtr = std::unique_ptr<PangoContext, decltype(&unref_gobject)>;
using SurfacePtr = std::shared_ptr<cairo_surface_t>;

struct CairoCloser {
    void operator()(cairo_t* cr) const { cairo_destroy(cr); }
};
using CairoPtr = std::unique_ptr<cairo_t, CairoCloser>;
struct FontDescCloser {
    void operator()(PangoFontDescription* d) const { pango_font_description_free(d); }
};
using FontDescPtr = std::unique_ptr<PangoFontDescription, FontDescCloser>;

SurfacePtr own_surface(cairo_surface_t* s) {
    return SurfacePtr(s, cairo_surface_destroy);
}

// One font map per thread: Pango objects are not thread-safe, and building a map costs a fontconfig scan.
PangoFontMap* thread_font_map() {
    struct Holder {
        PangoFontMap* map = pango_cairo_font_map_new();
        ~Holder() { g_object_unref(map); }
        Holder() = default;
        Holder(const Holder&) = delete;
        Holder& operator=(const Holder&) = delete;
    };
    thread_local Holder holder;
    return holder.map;
}

ContextPtr make_context() {
    ContextPtr context(pango_font_map_create_context(thread_font_map()), unref_gobject);
    // Unhinted, unrounded metrics: the same layout is exact in the PDF and at any preview scale.
    cairo_font_options_t* options = cairo_font_options_create();
    cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
    cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
    cairo_font_options_set_antialias(options, CAIRO_ANTIALIAS_GRAY);
    pango_cairo_context_set_font_options(context.get(), options);
    cairo_font_options_destroy(options);
    pango_context_set_round_glyph_positions(context.get(), FALSE);
    // Base LTR with auto-dir layouts: each paragraph takes its direction from its first strong letter.
    pango_context_set_base_dir(context.get(), PANGO_DIRECTION_LTR);
    return context;
}

// A piece of a block, positioned in left-to-right page coordinates relative to the block's top;
// RTL documents are mirrored when drawn.
struct Piece {
    enum class Kind { Text, Rule, Image } kind = Kind::Text;
    double x = 0, y = 0, width = 0, height = 0;
    LayoutPtr layout;
    Rgb colour = kInk;
    SurfacePtr image;
};

struct Block {
    double space_before = 0;
    double height = 0;
    bool keep_with_next = false;  // a section title stays with its first entry
    std::vector<Piece> pieces;
};

struct Placed {
    const Block* block;
    double top;
};

struct Layouter {
    PangoContext* context;
    bool rtl;

    // A paragraph `width` wide whose text starts on the document's start side, whatever its own direction.
    Piece text(const std::string& utf8, const TextStyle& style, double x, double y, double width) const {
        LayoutPtr layout(pango_layout_new(context), unref_gobject);
        pango_layout_set_auto_dir(layout.get(), TRUE);
        FontDescPtr font(pango_font_description_from_string(kFontFamilies));
        pango_font_description_set_absolute_size(font.get(), style.size_pt * PANGO_SCALE);
        pango_font_description_set_weight(font.get(), style.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
        pango_layout_set_font_description(layout.get(), font.get());
        pango_layout_set_width(layout.get(), static_cast<int>(std::lround(width * PANGO_SCALE)));
        pango_layout_set_wrap(layout.get(), PANGO_WRAP_WORD_CHAR);
        pango_layout_set_text(layout.get(), utf8.data(), static_cast<int>(utf8.size()));
        // With auto-dir Pango swaps LEFT/RIGHT for paragraphs against the base (LTR): undo that where the
        // paragraph's own direction differs from the page's, so every line starts at the page's start side.
        const PangoLayoutLine* first = pango_layout_get_line_readonly(layout.get(), 0);
        const bool paragraph_rtl = first != nullptr && first->resolved_dir == PANGO_DIRECTION_RTL;
        pango_layout_set_alignment(layout.get(), rtl != paragraph_rtl ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
        PangoRectangle logical{};
        pango_layout_get_extents(layout.get(), nullptr, &logical);
        Piece piece;
        piece.kind = Piece::Kind::Text;
        piece.x = x;
        piece.y = y;
        piece.width = width;
        piece.height = static_cast<double>(logical.height) / PANGO_SCALE;
        piece.layout = std::move(layout);
        piece.colour = style.colour;
        return piece;
    }

    static double baseline_of(const Piece& p) {
        return static_cast<double>(pango_layout_get_baseline(p.layout.get())) / PANGO_SCALE;
    }

    const TextStyle& style_of(LineStyle s) const {
        switch (s) {
            case LineStyle::Strong:
                return kStrongStyle;
            case LineStyle::Note:
                return kNoteStyle;
            case LineStyle::Bullet:
            case LineStyle::Normal:
                return kBodyStyle;
        }
        return kBodyStyle;
    }

    Block header(const Document& d) const {
        Block b;
        double y = 0;
        double text_width = kTextWidth;
        if (!d.photo_path.empty()) {
            SurfacePtr photo = own_surface(cairo_image_surface_create_from_png(d.photo_path.c_str()));
            // An unreadable photo is left out rather than failing the whole CV.
            if (cairo_surface_status(photo.get()) == CAIRO_STATUS_SUCCESS) {
                Piece p;
                p.kind = Piece::Kind::Image;
                p.x = kMarginSide + kTextWidth - kPhotoWidth;
                p.width = kPhotoWidth;
                p.height = kPhotoHeight;
                p.image = std::move(photo);
                b.pieces.push_back(std::move(p));
                text_width -= kPhotoWidth + kColumnGap;
            }
        }
        Piece heading = text(d.heading, kHeadingStyle, kMarginSide, y, text_width);
        y += heading.height + 2;
        b.pieces.push_back(std::move(heading));
        Piece name = text(d.name, kNameStyle, kMarginSide, y, text_width);
        y += name.height;
        b.pieces.push_back(std::move(name));
        if (!d.intro.empty()) {
            y += 10;
            Piece intro = text(d.intro, kIntroStyle, kMarginSide, y, text_width);
            y += intro.height;
            b.pieces.push_back(std::move(intro));
        }
        for (const Piece& p : b.pieces) y = std::max(y, p.y + p.height);
        b.height = y;
        return b;
    }

    Block section_title(const std::string& title) const {
        Block b;
        b.space_before = 20;
        b.keep_with_next = true;
        Piece t = text(title, kSectionStyle, kMarginSide, 0, kTextWidth);
        const double rule_y = t.height + 2;
        b.pieces.push_back(std::move(t));
        Piece rule;
        rule.kind = Piece::Kind::Rule;
        rule.x = kMarginSide;
        rule.y = rule_y;
        rule.width = kTextWidth;
        rule.height = 0.6;
        rule.colour = kAccent;
        b.pieces.push_back(std::move(rule));
        b.height = rule_y + 8;
        return b;
    }

    Block entry(const Entry& e) const {
        Block b;
        b.space_before = 6;
        const double content_x = kMarginSide + kAsideWidth + kColumnGap;
        double y = 0;
        double first_baseline = -1;
        for (const Line& line : e.lines) {
            // Pieces stay in LTR geometry (bullet left of the text); draw() mirrors the whole page for RTL.
            Piece body =
                line.style == LineStyle::Bullet
                    ? text(line.text, kBodyStyle, content_x + kBulletIndent, y, kContentWidth - kBulletIndent)
                    : text(line.text, style_of(line.style), content_x, y, kContentWidth);
            const double baseline = y + baseline_of(body);
            if (first_baseline < 0) first_baseline = baseline;
            if (line.style == LineStyle::Bullet) {
                Piece bullet = text(kBullet, kBodyStyle, content_x, 0, kBulletIndent);
                bullet.y = baseline - baseline_of(bullet);
                b.pieces.push_back(std::move(bullet));
            }
            y += body.height + 1;
            b.pieces.push_back(std::move(body));
        }
        double aside_bottom = 0;
        if (!e.aside.empty()) {
            // The aside shares the first content line's baseline, whatever the scripts' line heights.
            Piece aside = text(e.aside, kAsideStyle, kMarginSide, 0, kAsideWidth);
            const double aside_baseline = baseline_of(aside);
            if (first_baseline >= aside_baseline) {
                aside.y = first_baseline - aside_baseline;
            } else if (first_baseline >= 0) {
                // A taller script in the aside (Arabic label, Latin content): move the content down instead.
                const double shift = aside_baseline - first_baseline;
                for (Piece& p : b.pieces) p.y += shift;
                y += shift;
            }
            aside_bottom = aside.y + aside.height;
            b.pieces.push_back(std::move(aside));
        }
        b.height = std::max(aside_bottom, y);
        return b;
    }

    Block closing(const std::string& place_date) const {
        Block b;
        b.space_before = 28;
        Piece p = text(place_date, kBodyStyle, kMarginSide, 0, kTextWidth);
        b.height = p.height;
        b.pieces.push_back(std::move(p));
        return b;
    }
};

// A document laid out and split into pages; owns its Pango context and layouts.
struct LaidOut {
    ContextPtr context{nullptr, unref_gobject};
    const Document* document = nullptr;
    std::vector<Block> blocks;
    std::vector<std::vector<Placed>> pages;
};

std::unique_ptr<LaidOut> lay_out(const Document& d) {
    auto out = std::make_unique<LaidOut>();
    out->context = make_context();
    out->document = &d;
    // The page's own mirroring is in Layouter (start side) and draw() (x positions); pieces stay LTR here.
    const Layouter l{out->context.get(), d.rtl};
    out->blocks.push_back(l.header(d));
    for (const Section& s : d.sections) {
        out->blocks.push_back(l.section_title(s.title));
        for (const Entry& e : s.entries) out->blocks.push_back(l.entry(e));
    }
    if (!d.closing.empty()) out->blocks.push_back(l.closing(d.closing));

    // Greedy pagination over whole blocks; a block that keeps with the next moves along with it.
    const double bottom = kPageHeight - kMarginBottom;
    out->pages.emplace_back();
    double y = kMarginTop;
    for (size_t i = 0; i < out->blocks.size(); ++i) {
        const Block& b = out->blocks[i];
        const bool page_empty = out->pages.back().empty();
        double need = (page_empty ? 0 : b.space_before) + b.height;
        if (b.keep_with_next && i + 1 < out->blocks.size())
            need += out->blocks[i + 1].space_before + out->blocks[i + 1].height;
        if (!page_empty && y + need > bottom) {
            out->pages.emplace_back();
            y = kMarginTop;
        }
        if (!out->pages.back().empty()) y += b.space_before;
        out->pages.back().push_back({&b, y});
        y += b.height;
    }
    return out;
}

double mirrored_x(bool rtl, double x, double width) {
    return rtl ? kPageWidth - x - width : x;
}

void draw_piece(cairo_t* cr, const Piece& p, double top, bool rtl) {
    const double x = mirrored_x(rtl, p.x, p.width);
    const double y = top + p.y;
    switch (p.kind) {
        case Piece::Kind::Text:
            cairo_set_source_rgb(cr, p.colour.r, p.colour.g, p.colour.b);
            cairo_move_to(cr, x, y);
            pango_cairo_show_layout(cr, p.layout.get());
            break;
        case Piece::Kind::Rule:
            cairo_set_source_rgb(cr, p.colour.r, p.colour.g, p.colour.b);
            cairo_rectangle(cr, x, y, p.width, p.height);
            cairo_fill(cr);
            break;
        case Piece::Kind::Image: {
            const double w = cairo_image_surface_get_width(p.image.get());
            const double h = cairo_image_surface_get_height(p.image.get());
            if (w <= 0 || h <= 0) break;
            // Fill the photo frame, cropping the overflow, as a printed application photo would be cut.
            const double scale = std::max(p.width / w, p.height / h);
            cairo_save(cr);
            cairo_rectangle(cr, x, y, p.width, p.height);
            cairo_clip(cr);
            cairo_translate(cr, x + (p.width - w * scale) / 2, y + (p.height - h * scale) / 2);
            cairo_scale(cr, scale, scale);
            cairo_set_source_surface(cr, p.image.get(), 0, 0);
            cairo_paint(cr);
            cairo_restore(cr);
            break;
        }
    }
}

std::string page_label(const std::string& pattern, const std::string& lang, int page, int pages) {
    std::string out = pattern;
    auto replace = [&out](const std::string& what, const std::string& with) {
        const auto at = out.find(what);
        if (at != std::string::npos) out.replace(at, what.size(), with);
    };
    // The numbers in the page's own digits, as the message formatter would have written them.
    replace("{page}", format_integer(page, lang));
    replace("{pages}", format_integer(pages, lang));
    return out;
}

void draw_page(cairo_t* cr, const LaidOut& laid, size_t page) {
    const Document& d = *laid.document;
    for (const Placed& placed : laid.pages[page]) {
        for (const Piece& p : placed.block->pieces) draw_piece(cr, p, placed.top, d.rtl);
    }
    const auto pages = laid.pages.size();
    if (pages > 1) {
        const Layouter l{laid.context.get(), d.rtl};
        Piece footer =
            l.text(page_label(d.page_label, d.lang, static_cast<int>(page + 1), static_cast<int>(pages)),
                   kFooterStyle, kMarginSide, 0, kTextWidth);
        pango_layout_set_alignment(footer.layout.get(), PANGO_ALIGN_CENTER);
        draw_piece(cr, footer, kFooterBaseline - footer.height, d.rtl);
    }
}

cairo_status_t append_to_string(void* closure, const unsigned char* data, unsigned int length) {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
}

RenderResult write_file(const std::filesystem::path& out, const std::string& bytes, int pages) {
    std::ofstream file(out, std::ios::binary | std::ios::trunc);
    if (!file) return {0, "cannot write " + out.string()};
    file.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    file.close();
    if (!file) return {0, "cannot write " + out.string()};
    return {pages, {}};
}

}  // namespace

int page_count(const Document& document) {
    return static_cast<int>(lay_out(document)->pages.size());
}

RenderResult write_pdf(std::span<const Document> documents, const std::string& title,
                       const std::filesystem::path& out) {
    // Rendered into memory first so a failed write never leaves half a PDF behind a good name.
    std::string bytes;
    int pages = 0;
    {
        const SurfacePtr surface = own_surface(
            cairo_pdf_surface_create_for_stream(append_to_string, &bytes, kPageWidth, kPageHeight));
        cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_TITLE, title.c_str());
        const CairoPtr cr(cairo_create(surface.get()));
        for (const Document& d : documents) {
            const auto laid = lay_out(d);
            for (size_t page = 0; page < laid->pages.size(); ++page) {
                draw_page(cr.get(), *laid, page);
                cairo_show_page(cr.get());
                ++pages;
            }
        }
        cairo_surface_finish(surface.get());
        if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS) {
            return {0, std::string("PDF rendering failed: ") +
                           cairo_status_to_string(cairo_surface_status(surface.get()))};
        }
    }
    return write_file(out, bytes, pages);
}

namespace {

// The page drawn onto a white image surface `width_px` wide; null surface and a message on failure.
std::pair<SurfacePtr, std::string> rasterise(const Document& document, int page, int width_px) {
    if (width_px < 16 || width_px > 8000)
        return {nullptr, "preview width out of range: " + std::to_string(width_px)};
    const auto laid = lay_out(document);
    const int pages = static_cast<int>(laid->pages.size());
    if (page < 0 || page >= pages)
        return {nullptr, "no page " + std::to_string(page + 1) + " of " + std::to_string(pages)};
    const double scale = width_px / kPageWidth;
    const int height_px = static_cast<int>(std::lround(kPageHeight * scale));
    SurfacePtr surface = own_surface(cairo_image_surface_create(CAIRO_FORMAT_RGB24, width_px, height_px));
    const CairoPtr cr(cairo_create(surface.get()));
    cairo_set_source_rgb(cr.get(), 1, 1, 1);
    cairo_paint(cr.get());
    cairo_scale(cr.get(), scale, scale);
    draw_page(cr.get(), *laid, static_cast<size_t>(page));
    cairo_surface_flush(surface.get());
    if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS) {
        return {nullptr, std::string("rendering failed: ") +
                             cairo_status_to_string(cairo_surface_status(surface.get()))};
    }
    return {std::move(surface), {}};
}

}  // namespace

PagePixels render_page_rgba(const Document& document, int page, int width_px) {
    PagePixels pixels;
    auto [surface, error] = rasterise(document, page, width_px);
    if (!surface) {
        pixels.error = std::move(error);
        return pixels;
    }
    pixels.width = cairo_image_surface_get_width(surface.get());
    pixels.height = cairo_image_surface_get_height(surface.get());
    const unsigned char* data = cairo_image_surface_get_data(surface.get());
    const int stride = cairo_image_surface_get_stride(surface.get());
    pixels.rgba.resize(static_cast<size_t>(pixels.width) * static_cast<size_t>(pixels.height) * 4u);
    for (int y = 0; y < pixels.height; ++y) {
        // RGB24 is one native-endian 32-bit word per pixel: 0x00RRGGBB.
        const auto* row =
            reinterpret_cast<const std::uint32_t*>(data + static_cast<std::ptrdiff_t>(y) * stride);
        std::uint8_t* out =
            pixels.rgba.data() + static_cast<size_t>(y) * static_cast<size_t>(pixels.width) * 4u;
        for (int x = 0; x < pixels.width; ++x) {
            const std::uint32_t p = row[x];
            out[4 * x + 0] = static_cast<std::uint8_t>(p >> 16);
            out[4 * x + 1] = static_cast<std::uint8_t>(p >> 8);
            out[4 * x + 2] = static_cast<std::uint8_t>(p);
            out[4 * x + 3] = 255;
        }
    }
    return pixels;
}

RenderResult write_png(const Document& document, int page, int width_px, const std::filesystem::path& out) {
    auto [surface, error] = rasterise(document, page, width_px);
    if (!surface) return {0, std::move(error)};
    std::string bytes;
    const cairo_status_t status = cairo_surface_write_to_png_stream(surface.get(), append_to_string, &bytes);
    if (status != CAIRO_STATUS_SUCCESS)
        return {0, std::string("PNG rendering failed: ") + cairo_status_to_string(status)};
    return write_file(out, bytes, 1);
}

RenderResult render_cv_pdf(const CvProfile& profile, const CatalogLabels& labels,
                           const std::filesystem::path& bundle_dir, const std::filesystem::path& out,
                           const CvOptions& options) {
    const i18n::Messages de(bundle_dir, "de");
    std::vector<Document> documents;
    documents.push_back(build_german_cv(profile, labels, de));
    if (options.companion)
        documents.push_back(build_companion(profile, labels, i18n::Messages(bundle_dir, profile.ui_lang)));
    return write_pdf(documents, de.tr("cv.title"), out);
}

RenderResult render_cv_png(const CvProfile& profile, const CatalogLabels& labels,
                           const std::filesystem::path& bundle_dir, const std::filesystem::path& out,
                           const PreviewOptions& options) {
    const Document document =
        options.companion ? build_companion(profile, labels, i18n::Messages(bundle_dir, profile.ui_lang))
                          : build_german_cv(profile, labels, i18n::Messages(bundle_dir, "de"));
    return write_png(document, options.page, options.width_px, out);
}

}  // namespace kk::cv
