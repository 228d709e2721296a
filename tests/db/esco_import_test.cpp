#include "db/esco_import.hpp"

#include <catch2/catch.hpp>
#include <fstream>

#include "db/catalog.hpp"
#include "db/sqlite.hpp"
#include "tests/support/temp_dir.hpp"

using namespace kk;

namespace {

namespace fs = std::filesystem;

const fs::path kEsco = fs::path(KK_TEST_SHARED_DATA_DIR) / "esco";
// Our operate_forklift skill carries this ESCO URI in db/catalog/catalog.json.
constexpr char kForkliftUri[] = "http://data.europa.eu/esco/skill/28cb374e-6261-4133-8371-f9a5470145da";

std::int64_t count(db::Store& store, const std::string& sql) {
    db::Statement s(store.connection(), sql.c_str());
    return s.step() ? s.column_int(0) : -1;
}

std::string text(db::Store& store, const std::string& sql) {
    db::Statement s(store.connection(), sql.c_str());
    return s.step() ? s.column_text(0) : std::string("<none>");
}

// Every catalog row in one string, to show that a second import changes nothing.
std::string catalog_digest(db::Store& store) {
    return text(store,
                "SELECT (SELECT count(*) || '/' || total(length(code)) || '/' || "
                "total(coalesce(broader_skill_id, 0)) || "
                "'/' || group_concat(DISTINCT skill_type) FROM skills) || '|' || "
                "(SELECT count(*) || '/' || total(length(coalesce(isco_code, ''))) || '/' || "
                "total(regulated) FROM occupations) "
                "|| '|' || (SELECT count(*) || '/' || total(length(preferred) + length(synonyms)) FROM "
                "skill_labels) || '|' || "
                "(SELECT count(*) || '/' || total(length(preferred) + length(synonyms)) FROM "
                "occupation_labels) || '|' || "
                "(SELECT count(*) || '/' || total(relation = 'essential') FROM occupation_skills)");
}

void write(const fs::path& p, const std::string& text) {
    std::ofstream(p, std::ios::binary) << text;
}

db::Store catalog_store(const fs::path& file) {
    auto store = db::Store::open(file);
    REQUIRE(store);
    REQUIRE(db::ensure_shipped_catalog(*store, KK_TEST_LOCALE_DIR));
    return std::move(*store);
}

}  // namespace

