#include "db/vacancy_import.hpp"
#include "db/timestamps.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <condition_variable>
#include <deque>
#include <exception>
#include <mutex>
#include <stop_token>
#include <thread>
#include <string_view>
#include <ctime>
#include <unordered_map>
#include <unordered_set>

#include "db/csv/reader.hpp"
#include "db/vacancy_store.hpp"

namespace kk::db {
namespace {

constexpr std::size_t kMaxListedRejections = 1000;

constexpr char kCreateScratchSql[] = R"sql(
CREATE TEMP TABLE IF NOT EXISTS import_seen (vacancy_id INTEGER PRIMARY KEY NOT NULL, line INTEGER NOT NULL) STRICT;
CREATE TEMP TABLE IF NOT EXISTS import_kept (vacancy_id INTEGER PRIMARY KEY NOT NULL) STRICT;
CREATE TEMP TABLE IF NOT EXISTS import_employers (employer_id INTEGER PRIMARY KEY NOT NULL) STRICT;
CREATE TEMP TABLE IF NOT EXISTS import_lines (
    first_id   INTEGER PRIMARY KEY NOT NULL,
    count      INTEGER NOT NULL,
    first_line INTEGER NOT NULL,
    steps      BLOB NOT NULL
) STRICT;
DELETE FROM temp.import_seen;
DELETE FROM temp.import_lines;
DELETE FROM temp.import_kept;
DELETE FROM temp.import_employers;
)sql";
constexpr char kSelectEmployerSql[] = "SELECT id FROM employers WHERE name_key = ?";
constexpr char kInsertEmployerSql[] = "INSERT INTO employers (name, name_key, created_at) VALUES (?, ?, ?)";
constexpr char kSelectVacancySql[] =
    "SELECT id, fingerprint, status FROM vacancies WHERE employer_id = ? AND reference = ?";
constexpr char kEmployerHasVacanciesSql[] = "SELECT EXISTS (SELECT 1 FROM vacancies WHERE employer_id = ?)";
// DO NOTHING on (employer_id, reference): for an employer without vacancies before this import a conflict can
// only be a row this file repeats, so the insert itself is the existence check.
constexpr char kInsertVacancyInto[] =
    "INSERT INTO vacancies (employer_id, reference, title, postcode, city, german_level, language_support, "
    "driving_licence, hours, description, contact, valid_until, required_skills, optional_skills, status, "
    "fingerprint, created_at, updated_at) VALUES ";
constexpr char kInsertVacancyRow[] = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'open', ?, ?, ?)";
// Not in a bulk load (below): it has no identity index while it inserts, so nothing to conflict with.
constexpr char kUnlessPresentSql[] = " ON CONFLICT (employer_id, reference) DO NOTHING";
constexpr char kUpdateVacancySql[] =
    "UPDATE vacancies SET title = ?, postcode = ?, city = ?, german_level = ?, language_support = ?, "
    "driving_licence = ?, hours = ?, description = ?, contact = ?, valid_until = ?, required_skills = ?, "
    "optional_skills = ?, status = 'open', closed_at = NULL, fingerprint = ?, updated_at = ? WHERE id = ?";
constexpr int kContentParameters = 12;  // title .. optional_skills
constexpr char kSelectSeenSql[] = "SELECT line FROM temp.import_seen WHERE vacancy_id = ?";
constexpr char kInsertSeenSql[] = "INSERT OR IGNORE INTO temp.import_seen (vacancy_id, line) VALUES (?, ?)";
// New vacancies' (id, line) pairs are written kSeenBatch at a time: one statement per row cost about a tenth of
// a first import.
constexpr int kSeenBatch = 64;
constexpr char kInsertKeptSql[] = "INSERT OR IGNORE INTO temp.import_kept (vacancy_id) VALUES (?)";
// A bulk load inserts kBulkRows vacancies per statement: one statement per row spent a fifth of its time
// starting and ending statements. Each row takes kBulkRowParameters parameters after ?1, the shared
// timestamp.
constexpr int kBulkRows = 32;
constexpr int kBulkRowParameters = 15;  // employer_id .. fingerprint
// The lines of the vacancies a bulk load inserts, kept to report the rows a file repeats: per run of at most
// kLineRun consecutive ids, one temp.import_lines row with the first line and the steps to the next lines (a
// byte each, mostly). One row per vacancy cost a twelfth of a first import.
constexpr std::int64_t kLineRun = 512;
constexpr char kInsertLinesSql[] =
    "INSERT INTO temp.import_lines (first_id, count, first_line, steps) VALUES (?, ?, ?, ?)";
constexpr char kSelectLinesSql[] =
    "SELECT first_id, count, first_line, steps FROM temp.import_lines ORDER BY first_id";
constexpr char kInsertFileEmployerSql[] = "INSERT OR IGNORE INTO temp.import_employers (employer_id) VALUES (?)";
constexpr char kCloseMissingSql[] =
    "UPDATE vacancies SET status = 'closed', closed_at = ?, updated_at = ? "
    "WHERE status = 'open' AND employer_id IN (SELECT employer_id FROM temp.import_employers) "
    "AND id NOT IN (SELECT vacancy_id FROM temp.import_seen) AND id NOT IN (SELECT vacancy_id FROM temp.import_kept)";
// Bulk load: a first import into an empty vacancies table drops the table's indexes, inserts, and builds them
// again before committing, all in the import's transaction. Building an index from all rows at once sorts them;
// keeping it up to date row by row walks the B-tree per row and took about a third of a first import.
constexpr char kVacancyIndexesSql[] =
    "SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'vacancies' AND sql IS NOT NULL "
    "ORDER BY name";
