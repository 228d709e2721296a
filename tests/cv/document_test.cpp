#include "cv/document.hpp"

#include <catch2/catch.hpp>

#include <algorithm>

#include "cv/demo_profile.hpp"
#include "i18n/languages.hpp"

using namespace kk::cv;

namespace {

const Section* find_section(const Document& d, const std::string& title) {
    for (const auto& s : d.sections) {
        if (s.title == title) return &s;
    }
    return nullptr;
}

const Entry* find_entry(const Section& s, const std::string& aside) {
    for (const auto& e : s.entries) {
        if (e.aside == aside) return &e;
    }
    return nullptr;
}

bool has_line(const Entry& e, const std::string& text) {
    return std::any_of(e.lines.begin(), e.lines.end(), [&](const Line& l) { return l.text == text; });
}

bool mentions(const Document& d, const std::string& needle) {
    for (const auto& s : d.sections) {
        for (const auto& e : s.entries) {
            if (e.aside.find(needle) != std::string::npos) return true;
            for (const auto& l : e.lines) {
                if (l.text.find(needle) != std::string::npos) return true;
            }
        }
    }
    return false;
}

struct Fixture {
    Fixture() { kk::i18n::set_process_default_locale("en"); }
    kk::i18n::Messages de{KK_TEST_LOCALE_DIR, "de"};
    kk::i18n::Messages ar{KK_TEST_LOCALE_DIR, "ar"};
    InMemoryLabels catalog = demo_catalog();
};

}  // namespace

TEST_CASE_METHOD(Fixture, "the German CV has the German sections in the usual order", "[cv]") {
    const Document d = build_german_cv(demo_profile(), catalog, de);
    std::vector<std::string> titles;
    for (const auto& s : d.sections) titles.push_back(s.title);
    CHECK(titles == std::vector<std::string>{"Persönliche Daten", "Berufserfahrung",
                                             "Schul- und Berufsausbildung", "Sprachkenntnisse",
                                             "Kenntnisse und Fähigkeiten", "Führerschein",
                                             "Mobilität und Verfügbarkeit"});
    CHECK(d.heading == "Lebenslauf");
    CHECK(d.name == "Yusuf Haddad");
    CHECK_FALSE(d.rtl);
    CHECK(d.closing == "Anklam, 21.11.2026");
    CHECK(d.page_label == "Seite {page} von {pages}");
}

TEST_CASE_METHOD(Fixture, "work experience is reverse chronological with German periods", "[cv]") {
    const Document d = build_german_cv(demo_profile(), catalog, de);
    const Section* s = find_section(d, "Berufserfahrung");
    REQUIRE(s);
    REQUIRE(s->entries.size() == 3);
    CHECK(s->entries[0].aside == "seit 09/2023");
    CHECK(s->entries[1].aside == "03/2016 – 12/2022");
    CHECK(s->entries[2].aside == "06/2012 – 02/2016");
    CHECK(s->entries[0].lines[0].text == "Fliesenleger");
    CHECK(s->entries[0].lines[0].style == LineStyle::Strong);
    CHECK(has_line(s->entries[0], "Fliesen Krüger GmbH, Anklam, Deutschland"));
    CHECK(s->entries[1].lines[0].text == "Maurer");
}

TEST_CASE_METHOD(Fixture, "own words in Arabic stay and get a transliteration marked as own words", "[cv]") {
    const Document d = build_german_cv(demo_profile(), catalog, de);
    const Entry& helper = find_section(d, "Berufserfahrung")->entries[2];
    REQUIRE(helper.lines.size() >= 2);
    CHECK(helper.lines[0].text == "مساعد بناء");
    CHECK(helper.lines[1].style == LineStyle::Note);
    CHECK(helper.lines[1].text.rfind("Umschrift: ", 0) == 0);
    CHECK(helper.lines[1].text.find("(eigene Angabe)") != std::string::npos);
    // A place typed in Arabic shows Latin first for the German reader.
    CHECK(has_line(helper, "hms (حمص), Syrien"));
}

TEST_CASE_METHOD(Fixture, "languages use the German CEFR wording, mother tongue first", "[cv]") {
    const Document d = build_german_cv(demo_profile(), catalog, de);
    const Section* s = find_section(d, "Sprachkenntnisse");
    REQUIRE(s);
    REQUIRE(s->entries.size() == 3);
    CHECK(s->entries[0].aside == "Arabisch");
    CHECK(s->entries[0].lines[0].text == "Muttersprache");
    CHECK(s->entries[1].aside == "Deutsch");
    CHECK(s->entries[1].lines[0].text == "gute Kenntnisse (B1)");
    CHECK(s->entries[2].lines[0].text == "Grundkenntnisse (A2)");
}

