#include "cv/render.hpp"

#include <cairo.h>
#include <catch2/catch.hpp>

#include <memory>
#include <sstream>

#include "cv/demo_profile.hpp"
#include "cv/document.hpp"
#include "i18n/languages.hpp"
#include "tests/support/process.hpp"
#include "tests/support/temp_dir.hpp"

using namespace kk::cv;
using kk::test::run_process;
using kk::test::TempDir;

namespace {

// pdftotext wraps RTL runs in bidi embedding controls; they are not part of the text.
std::string strip_bidi_controls(std::string s) {
    for (const char* mark : {"\u202A", "\u202B", "\u202C", "\u202D", "\u202E"}) {
        for (auto at = s.find(mark); at != std::string::npos; at = s.find(mark)) s.erase(at, 3);
    }
    return s;
}

std::string page_text(const std::filesystem::path& pdf, int page) {
    const auto r = run_process(
        {"/usr/bin/pdftotext", "-f", std::to_string(page), "-l", std::to_string(page), pdf.string(), "-"});
    REQUIRE(r.exit_code == 0);
    return strip_bidi_controls(r.out);
}

std::string pdfinfo_field(const std::filesystem::path& pdf, const std::string& field) {
    const auto r = run_process({"/usr/bin/pdfinfo", pdf.string()});
    REQUIRE(r.exit_code == 0);
    std::istringstream lines(r.out);
    for (std::string line; std::getline(lines, line);) {
        if (line.rfind(field + ":", 0) == 0) {
            const auto value = line.find_first_not_of(' ', field.size() + 1);
            return value == std::string::npos ? std::string() : line.substr(value);
        }
    }
    return {};
}

bool contains(const std::string& haystack, const std::string& needle) {
    return haystack.find(needle) != std::string::npos;
}

struct Fixture {
    Fixture() { kk::i18n::set_process_default_locale("en"); }
    TempDir dir;
    InMemoryLabels catalog = demo_catalog();
};

// A candidate with many jobs: each entry has distinctive lines, so a split entry shows in per-page text.
CvProfile long_profile(int jobs) {
    CvProfile p = demo_profile();
    p.experiences.clear();
    for (int i = 0; i < jobs; ++i) {
        const std::string n = (i < 10 ? "0" : "") + std::to_string(i);
        Experience e;
        e.from = std::to_string(1990 + i) + "-01";
        e.to = std::to_string(1990 + i) + "-12";
        e.position.own = {"Werker" + n, "de"};
        e.employer = "Betrieb" + n;
        e.place = "Ort" + n;
        e.country = "DE";
        e.tasks = {{"Aufgabe" + n + "a", "de"}, {"Aufgabe" + n + "b", "de"}, {"Aufgabe" + n + "c", "de"}};
        p.experiences.push_back(std::move(e));
    }
    return p;
}

}  // namespace

TEST_CASE_METHOD(Fixture, "an Arabic-speaking candidate gets a German CV with German titles and skill labels",
                 "[cv]") {
    const auto pdf = dir / "cv.pdf";
    const RenderResult r = render_cv_pdf(demo_profile(), catalog, KK_TEST_LOCALE_DIR, pdf);
    REQUIRE(r);
    CHECK(r.pages == 2);
    CHECK(pdfinfo_field(pdf, "Pages") == "2");
    const std::string text = page_text(pdf, 1) + page_text(pdf, 2);
    for (const char* german :
         {"Lebenslauf", "Persönliche Daten", "Berufserfahrung", "Schul- und Berufsausbildung",
          "Sprachkenntnisse", "Kenntnisse und Fähigkeiten", "Führerschein", "Mobilität und Verfügbarkeit",
          "Fliesenleger", "Maurer", "Fliesen verlegen", "gute Kenntnisse (B1)", "seit 09/2023",
          "Anerkennung beantragt"}) {
        CHECK(contains(text, german));
    }
    CHECK(contains(text, "Umschrift:"));
    CHECK(contains(text, "Seite 1 von 2"));
    CHECK(contains(text, "Seite 2 von 2"));
    CHECK_FALSE(contains(text, "الخبرة المهنية"));  // no Arabic section title on the German pages
}

