#pragma once
// A small labour market in a real store, written through the real db/ APIs: the shipped catalog, the demo
// region's postcodes, five vacancies of three employers (imported as CSV, skills resolved by the catalog
// resolver; one closed by a --replace import) and four candidates. The dashboard's and the vacancies view's
// tests read it back.
//
// Korbach 34497 (area 34): L-1 Lagerhelfer/in (Gabelstapler fahren, Kommissionieren | Inventur),
//   L-2 Staplerfahrer/in (Gabelstapler fahren | Ladung sichern), K-1 Reinigungskraft (Unterhaltsreinigung),
//   K-2 Glasreiniger/in — closed.
// Frankenberg 35066 (area 35): B-1 Verkäufer/in (Kasse bedienen, Kunden beraten | Gabelstapler fahren).
// Candidates: KK-A 34497 (Gabelstapler fahren, Kommissionieren), KK-B 34497 (Reinigung),
//   KK-C 35066 (Kasse bedienen), KK-D 35066 (Kasse bedienen, Kunden beraten).
#include <catch2/catch.hpp>
#include <string>

#include "db/candidates.hpp"
#include "db/catalog.hpp"
#include "db/catalog_resolver.hpp"
#include "db/csv/source.hpp"
#include "db/postcodes.hpp"
#include "db/vacancy_import.hpp"

namespace kk::test {

inline constexpr char kLabourMarketCsv[] =
    "referenz;arbeitgeber;titel;plz;ort;pflichtkenntnisse;wunschkenntnisse;deutschniveau;sprachfoerderung;"
    "fuehrerschein;arbeitszeit;beschreibung;kontakt;gueltig_bis\n"
    "L-1;Logistik Nord GmbH;Lagerhelfer/in;34497;Korbach;Gabelstapler fahren, Kommissionieren;Inventur;A2;ja;;"
    "Vollzeit;Wareneingang und Versand.;personal@logistik-nord.example;\n"
    "L-2;Logistik Nord GmbH;Staplerfahrer/in;34497;Korbach;Gabelstapler fahren;Ladung sichern;A2;ja;;Schicht;"
    "Be- und Entladen.;personal@logistik-nord.example;\n"
    "K-1;Gebäudereinigung Klar;Reinigungskraft;34497;Korbach;Unterhaltsreinigung;;A1;ja;;Teilzeit;Büros.;"
    "info@klar.example;\n"
    "K-2;Gebäudereinigung Klar;Glasreiniger/in;34497;Korbach;Fenster putzen;;A1;ja;;Teilzeit;Glasflächen.;"
    "info@klar.example;\n"
    "B-1;Bäckerei Sonne;Verkäufer/in;35066;Frankenberg (Eder);Kasse bedienen, Kunden beraten;Gabelstapler fahren;"
    "B1;nein;;Teilzeit;Verkauf an der Theke.;laden@sonne.example;\n";

// The same employer's file a week later without K-2: a --replace import closes it.
inline constexpr char kCleaningReplaceCsv[] =
    "referenz;arbeitgeber;titel;plz;ort;pflichtkenntnisse;wunschkenntnisse;deutschniveau;sprachfoerderung;"
    "fuehrerschein;arbeitszeit;beschreibung;kontakt;gueltig_bis\n"
    "K-1;Gebäudereinigung Klar;Reinigungskraft;34497;Korbach;Unterhaltsreinigung;;A1;ja;;Teilzeit;Büros.;"
    "info@klar.example;\n";

inline db::CandidateSkillEntry catalog_skill(const char* code) {
    return db::CandidateSkillEntry{.skill_code = code, .free_text = std::nullopt, .language = "de", .verified = false};
}

inline db::CandidateRecord labour_market_candidate(const char* code, const char* given, const char* postcode,
                                                   std::vector<db::CandidateSkillEntry> skills) {
    db::CandidateRecord r;
    r.resume_code = code;
    r.status = "complete";
    r.given_name = given;
    r.family_name = "Test";
    r.postcode = postcode;
    r.city = "Korbach";
    r.consent_at = "2026-11-01T09:00:00Z";
    r.consent_text_version = "v1";
    r.consent_language = "de";
    r.languages = {db::CandidateLanguageEntry{.language = "de", .level = "B1"}};
    r.skills = std::move(skills);
    r.max_commute_km = 60;
    r.car = true;
    return r;
}

inline void fill_labour_market(db::Store& store) {
    REQUIRE(db::ensure_shipped_catalog(store, KK_TEST_LOCALE_DIR));
    REQUIRE(db::ensure_demo_postcodes(store));
    auto resolver = db::CatalogResolver::from_store(store);
    REQUIRE(resolver);
    db::ImportOptions options;
    options.resolver = &*resolver;
    options.actor = "test";
    db::csv::MemorySource all(kLabourMarketCsv);
    auto first = db::import_vacancies(store, all, options);
    REQUIRE(first);
    REQUIRE(first->inserted == 5);
    options.replace = true;
    db::csv::MemorySource cleaning(kCleaningReplaceCsv);
    auto second = db::import_vacancies(store, cleaning, options);
    REQUIRE(second);
    REQUIRE(second->closed == 1);

    REQUIRE(db::upsert_candidate(store, labour_market_candidate("KK-A", "Amal", "34497",
                                                                {catalog_skill("operate_forklift"),
                                                                 catalog_skill("pick_orders")})));
    REQUIRE(db::upsert_candidate(store, labour_market_candidate("KK-B", "Bilal", "34497",
                                                                {catalog_skill("cleaning")})));
    REQUIRE(db::upsert_candidate(store, labour_market_candidate("KK-C", "Chiara", "35066",
                                                                {catalog_skill("operate_cash_register")})));
    REQUIRE(db::upsert_candidate(store, labour_market_candidate("KK-D", "Dana", "35066",
                                                                {catalog_skill("operate_cash_register"),
                                                                 catalog_skill("advise_customers")})));
}

}  // namespace kk::test