constexpr char kIdentityIndex[] = "vacancies_identity";
// Rows a file repeats (same employer and reference) after the first: found in one sorted pass, only when
// building the identity index failed. Every vacancy there came from the file: the table was empty.
constexpr char kRepeatedRowsSql[] =
    "SELECT id, employer_id, reference FROM vacancies ORDER BY employer_id, reference, id";
// An employer id some vacancy has and employers lacks. The distinct ids come from the identity index, one seek
// each (a table scan with a lookup per row, as PRAGMA foreign_key_check does, took a twentieth of a first
// import).
constexpr char kMissingEmployerSql[] = R"sql(
WITH RECURSIVE used (id) AS (
    SELECT min(employer_id) FROM vacancies
    UNION ALL
    SELECT (SELECT min(employer_id) FROM vacancies WHERE employer_id > used.id) FROM used WHERE used.id IS NOT NULL
)
SELECT id FROM used WHERE id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM employers WHERE employers.id = used.id)
LIMIT 1
)sql";
constexpr char kDeleteRepeatSql[] = "DELETE FROM vacancies WHERE id = ?";
constexpr char kInsertAuditSql[] =
    "INSERT INTO audit_log (at, actor, action, subject_kind, subject_id, detail) VALUES (?, ?, ?, ?, NULL, ?)";

std::string utc_now() { return utc_timestamp(std::chrono::system_clock::now()); }

// `text` (valid UTF-8: the reader converted it) as a JSON string: quote, backslash and control characters
// escaped, everything else as is.
void append_json_string(std::string& out, std::string_view text) {
    static constexpr char kHex[] = "0123456789abcdef";
    out += '"';
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (byte < 0x20) {
            out += "\\u00";
            out += kHex[byte >> 4];
            out += kHex[byte & 0xF];
        } else {
            out += c;
        }
    }
    out += '"';
}

// The shortest decimal that reads back as `value`.
void append_number(std::string& out, double value) {
    std::array<char, 32> buffer{};
    const auto [end, ec] = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value);
    out.append(buffer.data(), ec == std::errc() ? end : buffer.data());
}

void append_varint(std::string& out, std::uint64_t value) {
    while (value >= 0x80) {
        out += static_cast<char>((value & 0x7F) | 0x80);
        value >>= 7;
    }
    out += static_cast<char>(value);
}

std::uint64_t read_varint(std::string_view bytes, std::size_t& at) {
    std::uint64_t value = 0;
    for (int shift = 0; at < bytes.size() && shift < 64; shift += 7) {
        const auto byte = static_cast<unsigned char>(bytes[at++]);
        value |= static_cast<std::uint64_t>(byte & 0x7F) << shift;
        if ((byte & 0x80) == 0) break;
    }
    return value;
}

// Writes the (id, line) of each vacancy a bulk load inserts into temp.import_lines (kLineRun), in the order
// inserted: ids and lines both ascend.
class LineLog {
public:
    explicit LineLog(Connection& c) : insert_(c, kInsertLinesSql) {}

    void add(std::int64_t id, std::uint64_t line) {
        if (count_ > 0 && (id != first_id_ + count_ || count_ == kLineRun)) flush();
        if (count_ == 0) {
            first_id_ = id;
            first_line_ = line;
        } else {
            append_varint(steps_, line - last_line_);
        }
        last_line_ = line;
        ++count_;
    }

    void flush() {
        if (count_ == 0) return;
        insert_.bind(1, first_id_).bind(2, count_).bind(3, static_cast<std::int64_t>(first_line_));
        insert_.bind_blob(4, steps_).run();
        count_ = 0;
        steps_.clear();
    }

private:
    Statement insert_;
    std::int64_t first_id_ = 0, count_ = 0;
    std::uint64_t first_line_ = 0, last_line_ = 0;
    std::string steps_;
};

// The lines LineLog wrote for `ids` (ascending, distinct), in the same order; 0 for an id it has none for.
std::vector<std::uint64_t> logged_lines(Connection& c, const std::vector<std::int64_t>& ids) {
    std::vector<std::uint64_t> lines(ids.size(), 0);
    Statement runs(c, kSelectLinesSql);
    std::size_t next = 0;
    while (next < ids.size() && runs.step()) {
        const std::int64_t first = runs.column_int(0), count = runs.column_int(1);
        auto line = static_cast<std::uint64_t>(runs.column_int(2));
        const std::string steps = runs.column_blob(3);
        std::size_t at = 0;
        for (std::int64_t k = 0; k < count && next < ids.size(); ++k) {
            if (k > 0) line += read_varint(steps, at);
            while (next < ids.size() && ids[next] < first + k) ++next;  // none logged
            if (next < ids.size() && ids[next] == first + k) lines[next++] = line;
        }
    }
    return lines;
}

// The columns of a vacancy that are not cells as read: joined lists and skill arrays.
struct EncodedColumns {
    std::string licence, hours, required, optional;
};

// Encodes them. Each distinct skill text is resolved and encoded once: employers repeat the same few skills
// thousands of times, and a resolver may take a millisecond per call. Used by one thread at a time: the reading
// thread in a bulk load (every valid row is inserted), else the writer, for the rows it inserts or updates.
class ColumnEncoder {
public:
    explicit ColumnEncoder(const SkillResolver& resolver) : resolver_(resolver) {}

    // Into `out`, whose strings keep their memory.
    void encode(const VacancyFields& v, EncodedColumns& out) {
        join_list(v.driving_licence, out.licence);
        join_list(v.hours, out.hours);
        skills_json(v.required_skills, out.required);
        skills_json(v.optional_skills, out.optional);
    }

private:
    // The vacancies.required_skills / optional_skills encoding (db/SCHEMA.md): [[text, skill id or null,
    // confidence], ...].
    void skills_json(const std::vector<std::string>& skills, std::string& out) {
        out.assign(1, '[');
        for (std::size_t i = 0; i < skills.size(); ++i) {
            if (i > 0) out += ',';
            out += skill_element(skills[i]);
        }
        out += ']';
    }

