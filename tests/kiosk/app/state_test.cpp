#include "kiosk/app/state.hpp"

#include <catch2/catch.hpp>

using namespace kk::kiosk;

TEST_CASE("selecting a language sets the session language", "[kiosk]") {
    State s;
    s = update(s, SelectLanguage{"ti"});
    CHECK(s.lang == "ti");
    CHECK(s.language_chosen);
    s = update(s, SelectLanguage{"klingon"});
    CHECK(s.lang == "ti");
}
