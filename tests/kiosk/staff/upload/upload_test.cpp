// The employer CSV upload, headless against a real SQLite file and real CSV files: a dropped file's dry run and
// preview, confirm and the background import, the options, unreadable files, the progress of the worker.
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <thread>

#include "db/audit.hpp"
#include "db/sqlite.hpp"
#include "db/vacancy_import.hpp"
#include "kiosk/staff/upload/module.hpp"
#include "kiosk/staff/upload/preview.hpp"
#include "kiosk/staff/upload/sqlite_service.hpp"
#include "tests/kiosk/staff/staff_fixture.hpp"
#include "tests/support/files.hpp"

using namespace kk;

namespace {

std::filesystem::path fixture(const char* name) {
    return std::filesystem::path(KK_TEST_SOURCE_DIR) / "tests" / "fixtures" / "csv" / name;
}

std::int64_t count_vacancies(db::Store& store) {
    static constexpr char kCountSql[] = "SELECT COUNT(*) FROM vacancies";
    db::Statement count(store.connection(), kCountSql);
    REQUIRE(count.step());
    return count.column_int(0);
}

// Staff mode with the upload view over the fixture's database, "anna" logged in.
class UploadFixture {
public:
    UploadFixture() {
        service_ = std::make_unique<staff::SqliteUpload>(f.database());
        staff::Modules modules;
        modules[static_cast<std::size_t>(staff::View::Upload)] = std::make_unique<staff::UploadModule>(service_.get());
        staff::StaffServices services;
        services.upload = service_.get();
        f.start(services, std::move(modules));
        f.login("anna", test::StaffFixture::kStaffPassword);
        REQUIRE(staff::logged_in(f.app().state()));
    }

    const staff::UploadState& upload() { return f.app().state().upload; }

    // Draws frames until the background run has finished; returns every progress value the frames showed.
    std::vector<double> finish() {
        std::vector<double> shown;
        for (int i = 0; i < 20000 && staff::upload_running(upload()); ++i) {
            f.frame();
            shown.push_back(upload().progress);
            if (staff::upload_running(upload())) std::this_thread::sleep_for(std::chrono::milliseconds(1));
        }
        REQUIRE_FALSE(staff::upload_running(upload()));
        f.frame();
        return shown;
    }

    void drop(const std::filesystem::path& file) {
        f.app().apply(staff::FilesDropped{{file}});
        finish();
    }

private:
    std::unique_ptr<staff::SqliteUpload> service_;  // declared before f: the app (and its worker) goes first

public:
    test::StaffFixture f;
};

// The counts of a reference import of `file` into a fresh database, the way kioskctl runs it.
db::ImportReport reference_import(const std::filesystem::path& dir, const std::filesystem::path& file,
                                  db::ImportOptions options) {
    auto store = db::Store::open(dir / "reference.db");
    REQUIRE(store);
    auto report = db::import_vacancies(*store, file, options);
    REQUIRE(report);
    return *report;
}

}  // namespace

TEST_CASE("a dropped CSV is checked in a dry run: preview with the rejected row, its line and reason, nothing written",
          "[staff][upload][ui]") {
    UploadFixture u;
    u.drop(fixture("quoted_newlines.csv"));
    const staff::UploadState& upload = u.upload();
    CHECK(u.f.app().state().view == staff::View::Upload);
    REQUIRE(upload.phase == staff::UploadPhase::checked);
    REQUIRE(upload.dry_run);
    REQUIRE(upload.dry_run->report);
    const db::ImportReport& report = *upload.dry_run->report;
    CHECK(report.dry_run);
    CHECK(report.read == 3);
    CHECK(report.inserted == 2);
    CHECK(report.rejected == 1);
    CHECK(count_vacancies(u.f.store()) == 0);

    REQUIRE(upload.preview.rows.size() == 3);
    CHECK(upload.preview.columns.front() == "referenz");
    // Quoted line breaks count: Q-2 starts on line 5, Q-3 on line 7.
    CHECK(upload.preview.rows[1].line == 5);
    const staff::PreviewRow& rejected = upload.preview.rows[2];
    CHECK(rejected.line == 7);
    CHECK(rejected.cells.front() == "Q-3");
    REQUIRE(rejected.problems.size() == 1);
    CHECK(rejected.problems.front().column == "plz");
    CHECK(rejected.problems.front().reason_de == report.rejections.front().problem.reason_de);
    CHECK(report.rejections.front().line == 7);
    CHECK(upload.preview.rows[0].problems.empty());
    CHECK(upload.preview.rows[0].cells.at(11) == "Zeile eins Zeile zwei Zeile drei");
    CHECK(u.f.has_target("upload.confirm"));
}