    const std::string& skill_element(const std::string& text) {
        if (auto it = elements_.find(text); it != elements_.end()) return it->second;
        if (elements_.size() >= kMaxCachedElements) elements_.clear();  // bounded memory on odd files
        const SkillResolution r = resolver_.resolve(text, "de");
        std::string element = "[";
        append_json_string(element, text);
        if (r.skill_id) {
            element += ',';
            element += std::to_string(*r.skill_id);
            element += ',';
            append_number(element, r.confidence);
        } else {
            element += ",null,0";
        }
        element += ']';
        return elements_.emplace(text, std::move(element)).first->second;
    }

    static constexpr std::size_t kMaxCachedElements = 50000;
    const SkillResolver& resolver_;
    std::unordered_map<std::string, std::string> elements_;  // skill text -> its array element
};

// The import's statements, prepared once.
class VacancyWriter {
public:
    // `bulk`: the vacancies table was empty and has no indexes until the import ends; every valid row is
    // inserted, and rows the file repeats are taken out afterwards (BulkLoad), and the reading thread encodes
    // the rows' columns; otherwise `encoder` does, here.
    VacancyWriter(Connection& c, ColumnEncoder& encoder, std::string now, bool bulk)
        : encoder_(encoder),
          now_(std::move(now)),
          select_employer_(c, kSelectEmployerSql),
          insert_employer_(c, kInsertEmployerSql),
          employer_has_vacancies_(c, kEmployerHasVacanciesSql),
          select_vacancy_(c, kSelectVacancySql),
          insert_vacancy_(c, (std::string(kInsertVacancyInto) + kInsertVacancyRow +
                              (bulk ? "" : kUnlessPresentSql)).c_str()),
          insert_vacancies_(bulk ? std::optional<Statement>(std::in_place, c, bulk_insert_sql().c_str())
                                 : std::nullopt),
          update_vacancy_(c, kUpdateVacancySql),
          select_seen_(c, kSelectSeenSql),
          insert_seen_(c, kInsertSeenSql),
          insert_seen_batch_(c, seen_batch_sql().c_str()),
          insert_kept_(c, kInsertKeptSql),
          insert_file_employer_(c, kInsertFileEmployerSql),
          lines_(c),
          connection_(c),
          bulk_(bulk) {}

    enum class Outcome { inserted, updated, unchanged, duplicate };

    // `fingerprint` is vacancy_fingerprint(v); `duplicate_line` is set for a vacancy the file already listed.
    // `columns`: v's encoded columns, in a bulk load (they stay unchanged until end_batch()); else null.
    Outcome write(const VacancyFields& v, const EncodedColumns* columns, std::uint64_t v_fingerprint,
                  std::uint64_t line, std::uint64_t& duplicate_line) {
        const Employer employer = find_employer(v.employer, true);
        const auto fingerprint = static_cast<std::int64_t>(v_fingerprint);
        if (bulk_) {  // inserted with the rows before and after it (end_batch)
            if (columns == nullptr) throw Error("a bulk load's row without its encoded columns");
            pending_.push_back({&v, columns, employer.id, fingerprint, line});
            if (pending_.size() == kBulkRows) insert_pending();
            return Outcome::inserted;
        }
        // The file's employers, for --replace; a bulk load has nothing to close.
        if (file_employers_.insert(employer.id).second) insert_file_employer_.bind(1, employer.id).run();
        // An employer without vacancies before this import (most rows of a first load): insert straight away.
        if (!employer.had_vacancies && insert_vacancy(employer.id, v, encoded(v), fingerprint)) {
            record_seen(connection_.last_insert_rowid(), line);
            return Outcome::inserted;
        }
        flush_seen();  // what follows reads import_seen
        select_vacancy_.bind(1, employer.id).bind_view(2, v.reference);
        std::optional<std::int64_t> id;
        bool same = false;
        if (select_vacancy_.step()) {
            id = select_vacancy_.column_int(0);
            same = select_vacancy_.column_int(1) == fingerprint && select_vacancy_.column_text(2) == "open";
        }
        select_vacancy_.reset();
        if (id) {
            // Claiming the id in import_seen tells first sight from a repeated row in one statement.
            insert_seen_.bind(1, *id).bind(2, static_cast<std::int64_t>(line)).run();
            if (connection_.changes() == 0) {
                select_seen_.bind(1, *id);
                if (select_seen_.step()) duplicate_line = static_cast<std::uint64_t>(select_seen_.column_int(0));
                select_seen_.reset();
                return Outcome::duplicate;
            }
        }
        Outcome outcome = Outcome::unchanged;
        if (!id) {
            if (!insert_vacancy(employer.id, v, encoded(v), fingerprint)) {
                throw Error("vacancy insert conflicts after a miss");
            }
            record_seen(connection_.last_insert_rowid(), line);
            outcome = Outcome::inserted;
        } else if (!same) {
            bind_content(update_vacancy_, 1, v, encoded(v));
            update_vacancy_.bind(kContentParameters + 1, fingerprint)
                .bind_view(kContentParameters + 2, now_)
                .bind(kContentParameters + 3, *id)
                .run();
            outcome = Outcome::updated;
        }
        return outcome;
    }

    // Inserts the vacancies a bulk load holds back, before the rows they point into go: at the end of each
    // batch of rows.
    void end_batch() {
        if (pending_.size() == kBulkRows) {
            insert_pending();
            return;
        }
        for (const Pending& p : pending_) {
            insert_vacancy(p.employer, *p.v, *p.columns, p.fingerprint);
            lines_.add(connection_.last_insert_rowid(), p.line);
        }
        pending_.clear();
    }

