#pragma once
// Staff mode, the employer CSV upload: a file dropped or typed, a dry run with a preview of rejected rows, confirm,
// the import with a progress bar, the report.
// Pure: no ImGui, no I/O.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "db/vacancy_import.hpp"

namespace kk::staff {

// The text field for a typed path.
inline constexpr char kUploadPathField[] = "upload.path";

// Where the upload is: nothing chosen; the dry run running; its result shown (confirm possible); the import
// running; the import's report shown; the file could not be opened (message in UploadState::open_error).
enum class UploadPhase { idle, checking, checked, importing, imported, failed };

// Why a chosen file cannot be read at all (shown in German from the staff bundle).
enum class UploadOpenError { none, not_found, not_a_file, unreadable };

struct PreviewRow {
    std::uint64_t line = 0;              // physical line where the row starts, as the import reports it
    std::vector<std::string> cells;      // one per UploadPreview::columns, shortened for the table
    std::vector<db::Problem> problems;   // the dry run's rejections of this row (empty: accepted)
};

// The first rows of a file, read with the import's own CSV reader and header mapping.
struct UploadPreview {
    std::string encoding;                 // e.g. "Windows-1252"
    char delimiter = '\0';
    std::vector<std::string> columns;     // the file's header cells the import knows, in file order
    std::vector<PreviewRow> rows;
    bool more_rows = false;               // the file has rows after the ones shown
};

// What a dry run or an import ended with: a report, or an internal error (database not writable).
struct UploadOutcome {
    std::optional<db::ImportReport> report;
    std::string internal_error;  // English, technical; shown under a German headline
};

struct UploadState {
    std::string path_text;                  // the "upload.path" field
    bool replace = false;                   // --replace: a full list of the employers' vacancies
    bool strict = false;                    // --strict: import only when no row is rejected
    UploadPhase phase = UploadPhase::idle;
    std::filesystem::path file;             // the file chosen last
    std::uint64_t job = 0;                  // which run answers belong to; a newer run makes older answers stale
    UploadOpenError open_error = UploadOpenError::none;
    UploadPreview preview;
    std::optional<UploadOutcome> dry_run;   // the check of `file` with the current options
    std::optional<UploadOutcome> import;    // the real import's result; stays until another file is chosen
    double progress = 0.0;                  // of the run in progress: bytes read / file size, 0..1
};

// A file dropped on the window or typed: starts its preview and dry run (also while one runs: that one is dropped).
struct ChooseFile {
    std::filesystem::path path;
};
// "Prüfen": the typed path.
struct CheckTypedPath {};
struct ToggleReplace {};
struct ToggleStrict {};
// "Importieren": after a dry run without file-level errors.
struct ConfirmImport {};
// Outcomes of effects and of the background run of `job`.
struct PreviewRead {
    std::uint64_t job = 0;
    UploadOpenError error = UploadOpenError::none;
    UploadPreview preview;
};
struct UploadProgress {
    std::uint64_t job = 0;
    double fraction = 0.0;
};
struct UploadFinished {
    std::uint64_t job = 0;
    UploadOutcome outcome;
};

using UploadAction = std::variant<ChooseFile, CheckTypedPath, ToggleReplace, ToggleStrict, ConfirmImport, PreviewRead,
                                  UploadProgress, UploadFinished>;

UploadState update(UploadState state, const UploadAction& action);

// The text of this view's field `id` ("upload.<name>"), or nullptr when it has none of that id.
std::string* text_field(UploadState& state, std::string_view id);

// True while a dry run or an import runs in the background.
bool upload_running(const UploadState& state);

// True when "Importieren" may be pressed: a finished dry run of the current options without file-level errors.
bool can_confirm(const UploadState& state);

// Attaches each rejection of `report` to the preview row that starts on its line. O(rows + rejections).
void attach_rejections(UploadPreview& preview, const db::ImportReport& report);

}  // namespace kk::staff
