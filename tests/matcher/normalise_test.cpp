#include "matcher/normalise.hpp"

#include <catch2/catch.hpp>

using kk::matcher::fold_for_matching;

TEST_CASE("folding makes case and compatibility forms equal", "[matcher]") {
    CHECK(fold_for_matching("Straße") == fold_for_matching("STRASSE"));
    CHECK(fold_for_matching("Schweißen") == "schweissen");
    CHECK(fold_for_matching("ＣＮＣ") == "cnc");          // full-width letters
    CHECK(fold_for_matching("Ｅｌｅｋｔｒｉｋ") == "elektrik");
    CHECK(fold_for_matching("Маляр") == "маляр");
}

TEST_CASE("folding keeps text of scripts without case", "[matcher]") {
    CHECK(fold_for_matching("نجار") == "نجار");
    CHECK(fold_for_matching("") == "");
}