    // Writes the new vacancies' lines still held back; before anything reads temp.import_seen or
    // temp.import_lines.
    void flush_seen() {
        lines_.flush();
        if (seen_.size() == 2 * static_cast<std::size_t>(kSeenBatch)) {
            for (int i = 0; i < 2 * kSeenBatch; ++i) insert_seen_batch_.bind(i + 1, seen_[static_cast<std::size_t>(i)]);
            insert_seen_batch_.run();
        } else {
            for (std::size_t i = 0; i < seen_.size(); i += 2) insert_seen_.bind(1, seen_[i]).bind(2, seen_[i + 1]).run();
        }
        seen_.clear();
    }

    // A rejected row's vacancy (if it exists) must survive --replace: the row changes nothing.
    void keep(const std::string& employer, const std::string& reference) {
        if (employer.empty() || reference.empty()) return;
        const std::int64_t id = find_employer(employer, false).id;
        if (id == 0) return;
        select_vacancy_.bind(1, id).bind_view(2, reference);
        if (select_vacancy_.step()) {
            const std::int64_t vacancy = select_vacancy_.column_int(0);
            select_vacancy_.reset();
            insert_kept_.bind(1, vacancy).run();
        } else {
            select_vacancy_.reset();
        }
    }

private:
    // A vacancy read but not yet inserted by a bulk load; `v` and `columns` point into the current batch of rows.
    struct Pending {
        const VacancyFields* v = nullptr;
        const EncodedColumns* columns = nullptr;
        std::int64_t employer = 0;
        std::int64_t fingerprint = 0;
        std::uint64_t line = 0;
    };

    // INSERT ... VALUES (row 1), ..., (row kBulkRows) with numbered parameters: ?1 is the timestamp.
    static std::string bulk_insert_sql() {
        std::string sql = kInsertVacancyInto;
        for (int row = 0; row < kBulkRows; ++row) {
            const int first = 2 + row * kBulkRowParameters;
            sql += row > 0 ? ", (" : "(";
            for (int i = 0; i < kBulkRowParameters - 1; ++i) sql += "?" + std::to_string(first + i) + ", ";
            sql += "'open', ?" + std::to_string(first + kBulkRowParameters - 1) + ", ?1, ?1)";
        }
        return sql;
    }

    // kBulkRows pending vacancies in one statement; SQLite gives them consecutive ids, the last one last.
    void insert_pending() {
        Statement& insert = *insert_vacancies_;
        insert.bind_view(1, now_);
        for (std::size_t row = 0; row < pending_.size(); ++row) {
            const Pending& p = pending_[row];
            const int first = 2 + static_cast<int>(row) * kBulkRowParameters;
            insert.bind(first, p.employer).bind_view(first + 1, p.v->reference);
            bind_content(insert, first + 2, *p.v, *p.columns);
            insert.bind(first + kBulkRowParameters - 1, p.fingerprint);
        }
        insert.run();
        std::int64_t id = connection_.last_insert_rowid() - static_cast<std::int64_t>(pending_.size());
        for (const Pending& p : pending_) lines_.add(++id, p.line);
        pending_.clear();
    }

    static std::string seen_batch_sql() {
        std::string sql = "INSERT INTO temp.import_seen (vacancy_id, line) VALUES (?, ?)";
        for (int i = 1; i < kSeenBatch; ++i) sql += ", (?, ?)";
        return sql;
    }

    // A vacancy this import inserted, at `line`: no earlier row claimed its id, so it can wait in seen_.
    void record_seen(std::int64_t id, std::uint64_t line) {
        seen_.push_back(id);
        seen_.push_back(static_cast<std::int64_t>(line));
        if (seen_.size() == 2 * static_cast<std::size_t>(kSeenBatch)) flush_seen();
    }

    struct Employer {
        std::int64_t id = 0;         // 0 when absent and not created
        bool had_vacancies = false;  // when this import first met the employer
    };

    Employer find_employer(const std::string& name, bool create) {
        if (auto it = employers_by_name_.find(name); it != employers_by_name_.end()) return it->second;
        const std::string key = employer_key(name);
        if (auto it = employers_.find(key); it != employers_.end()) {
            employers_by_name_.emplace(name, it->second);
            return it->second;
        }
        Employer employer;
        select_employer_.bind(1, key);
        if (select_employer_.step()) employer.id = select_employer_.column_int(0);
        select_employer_.reset();
        if (employer.id == 0 && !create) return employer;
        if (employer.id == 0) {
            insert_employer_.bind(1, name).bind(2, key).bind(3, now_).run();
            employer.id = connection_.last_insert_rowid();
        } else {
            employer_has_vacancies_.bind(1, employer.id);
            employer.had_vacancies = employer_has_vacancies_.step() && employer_has_vacancies_.column_int(0) != 0;
            employer_has_vacancies_.reset();
        }
        employers_.emplace(key, employer);
        employers_by_name_.emplace(name, employer);
        return employer;
    }

    // v's columns, encoded here: outside a bulk load, for a row about to be inserted or updated.
    const EncodedColumns& encoded(const VacancyFields& v) {
        encoder_.encode(v, columns_);
        return columns_;
    }

    // False when (employer, reference) is already there: nothing was written.
    bool insert_vacancy(std::int64_t employer, const VacancyFields& v, const EncodedColumns& columns,
                        std::int64_t fingerprint) {
        insert_vacancy_.bind(1, employer).bind_view(2, v.reference);
        bind_content(insert_vacancy_, 3, v, columns);
        const int next = 3 + kContentParameters;
        insert_vacancy_.bind(next, fingerprint).bind_view(next + 1, now_).bind_view(next + 2, now_).run();
        return connection_.changes() == 1;
    }