TEST_CASE("a small ESCO export split over two directories merges with our catalog by URI", "[db][esco]") {
    test::TempDir dir;
    fs::create_directories(dir / "en");
    fs::create_directories(dir / "de");
    const std::string other = "http://data.europa.eu/esco/skill/0000-other";
    const std::string narrower = "http://data.europa.eu/esco/skill/0000-narrower";
    const std::string occupation = "http://data.europa.eu/esco/occupation/0000-occ";
    write(dir / "en" / "skills_en.csv",
          "conceptType,conceptUri,skillType,reuseLevel,preferredLabel,altLabels,hiddenLabels,status\n"
          "KnowledgeSkillCompetence," +
              std::string(kForkliftUri) +
              ",skill/competence,x,operate forklift,\"forklift use\nfork truck\",,released\n"
              "KnowledgeSkillCompetence," +
              other +
              ",knowledge,x,tractor history,\"old tractors\",tractr,released\n"
              "KnowledgeSkillCompetence," +
              narrower + ",skill/competence,x,tractor museum guiding,,,released\n");
    write(dir / "en" / "occupations_en.csv",
          "conceptType,conceptUri,iscoGroup,preferredLabel,altLabels,hiddenLabels,status,"
          "regulatedProfessionNote\n"
          "Occupation," +
              occupation +
              ",8344,tractor guide,,,released,http://data.europa.eu/esco/regulated-professions/regulated\n");
    write(dir / "en" / "occupationSkillRelations_en.csv",
          "occupationUri,relationType,skillType,skillUri\n" + occupation + ",essential,knowledge," + other +
              "\n" + occupation + ",optional,skill/competence," + kForkliftUri + "\n" + occupation +
              ",essential,knowledge,http://data.europa.eu/esco/skill/unknown\n");
    const std::string group0 = "http://data.europa.eu/esco/skill/0000-group0";
    const std::string group1 = "http://data.europa.eu/esco/skill/0000-group1";
    write(dir / "en" / "broaderRelationsSkillPillar.csv",
          "conceptType,conceptUri,broaderType,broaderUri\nKnowledgeSkillCompetence," + narrower +
              ",KnowledgeSkillCompetence," + other + "\nKnowledgeSkillCompetence," + other + ",SkillGroup," +
              group1 + "\n");
    write(dir / "en" / "skillSkillRelations.csv",
          "originalSkillUri,originalSkillType,relationType,relatedSkillType,relatedSkillUri\n" + other +
              ",knowledge,optional,skill/competence," + narrower + "\n" + other +
              ",knowledge,essential,knowledge,http://data.europa.eu/esco/skill/unknown\n");
    write(dir / "de" / "transversalSkillsCollection_de.csv",
          "conceptType,conceptUri,skillType,reuseLevel,preferredLabel,status,altLabels\n"
          "KnowledgeSkillCompetence," +
              other +
              ",knowledge,x,Traktorgeschichte,released,alte Traktoren | Bulldog\n"
              "KnowledgeSkillCompetence," +
              std::string(kForkliftUri) + ",skill/competence,x,Gabelstapler bedienen,released,\n");
    write(dir / "de" / "skillsHierarchy_de.csv",
          "Level 0 URI,Level 0 preferred term,Level 1 URI,Level 1 preferred term\n" + group0 +
              ",Fahrzeuge und Maschinen,,\n" + group0 + ",Fahrzeuge und Maschinen," + group1 +
              ",Geschichte der Landtechnik\n");
    write(dir / "de" / "skillGroups_de.csv", "conceptType,conceptUri,preferredLabel\n");

    db::Store store = catalog_store(dir / "k.db");
    const std::string forklift_ar =
        text(store,
             "SELECT l.preferred FROM skill_labels l JOIN skills s ON s.id = l.skill_id "
             "WHERE s.code = 'operate_forklift' AND l.language = 'ar'");
    const std::string forklift_en_before =
        text(store,
             "SELECT l.preferred || l.synonyms FROM skill_labels l JOIN skills s ON s.id = l.skill_id "
             "WHERE s.code = 'operate_forklift' AND l.language = 'en'");

    auto report = db::import_esco(store, {dir / "en", dir / "de"});
    REQUIRE(report);
    CHECK(report->languages == std::vector<std::string>{"de", "en"});
    CHECK(report->skills_read == 3);
    CHECK(report->skills_inserted == 2);
    CHECK(report->occupations_inserted == 1);
    CHECK(report->matched_ours == 1);
    CHECK(report->relations_written == 2);
    CHECK(report->broader_set == 3);  // narrower -> other -> group1 -> group0
    CHECK(report->skill_groups_read == 2);
    CHECK(report->skill_groups_inserted == 2);
    CHECK(report->skill_relations_written == 1);
    CHECK(report->skipped_files.size() == 1);  // skillGroups_de.csv
    CHECK(text(store, "SELECT b.code FROM skills s JOIN skills b ON b.id = s.broader_skill_id WHERE s.code = '" +
                          other + "'") == group1);
    CHECK(text(store, "SELECT l.preferred FROM skill_labels l JOIN skills s ON s.id = l.skill_id WHERE s.code = '" +
                          group1 + "' AND l.language = 'de'") == "Geschichte der Landtechnik");
    CHECK(text(store, "SELECT relation FROM skill_relations r JOIN skills s ON s.id = r.skill_id "
                      "JOIN skills t ON t.id = r.related_skill_id WHERE s.code = '" +
                          other + "' AND t.code = '" + narrower + "'") == "optional");
    {
        // Groups are structure, never an answer to what a person typed.
        auto entries = db::catalog_label_entries(store);
        REQUIRE(entries);
        for (const auto& e : *entries) CHECK(e.concept_id != group1);
    }

    // Ours: code and every label we had stay; ESCO does not overwrite our English or German.
    CHECK(text(store, std::string("SELECT code FROM skills WHERE esco_uri = '") + kForkliftUri + "'") ==
          "operate_forklift");
    CHECK(text(store,
               "SELECT l.preferred FROM skill_labels l JOIN skills s ON s.id = l.skill_id "
               "WHERE s.code = 'operate_forklift' AND l.language = 'ar'") == forklift_ar);
    CHECK(text(store,
               "SELECT l.preferred || l.synonyms FROM skill_labels l JOIN skills s ON s.id = l.skill_id "
               "WHERE s.code = 'operate_forklift' AND l.language = 'en'") == forklift_en_before);
    // ESCO-only: code = URI, labels with alt and hidden labels as synonyms, German from the collection.
    CHECK(text(store,
               "SELECT synonyms FROM skill_labels l JOIN skills s ON s.id = l.skill_id WHERE s.code = '" +
                   other + "' AND l.language = 'en'") == R"(["old tractors","tractr"])");
    CHECK(text(store,
               "SELECT preferred || synonyms FROM skill_labels l JOIN skills s ON s.id = l.skill_id WHERE "
               "s.code = '" +
                   other + "' AND l.language = 'de'") == R"(Traktorgeschichte["alte Traktoren","Bulldog"])");
    CHECK(text(store,
               "SELECT b.code FROM skills s JOIN skills b ON b.id = s.broader_skill_id WHERE s.code = '" +
                   narrower + "'") == other);
    CHECK(count(store, "SELECT regulated FROM occupations WHERE code = '" + occupation + "'") == 1);
    CHECK(text(store, "SELECT isco_code FROM occupations WHERE code = '" + occupation + "'") == "8344");

    const std::string digest = catalog_digest(store);
    auto again = db::import_esco(store, {dir / "en", dir / "de"});
    REQUIRE(again);
    CHECK(again->skills_inserted + again->occupations_inserted + again->labels_inserted +
              again->labels_updated + again->relations_written + again->broader_set +
              again->concepts_updated + again->skill_groups_inserted + again->skill_relations_written ==
          0);
    CHECK(catalog_digest(store) == digest);
}

