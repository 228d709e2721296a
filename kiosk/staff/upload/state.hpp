#pragma once
// Staff mode, the employer CSV upload: a file dropped or typed, a dry run with a preview of rejected rows, confirm,
// the import with a progress bar, the report.
// Pure: no ImGui, no I/O.
#include <filesystem>
#include <string>
#include <string_view>
#include <variant>

namespace kk::staff {

struct UploadState {
    bool operator==(const UploadState&) const = default;
};

struct ChooseFile {
    std::filesystem::path path;
};

using UploadAction = std::variant<ChooseFile>;

UploadState update(UploadState state, const UploadAction& action);

// The text of this view's field `id` ("upload.<name>"), or nullptr when it has none of that id.
std::string* text_field(UploadState& state, std::string_view id);

}  // namespace kk::staff