    // Binds title .. optional_skills (kContentParameters) starting at `first`, without copying: the statement
    // runs before `v` or `columns` change.
    static void bind_content(Statement& s, int first, const VacancyFields& v, const EncodedColumns& columns) {
        s.bind_view(first, v.title)
            .bind_view(first + 1, v.postcode)
            .bind_view(first + 2, v.city)
            .bind(first + 4, v.language_support ? 1 : 0)
            .bind_view(first + 5, columns.licence)
            .bind_view(first + 6, columns.hours)
            .bind_view(first + 7, v.description)
            .bind_view(first + 8, v.contact)
            .bind_view(first + 10, columns.required)
            .bind_view(first + 11, columns.optional);
        bind_optional_view(s, first + 3, v.german_level);
        bind_optional_view(s, first + 9, v.valid_until);
    }

    static void bind_optional_view(Statement& s, int index, const std::optional<std::string>& value) {
        if (value) {
            s.bind_view(index, *value);
        } else {
            s.bind_null(index);
        }
    }

    ColumnEncoder& encoder_;  // not in a bulk load: the reading thread encodes its rows
    std::string now_;
    EncodedColumns columns_;  // of the row being written, outside a bulk load
    Statement select_employer_, insert_employer_, employer_has_vacancies_, select_vacancy_, insert_vacancy_;
    std::optional<Statement> insert_vacancies_;  // kBulkRows at once; only in a bulk load
    Statement update_vacancy_, select_seen_, insert_seen_, insert_seen_batch_, insert_kept_,
        insert_file_employer_;
    std::vector<std::int64_t> seen_;  // (id, line) pairs not yet in temp.import_seen; at most kSeenBatch
    std::vector<Pending> pending_;    // a bulk load's rows not yet inserted; at most kBulkRows
    LineLog lines_;
    Connection& connection_;
    bool bulk_ = false;
    std::unordered_map<std::string, Employer> employers_;  // by name_key; grows with employers, not rows
    std::unordered_map<std::string, Employer> employers_by_name_;  // by spelling, to skip folding
    std::unordered_set<std::int64_t> file_employers_;
};

// The value a PRAGMA reports, as text; the statement is finished before this returns.
std::string pragma_text(Connection& c, const char* sql) {
    Statement pragma(c, sql);
    return pragma.step() ? pragma.column_text(0) : std::string();
}

bool vacancies_empty(Connection& c) {
    Statement empty(c, "SELECT NOT EXISTS (SELECT 1 FROM vacancies)");
    return empty.step() && empty.column_int(0) != 0;
}

// While it lives, the database uses a rollback journal instead of its WAL, if no other connection has it
// open. A first import writes a whole table. Through a WAL every page is written twice, into the WAL and then
// by the checkpoint into the database: the commit with its checkpoint took a sixth of a 1M-row first import.
// With a rollback journal, pages appended to the file have no old content to save, so each is written once.
// The journal keeps the import all-or-nothing (the next open rolls a killed import back), synchronous=FULL.
// SQLite leaves WAL mode only when no other connection has the database open: with the kiosk or a desk upload
// there, nothing changes. Meanwhile a connection opening the database waits for the import (busy timeout)
// instead of reading the state before it. Should switching back fail, every Connection::open sets WAL again.
class RollbackJournalWhileAlone {
public:
    explicit RollbackJournalWhileAlone(Connection& c) : connection_(c) {
        try {
            // Each statement is done before the next: one not yet reset holds a read transaction open, and
            // SQLite changes the journal mode only outside any.
            if (pragma_text(c, "PRAGMA main.journal_mode") != "wal") return;
            synchronous_ = pragma_text(c, "PRAGMA main.synchronous");
            active_ = pragma_text(c, "PRAGMA main.journal_mode = DELETE") == "delete";
            if (active_) connection_.exec("PRAGMA main.synchronous = FULL");
        } catch (const Error&) {  // "database is locked": another connection has it open
        }
    }
    ~RollbackJournalWhileAlone() {
        if (!active_) return;
        try {
            connection_.exec("PRAGMA main.journal_mode = WAL");
            connection_.exec(("PRAGMA main.synchronous = " + synchronous_).c_str());
        } catch (const Error&) {  // see above: the next open sets it
        }
    }
    RollbackJournalWhileAlone(const RollbackJournalWhileAlone&) = delete;
    RollbackJournalWhileAlone& operator=(const RollbackJournalWhileAlone&) = delete;

private:
    Connection& connection_;
    std::string synchronous_;
    bool active_ = false;
};

// While it lives, SQLite does not check foreign keys row by row; verify() checks the vacancies' employers at
// once. For each row it inserts, SQLite opens a cursor on employers, seeks and closes it again: a tenth of a
// first import's writing. Only for a first import: the vacancies table is empty, so no row refers to a vacancy
// (match reviews) and nothing cascades; the import inserts vacancies, whose employers verify() checks before the
// commit. PRAGMA foreign_keys is a no-op inside a transaction: this outlives the import's.
class ForeignKeysCheckedAtEnd {
public:
    explicit ForeignKeysCheckedAtEnd(Connection& c) : connection_(c) {
        connection_.exec("PRAGMA foreign_keys = OFF");
    }
    ~ForeignKeysCheckedAtEnd() {
        try {
            connection_.exec("PRAGMA foreign_keys = ON");
        } catch (const Error&) {  // every Connection::open sets it again
        }
    }
    ForeignKeysCheckedAtEnd(const ForeignKeysCheckedAtEnd&) = delete;
    ForeignKeysCheckedAtEnd& operator=(const ForeignKeysCheckedAtEnd&) = delete;

