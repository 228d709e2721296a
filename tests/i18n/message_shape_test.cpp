#include "i18n/message_shape.hpp"

#include <catch2/catch.hpp>

using namespace kk::i18n;

TEST_CASE("message shapes list arguments, kinds and selectors, nested ones too", "[i18n]") {
    const auto r =
        message_shape("{g, select, female {{n, plural, one {# a} other {# b}}} other {{name}}}", "en");
    REQUIRE(r.shape);
    CHECK(r.shape->arguments.at("g") == ArgKind::Select);
    CHECK(r.shape->arguments.at("n") == ArgKind::Plural);
    CHECK(r.shape->arguments.at("name") == ArgKind::Simple);
    CHECK(r.shape->selectors.at("g") == std::set<std::string>{"female", "other"});
    CHECK(r.shape->selectors.at("n") == std::set<std::string>{"one", "other"});
    CHECK_FALSE(message_shape("{count, plural, one {x}}", "en").shape);  // no "other"
    CHECK_FALSE(message_shape("{unclosed", "en").shape);
}

TEST_CASE("a translation must keep English's placeholders and cover its plural categories", "[i18n]") {
    const std::string en = "{count, plural, one {# skill} other {# skills}}";
    CHECK(check_translation("{count, plural, one {# Fähigkeit} other {# Fähigkeiten}}", "de", en) == "");
    CHECK_THAT(check_translation("{anzahl, plural, one {#} other {#}}", "de", en),
               Catch::Contains("placeholders"));
    CHECK_THAT(check_translation("{count} Fähigkeiten", "de", en), Catch::Contains("kind"));
    CHECK_THAT(check_translation("{count, plural, one {#} other {#}}", "ar", en), Catch::Contains("zero"));
    CHECK_THAT(check_translation("{count, plural, one {#} other {#", "de", en), Catch::Contains("parse"));
    CHECK_THAT(check_translation("{g, select, a {x} other {y}}", "de", "{g, select, a {x} b {z} other {y}}"),
               Catch::Contains("keywords"));
}
