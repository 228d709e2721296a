#include "db/vacancy_export.hpp"

#include <cstdio>
#include <fstream>

#include "db/csv/writer.hpp"
#include "db/vacancy_csv.hpp"
#include "db/vacancy_store.hpp"

namespace kk::db {
namespace {
void write_row(std::ostream& out, const std::vector<std::string>& cells) {
    for (std::size_t i = 0; i < cells.size(); ++i) {
        if (i > 0) out << ';';
        out << csv::export_field(cells[i], ';');
    }
    out << "\r\n";
}
}  // namespace

Result<std::size_t> export_vacancies(Store& store, std::ostream& out) {
    out << "\xEF\xBB\xBF";
    std::vector<std::string> header;
    for (const auto& column : vacancy_columns()) header.emplace_back(column.german);
    write_row(out, header);
    auto count = for_each_vacancy(store, VacancyFilter::open_only,
                                  [&](const Vacancy& v) { write_row(out, vacancy_cells(v.fields)); });
    if (count && !out) return Result<std::size_t>::fail("writing the export failed");
    return count;
}

Result<std::size_t> export_vacancies(Store& store, const std::filesystem::path& file) {
    const std::filesystem::path partial = file.string() + ".partial";
    Result<std::size_t> count = Result<std::size_t>::fail("");
    {
        std::ofstream out(partial, std::ios::binary | std::ios::trunc);
        if (!out) return Result<std::size_t>::fail("cannot write " + partial.string());
        count = export_vacancies(store, out);
        out.flush();
        if (count && !out) count = Result<std::size_t>::fail("cannot write " + partial.string());
    }
    std::error_code ec;
    if (!count) {
        std::filesystem::remove(partial, ec);
        return count;
    }
    std::filesystem::rename(partial, file, ec);
    if (ec) {
        std::filesystem::remove(partial, ec);
        return Result<std::size_t>::fail("cannot write " + file.string() + ": " + ec.message());
    }
    return count;
}

}  // namespace kk::db