    // Throws when a vacancy refers to an employer that does not exist; before the commit, with the identity
    // index built.
    void verify() {
        Statement check(connection_, kMissingEmployerSql);
        if (check.step()) {
            throw Error("a vacancy refers to employer " + std::to_string(check.column_int(0)) +
                        ", which does not exist");
        }
    }

private:
    Connection& connection_;
};

// A first import into an empty vacancies table (kVacancyIndexesSql): drops the table's indexes now and builds
// them again in finish(), inside the import's transaction, so a failed import leaves them as they were.
class BulkLoad {
public:
    struct Repeat {
        std::uint64_t line = 0;        // of the row taken out
        std::uint64_t first_line = 0;  // of the row that stays
    };

    explicit BulkLoad(Connection& c) : connection_(c) {
        if (!vacancies_empty(c)) return;
        {
            Statement indexes(c, kVacancyIndexesSql);
            while (indexes.step()) indexes_.push_back({indexes.column_text(0), indexes.column_text(1)});
        }  // both finished: SQLite refuses to drop an index while a statement reads the table
        for (const auto& index : indexes_) connection_.exec(("DROP INDEX \"" + index.name + "\"").c_str());
        active_ = true;
    }

    bool active() const { return active_; }

    // Builds the indexes. When the identity index cannot be built because the file repeats a vacancy, the later
    // rows of each repeat are taken out (the first stays, as in an import row by row) and returned.
    std::vector<Repeat> finish() {
        const SortWithHelper helper(connection_);
        std::vector<Repeat> repeats;
        for (const auto& index : indexes_) {
            if (index.name == kIdentityIndex) {
                try {
                    connection_.exec(index.sql.c_str());
                    continue;
                } catch (const Error&) {
                    repeats = remove_repeats();
                    if (repeats.empty()) throw;  // not a repeat: a real failure
                }
            }
            connection_.exec(index.sql.c_str());
        }
        return repeats;
    }

private:
    struct Index {
        std::string name, sql;
    };

    // While it lives, SQLite sorts index entries in runs of kSortRunKiB, each on a helper thread (the second
    // core, idle once the rows are read) while this thread reads on; it merges them with the helper's help
    // too.
    // SQLite sizes the runs by the main page cache, so the cache shrinks meanwhile (dirty pages stay until
    // written). With one run of the whole cache, the builds took about a sixth longer.
    class SortWithHelper {
    public:
        explicit SortWithHelper(Connection& c)
            : connection_(c),
              threads_(pragma_text(c, "PRAGMA threads")),
              cache_size_(pragma_text(c, "PRAGMA main.cache_size")) {
            connection_.exec("PRAGMA threads = 1");
            connection_.exec(("PRAGMA main.cache_size = -" + std::to_string(kSortRunKiB)).c_str());
        }
        ~SortWithHelper() {
            try {
                connection_.exec(("PRAGMA threads = " + threads_).c_str());
                connection_.exec(("PRAGMA main.cache_size = " + cache_size_).c_str());
            } catch (const Error&) {  // a pragma on an open connection: only a broken connection refuses it
            }
        }
        SortWithHelper(const SortWithHelper&) = delete;
        SortWithHelper& operator=(const SortWithHelper&) = delete;

    private:
        static constexpr int kSortRunKiB = 2048;
        Connection& connection_;
        std::string threads_, cache_size_;  // as they were
    };

    std::vector<Repeat> remove_repeats() {
        // The later rows of each group with the same (employer, reference), and the group's first row.
        std::vector<std::int64_t> later, first_of_later;
        {
            Statement rows(connection_, kRepeatedRowsSql);
            std::optional<std::int64_t> employer;  // of the group the rows belong to; none before the first
            std::string reference;
            std::int64_t first = 0;
            while (rows.step()) {
                const std::int64_t id = rows.column_int(0);
                const std::int64_t row_employer = rows.column_int(1);
                std::string row_reference = rows.column_text(2);
                if (employer == row_employer && row_reference == reference) {
                    later.push_back(id);
                    first_of_later.push_back(first);
                } else {
                    employer = row_employer;
                    reference = std::move(row_reference);
                    first = id;
                }
            }
        }
        std::vector<std::int64_t> ids = later;
        ids.insert(ids.end(), first_of_later.begin(), first_of_later.end());
        std::sort(ids.begin(), ids.end());
        ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
        const std::vector<std::uint64_t> lines = logged_lines(connection_, ids);
        auto line_of = [&](std::int64_t id) {
            const auto at = std::lower_bound(ids.begin(), ids.end(), id) - ids.begin();
            return lines[static_cast<std::size_t>(at)];
        };
        std::vector<Repeat> repeats;
        Statement erase(connection_, kDeleteRepeatSql);
        for (std::size_t i = 0; i < later.size(); ++i) {
            repeats.push_back({line_of(later[i]), line_of(first_of_later[i])});
            erase.bind(1, later[i]).run();
        }
        return repeats;
    }

    Connection& connection_;
    std::vector<Index> indexes_;
    bool active_ = false;
};

// Reads and checks rows on a second thread while the caller writes the ones before them: on two cores the
// CSV work overlaps SQLite's. At most kQueuedBatches batches of kBatchRows rows wait, so memory stays flat
// however long the file is. The reading thread also computes each vacancy's fingerprint. Batches the writer
// is done with come back through next() and are parsed over, so that strings keep their memory: allocating
// and freeing every row's strings was a quarter of the reading thread's time, which a first import waits
// for. The reader belongs to the thread until next() returns false; then reader.error() tells a clean end
// from a decoding error.
class RowPipeline {
public:
    struct Item {
        std::uint64_t line = 0;  // physical line where the record starts
        ParsedRow row;
        std::uint64_t fingerprint = 0;  // of row.vacancy, when it has one
        EncodedColumns columns;         // of row.vacancy, when the pipeline has an encoder
    };
    using Batch = std::vector<Item>;