TEST_CASE_METHOD(Fixture, "the Arabic companion follows the German pages in the person's language", "[cv]") {
    const auto pdf = dir / "cv.pdf";
    const RenderResult r =
        render_cv_pdf(demo_profile(), catalog, KK_TEST_LOCALE_DIR, pdf, {.companion = true});
    REQUIRE(r);
    const int pages = std::stoi(pdfinfo_field(pdf, "Pages"));
    CHECK(pages == r.pages);
    CHECK(pages > 2);
    std::string companion;
    for (int page = 3; page <= pages; ++page) companion += page_text(pdf, page);
    CHECK(contains(companion, "الخبرة المهنية"));
    CHECK(contains(companion, "البيانات الشخصية"));
    // Catalog labels in Arabic (pdftotext decomposes the lam-alef ligature, so these avoid it).
    CHECK(contains(companion, "البناء والتشطيب"));
    CHECK(contains(companion, "أعمال اللياسة"));
    CHECK(contains(companion, "بناء جدران من الطوب والحجر"));
    CHECK_FALSE(contains(companion, "Berufserfahrung"));
}

TEST_CASE_METHOD(Fixture, "fonts are embedded, pages are A4, the title is the only metadata", "[cv]") {
    const auto pdf = dir / "cv.pdf";
    REQUIRE(render_cv_pdf(demo_profile(), catalog, KK_TEST_LOCALE_DIR, pdf, {.companion = true}));
    const auto fonts = run_process({"/usr/bin/pdffonts", pdf.string()});
    REQUIRE(fonts.exit_code == 0);
    std::istringstream lines(fonts.out);
    int rows = 0;
    bool arabic = false;
    for (std::string line; std::getline(lines, line);) {
        if (line.rfind("name", 0) == 0 || line.rfind("---", 0) == 0 || line.empty()) continue;
        std::vector<std::string> cols;
        std::istringstream words(line);
        for (std::string w; words >> w;) cols.push_back(w);
        REQUIRE(cols.size() >= 7);
        CHECK(cols[cols.size() - 5] == "yes");  // emb
        CHECK(cols[cols.size() - 4] == "yes");  // sub(set)
        arabic = arabic || contains(cols[0], "NotoSansArabic");
        ++rows;
    }
    CHECK(rows > 0);
    CHECK(arabic);
    CHECK(contains(pdfinfo_field(pdf, "Page size"), "595.276 x 841.89 pts"));
    CHECK(pdfinfo_field(pdf, "Title") == "Lebenslauf");
    CHECK(pdfinfo_field(pdf, "Author").empty());
    CHECK(pdfinfo_field(pdf, "Subject").empty());
    CHECK(pdfinfo_field(pdf, "Keywords").empty());
}

TEST_CASE_METHOD(Fixture, "a long CV breaks across pages between entries and numbers its pages", "[cv]") {
    const auto pdf = dir / "long.pdf";
    const int jobs = 24;
    const RenderResult r = render_cv_pdf(long_profile(jobs), catalog, KK_TEST_LOCALE_DIR, pdf);
    REQUIRE(r);
    REQUIRE(r.pages >= 3);
    std::vector<std::string> pages;
    for (int page = 1; page <= r.pages; ++page) {
        pages.push_back(page_text(pdf, page));
        CHECK(contains(pages.back(), "Seite " + std::to_string(page) + " von " + std::to_string(r.pages)));
    }
    int pages_with_jobs = 0;
    for (const auto& text : pages) pages_with_jobs += contains(text, "Betrieb") ? 1 : 0;
    CHECK(pages_with_jobs >= 2);  // the experience section itself spans a page break
    for (int i = 0; i < jobs; ++i) {
        const std::string n = (i < 10 ? "0" : "") + std::to_string(i);
        int found = 0;
        for (const auto& text : pages) {
            if (!contains(text, "Betrieb" + n)) continue;
            ++found;
            INFO("entry " << n);
            CHECK(contains(text, "Werker" + n));
            CHECK(contains(text, "Aufgabe" + n + "a"));
            CHECK(contains(text, "Aufgabe" + n + "c"));
            CHECK(contains(text, "01/" + std::to_string(1990 + i) + " – 12/" + std::to_string(1990 + i)));
        }
        CHECK(found == 1);
    }
}