TEST_CASE("confirming imports on the worker, the report matches import_vacancies and is audited with the staff user",
          "[staff][upload][ui]") {
    UploadFixture u;
    const auto file = fixture("invalid_rows.csv");
    u.drop(file);
    REQUIRE(u.upload().phase == staff::UploadPhase::checked);
    u.f.click("upload.confirm");
    u.finish();
    REQUIRE(u.upload().phase == staff::UploadPhase::imported);
    REQUIRE(u.upload().import);
    REQUIRE(u.upload().import->report);
    const db::ImportReport& report = *u.upload().import->report;
    const db::ImportReport expected = reference_import(u.f.dir(), file, {.actor = "kioskctl"});
    CHECK(report.committed);
    CHECK_FALSE(report.dry_run);
    CHECK(report.read == expected.read);
    CHECK(report.inserted == expected.inserted);
    CHECK(report.updated == expected.updated);
    CHECK(report.unchanged == expected.unchanged);
    CHECK(report.rejected == expected.rejected);
    CHECK(report.rejections.size() == expected.rejections.size());
    CHECK(report.inserted > 0);
    CHECK(report.rejected > 0);
    CHECK(count_vacancies(u.f.store()) == static_cast<std::int64_t>(expected.inserted));
    // Every rejection is on the table: in the preview, or listed after it.
    std::size_t shown = 0;
    for (const auto& row : u.upload().preview.rows) shown += row.problems.size();
    CHECK(shown == report.rejections.size());

    const auto audit = db::read_audit(u.f.store());
    REQUIRE(audit);
    CHECK(std::any_of(audit->begin(), audit->end(), [](const db::AuditEntry& e) {
        return e.action == "vacancies.import" && e.actor == "anna";
    }));
    // The report stays: more frames, same report; the next file replaces it.
    u.f.frame();
    CHECK(u.upload().import);
    u.drop(fixture("quoted_newlines.csv"));
    CHECK_FALSE(u.upload().import);
}

TEST_CASE("a Windows-1252 file shows its umlauts in the preview", "[staff][upload][ui]") {
    UploadFixture u;
    u.drop(fixture("win1252_semicolon.csv"));
    const staff::UploadState& upload = u.upload();
    REQUIRE(upload.phase == staff::UploadPhase::checked);
    CHECK(upload.preview.encoding == "Windows-1252");
    CHECK(upload.preview.delimiter == ';');
    CHECK(std::find(upload.preview.columns.begin(), upload.preview.columns.end(), "Sprachförderung") !=
          upload.preview.columns.end());
    REQUIRE_FALSE(upload.preview.rows.empty());
    CHECK(upload.preview.rows[0].cells.at(1) == "Bäckerei Müller");
    CHECK(upload.preview.rows.back().cells.at(1) == "Maßwerk GmbH");
    REQUIRE(upload.dry_run->report);
    CHECK(upload.dry_run->report->encoding == upload.preview.encoding);
}

TEST_CASE("a missing file, a folder and an unreadable file get a clear German message", "[staff][upload][ui]") {
    UploadFixture u;
    const auto missing = u.f.dir() / "gibt-es-nicht.csv";
    // Typed into the field and checked with the button, as staff do without drag and drop.
    u.f.click("tab.upload");
    u.f.click(staff::kUploadPathField);
    u.f.type(missing.string());
    u.f.click("upload.check");
    CHECK(u.upload().phase == staff::UploadPhase::failed);
    CHECK(u.upload().open_error == staff::UploadOpenError::not_found);
    const std::string text = u.f.app().messages().tr("staff.upload.error.not_found", {{"file", missing.string()}});
    CHECK(text.find("gibt es nicht") != std::string::npos);
    CHECK(text.find(missing.string()) != std::string::npos);
    CHECK_FALSE(u.f.has_target("upload.confirm"));

    u.drop(u.f.dir());
    CHECK(u.upload().open_error == staff::UploadOpenError::not_a_file);

    if (::geteuid() != 0) {  // root reads any file
        const auto locked = test::write_file(u.f.dir() / "gesperrt.csv", "referenz;arbeitgeber\n");
        std::filesystem::permissions(locked, std::filesystem::perms::none);
        u.drop(locked);
        CHECK(u.upload().open_error == staff::UploadOpenError::unreadable);
    }

    // A file with bytes that are not text: the import's own German reason with the byte offset.
    u.drop(fixture("invalid_bytes.csv"));
    REQUIRE(u.upload().dry_run);
    REQUIRE(u.upload().dry_run->report);
    REQUIRE_FALSE(u.upload().dry_run->report->file_errors.empty());
    CHECK(u.upload().dry_run->report->file_errors.front().reason_de.find("Byte") != std::string::npos);
    CHECK_FALSE(u.f.has_target("upload.confirm"));
}

