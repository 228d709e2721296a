#include "kiosk/staff/upload/state.hpp"

#include <algorithm>
#include <unordered_map>

namespace kk::staff {
namespace {

template <class... F>
struct Overloaded : F... {
    using F::operator()...;
};

// A typed path as a file manager pastes it: surrounding spaces and quotes, maybe a file:// prefix.
std::string clean_typed_path(std::string_view text) {
    constexpr std::string_view kSpace = " \t\r\n";
    const auto first = text.find_first_not_of(kSpace);
    if (first == std::string_view::npos) return {};
    text = text.substr(first, text.find_last_not_of(kSpace) - first + 1);
    if (text.size() >= 2 && (text.front() == '"' || text.front() == '\'') && text.back() == text.front()) {
        text = text.substr(1, text.size() - 2);
    }
    constexpr std::string_view kFileUrl = "file://";
    if (text.starts_with(kFileUrl)) text.remove_prefix(kFileUrl.size());
    return std::string(text);
}

// A new background run: older answers become stale.
UploadState start_run(UploadState state, UploadPhase phase) {
    state.phase = phase;
    ++state.job;
    state.progress = 0.0;
    return state;
}

UploadState rerun_check(UploadState state) {
    if (state.phase != UploadPhase::checked) return state;
    state.dry_run.reset();
    for (auto& row : state.preview.rows) row.problems.clear();
    return start_run(std::move(state), UploadPhase::checking);
}

}  // namespace

bool upload_running(const UploadState& state) {
    return state.phase == UploadPhase::checking || state.phase == UploadPhase::importing;
}

bool can_confirm(const UploadState& state) {
    return state.phase == UploadPhase::checked && state.dry_run && state.dry_run->report &&
           state.dry_run->report->file_errors.empty();
}

void attach_rejections(UploadPreview& preview, const db::ImportReport& report) {
    // Rows outside the preview (no cells) are rebuilt from the report each time.
    std::erase_if(preview.rows, [](const PreviewRow& row) { return row.cells.empty(); });
    std::unordered_map<std::uint64_t, std::size_t> by_line;
    for (std::size_t i = 0; i < preview.rows.size(); ++i) {
        preview.rows[i].problems.clear();
        by_line.emplace(preview.rows[i].line, i);
    }
    for (const db::RowReport& rejection : report.rejections) {
        auto it = by_line.find(rejection.line);
        if (it == by_line.end()) {
            preview.rows.push_back(PreviewRow{.line = rejection.line, .cells = {}, .problems = {}});
            it = by_line.emplace(rejection.line, preview.rows.size() - 1).first;
        }
        preview.rows[it->second].problems.push_back(rejection.problem);
    }
}

UploadState update(UploadState state, const UploadAction& action) {
    return std::visit(
        Overloaded{
            [&](const ChooseFile& a) {
                if (a.path.empty()) return std::move(state);
                state.path_text = a.path.string();
                state.file = a.path;
                state.open_error = UploadOpenError::none;
                state.preview = {};
                state.dry_run.reset();
                state.import.reset();
                return start_run(std::move(state), UploadPhase::checking);
            },
            [&](const CheckTypedPath&) {
                const std::string path = clean_typed_path(state.path_text);
                if (path.empty()) return std::move(state);
                return update(std::move(state), ChooseFile{path});
            },
            [&](const ToggleReplace&) {
                if (upload_running(state)) return std::move(state);
                state.replace = !state.replace;
                return rerun_check(std::move(state));
            },
            [&](const ToggleStrict&) {
                if (upload_running(state)) return std::move(state);
                state.strict = !state.strict;
                return rerun_check(std::move(state));
            },
            [&](const ConfirmImport&) {
                if (!can_confirm(state)) return std::move(state);
                state.import.reset();
                return start_run(std::move(state), UploadPhase::importing);
            },
            [&](const PreviewRead& a) {
                if (a.job != state.job || state.phase != UploadPhase::checking) return std::move(state);
                if (a.error != UploadOpenError::none) {
                    state.open_error = a.error;
                    state.phase = UploadPhase::failed;
                    return std::move(state);
                }
                state.preview = a.preview;
                return std::move(state);
            },
            [&](const UploadProgress& a) {
                if (a.job != state.job || !upload_running(state)) return std::move(state);
                state.progress = std::clamp(a.fraction, 0.0, 1.0);
                return std::move(state);
            },
            [&](const UploadFinished& a) {
                if (a.job != state.job || !upload_running(state)) return std::move(state);
                if (a.outcome.report) attach_rejections(state.preview, *a.outcome.report);
                if (state.phase == UploadPhase::checking) {
                    state.dry_run = a.outcome;
                    state.phase = UploadPhase::checked;
                } else {
                    state.import = a.outcome;
                    state.phase = UploadPhase::imported;
                }
                return std::move(state);
            },
        },
        action);
}

std::string* text_field(UploadState& state, std::string_view id) {
    return id == kUploadPathField ? &state.path_text : nullptr;
}

}  // namespace kk::staff