TEST_CASE_METHOD(Fixture, "a section title never ends a page without its first entry", "[cv]") {
    // Different numbers of jobs move the page breaks across every later section.
    for (int jobs = 12; jobs <= 26; jobs += 2) {
        const auto pdf = dir / ("jobs" + std::to_string(jobs) + ".pdf");
        const RenderResult r = render_cv_pdf(long_profile(jobs), catalog, KK_TEST_LOCALE_DIR, pdf);
        REQUIRE(r);
        const std::string newest = "Betrieb" + std::to_string(jobs - 1);
        const std::pair<const char*, std::string> first_entries[] = {
            {"Berufserfahrung", newest},           {"Schul- und Berufsausbildung", "Anerkennung beantragt"},
            {"Sprachkenntnisse", "Muttersprache"}, {"Kenntnisse und Fähigkeiten", "Bau und Ausbau"},
            {"Führerschein", "Klassen"},           {"Mobilität und Verfügbarkeit", "Arbeitsweg"},
        };
        for (int page = 1; page <= r.pages; ++page) {
            const std::string text = page_text(pdf, page);
            for (const auto& [title, entry] : first_entries) {
                if (!contains(text, std::string(title) + "\n")) continue;
                INFO(jobs << " jobs, page " << page << ": " << title);
                CHECK(contains(text, entry));
            }
        }
    }
}

TEST_CASE_METHOD(Fixture, "a minimal profile gives a tidy one-page CV without page numbers", "[cv]") {
    CvProfile p;
    p.given_names = "Olena";
    p.family_name = "Koval";
    p.phone = "+49 160 1234567";
    p.ui_lang = "uk";
    const auto pdf = dir / "minimal.pdf";
    const RenderResult r = render_cv_pdf(p, catalog, KK_TEST_LOCALE_DIR, pdf);
    REQUIRE(r);
    CHECK(r.pages == 1);
    CHECK(pdfinfo_field(pdf, "Pages") == "1");
    const std::string text = page_text(pdf, 1);
    CHECK(contains(text, "Olena Koval"));
    CHECK(contains(text, "Persönliche Daten"));
    CHECK(contains(text, "+49 160 1234567"));
    CHECK(contains(text, "sofort verfügbar"));
    CHECK_FALSE(contains(text, "Seite"));
    CHECK_FALSE(contains(text, "Berufserfahrung"));  // empty sections are left out, not shown bare
    CHECK_FALSE(contains(text, "Führerschein"));
}

TEST_CASE_METHOD(Fixture, "birth date and nationality reach the PDF only when chosen", "[cv]") {
    CvProfile p = demo_profile();
    const auto plain = dir / "plain.pdf";
    REQUIRE(render_cv_pdf(p, catalog, KK_TEST_LOCALE_DIR, plain));
    const std::string without = page_text(plain, 1);
    CHECK_FALSE(contains(without, "Geburtsdatum"));
    CHECK_FALSE(contains(without, "1991"));
    CHECK_FALSE(contains(without, "Staatsangehörigkeit"));

    p.include_birth_date = true;
    p.include_nationality = true;
    const auto chosen = dir / "chosen.pdf";
    REQUIRE(render_cv_pdf(p, catalog, KK_TEST_LOCALE_DIR, chosen));
    const std::string with = page_text(chosen, 1);
    CHECK(contains(with, "Geburtsdatum"));
    CHECK(contains(with, "17.04.1991"));
    CHECK(contains(with, "Staatsangehörigkeit"));
}

