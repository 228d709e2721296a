#pragma once
// The candidates view headless against a real store: the labour market fixture plus two candidates with
// personal data (one incomplete, Arabic UI, a formula in the name), the SQLite services, and a texture
// uploader that counts what is held.
#include <catch2/catch.hpp>
#include <cstdint>
#include <memory>

#include "db/candidates.hpp"
#include "kiosk/staff/candidates/module.hpp"
#include "kiosk/staff/candidates/sqlite_service.hpp"
#include "kiosk/staff/matches/sqlite_service.hpp"
#include "kiosk/staff/vacancies/module.hpp"
#include "kiosk/staff/vacancies/sqlite_service.hpp"
#include "tests/kiosk/staff/labour_market_fixture.hpp"
#include "tests/kiosk/staff/staff_fixture.hpp"

namespace kk::test {

// Counts textures handed out and not yet released.
class CountingUploader final : public text::TextureUploader {
public:
    ImTextureID upload(const text::Bitmap&) override {
        ++live;
        return reinterpret_cast<ImTextureID>(static_cast<std::intptr_t>(++next));
    }
    void release(ImTextureID) override { --live; }
    int live = 0;
    int next = 0;
};

inline db::CandidateRecord haddad() {
    db::CandidateRecord r;
    r.resume_code = "KK-E";
    r.status = "incomplete";
    r.ui_language = "ar";
    r.given_name = "Yusuf";
    r.family_name = "Haddad";
    r.phone = "+49 151 2345678";
    r.email = "yusuf.haddad@example.org";
    r.postcode = "34454";
    r.city = "Bad Arolsen";
    r.consent_at = "2026-11-02T09:00:00Z";
    r.consent_text_version = "v1";
    r.consent_language = "ar";
    r.experiences = {db::CandidateExperience{.occupation_code = std::nullopt,
                                             .title = "Maurer",
                                             .language = "de",
                                             .employer = "Bau Haddad",
                                             .city = "Aleppo",
                                             .country = "SY",
                                             .start_month = "2012-01",
                                             .end_month = "2021-12",
                                             .is_current = false,
                                             .description = ""}};
    r.skills = {db::CandidateSkillEntry{.skill_code = std::nullopt, .free_text = "Mauern errichten", .language = "de",
                                        .verified = false}};
    r.languages = {db::CandidateLanguageEntry{.language = "ar", .level = "native"}};
    return r;
}

// A name a spreadsheet would run as a formula: the CSV export must neutralise it.
inline db::CandidateRecord formula_name() {
    db::CandidateRecord r = labour_market_candidate("KK-F", "=HYPERLINK(\"http://x.example\")", "34497",
                                                    {catalog_skill("operate_forklift")});
    r.family_name = "Formel";
    return r;
}

struct CandidatesDesk {
    StaffFixture f;
    CountingUploader uploader;
    std::unique_ptr<staff::SqliteCandidates> service;
    std::unique_ptr<staff::SqliteMatches> matches;
    std::unique_ptr<staff::SqliteVacanciesService> vacancies;  // a match's "Stelle öffnen" goes there
    staff::CandidatesModule* module = nullptr;

    explicit CandidatesDesk(const std::string& user = "anna") {
        fill_labour_market(f.store());
        REQUIRE(db::upsert_candidate(f.store(), haddad()));
        auto formula = db::upsert_candidate(f.store(), formula_name());
        INFO(formula.error());
        REQUIRE(formula);
        auto clock = [this] { return f.now; };
        service = std::make_unique<staff::SqliteCandidates>(f.store(), KK_TEST_LOCALE_DIR, exports(), clock);
        matches = std::make_unique<staff::SqliteMatches>(f.store(), exports(), clock);
        staff::StaffServices services;
        services.candidates = service.get();
        staff::Modules modules;
        auto owned = std::make_unique<staff::CandidatesModule>(service.get(), matches.get(), uploader);
        module = owned.get();
        modules[static_cast<std::size_t>(staff::View::Candidates)] = std::move(owned);
        vacancies = std::make_unique<staff::SqliteVacanciesService>(f.store());
        services.vacancies = vacancies.get();
        modules[static_cast<std::size_t>(staff::View::Vacancies)] =
            std::make_unique<staff::VacanciesModule>(vacancies.get(), matches.get());
        f.start(services, std::move(modules));
        f.login(user, user == "admin" ? StaffFixture::kAdminPassword : StaffFixture::kStaffPassword);
        REQUIRE(staff::logged_in(f.app().state()));
        f.frame();  // the first frame after login loads the list
    }

    std::filesystem::path exports() const { return f.dir() / "exports"; }
    const staff::CandidatesState& state() { return f.app().state().candidates; }

    std::int64_t id_of(const std::string& code) {
        for (const auto& c : state().all) {
            if (c.resume_code == code) return c.id;
        }
        FAIL("no candidate " << code);
        return 0;
    }

    std::vector<std::string> shown() {
        std::vector<std::string> out;
        for (const auto* c : staff::visible_candidates(state())) out.push_back(c->resume_code);
        return out;
    }

    void open(const std::string& code) {
        f.click("candidates.row." + std::to_string(id_of(code)));
        REQUIRE(state().detail);
        f.frame();  // the preview uploads in the next frame's poll
    }

    void clear_field() {
        while (f.app().state().focus.empty() == false && !staff::field_text(f.app().state(), f.app().state().focus)->empty()) {
            f.app().apply(staff::EraseChar{});
        }
    }
};

}  // namespace kk::test
