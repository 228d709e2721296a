#include "kiosk/text/layout.hpp"

#include <pango/pangocairo.h>

#include <cmath>
#include <memory>

namespace kk::text {
namespace {

template <typename T, void (*Free)(T*)>
struct Deleter {
    void operator()(T* p) const { Free(p); }
};
void unref_object(GObject* o) { g_object_unref(o); }
void unref_layout(PangoLayout* l) { g_object_unref(l); }
using LayoutPtr = std::unique_ptr<PangoLayout, Deleter<PangoLayout, unref_layout>>;
using FontDescPtr = std::unique_ptr<PangoFontDescription, Deleter<PangoFontDescription, pango_font_description_free>>;
using SurfacePtr = std::unique_ptr<cairo_surface_t, Deleter<cairo_surface_t, cairo_surface_destroy>>;
using CairoPtr = std::unique_ptr<cairo_t, Deleter<cairo_t, cairo_destroy>>;

// One font map and context per thread: Pango objects are not thread-safe.
struct ThreadContext {
    PangoFontMap* font_map = pango_cairo_font_map_new();
    PangoContext* context = pango_font_map_create_context(font_map);
    ThreadContext() {
        cairo_font_options_t* options = cairo_font_options_create();
        // Grey antialiasing: the bitmap is tinted and blended, sub-pixel colour fringes would show.
        cairo_font_options_set_antialias(options, CAIRO_ANTIALIAS_GRAY);
        cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_SLIGHT);
        pango_cairo_context_set_font_options(context, options);
        cairo_font_options_destroy(options);
    }
    ~ThreadContext() {
        unref_object(G_OBJECT(context));
        unref_object(G_OBJECT(font_map));
    }
    ThreadContext(const ThreadContext&) = delete;
    ThreadContext& operator=(const ThreadContext&) = delete;
};

PangoContext* thread_context() {
    thread_local ThreadContext tc;
    return tc.context;
}

PangoAlignment to_pango(Align align) {
    // With auto-dir on, Pango mirrors LEFT/RIGHT for RTL paragraphs: LEFT means "start".
    switch (align) {
        case Align::Start: return PANGO_ALIGN_LEFT;
        case Align::Center: return PANGO_ALIGN_CENTER;
        case Align::End: return PANGO_ALIGN_RIGHT;
    }
    return PANGO_ALIGN_LEFT;
}

struct Laid {
    LayoutPtr layout;
    PangoRectangle logical{};
    Direction direction = Direction::Ltr;
};

Laid lay_out(std::string_view utf8, const Style& style) {
    PangoContext* context = thread_context();
    // The context's base must be LTR, not NEUTRAL, for auto-dir layouts: Pango swaps LEFT/RIGHT alignment
    // for RTL paragraphs only when they differ from the context's base direction.
    switch (style.base) {
        case BaseDirection::Auto:
        case BaseDirection::Ltr: pango_context_set_base_dir(context, PANGO_DIRECTION_LTR); break;
        case BaseDirection::Rtl: pango_context_set_base_dir(context, PANGO_DIRECTION_RTL); break;
    }
    Laid laid;
    laid.layout.reset(pango_layout_new(context));
    PangoLayout* layout = laid.layout.get();
    pango_layout_set_auto_dir(layout, style.base == BaseDirection::Auto ? TRUE : FALSE);

    FontDescPtr font(pango_font_description_from_string(kFontFamilies));
    pango_font_description_set_absolute_size(font.get(), static_cast<double>(style.size_px) * PANGO_SCALE);
    pango_font_description_set_weight(font.get(),
                                      style.weight == Weight::Bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
    pango_layout_set_font_description(layout, font.get());
    if (style.wrap_px > 0.0f) {
        pango_layout_set_width(layout, static_cast<int>(std::lround(style.wrap_px * PANGO_SCALE)));
        pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR);
    }
    pango_layout_set_alignment(layout, to_pango(style.align));
    pango_layout_set_text(layout, utf8.data(), static_cast<int>(utf8.size()));
    pango_layout_get_pixel_extents(layout, nullptr, &laid.logical);

    // The first line's resolved direction is the paragraph's (first strong character, or the base).
    const PangoLayoutLine* first = pango_layout_get_line_readonly(layout, 0);
    laid.direction = first != nullptr && first->resolved_dir == PANGO_DIRECTION_RTL ? Direction::Rtl : Direction::Ltr;
    return laid;
}

}  // namespace

Extent measure(std::string_view utf8, const Style& style) {
    const Laid laid = lay_out(utf8, style);
    return {laid.logical.width, laid.logical.height, laid.direction};
}

Bitmap render(std::string_view utf8, const Style& style) {
    const Laid laid = lay_out(utf8, style);
    Bitmap bitmap;
    bitmap.extent = {laid.logical.width, laid.logical.height, laid.direction};
    const int w = laid.logical.width;
    const int h = laid.logical.height;
    if (w <= 0 || h <= 0) return bitmap;

    SurfacePtr surface(cairo_image_surface_create(CAIRO_FORMAT_A8, w, h));
    CairoPtr cr(cairo_create(surface.get()));
    cairo_translate(cr.get(), -laid.logical.x, -laid.logical.y);
    pango_cairo_update_layout(cr.get(), laid.layout.get());
    pango_cairo_show_layout(cr.get(), laid.layout.get());
    cairo_surface_flush(surface.get());

    const unsigned char* data = cairo_image_surface_get_data(surface.get());
    const int stride = cairo_image_surface_get_stride(surface.get());
    bitmap.rgba.resize(static_cast<size_t>(w) * static_cast<size_t>(h) * 4u);
    for (int y = 0; y < h; ++y) {
        const unsigned char* row = data + static_cast<ptrdiff_t>(y) * stride;
        std::uint8_t* out = bitmap.rgba.data() + static_cast<size_t>(y) * static_cast<size_t>(w) * 4u;
        for (int x = 0; x < w; ++x) {
            out[4 * x + 0] = 255;
            out[4 * x + 1] = 255;
            out[4 * x + 2] = 255;
            out[4 * x + 3] = row[x];
        }
    }
    return bitmap;
}

Direction paragraph_direction(std::string_view utf8) { return lay_out(utf8, Style{}).direction; }

}  // namespace kk::text