TEST_CASE_METHOD(Fixture, "the photo is placed only when the person chose it", "[cv]") {
    const auto photo = dir / "photo.png";
    {
        std::unique_ptr<cairo_surface_t, decltype(&cairo_surface_destroy)> image(
            cairo_image_surface_create(CAIRO_FORMAT_RGB24, 70, 90), cairo_surface_destroy);
        std::unique_ptr<cairo_t, decltype(&cairo_destroy)> cr(cairo_create(image.get()), cairo_destroy);
        cairo_set_source_rgb(cr.get(), 0.4, 0.5, 0.6);
        cairo_paint(cr.get());
        REQUIRE(cairo_surface_write_to_png(image.get(), photo.c_str()) == CAIRO_STATUS_SUCCESS);
    }
    auto images_in = [](const std::filesystem::path& pdf) {
        const auto r = run_process({"/usr/bin/pdfimages", "-list", pdf.string()});
        REQUIRE(r.exit_code == 0);
        std::istringstream lines(r.out);
        int count = -2;  // two header lines
        for (std::string line; std::getline(lines, line);) count += line.empty() ? 0 : 1;
        return count;
    };
    CvProfile p = demo_profile();
    p.photo_path = photo.string();
    const auto without = dir / "without.pdf";
    REQUIRE(render_cv_pdf(p, catalog, KK_TEST_LOCALE_DIR, without));
    CHECK(images_in(without) == 0);
    p.include_photo = true;
    const auto with = dir / "with.pdf";
    REQUIRE(render_cv_pdf(p, catalog, KK_TEST_LOCALE_DIR, with));
    CHECK(images_in(with) == 1);
}

TEST_CASE_METHOD(Fixture, "the preview PNG has the requested width, A4 proportions and ink on it", "[cv]") {
    const auto png = dir / "preview.png";
    REQUIRE(render_cv_png(demo_profile(), catalog, KK_TEST_LOCALE_DIR, png, {.width_px = 600, .page = 0}));
    std::unique_ptr<cairo_surface_t, decltype(&cairo_surface_destroy)> image(
        cairo_image_surface_create_from_png(png.c_str()), cairo_surface_destroy);
    REQUIRE(cairo_surface_status(image.get()) == CAIRO_STATUS_SUCCESS);
    const int w = cairo_image_surface_get_width(image.get());
    const int h = cairo_image_surface_get_height(image.get());
    CHECK(w == 600);
    CHECK(h == 849);  // 600 × 297/210
    cairo_surface_flush(image.get());
    const unsigned char* data = cairo_image_surface_get_data(image.get());
    const int stride = cairo_image_surface_get_stride(image.get());
    long dark = 0;
    for (int y = 0; y < h; ++y) {
        const auto* row =
            reinterpret_cast<const std::uint32_t*>(data + static_cast<std::ptrdiff_t>(y) * stride);
        for (int x = 0; x < w; ++x) dark += (row[x] & 0xFFu) < 128u ? 1 : 0;
    }
    const double inked = static_cast<double>(dark) / (static_cast<double>(w) * h);
    CHECK(inked > 0.01);
    CHECK(inked < 0.3);
}

TEST_CASE_METHOD(Fixture, "the preview raster matches the PNG page and mirrors the Arabic companion",
                 "[cv]") {
    const kk::i18n::Messages ar(KK_TEST_LOCALE_DIR, "ar");
    const kk::i18n::Messages de(KK_TEST_LOCALE_DIR, "de");
    // Dark pixels in the left and right thirds of the middle of the page: the aside column and the start of
    // every line sit at the page's start side, left on the German page, right on the Arabic companion.
    auto ink_balance = [](const PagePixels& p) {
        long left = 0, right = 0;
        for (int y = p.height / 4; y < p.height * 3 / 4; ++y) {
            for (int x = 0; x < p.width; ++x) {
                const auto at =
                    (static_cast<size_t>(y) * static_cast<size_t>(p.width) + static_cast<size_t>(x)) * 4u;
                if (p.rgba[at] >= 128) continue;
                if (x < p.width / 3) ++left;
                if (x >= p.width * 2 / 3) ++right;
            }
        }
        return std::pair{left, right};
    };
    const PagePixels german = render_page_rgba(build_german_cv(demo_profile(), catalog, de), 0, 400);
    REQUIRE(german.error.empty());
    CHECK(german.width == 400);
    CHECK(german.height == 566);
    CHECK(german.rgba.size() == 400u * 566u * 4u);
    const PagePixels companion = render_page_rgba(build_companion(demo_profile(), catalog, ar), 0, 400);
    REQUIRE(companion.error.empty());
    const auto [de_left, de_right] = ink_balance(german);
    const auto [ar_left, ar_right] = ink_balance(companion);
    CHECK(de_left > de_right);
    CHECK(ar_right > ar_left);
    CHECK_FALSE(render_page_rgba(build_german_cv(demo_profile(), catalog, de), 9, 400).error.empty());
}