TEST_CASE_METHOD(Fixture, "skills appear by German label, grouped by category, verified ones marked",
                 "[cv]") {
    const Document d = build_german_cv(demo_profile(), catalog, de);
    const Section* s = find_section(d, "Kenntnisse und Fähigkeiten");
    REQUIRE(s);
    const Entry* construction = find_entry(*s, "Bau und Ausbau");
    REQUIRE(construction);
    CHECK(construction->lines[0].text ==
          "Mauerwerk erstellen, Fliesen verlegen (nachgewiesen), Baupläne lesen, Putzarbeiten ausführen");
    const Entry* safety = find_entry(*s, "Arbeitssicherheit");
    REQUIRE(safety);
    CHECK(safety->lines[0].text == "Sicherheitsregeln auf der Baustelle einhalten (nachgewiesen)");
    const Entry* own = find_entry(*s, "Eigene Angaben");
    REQUIRE(own);
    CHECK(own->lines[0].text == "تركيب الحجر الطبيعي");
}

TEST_CASE_METHOD(Fixture, "education shows the state of recognition", "[cv]") {
    CvProfile p = demo_profile();
    const Document applied = build_german_cv(p, catalog, de);
    CHECK(
        has_line(find_section(applied, "Schul- und Berufsausbildung")->entries[0], "Anerkennung beantragt"));
    p.education[0].recognition = Recognition::Recognised;
    CHECK(mentions(build_german_cv(p, catalog, de), "in Deutschland anerkannt"));
    p.education[0].recognition = Recognition::NotGiven;
    CHECK_FALSE(mentions(build_german_cv(p, catalog, de), "anerkannt"));
}

TEST_CASE_METHOD(Fixture, "a foreign driving licence is noted as such", "[cv]") {
    CvProfile p = demo_profile();
    p.licence_classes = {"B", "C1E"};
    const Document d = build_german_cv(p, catalog, de);
    const Entry& e = find_section(d, "Führerschein")->entries[0];
    CHECK(e.lines[0].text == "B, C1E");
    CHECK(has_line(e, "ausländischer Führerschein, noch nicht umgeschrieben"));
    p.licence_foreign_only = false;
    CHECK(build_german_cv(p, catalog, de).sections.size() == d.sections.size());
    CHECK_FALSE(mentions(build_german_cv(p, catalog, de), "ausländischer"));
    p.licence_classes.clear();
    CHECK(find_section(build_german_cv(p, catalog, de), "Führerschein") == nullptr);
}

TEST_CASE_METHOD(Fixture, "birth date and nationality appear only when the person chose them", "[cv]") {
    CvProfile p = demo_profile();
    const Document by_default = build_german_cv(p, catalog, de);
    CHECK_FALSE(mentions(by_default, "Geburtsdatum"));
    CHECK_FALSE(mentions(by_default, "17.04.1991"));
    CHECK_FALSE(mentions(by_default, "Staatsangehörigkeit"));
    CHECK(by_default.photo_path.empty());

    p.include_birth_date = true;
    p.include_nationality = true;
    const Document chosen = build_german_cv(p, catalog, de);
    const Section* personal = find_section(chosen, "Persönliche Daten");
    REQUIRE(personal);
    REQUIRE(find_entry(*personal, "Geburtsdatum"));
    CHECK(find_entry(*personal, "Geburtsdatum")->lines[0].text == "17.04.1991");
    REQUIRE(find_entry(*personal, "Staatsangehörigkeit"));
    CHECK(find_entry(*personal, "Staatsangehörigkeit")->lines[0].text == "Syrien");
}

TEST_CASE_METHOD(Fixture, "the companion page has the same content in Arabic, mirrored", "[cv]") {
    const Document d = build_companion(demo_profile(), catalog, ar);
    CHECK(d.rtl);
    CHECK(d.lang == "ar");
    CHECK_FALSE(d.intro.empty());
    REQUIRE(find_section(d, "الخبرة المهنية"));
    CHECK(find_section(d, "الخبرة المهنية")->entries[0].lines[0].text == "مبلّط");
    CHECK(find_section(d, "الخبرة المهنية")->entries[0].aside == "منذ 09/2023");
    REQUIRE(find_section(d, "المعارف والمهارات"));
    CHECK(mentions(d, "تركيب البلاط (مُثبتة)"));
    CHECK(mentions(d, "سوريا"));
    CHECK_FALSE(mentions(d, "Umschrift"));
    CHECK_FALSE(mentions(d, "Berufserfahrung"));
    CHECK(d.sections.size() == build_german_cv(demo_profile(), catalog, de).sections.size());
}

TEST_CASE_METHOD(Fixture, "a catalog label missing in the UI language falls back to German", "[cv]") {
    InMemoryLabels only_german;
    only_german.add_label("skill:x", "de", "Estrich verlegen");
    CvProfile p = demo_profile();
    p.skills = {{.term = {.catalog_id = "skill:x", .own = {}}, .verified = false}};
    CHECK(mentions(build_companion(p, only_german, ar), "Estrich verlegen"));
}
