#include "i18n/messages.hpp"

#include <catch2/catch.hpp>

#include "i18n/languages.hpp"

using namespace kk::i18n;

TEST_CASE("tr returns the message of the session language", "[i18n]") {
    set_process_default_locale("en");
    const Messages de(KK_TEST_LOCALE_DIR, "de");
    CHECK(de.tr("welcome.title") == "Wählen Sie Ihre Sprache");
    CHECK(de.lookup("welcome.title") == Lookup::Found);
    const Messages ar(KK_TEST_LOCALE_DIR, "ar");
    CHECK(ar.tr("welcome.title") == "اختر لغتك");
}

TEST_CASE("tr falls back to English, then to the key", "[i18n]") {
    set_process_default_locale("en");
    const Messages xx(KK_TEST_LOCALE_DIR, "sw");  // no bundle: root (English) answers
    CHECK(xx.lookup("welcome.title") == Lookup::FellBackToRoot);
    CHECK(xx.tr("welcome.title") == "Choose your language");
    const Messages de(KK_TEST_LOCALE_DIR, "de");
    CHECK(de.lookup("no.such.key") == Lookup::MissingKey);
    CHECK(de.tr("no.such.key") == "no.such.key");
}
