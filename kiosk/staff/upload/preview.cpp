#include "kiosk/staff/upload/preview.hpp"

#include <optional>

#include "db/csv/reader.hpp"
#include "db/vacancy_csv.hpp"

namespace kk::staff {

std::string preview_cell(std::string_view text, std::size_t max_chars) {
    std::string out;
    std::size_t chars = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        const bool starts_char = (static_cast<unsigned char>(c) & 0xC0u) != 0x80u;
        if (starts_char && ++chars > max_chars) {
            out += "\u2026";
            return out;
        }
        out += (c == '\n' || c == '\r' || c == '\t') ? ' ' : c;
    }
    return out;
}

UploadPreview read_upload_preview(db::csv::ByteSource& source, std::size_t max_rows) {
    UploadPreview preview;
    db::csv::Reader reader(source);
    db::csv::Record record;
    const bool has_header = reader.next(record);
    if (reader.encoding()) preview.encoding = std::string(db::csv::encoding_name(*reader.encoding()));
    preview.delimiter = reader.delimiter();
    if (!has_header) return preview;
    const db::VacancyHeader header = db::map_vacancy_header(record.fields);
    std::vector<std::size_t> known;  // indexes of the header cells the import reads
    for (std::size_t i = 0; i < header.columns.size(); ++i) {
        if (header.columns[i]) {
            known.push_back(i);
            preview.columns.push_back(header.names[i]);
        }
    }
    while (reader.next(record)) {
        if (db::is_blank_record(record)) continue;
        if (preview.rows.size() == max_rows) {
            preview.more_rows = true;
            break;
        }
        PreviewRow row{.line = record.line, .cells = {}, .problems = {}};
        for (std::size_t i : known) row.cells.push_back(i < record.fields.size() ? preview_cell(record.fields[i]) : "");
        preview.rows.push_back(std::move(row));
    }
    return preview;
}

}  // namespace kk::staff
