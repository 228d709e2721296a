// Resolution over the real ESCO labels (English skills, German skill collections) from the shared data.
#include "matcher/skill_index.hpp"
#include "tests/support/esco_labels.hpp"

#include <catch2/catch.hpp>

using namespace kk::matcher;

namespace {

const std::filesystem::path kEscoDir = std::filesystem::path(KK_TEST_SHARED_DATA_DIR) / "esco";
const std::string kSkill = "http://data.europa.eu/esco/skill/";

const SkillIndex& esco_index() {
    static const SkillIndex built(kk::test::load_esco_labels(kEscoDir, false));
    return built;
}

}  // namespace

TEST_CASE("the CSV reader follows RFC 4180", "[matcher]") {
    const auto rows = kk::test::parse_csv("a,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\nlast,,\n");
    REQUIRE(rows.size() == 3);
    CHECK(rows[1] == std::vector<std::string>{"x, y", "say \"hi\"", "two\nlines"});
    CHECK(rows[2] == std::vector<std::string>{"last", "", ""});
}

TEST_CASE("misspelt ESCO labels resolve to their skill at rank 1", "[matcher][esco]") {
    REQUIRE(std::filesystem::exists(kEscoDir / "v1.1.1-en" / "skills_en.csv"));
    const SkillIndex& index = esco_index();
    REQUIRE(index.concept_count() > 13000);

    for (const auto& [text, lang, expected] : std::vector<std::tuple<const char*, const char*, std::string>>{
             {"operate forklift", "en", kSkill + "28cb374e-6261-4133-8371-f9a5470145da"},
             {"operate forklfit", "en", kSkill + "28cb374e-6261-4133-8371-f9a5470145da"},
             {"drive a forklift", "en", kSkill + "28cb374e-6261-4133-8371-f9a5470145da"},
             {"welding technques", "en", kSkill + "530cb489-d900-46ab-9350-4d50ccd49eea"},
             {"manage musical staf", "en", kSkill + "0005c151-5b5a-4a66-8aac-60e734beb1ab"},
             {"supervise corectional procedures", "en", kSkill + "00064735-8fad-454b-90c7-ed858cc993f2"},
             {"Tabellenkalkulationsprogramme verwenden", "de", kSkill + "1973c966-f236-40c9-b2d4-5d71a89019be"},
             {"Tabellenkalkulationsprogrme verwenden", "de", kSkill + "1973c966-f236-40c9-b2d4-5d71a89019be"},
             {"Tabellenkalkulations-Programme verwenden", "de", kSkill + "1973c966-f236-40c9-b2d4-5d71a89019be"},
             {"inkrementelle entwicklung", "de", kSkill + "00c04e40-35ea-4ed1-824c-82f936c8f876"},
         }) {
        INFO(text << " [" << lang << "]");
        const auto results = index.resolve(text, lang);
        REQUIRE_FALSE(results.empty());
        CHECK(results.front().concept_id == expected);
    }
}

TEST_CASE("nonsense finds nothing even among all ESCO skills", "[matcher][esco]") {
    const SkillIndex& index = esco_index();
    CHECK(index.resolve("xqzvbnm qwrtzp", "en").empty());
    CHECK(index.resolve("blorf", "de").empty());
}

TEST_CASE("autocomplete over ESCO completes a typed prefix", "[matcher][esco]") {
    const SkillIndex& index = esco_index();
    const auto suggestions = index.autocomplete("operate forkl", "en");
    REQUIRE_FALSE(suggestions.empty());
    CHECK(suggestions.front().concept_id == kSkill + "28cb374e-6261-4133-8371-f9a5470145da");
    const auto german = index.autocomplete("Tabellenkalkulationsprog", "de");
    REQUIRE_FALSE(german.empty());
    CHECK(german.front().concept_id == kSkill + "1973c966-f236-40c9-b2d4-5d71a89019be");
    CHECK(german.front().german_label == "Tabellenkalkulationsprogramme verwenden");
}