    // With an `encoder` (a bulk load, which inserts every valid row) the thread also encodes the rows' columns:
    // on two cores that is work taken off the writer, which a first import waits for. The thread alone uses it
    // until this is destroyed.
    RowPipeline(csv::Reader& reader, const VacancyHeader& header, ColumnEncoder* encoder)
        : reader_(reader),
          header_(header),
          encoder_(encoder),
          thread_([this](std::stop_token stop) { produce(stop); }) {}
    // Stops the thread (a failed write leaves rows unread) and waits for it.
    ~RowPipeline() {
        thread_.request_stop();
        thread_.join();
    }
    RowPipeline(const RowPipeline&) = delete;
    RowPipeline& operator=(const RowPipeline&) = delete;

    // The next batch of non-blank rows in file order; false at the end. Rethrows what the thread threw. The
    // batch `out` held before goes back to the reading thread.
    bool next(Batch& out) {
        std::unique_lock lock(mutex_);
        if (!out.empty() && !done_) spent_.push_back(std::move(out));
        out = Batch();
        changed_.wait(lock, [&] { return !queue_.empty() || done_; });
        if (queue_.empty()) {
            if (failure_) std::rethrow_exception(failure_);
            return false;
        }
        out = std::move(queue_.front());
        queue_.pop_front();
        changed_.notify_all();
        return true;
    }

private:
    static constexpr std::size_t kBatchRows = 512;
    static constexpr std::size_t kQueuedBatches = 4;

    void produce(std::stop_token stop) {
        try {
            csv::Record record;
            Batch batch;         // its first `used` items are this batch's rows; the others, memory to reuse
            std::size_t used = 0;
            bool more = true;
            while (more && !stop.stop_requested()) {
                more = reader_.next(record);
                if (more && !is_blank_record(record)) {
                    Item& item = used < batch.size() ? batch[used] : batch.emplace_back();
                    ++used;
                    item.line = record.line;
                    parse_vacancy_row(header_, record, item.row);
                    item.fingerprint = item.row.vacancy ? vacancy_fingerprint(*item.row.vacancy) : 0;
                    if (encoder_ != nullptr && item.row.vacancy) encoder_->encode(*item.row.vacancy, item.columns);
                }
                if (used == kBatchRows || (!more && used > 0)) {
                    batch.resize(used);  // shorter only at the end of the file
                    used = 0;
                    std::unique_lock lock(mutex_);
                    if (!changed_.wait(lock, stop, [&] { return queue_.size() < kQueuedBatches; })) return;
                    queue_.push_back(std::move(batch));
                    changed_.notify_all();
                    batch = Batch();
                    if (!spent_.empty()) {  // rows the writer is done with: parsed over, nothing freed
                        batch = std::move(spent_.front());
                        spent_.pop_front();
                    }
                }
            }
        } catch (...) {
            const std::lock_guard lock(mutex_);
            failure_ = std::current_exception();
        }
        const std::lock_guard lock(mutex_);
        done_ = true;
        changed_.notify_all();
    }

    csv::Reader& reader_;
    const VacancyHeader& header_;
    ColumnEncoder* encoder_;
    std::mutex mutex_;
    std::condition_variable_any changed_;
    std::deque<Batch> queue_;
    std::deque<Batch> spent_;  // handed back by next(); at most about kQueuedBatches + 1
    bool done_ = false;
    std::exception_ptr failure_;
    std::jthread thread_;  // last: it starts once everything it uses exists
};

void add_rejection(ImportReport& report, std::uint64_t line, Problem problem) {
    if (report.rejections.size() < kMaxListedRejections) {
        report.rejections.push_back({line, std::move(problem)});
    } else {
        ++report.rejections_not_listed;
    }
}

// Adds rejections found after the rows were read, keeping the list in file order and its length within
// kMaxListedRejections. Rows that were only counted lie after every listed one, so the list stays the first.
void add_late_rejections(ImportReport& report, std::vector<RowReport> late) {
    if (late.empty()) return;
    for (auto& r : late) report.rejections.push_back(std::move(r));
    std::stable_sort(report.rejections.begin(), report.rejections.end(),
                     [](const RowReport& a, const RowReport& b) { return a.line < b.line; });
    if (report.rejections.size() > kMaxListedRejections) {
        report.rejections_not_listed += report.rejections.size() - kMaxListedRejections;
        report.rejections.resize(kMaxListedRejections);
    }
}

// Why a row the file already listed is rejected; it is reported under the reference column.
Problem repeated_row(const VacancyHeader& header, std::uint64_t first_line) {
    std::string column;
    for (std::size_t i = 0; i < header.columns.size(); ++i) {
        if (header.columns[i] == VacancyColumn::reference) column = header.names[i];
    }
    return {std::move(column), "Arbeitgeber und Referenz stehen schon in Zeile " + std::to_string(first_line),
            "employer and reference already appear on line " + std::to_string(first_line)};
}

void discard_counts(ImportReport& report) {
    report.inserted = report.updated = report.unchanged = report.closed = 0;
}

}  // namespace

int import_exit_code(const ImportReport& report) {
    if (!report.file_errors.empty()) return 2;
    if (report.rejected == 0) return 0;
    if (!report.committed && !report.dry_run) return 2;  // --strict
    if (report.inserted + report.updated + report.unchanged == 0) return 2;
    return 3;
}

