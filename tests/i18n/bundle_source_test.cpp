#include "i18n/bundle_source.hpp"

#include <catch2/catch.hpp>

using namespace kk::i18n;

TEST_CASE("the bundle source parser reads messages, reviewed marks, and keeps other tables", "[i18n]") {
    const auto result = parse_bundle_source(
        "\xEF\xBB\xBF// a comment { with braces\n"
        "de:table {\n"
        "    welcome.title { \"W\\u00E4hlen \\\"Sie\\\"\" }\n"
        "    long.text { \"one \" \"two\" }  /* block { comment */\n"
        "    reviewed:array { \"welcome.title\", \"catalog/occ.1\", }\n"
        "    catalog {\n"
        "        occ.1 { \"Koch {x}\" }\n"
        "        nested { a { \"}\" } }\n"
        "    }\n"
        "    plain:array { \"a\", \"b\" }\n"
        "}\n");
    INFO(result.error);
    REQUIRE(result.bundle);
    const BundleSource& b = *result.bundle;
    CHECK(b.name == "de");
    REQUIRE(b.messages.size() == 2);
    CHECK(*b.find("welcome.title") == "Wählen \"Sie\"");
    CHECK(*b.find("long.text") == "one two");
    CHECK(b.find("catalog") == nullptr);
    CHECK(b.reviewed == std::set<std::string>{"welcome.title", "catalog/occ.1"});
    REQUIRE(b.other_tables.size() == 2);
    CHECK(b.other_tables[0].rfind("catalog {", 0) == 0);
    CHECK(b.other_tables[0].find("nested { a { \"}\" } }") != std::string::npos);
    CHECK(b.other_tables[1] == "plain:array { \"a\", \"b\" }");
}

TEST_CASE("written bundle sources read back the same", "[i18n]") {
    BundleSource b;
    b.name = "ar";
    b.messages = {{"b.key", "quote \" back\\slash\nnew line {n}"}, {"a.key", "نعم"}};
    b.reviewed = {"a.key"};
    b.other_tables = {"catalog {\n        x { \"y\" }\n    }"};
    const std::string text = write_bundle_source(b, {"a.key", "b.key"});
    CHECK(text.find("a.key") < text.find("b.key"));  // in the order asked for
    const auto back = parse_bundle_source(text);
    INFO(back.error);
    REQUIRE(back.bundle);
    CHECK(back.bundle->name == "ar");
    CHECK(*back.bundle->find("b.key") == b.messages[0].second);
    CHECK(*back.bundle->find("a.key") == "نعم");
    CHECK(back.bundle->reviewed == b.reviewed);
    CHECK(back.bundle->other_tables == b.other_tables);
}

TEST_CASE("broken bundle sources are refused with a line number", "[i18n]") {
    for (const char* text :
         {"de:table {\n a { \"x\" }\n", "de:table {\n a { \"x }\n}", "de:table {\n a \"x\"\n}",
          "de:table {\n a { \"x\" }\n a { \"y\" }\n}", "de:table { } trailing"}) {
        const auto r = parse_bundle_source(text);
        CHECK_FALSE(r.bundle);
        CHECK_THAT(r.error, Catch::StartsWith("line "));
    }
}