TEST_CASE("an ESCO import refuses a directory without ESCO files and changes nothing", "[db][esco]") {
    test::TempDir dir;
    fs::create_directories(dir / "empty");
    db::Store store = catalog_store(dir / "k.db");
    const std::string digest = catalog_digest(store);
    auto report = db::import_esco(store, {dir / "empty"});
    REQUIRE_FALSE(report);
    CHECK(report.error().find("no ESCO CSV file") != std::string::npos);
    CHECK_FALSE(db::import_esco(store, {dir / "missing"}));
    write(dir / "empty" / "skills_en.csv", "conceptUri,skillType\nhttp://x,knowledge\n");
    auto no_label = db::import_esco(store, {dir / "empty"});
    REQUIRE_FALSE(no_label);
    CHECK(no_label.error().find("preferredLabel") != std::string::npos);
    CHECK(catalog_digest(store) == digest);
}

TEST_CASE("the shared ESCO extract imports with its counts, idempotently, keeping our languages",
          "[db][esco][shared]") {
    if (!fs::is_directory(kEsco / "v1.1.1-en")) {
        SUCCEED("no shared ESCO data in " << kEsco.string() << "; skipped");
        return;
    }
    test::TempDir dir;
    db::Store store = catalog_store(dir / "k.db");
    const std::string forklift_ar =
        text(store,
             "SELECT l.preferred FROM skill_labels l JOIN skills s ON s.id = l.skill_id "
             "WHERE s.code = 'operate_forklift' AND l.language = 'ar'");
    const std::int64_t our_skills = count(store, "SELECT count(*) FROM skills");
    const std::vector<fs::path> dirs = {kEsco / "v1.1.1-en", kEsco / "v1.1.1-relations", kEsco / "v1.2.1-de"};

    auto report = db::import_esco(store, dirs);
    REQUIRE(report);
    CHECK(report->languages == std::vector<std::string>{"de", "en"});
    CHECK(report->occupations_read > 2900);
    CHECK(report->occupations_read < 3200);
    CHECK(report->skills_read > 13800);
    CHECK(report->skills_read < 14200);
    CHECK(report->relations_read > 120000);
    const std::int64_t esco_skills = count(store, "SELECT count(*) FROM skills WHERE code = esco_uri");
    CHECK(esco_skills + report->matched_ours >= 13800);
    CHECK(count(store, "SELECT count(*) FROM skills") > our_skills + 13000);
    CHECK(count(store, "SELECT count(*) FROM occupation_labels WHERE language = 'de'") > 2900);
    // German skill labels come from the v1.2.1 collections only (that extract has no skills_de.csv).
    const std::int64_t german_skills = count(store,
                                             "SELECT count(*) FROM skill_labels l JOIN skills s ON s.id = "
                                             "l.skill_id WHERE l.language = 'de' AND s.code = s.esco_uri "
                                             "AND s.skill_type <> 'skill group'");
    CHECK(german_skills > 2000);
    CHECK(german_skills < 2500);
    // The skill hierarchy: about 640 groups with German labels, and most ESCO skills hang below one.
    CHECK(report->skill_groups_read > 500);
    CHECK(count(store, "SELECT count(*) FROM skills WHERE skill_type = 'skill group'") == report->skill_groups_read);
    CHECK(count(store, "SELECT count(*) FROM skills WHERE code = esco_uri AND broader_skill_id IS NOT NULL") > 10000);
    CHECK(report->skill_relations_written > 5000);
    CHECK(count(store, "SELECT count(*) FROM occupation_skills") > 100000);

    // Merge by URI: our Arabic label of a skill ESCO also has survives, and the code is still ours.
    CHECK(text(store, std::string("SELECT code FROM skills WHERE esco_uri = '") + kForkliftUri + "'") ==
          "operate_forklift");
    CHECK(text(store,
               "SELECT l.preferred FROM skill_labels l JOIN skills s ON s.id = l.skill_id "
               "WHERE s.code = 'operate_forklift' AND l.language = 'ar'") == forklift_ar);

    const std::string digest = catalog_digest(store);
    auto again = db::import_esco(store, dirs);
    REQUIRE(again);
    CHECK(again->skills_inserted + again->occupations_inserted + again->labels_inserted +
              again->labels_updated + again->relations_written + again->broader_set +
              again->concepts_updated ==
          0);
    CHECK(catalog_digest(store) == digest);

    // The shipped catalog reloaded after ESCO still finds its entries by URI.
    store.connection().exec("DELETE FROM app_meta WHERE key = 'catalog_fingerprint'");
    REQUIRE(db::ensure_shipped_catalog(store, KK_TEST_LOCALE_DIR));
    CHECK(count(store, "SELECT count(*) FROM skills") ==
          count(store, "SELECT count(DISTINCT code) FROM skills"));
}