Result<ImportReport> import_vacancies(Store& store, csv::ByteSource& source, const ImportOptions& options) {
    ImportReport report;
    report.dry_run = options.dry_run;
    try {
        csv::Reader reader(source);
        csv::Record record;
        const bool has_header = reader.next(record);
        if (reader.encoding()) report.encoding = std::string(csv::encoding_name(*reader.encoding()));
        report.delimiter = reader.delimiter();
        auto decoding_failed = [&] {
            const auto& e = *reader.error();
            report.file_errors.push_back({"Datei abgelehnt: " + e.what_de + " bei Byte " + std::to_string(e.byte_offset),
                                          "file refused: " + e.what + " at byte " + std::to_string(e.byte_offset),
                                          e.byte_offset});
        };
        if (!has_header) {
            if (reader.error()) {
                decoding_failed();
            } else {
                report.file_errors.push_back({"die Datei ist leer", "the file is empty", std::nullopt});
            }
            return Result<ImportReport>::ok(std::move(report));
        }
        const VacancyHeader header = map_vacancy_header(record.fields);
        for (const auto& w : header.warnings) report.warnings.push_back({record.line, w});
        for (const auto& e : header.errors) {
            report.file_errors.push_back({"Zeile " + std::to_string(record.line) + ": " + e.reason_de,
                                          "line " + std::to_string(record.line) + ": " + e.reason_en, std::nullopt});
        }
        if (!report.file_errors.empty()) return Result<ImportReport>::ok(std::move(report));

        Connection& connection = store.connection();
        // Bounded page caches (32 + 8 MiB) keep large imports off the disk without growing with the file.
        connection.exec("PRAGMA main.cache_size = -32768; PRAGMA temp.cache_size = -8192");
        std::optional<RollbackJournalWhileAlone> journal;  // outlives the transaction
        std::optional<ForeignKeysCheckedAtEnd> foreign_keys;  // outlives the transaction too
        if (vacancies_empty(connection)) {
            if (!options.dry_run) journal.emplace(connection);
            foreign_keys.emplace(connection);
        }
        Transaction transaction(connection);
        connection.exec(kCreateScratchSql);
        BulkLoad bulk(connection);
        const UnresolvedSkills unresolved;
        ColumnEncoder encoder(options.resolver != nullptr ? *options.resolver : unresolved);
        VacancyWriter writer(connection, encoder, utc_now(), bulk.active());
        RowPipeline rows(reader, header, bulk.active() ? &encoder : nullptr);
        RowPipeline::Batch batch;
        while (rows.next(batch)) {
            for (auto& [line, row, fingerprint, columns] : batch) {
                ++report.read;
                for (auto& w : row.warnings) report.warnings.push_back({line, std::move(w)});
                if (row.vacancy) {
                    std::uint64_t first_line = 0;
                    const EncodedColumns* encoded = bulk.active() ? &columns : nullptr;
                    switch (writer.write(*row.vacancy, encoded, fingerprint, line, first_line)) {
                        case VacancyWriter::Outcome::inserted: ++report.inserted; break;
                        case VacancyWriter::Outcome::updated: ++report.updated; break;
                        case VacancyWriter::Outcome::unchanged: ++report.unchanged; break;
                        case VacancyWriter::Outcome::duplicate:
                            row.problems.push_back(repeated_row(header, first_line));
                            break;
                    }
                }
                if (!row.problems.empty()) {
                    ++report.rejected;
                    for (auto& p : row.problems) add_rejection(report, line, std::move(p));
                    // (A bulk load found the table empty: nothing to keep.)
                    if (options.replace && !bulk.active()) writer.keep(row.employer, row.reference);
                }
            }
            writer.end_batch();
        }
        if (reader.error()) {
            decoding_failed();
            discard_counts(report);
            return Result<ImportReport>::ok(std::move(report));
        }
        writer.flush_seen();
        if (bulk.active()) {
            std::vector<RowReport> repeats;
            for (const auto& r : bulk.finish()) {
                --report.inserted;
                ++report.rejected;
                repeats.push_back({r.line, repeated_row(header, r.first_line)});
            }
            add_late_rejections(report, std::move(repeats));
        }
        if (options.replace && !bulk.active()) {  // (a bulk load found the table empty: nothing is missing)
            const std::string now = utc_now();
            Statement close(connection, kCloseMissingSql);
            close.bind(1, now).bind(2, now).run();
            report.closed = static_cast<std::uint64_t>(connection.changes());
        }
        // Before the dry run returns too: it reports what the import would do.
        if (foreign_keys) foreign_keys->verify();
        if (options.strict && report.rejected > 0) {
            discard_counts(report);
            return Result<ImportReport>::ok(std::move(report));
        }
        if (options.dry_run) return Result<ImportReport>::ok(std::move(report));
        const std::string detail = "read=" + std::to_string(report.read) + " inserted=" + std::to_string(report.inserted) +
                                   " updated=" + std::to_string(report.updated) +
                                   " unchanged=" + std::to_string(report.unchanged) +
                                   " closed=" + std::to_string(report.closed) +
                                   " rejected=" + std::to_string(report.rejected);
        Statement audit(connection, kInsertAuditSql);
        audit.bind(1, utc_now()).bind(2, options.actor).bind(3, "vacancies.import").bind(4, "vacancies").bind(5, detail).run();
        transaction.commit();
        report.committed = true;
        return Result<ImportReport>::ok(std::move(report));
    } catch (const Error& e) {
        return Result<ImportReport>::fail(std::string("database error during import: ") + e.what());
    } catch (const std::exception& e) {
        return Result<ImportReport>::fail(std::string("internal error during import: ") + e.what());
    }
}

Result<ImportReport> import_vacancies(Store& store, const std::filesystem::path& file, const ImportOptions& options) {
    std::string error;
    auto source = csv::FileSource::open(file, error);
    if (!source) {
        ImportReport report;
        report.dry_run = options.dry_run;
        report.file_errors.push_back({"Datei kann nicht geöffnet werden: " + error, "cannot open file: " + error,
                                      std::nullopt});
        return Result<ImportReport>::ok(std::move(report));
    }
    return import_vacancies(store, *source, options);
}

}  // namespace kk::db