TEST_CASE_METHOD(Fixture, "failures come back as readable errors", "[cv]") {
    const RenderResult unwritable =
        render_cv_pdf(demo_profile(), catalog, KK_TEST_LOCALE_DIR, dir / "no-such-dir" / "cv.pdf");
    CHECK_FALSE(unwritable);
    CHECK(contains(unwritable.error, "no-such-dir"));
    CHECK_FALSE(std::filesystem::exists(dir / "no-such-dir" / "cv.pdf"));

    const RenderResult no_page = render_cv_png(demo_profile(), catalog, KK_TEST_LOCALE_DIR, dir / "p.png",
                                               {.width_px = 600, .page = 7, .companion = false});
    CHECK_FALSE(no_page);
    CHECK_FALSE(std::filesystem::exists(dir / "p.png"));
}

TEST_CASE_METHOD(Fixture, "jobs given in years show years, employer and country, school years, and own words beside",
                 "[cv]") {
    CvProfile p;
    p.given_names = "Amina";
    p.family_name = "Haddad";
    p.ui_lang = "ar";
    Experience resolved;  // typed in Arabic, resolved by the catalog to the bricklayer
    resolved.position = {"http://data.europa.eu/esco/occupation/05f321f8-055b-407d-bf19-e0ddabda56b7", {"بنّاء حجر", "ar"}};
    resolved.years = 6;
    resolved.employer = "Bau Haddad";
    resolved.country = "SY";
    p.experiences.push_back(resolved);
    Experience own;  // nothing in the catalog fitted: kept as typed
    own.position.own = {"Imkerin", "de"};
    own.years = 1;
    own.employer = "Honig Nord";
    own.country = "IQ";
    p.experiences.push_back(own);
    Education school;
    school.kind = "school";
    school.years = 11;
    school.country = "SY";
    p.education.push_back(school);
    Education training;
    training.kind = "vocational";
    training.recognition = Recognition::Applied;
    p.education.push_back(training);

    const auto pdf = dir / "years.pdf";
    REQUIRE(render_cv_pdf(p, catalog, KK_TEST_LOCALE_DIR, pdf));
    const std::string text = page_text(pdf, 1);
    for (const char* german : {"6 Jahre", "Maurer", "Eigene Angabe: بنّاء حجر", "Umschrift:", "Bau Haddad",
                               "Syrien", "1 Jahr", "Imkerin", "Honig Nord", "Irak", "11 Schuljahre",
                               "Schulbildung", "Berufsausbildung", "Anerkennung beantragt"}) {
        INFO(german);
        CHECK(contains(text, german));
    }
    CHECK_FALSE(contains(text, "seit"));  // no dates were given: no empty "since" period
    CHECK_FALSE(contains(text, "1 Jahre"));

    // The companion page says the same in the person's language, Arabic plural included.
    const auto both = dir / "years-companion.pdf";
    const RenderResult r = render_cv_pdf(p, catalog, KK_TEST_LOCALE_DIR, both, {.companion = true});
    REQUIRE(r);
    std::string companion;
    for (int page = 2; page <= r.pages; ++page) companion += page_text(both, page);
    CHECK(contains(companion, "سنة واحدة"));
    CHECK(contains(companion, "المدرسة"));
}
