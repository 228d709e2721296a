#include "kiosk/staff/upload/sqlite_service.hpp"

#include <system_error>

#include "db/catalog_resolver.hpp"
#include "db/vacancy_import.hpp"
#include "kiosk/staff/upload/counting_source.hpp"
#include "kiosk/staff/upload/preview.hpp"

namespace kk::staff {

PreviewRead SqliteUpload::read_preview(const std::filesystem::path& file, std::size_t max_rows) {
    PreviewRead answer;
    std::error_code ec;
    const auto status = std::filesystem::status(file, ec);
    if (!std::filesystem::exists(status)) {
        answer.error = UploadOpenError::not_found;
        return answer;
    }
    if (!std::filesystem::is_regular_file(status)) {
        answer.error = UploadOpenError::not_a_file;
        return answer;
    }
    std::string error;
    auto source = db::csv::FileSource::open(file, error);
    if (!source) {
        answer.error = UploadOpenError::unreadable;
        return answer;
    }
    answer.preview = read_upload_preview(*source, max_rows);
    return answer;
}

UploadOutcome SqliteUpload::run_import(const std::filesystem::path& file, const UploadRun& run, UploadCounter& counter,
                                       std::stop_token stop) {
    UploadOutcome outcome;
    std::error_code ec;
    const auto size = std::filesystem::file_size(file, ec);
    counter.total.store(ec ? 0 : size);
    auto store = db::Store::open(database_);
    if (!store) {
        outcome.internal_error = store.error();
        return outcome;
    }
    // The same resolver as `kioskctl import-vacancies`: without a catalog, skills stay text only.
    auto resolver = db::CatalogResolver::from_store(*store);
    const db::ImportOptions options{.dry_run = run.dry_run,
                                    .strict = run.strict,
                                    .replace = run.replace,
                                    .resolver = resolver ? &*resolver : nullptr,
                                    .actor = run.actor};
    std::string error;
    auto file_source = db::csv::FileSource::open(file, error);
    if (!file_source) {  // gone since the preview: the import's own report says why, in German and English
        auto report = db::import_vacancies(*store, file, options);
        if (report) {
            outcome.report = std::move(*report);
        } else {
            outcome.internal_error = report.error();
        }
        return outcome;
    }
    CountingSource source(*file_source, counter.consumed, std::move(stop));
    auto report = db::import_vacancies(*store, source, options);
    if (report) {
        outcome.report = std::move(*report);
    } else {
        outcome.internal_error = report.error();
    }
    return outcome;
}

}  // namespace kk::staff
