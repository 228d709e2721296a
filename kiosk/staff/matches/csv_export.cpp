#include "kiosk/staff/matches/csv_export.hpp"

#include <fcntl.h>
#include <unistd.h>

#include "db/csv/writer.hpp"

namespace kk::staff {

std::string csv_text(const CsvRow& header, const std::vector<CsvRow>& rows) {
    std::string out = "\xEF\xBB\xBF";
    auto write_row = [&](const CsvRow& cells) {
        for (std::size_t i = 0; i < cells.size(); ++i) {
            if (i > 0) out += ';';
            out += db::csv::export_field(cells[i], ';');
        }
        out += "\r\n";
    };
    write_row(header);
    for (const CsvRow& row : rows) write_row(row);
    return out;
}

std::filesystem::path export_path(const std::filesystem::path& dir, std::string_view stem, std::string_view extension,
                                  db::TimePoint now) {
    std::string stamp = db::utc_timestamp(now);  // 2026-11-21T10:00:00Z
    std::string compact;
    for (char c : stamp) {
        if (c >= '0' && c <= '9') compact += c;
        if (c == 'T') compact += '-';
    }
    const std::string base = std::string(stem) + "-" + compact;
    std::filesystem::path path = dir / (base + "." + std::string(extension));
    for (int n = 2; std::filesystem::exists(path); ++n) {
        path = dir / (base + "-" + std::to_string(n) + "." + std::string(extension));
    }
    return path;
}

db::Result<std::filesystem::path> write_csv_export(const std::filesystem::path& dir, std::string_view stem,
                                                   const CsvRow& header, const std::vector<CsvRow>& rows,
                                                   db::TimePoint now) {
    using R = db::Result<std::filesystem::path>;
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    if (ec) return R::fail("cannot create " + dir.string() + ": " + ec.message());
    const std::filesystem::path file = export_path(dir, stem, "csv", now);
    const std::filesystem::path partial = file.string() + ".partial";
    const std::string text = csv_text(header, rows);
    const int fd = ::open(partial.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0) return R::fail("cannot write " + partial.string());
    std::size_t written = 0;
    while (written < text.size()) {
        const ssize_t n = ::write(fd, text.data() + written, text.size() - written);
        if (n <= 0) break;
        written += static_cast<std::size_t>(n);
    }
    const bool closed = ::close(fd) == 0;
    if (written != text.size() || !closed) {
        std::filesystem::remove(partial, ec);
        return R::fail("cannot write " + partial.string());
    }
    std::filesystem::rename(partial, file, ec);
    if (ec) {
        std::filesystem::remove(partial, ec);
        return R::fail("cannot write " + file.string() + ": " + ec.message());
    }
    return R::ok(file);
}

}  // namespace kk::staff