TEST_CASE("with --strict a file with a rejected row imports nothing", "[staff][upload][ui]") {
    UploadFixture u;
    u.drop(fixture("quoted_newlines.csv"));
    u.f.click("upload.strict");
    CHECK(u.upload().strict);
    u.finish();  // the dry run again, with the new option
    REQUIRE(u.upload().phase == staff::UploadPhase::checked);
    u.f.click("upload.confirm");
    u.finish();
    REQUIRE(u.upload().import);
    REQUIRE(u.upload().import->report);
    const db::ImportReport& report = *u.upload().import->report;
    CHECK_FALSE(report.committed);
    CHECK(report.rejected == 1);
    CHECK(report.inserted == 0);
    CHECK(db::import_exit_code(report) == 2);
    CHECK(count_vacancies(u.f.store()) == 0);
}

TEST_CASE("the import's progress climbs to 1.0 and the worker finishes", "[staff][upload][ui]") {
    UploadFixture u;
    std::string csv = "referenz;arbeitgeber;titel;plz;pflichtkenntnisse\n";
    constexpr int kRows = 20000;
    for (int i = 0; i < kRows; ++i) {
        csv += "R-" + std::to_string(i) + ";Gärtnerei Grün;Gärtner/in;18055;Pflanzen pflegen, Gießen\n";
    }
    const auto file = test::write_file(u.f.dir() / "gross.csv", csv);
    u.drop(file);
    REQUIRE(u.upload().phase == staff::UploadPhase::checked);
    CHECK(u.upload().preview.rows.size() == staff::kUploadPreviewRows);
    CHECK(u.upload().preview.more_rows);
    u.f.click("upload.confirm");
    const std::vector<double> shown = u.finish();
    CHECK(std::is_sorted(shown.begin(), shown.end()));
    CHECK(u.upload().progress == 1.0);
    REQUIRE(u.upload().import->report);
    CHECK(u.upload().import->report->inserted == kRows);
    CHECK(count_vacancies(u.f.store()) == kRows);
}

TEST_CASE("preview cells are one line and cut at a character boundary", "[staff][upload]") {
    CHECK(staff::preview_cell("a\nb\tc") == "a b c");
    const std::string cut = staff::preview_cell("äöüß", 2);
    CHECK(cut == "äö\u2026");
}

TEST_CASE("answers of an older run are ignored", "[staff][upload]") {
    staff::UploadState state;
    state = staff::update(state, staff::ChooseFile{"/tmp/a.csv"});
    const std::uint64_t first = state.job;
    state = staff::update(state, staff::ChooseFile{"/tmp/b.csv"});
    state = staff::update(state, staff::UploadFinished{first, staff::UploadOutcome{.report = db::ImportReport{}, .internal_error = {}}});
    CHECK(state.phase == staff::UploadPhase::checking);
    CHECK_FALSE(state.dry_run);
    state = staff::update(state, staff::UploadFinished{state.job, staff::UploadOutcome{.report = db::ImportReport{}, .internal_error = {}}});
    CHECK(state.phase == staff::UploadPhase::checked);
    CHECK(staff::can_confirm(state));
}

TEST_CASE("a worker destroyed mid-import (the app closing) leaves the database as before or after, never half",
          "[staff][upload]") {
    test::StaffFixture f;
    std::string csv = "referenz;arbeitgeber;titel;plz;pflichtkenntnisse\n";
    constexpr int kRows = 100000;
    for (int i = 0; i < kRows; ++i) csv += "R-" + std::to_string(i) + ";Gärtnerei Grün;Gärtner/in;18055;Gießen\n";
    const auto file = test::write_file(f.dir() / "gross.csv", csv);
    staff::SqliteUpload service(f.database());
    {
        staff::UploadWorker worker(service, 1, file, staff::UploadRun{.dry_run = false, .strict = false, .replace = false, .actor = "anna"});
        // The worker's destructor asks the run to stop and waits for it.
    }
    const std::int64_t count = count_vacancies(f.store());
    CHECK((count == 0 || count == kRows));
    static constexpr char kIntegritySql[] = "PRAGMA integrity_check";
    db::Statement integrity(f.store().connection(), kIntegritySql);
    REQUIRE(integrity.step());
    CHECK(integrity.column_text(0) == "ok");
}
