#include "db/migrations.hpp"

#include <string>

namespace kk::db {
namespace {

// Version 1: the walking skeleton's metadata table.
constexpr char kMigrateTo1[] = R"sql(
CREATE TABLE app_meta (
    key   TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL
) STRICT;
)sql";

// Version 2: the product's schema. Personal data hangs off candidates with ON DELETE CASCADE so erasing
// a candidate removes everything of theirs in one DELETE; the audit log keeps only ids, never personal data.
constexpr char kMigrateTo2[] = R"sql(
-- The catalog: our own categories, occupations and skills (db/catalog/catalog.json), named by a stable
-- code and linked to ESCO where a concept really matches.
CREATE TABLE catalog_categories (
    id        INTEGER PRIMARY KEY,
    code      TEXT NOT NULL UNIQUE,
    icon      TEXT NOT NULL DEFAULT '',
    codepoint TEXT NOT NULL DEFAULT '',
    position  INTEGER NOT NULL DEFAULT 0
) STRICT;

CREATE TABLE occupations (
    id          INTEGER PRIMARY KEY,
    code        TEXT NOT NULL UNIQUE,
    esco_uri    TEXT UNIQUE,
    isco_code   TEXT,
    category_id INTEGER REFERENCES catalog_categories (id) ON DELETE SET NULL,
    icon        TEXT NOT NULL DEFAULT '',
    codepoint   TEXT NOT NULL DEFAULT '',
    regulated   INTEGER NOT NULL DEFAULT 0 CHECK (regulated IN (0, 1))
) STRICT;
CREATE INDEX occupations_category ON occupations (category_id);

CREATE TABLE skills (
    id               INTEGER PRIMARY KEY,
    code             TEXT NOT NULL UNIQUE,
    esco_uri         TEXT UNIQUE,
    skill_type       TEXT NOT NULL DEFAULT '',
    broader_skill_id INTEGER REFERENCES skills (id) ON DELETE SET NULL,
    category_id      INTEGER REFERENCES catalog_categories (id) ON DELETE SET NULL
) STRICT;
CREATE INDEX skills_broader ON skills (broader_skill_id);

CREATE TABLE occupation_skills (
    occupation_id INTEGER NOT NULL REFERENCES occupations (id) ON DELETE CASCADE,
    skill_id      INTEGER NOT NULL REFERENCES skills (id) ON DELETE CASCADE,
    relation      TEXT NOT NULL CHECK (relation IN ('essential', 'optional')),
    PRIMARY KEY (occupation_id, skill_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX occupation_skills_skill ON occupation_skills (skill_id);

-- Labels per (concept, language): one preferred label, synonyms as a JSON array of strings.
CREATE TABLE category_labels (
    category_id INTEGER NOT NULL REFERENCES catalog_categories (id) ON DELETE CASCADE,
    language    TEXT NOT NULL,
    preferred   TEXT NOT NULL,
    synonyms    TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(synonyms)),
    reviewed    INTEGER NOT NULL DEFAULT 0 CHECK (reviewed IN (0, 1)),
    PRIMARY KEY (category_id, language)
) STRICT, WITHOUT ROWID;

CREATE TABLE occupation_labels (
    occupation_id INTEGER NOT NULL REFERENCES occupations (id) ON DELETE CASCADE,
    language      TEXT NOT NULL,
    preferred     TEXT NOT NULL,
    synonyms      TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(synonyms)),
    reviewed      INTEGER NOT NULL DEFAULT 0 CHECK (reviewed IN (0, 1)),
    PRIMARY KEY (occupation_id, language)
) STRICT, WITHOUT ROWID;

CREATE TABLE skill_labels (
    skill_id  INTEGER NOT NULL REFERENCES skills (id) ON DELETE CASCADE,
    language  TEXT NOT NULL,
    preferred TEXT NOT NULL,
    synonyms  TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(synonyms)),
    reviewed  INTEGER NOT NULL DEFAULT 0 CHECK (reviewed IN (0, 1)),
    PRIMARY KEY (skill_id, language)
) STRICT, WITHOUT ROWID;

-- One postcode can cover several places, each with its own coordinates.
CREATE TABLE postcodes (
    postcode  TEXT NOT NULL CHECK (length(postcode) = 5),
    place     TEXT NOT NULL,
    state     TEXT NOT NULL DEFAULT '',
    latitude  REAL NOT NULL CHECK (latitude BETWEEN -90 AND 90),
    longitude REAL NOT NULL CHECK (longitude BETWEEN -180 AND 180),
    PRIMARY KEY (postcode, place)
) STRICT, WITHOUT ROWID;

CREATE TABLE employers (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    name_key   TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL
) STRICT;

CREATE TABLE vacancies (
    id               INTEGER PRIMARY KEY,
    employer_id      INTEGER NOT NULL REFERENCES employers (id) ON DELETE CASCADE,
    reference        TEXT NOT NULL,
    title            TEXT NOT NULL,
    postcode         TEXT NOT NULL CHECK (length(postcode) = 5),
    city             TEXT NOT NULL DEFAULT '',
    german_level     TEXT CHECK (german_level IN ('A1', 'A2', 'B1', 'B2', 'C1', 'C2')),
    language_support INTEGER NOT NULL DEFAULT 0 CHECK (language_support IN (0, 1)),
    driving_licence  TEXT NOT NULL DEFAULT '',
    hours            TEXT NOT NULL DEFAULT '',
    description      TEXT NOT NULL DEFAULT '',
    contact          TEXT NOT NULL DEFAULT '',
    valid_until      TEXT,
    status           TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
    fingerprint      INTEGER NOT NULL,
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL,
    closed_at        TEXT,
    UNIQUE (employer_id, reference)
) STRICT;
CREATE INDEX vacancies_status_postcode ON vacancies (status, postcode);

CREATE TABLE vacancy_skills (
    vacancy_id INTEGER NOT NULL REFERENCES vacancies (id) ON DELETE CASCADE,
    kind       TEXT NOT NULL CHECK (kind IN ('required', 'optional')),
    position   INTEGER NOT NULL,
    text       TEXT NOT NULL,
    skill_id   INTEGER REFERENCES skills (id) ON DELETE SET NULL,
    confidence REAL NOT NULL DEFAULT 0 CHECK (confidence BETWEEN 0 AND 1),
    PRIMARY KEY (vacancy_id, kind, position)
) STRICT, WITHOUT ROWID;
CREATE INDEX vacancy_skills_skill ON vacancy_skills (skill_id);

CREATE TABLE staff_users (
    id              INTEGER PRIMARY KEY,
    username        TEXT NOT NULL UNIQUE,
    display_name    TEXT NOT NULL DEFAULT '',
    role            TEXT NOT NULL CHECK (role IN ('admin', 'staff')),
    password_hash   TEXT NOT NULL,
    failed_attempts INTEGER NOT NULL DEFAULT 0 CHECK (failed_attempts >= 0),
    locked_until    TEXT,
    disabled        INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
) STRICT;

CREATE TABLE candidates (
    id                   INTEGER PRIMARY KEY,
    resume_code          TEXT NOT NULL UNIQUE,
    status               TEXT NOT NULL DEFAULT 'incomplete' CHECK (status IN ('incomplete', 'complete')),
    ui_language          TEXT NOT NULL,
    given_name           TEXT NOT NULL DEFAULT '',
    family_name          TEXT NOT NULL DEFAULT '',
    birth_date           TEXT,
    nationality          TEXT NOT NULL DEFAULT '',
    phone                TEXT NOT NULL DEFAULT '',
    email                TEXT NOT NULL DEFAULT '',
    street               TEXT NOT NULL DEFAULT '',
    postcode             TEXT CHECK (postcode IS NULL OR length(postcode) = 5),
    city                 TEXT NOT NULL DEFAULT '',
    photo                BLOB,
    consent_at           TEXT NOT NULL,
    consent_text_version TEXT NOT NULL,
    consent_language     TEXT NOT NULL,
    created_at           TEXT NOT NULL,
    updated_at           TEXT NOT NULL
) STRICT;

CREATE TABLE work_experiences (
    id            INTEGER PRIMARY KEY,
    candidate_id  INTEGER NOT NULL REFERENCES candidates (id) ON DELETE CASCADE,
    position      INTEGER NOT NULL,
    occupation_id INTEGER REFERENCES occupations (id) ON DELETE SET NULL,
    title         TEXT NOT NULL DEFAULT '',
    language      TEXT NOT NULL,
    employer      TEXT NOT NULL DEFAULT '',
    city          TEXT NOT NULL DEFAULT '',
    country       TEXT NOT NULL DEFAULT '',
    start_month   TEXT,
    end_month     TEXT,
    is_current    INTEGER NOT NULL DEFAULT 0 CHECK (is_current IN (0, 1)),
    description   TEXT NOT NULL DEFAULT '',
    UNIQUE (candidate_id, position)
) STRICT;

CREATE TABLE educations (
    id           INTEGER PRIMARY KEY,
    candidate_id INTEGER NOT NULL REFERENCES candidates (id) ON DELETE CASCADE,
    position     INTEGER NOT NULL,
    kind         TEXT NOT NULL CHECK (kind IN ('school', 'vocational', 'university', 'course', 'other')),
    title        TEXT NOT NULL DEFAULT '',
    language     TEXT NOT NULL,
    institution  TEXT NOT NULL DEFAULT '',
    city         TEXT NOT NULL DEFAULT '',
    country      TEXT NOT NULL DEFAULT '',
    start_month  TEXT,
    end_month    TEXT,
    completed    INTEGER NOT NULL DEFAULT 0 CHECK (completed IN (0, 1)),
    recognition  TEXT NOT NULL DEFAULT 'unknown'
        CHECK (recognition IN ('unknown', 'not_needed', 'not_started', 'in_progress', 'partial', 'full', 'refused')),
    UNIQUE (candidate_id, position)
) STRICT;

CREATE TABLE candidate_languages (
    candidate_id INTEGER NOT NULL REFERENCES candidates (id) ON DELETE CASCADE,
    language     TEXT NOT NULL,
    level        TEXT NOT NULL CHECK (level IN ('A1', 'A2', 'B1', 'B2', 'C1', 'C2', 'native')),
    certificate  TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (candidate_id, language)
) STRICT, WITHOUT ROWID;

CREATE TABLE candidate_skills (
    id           INTEGER PRIMARY KEY,
    candidate_id INTEGER NOT NULL REFERENCES candidates (id) ON DELETE CASCADE,
    skill_id     INTEGER REFERENCES skills (id) ON DELETE SET NULL,
    free_text    TEXT,
    language     TEXT NOT NULL,
    source       TEXT NOT NULL DEFAULT 'self_reported' CHECK (source IN ('self_reported', 'verified')),
    verified_by  INTEGER REFERENCES staff_users (id) ON DELETE SET NULL,
    verified_at  TEXT,
    CHECK (skill_id IS NOT NULL OR free_text IS NOT NULL)
) STRICT;
CREATE INDEX candidate_skills_candidate ON candidate_skills (candidate_id);
CREATE INDEX candidate_skills_skill ON candidate_skills (skill_id);

CREATE TABLE candidate_mobility (
    candidate_id                INTEGER PRIMARY KEY NOT NULL REFERENCES candidates (id) ON DELETE CASCADE,
    licence_classes             TEXT NOT NULL DEFAULT '',
    foreign_licence_unconverted INTEGER NOT NULL DEFAULT 0 CHECK (foreign_licence_unconverted IN (0, 1)),
    max_commute_km              INTEGER CHECK (max_commute_km IS NULL OR max_commute_km >= 0),
    public_transport            INTEGER NOT NULL DEFAULT 0 CHECK (public_transport IN (0, 1)),
    car                         INTEGER NOT NULL DEFAULT 0 CHECK (car IN (0, 1)),
    bike                        INTEGER NOT NULL DEFAULT 0 CHECK (bike IN (0, 1))
) STRICT;

CREATE TABLE candidate_availability (
    candidate_id   INTEGER PRIMARY KEY NOT NULL REFERENCES candidates (id) ON DELETE CASCADE,
    available_from TEXT,
    hours          TEXT NOT NULL DEFAULT '',
    shift_work     INTEGER NOT NULL DEFAULT 0 CHECK (shift_work IN (0, 1)),
    weekends       INTEGER NOT NULL DEFAULT 0 CHECK (weekends IN (0, 1))
) STRICT;

CREATE TABLE match_reviews (
    id                INTEGER PRIMARY KEY,
    candidate_id      INTEGER NOT NULL REFERENCES candidates (id) ON DELETE CASCADE,
    vacancy_id        INTEGER NOT NULL REFERENCES vacancies (id) ON DELETE CASCADE,
    score             REAL NOT NULL DEFAULT 0,
    status            TEXT NOT NULL DEFAULT 'proposed'
        CHECK (status IN ('proposed', 'in_review', 'approved', 'rejected', 'contacted', 'hired', 'withdrawn')),
    status_changed_by INTEGER REFERENCES staff_users (id) ON DELETE SET NULL,
    status_changed_at TEXT NOT NULL,
    notes             TEXT NOT NULL DEFAULT '',
    created_at        TEXT NOT NULL,
    UNIQUE (candidate_id, vacancy_id)
) STRICT;
CREATE INDEX match_reviews_vacancy ON match_reviews (vacancy_id);
CREATE INDEX match_reviews_status ON match_reviews (status);

-- Every status change of a review: who moved it where, when, with an optional note.
CREATE TABLE match_review_events (
    id            INTEGER PRIMARY KEY,
    review_id     INTEGER NOT NULL REFERENCES match_reviews (id) ON DELETE CASCADE,
    status        TEXT NOT NULL,
    staff_user_id INTEGER REFERENCES staff_users (id) ON DELETE SET NULL,
    at            TEXT NOT NULL,
    note          TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX match_review_events_review ON match_review_events (review_id);

-- Append-only: ids and event names only (no personal data), so it may outlive an erased candidate.
CREATE TABLE audit_log (
    id           INTEGER PRIMARY KEY,
    at           TEXT NOT NULL,
    actor        TEXT NOT NULL,
    action       TEXT NOT NULL,
    subject_kind TEXT NOT NULL DEFAULT '',
    subject_id   INTEGER,
    detail       TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;
)sql";

// Version 3: regulated occupations carry a note per language that recognition (Anerkennung) is needed.
constexpr char kMigrateTo3[] = R"sql(
ALTER TABLE occupation_labels ADD COLUMN recognition_note TEXT NOT NULL DEFAULT '';
)sql";

// Version 4: the review workflow of staff mode. SQLite cannot alter a CHECK, so match_reviews (and
// match_review_events, which references it and would lose rows to the cascade) are rebuilt through temp copies;
// the status gains 'interview' and a rejection carries its reason; a verified skill says how it was verified.
constexpr char kMigrateTo4[] = R"sql(
CREATE TEMP TABLE v4_match_reviews AS
    SELECT id, candidate_id, vacancy_id, score, status, status_changed_by, status_changed_at, notes, created_at
    FROM match_reviews;
CREATE TEMP TABLE v4_match_review_events AS
    SELECT id, review_id, status, staff_user_id, at, note FROM match_review_events;
DROP TABLE match_review_events;
DROP TABLE match_reviews;

CREATE TABLE match_reviews (
    id                INTEGER PRIMARY KEY,
    candidate_id      INTEGER NOT NULL REFERENCES candidates (id) ON DELETE CASCADE,
    vacancy_id        INTEGER NOT NULL REFERENCES vacancies (id) ON DELETE CASCADE,
    score             REAL NOT NULL DEFAULT 0,
    status            TEXT NOT NULL DEFAULT 'proposed'
        CHECK (status IN ('proposed', 'in_review', 'approved', 'contacted', 'interview', 'hired', 'rejected',
                          'withdrawn')),
    rejection_reason  TEXT NOT NULL DEFAULT '',
    status_changed_by INTEGER REFERENCES staff_users (id) ON DELETE SET NULL,
    status_changed_at TEXT NOT NULL,
    notes             TEXT NOT NULL DEFAULT '',
    created_at        TEXT NOT NULL,
    UNIQUE (candidate_id, vacancy_id)
) STRICT;
CREATE INDEX match_reviews_vacancy ON match_reviews (vacancy_id);
CREATE INDEX match_reviews_status ON match_reviews (status);

CREATE TABLE match_review_events (
    id            INTEGER PRIMARY KEY,
    review_id     INTEGER NOT NULL REFERENCES match_reviews (id) ON DELETE CASCADE,
    status        TEXT NOT NULL,
    reason        TEXT NOT NULL DEFAULT '',
    staff_user_id INTEGER REFERENCES staff_users (id) ON DELETE SET NULL,
    at            TEXT NOT NULL,
    note          TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX match_review_events_review ON match_review_events (review_id);

INSERT INTO match_reviews (id, candidate_id, vacancy_id, score, status, status_changed_by, status_changed_at, notes,
                           created_at)
    SELECT id, candidate_id, vacancy_id, score, status, status_changed_by, status_changed_at, notes, created_at
    FROM temp.v4_match_reviews ORDER BY id;
INSERT INTO match_review_events (id, review_id, status, staff_user_id, at, note)
    SELECT id, review_id, status, staff_user_id, at, note FROM temp.v4_match_review_events ORDER BY id;
DROP TABLE temp.v4_match_review_events;
DROP TABLE temp.v4_match_reviews;

ALTER TABLE candidate_skills ADD COLUMN verification TEXT
    CHECK (verification IS NULL OR verification IN ('certificate', 'myskills', 'trial_work'));
CREATE INDEX audit_log_at ON audit_log (at);
)sql";

// Version 5: ESCO's skill-to-skill relations (skillSkillRelations), for matching related skills.
constexpr char kMigrateTo5[] = R"sql(
CREATE TABLE skill_relations (
    skill_id         INTEGER NOT NULL REFERENCES skills (id) ON DELETE CASCADE,
    related_skill_id INTEGER NOT NULL REFERENCES skills (id) ON DELETE CASCADE,
    relation         TEXT NOT NULL CHECK (relation IN ('essential', 'optional')),
    PRIMARY KEY (skill_id, related_skill_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX skill_relations_related ON skill_relations (related_skill_id);
)sql";

// Version 6: what the kiosk's flow asks and a resume must restore: the name as typed in one's own script,
// years per job and school years (no dates asked), and the step a draft was left on.
constexpr char kMigrateTo6[] = R"sql(
ALTER TABLE candidates ADD COLUMN name_own TEXT NOT NULL DEFAULT '';
ALTER TABLE candidates ADD COLUMN draft_step TEXT
    CHECK (draft_step IS NULL OR draft_step IN ('personal', 'experience', 'skills', 'languages', 'education',
                                                'mobility', 'review', 'done'));
ALTER TABLE work_experiences ADD COLUMN years INTEGER CHECK (years IS NULL OR years BETWEEN 0 AND 80);
ALTER TABLE educations ADD COLUMN years INTEGER CHECK (years IS NULL OR years BETWEEN 0 AND 40);
)sql";

// Version 7: a vacancy's skills move into its own row, as two JSON arrays (required_skills, optional_skills) of
// [text as the employer wrote it, catalog skill id or null, confidence] in the file's order. One B-tree row per
// vacancy instead of one row plus an index entry per skill: the import writes half as much. The view
// vacancy_skills keeps the old shape for reading by hand (code reads the arrays: the view is expanded whole).
// The catalog never deletes skills, so the lost foreign key (ON DELETE SET NULL) guarded nothing the product does.
constexpr char kMigrateTo7[] = R"sql(
ALTER TABLE vacancies ADD COLUMN required_skills TEXT NOT NULL DEFAULT '[]';
ALTER TABLE vacancies ADD COLUMN optional_skills TEXT NOT NULL DEFAULT '[]';
UPDATE vacancies SET
    required_skills = (SELECT json_group_array(json_array(text, skill_id, confidence)) FROM (
        SELECT text, skill_id, confidence FROM vacancy_skills AS s
        WHERE s.vacancy_id = vacancies.id AND s.kind = 'required' ORDER BY s.position)),
    optional_skills = (SELECT json_group_array(json_array(text, skill_id, confidence)) FROM (
        SELECT text, skill_id, confidence FROM vacancy_skills AS s
        WHERE s.vacancy_id = vacancies.id AND s.kind = 'optional' ORDER BY s.position));
DROP INDEX vacancy_skills_skill;
DROP TABLE vacancy_skills;
CREATE VIEW vacancy_skills (vacancy_id, kind, position, text, skill_id, confidence) AS
    SELECT v.id, 'required', s.key, s.value ->> 0, s.value ->> 1, s.value ->> 2
    FROM vacancies AS v, json_each(v.required_skills) AS s
    UNION ALL
    SELECT v.id, 'optional', s.key, s.value ->> 0, s.value ->> 1, s.value ->> 2
    FROM vacancies AS v, json_each(v.optional_skills) AS s;
)sql";

// Version 8: vacancies are rebuilt for the import's sake, with the same columns and data.
// - german_level: a CHECK with a list of more than two values makes SQLite build a small lookup table every
//   time a row is written, which halved the insert rate. GLOB '[ABC][12]' allows exactly the same six levels.
// - The (employer_id, reference) identity is a named unique index, vacancies_identity, instead of a table
//   constraint: a first import into an empty table builds it once at the end rather than row by row (an index
//   that comes with the table cannot be dropped).
// SQLite cannot alter either in place. Dropping vacancies would cascade into match_reviews (and its events), so
// all three go through temp copies as in version 4; the view over the skills is dropped and made again.
constexpr char kMigrateTo8[] = R"sql(
CREATE TEMP TABLE v8_vacancies AS
    SELECT id, employer_id, reference, title, postcode, city, german_level, language_support, driving_licence,
           hours, description, contact, valid_until, status, fingerprint, created_at, updated_at, closed_at,
           required_skills, optional_skills
    FROM vacancies;
CREATE TEMP TABLE v8_match_reviews AS
    SELECT id, candidate_id, vacancy_id, score, status, rejection_reason, status_changed_by, status_changed_at,
           notes, created_at
    FROM match_reviews;
CREATE TEMP TABLE v8_match_review_events AS
    SELECT id, review_id, status, reason, staff_user_id, at, note FROM match_review_events;
DROP VIEW vacancy_skills;
DROP TABLE match_review_events;
DROP TABLE match_reviews;
DROP TABLE vacancies;

CREATE TABLE vacancies (
    id               INTEGER PRIMARY KEY,
    employer_id      INTEGER NOT NULL REFERENCES employers (id) ON DELETE CASCADE,
    reference        TEXT NOT NULL,
    title            TEXT NOT NULL,
    postcode         TEXT NOT NULL CHECK (length(postcode) = 5),
    city             TEXT NOT NULL DEFAULT '',
    german_level     TEXT CHECK (german_level GLOB '[ABC][12]'),
    language_support INTEGER NOT NULL DEFAULT 0 CHECK (language_support IN (0, 1)),
    driving_licence  TEXT NOT NULL DEFAULT '',
    hours            TEXT NOT NULL DEFAULT '',
    description      TEXT NOT NULL DEFAULT '',
    contact          TEXT NOT NULL DEFAULT '',
    valid_until      TEXT,
    status           TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
    fingerprint      INTEGER NOT NULL,
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL,
    closed_at        TEXT,
    required_skills  TEXT NOT NULL DEFAULT '[]',
    optional_skills  TEXT NOT NULL DEFAULT '[]'
) STRICT;
CREATE UNIQUE INDEX vacancies_identity ON vacancies (employer_id, reference);
CREATE INDEX vacancies_status_postcode ON vacancies (status, postcode);

CREATE TABLE match_reviews (
    id                INTEGER PRIMARY KEY,
    candidate_id      INTEGER NOT NULL REFERENCES candidates (id) ON DELETE CASCADE,
    vacancy_id        INTEGER NOT NULL REFERENCES vacancies (id) ON DELETE CASCADE,
    score             REAL NOT NULL DEFAULT 0,
    status            TEXT NOT NULL DEFAULT 'proposed'
        CHECK (status IN ('proposed', 'in_review', 'approved', 'contacted', 'interview', 'hired', 'rejected',
                          'withdrawn')),
    rejection_reason  TEXT NOT NULL DEFAULT '',
    status_changed_by INTEGER REFERENCES staff_users (id) ON DELETE SET NULL,
    status_changed_at TEXT NOT NULL,
    notes             TEXT NOT NULL DEFAULT '',
    created_at        TEXT NOT NULL,
    UNIQUE (candidate_id, vacancy_id)
) STRICT;
CREATE INDEX match_reviews_vacancy ON match_reviews (vacancy_id);
CREATE INDEX match_reviews_status ON match_reviews (status);

CREATE TABLE match_review_events (
    id            INTEGER PRIMARY KEY,
    review_id     INTEGER NOT NULL REFERENCES match_reviews (id) ON DELETE CASCADE,
    status        TEXT NOT NULL,
    reason        TEXT NOT NULL DEFAULT '',
    staff_user_id INTEGER REFERENCES staff_users (id) ON DELETE SET NULL,
    at            TEXT NOT NULL,
    note          TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX match_review_events_review ON match_review_events (review_id);

INSERT INTO vacancies (id, employer_id, reference, title, postcode, city, german_level, language_support,
                       driving_licence, hours, description, contact, valid_until, status, fingerprint, created_at,
                       updated_at, closed_at, required_skills, optional_skills)
    SELECT id, employer_id, reference, title, postcode, city, german_level, language_support, driving_licence,
           hours, description, contact, valid_until, status, fingerprint, created_at, updated_at, closed_at,
           required_skills, optional_skills
    FROM temp.v8_vacancies ORDER BY id;
INSERT INTO match_reviews (id, candidate_id, vacancy_id, score, status, rejection_reason, status_changed_by,
                           status_changed_at, notes, created_at)
    SELECT id, candidate_id, vacancy_id, score, status, rejection_reason, status_changed_by, status_changed_at,
           notes, created_at
    FROM temp.v8_match_reviews ORDER BY id;
INSERT INTO match_review_events (id, review_id, status, reason, staff_user_id, at, note)
    SELECT id, review_id, status, reason, staff_user_id, at, note FROM temp.v8_match_review_events ORDER BY id;
DROP TABLE temp.v8_match_review_events;
DROP TABLE temp.v8_match_reviews;
DROP TABLE temp.v8_vacancies;

CREATE VIEW vacancy_skills (vacancy_id, kind, position, text, skill_id, confidence) AS
    SELECT v.id, 'required', s.key, s.value ->> 0, s.value ->> 1, s.value ->> 2
    FROM vacancies AS v, json_each(v.required_skills) AS s
    UNION ALL
    SELECT v.id, 'optional', s.key, s.value ->> 0, s.value ->> 1, s.value ->> 2
    FROM vacancies AS v, json_each(v.optional_skills) AS s;
)sql";

constexpr const char* kLadder[] = {
    kMigrateTo1,
    kMigrateTo2,
    kMigrateTo3,
    kMigrateTo4,
    kMigrateTo5,
    kMigrateTo6,
    kMigrateTo7,
    kMigrateTo8,
};
constexpr int kLatest = static_cast<int>(std::size(kLadder));

int read_version(Connection& connection) {
    Statement version(connection, "PRAGMA user_version");
    return version.step() ? static_cast<int>(version.column_int(0)) : 0;
}

}  // namespace

int latest_migration() { return kLatest; }

void migrate(Connection& connection) { migrate_to(connection, kLatest); }

void migrate_to(Connection& connection, int target) {
    auto check = [](int version) {
        if (version > kLatest) {
            throw Error("database schema version " + std::to_string(version) + " is newer than this program");
        }
    };
    // Most opens find the file up to date: they read the version and take no write lock, so they open at once
    // while another connection writes (an import, say) instead of waiting for it.
    int version = read_version(connection);
    check(version);
    if (version >= target) return;
    Transaction transaction(connection);
    version = read_version(connection);  // again under the lock: another program may have migrated meanwhile
    check(version);
    while (version < target) {
        connection.exec(kLadder[version]);
        ++version;
        connection.exec(("PRAGMA user_version = " + std::to_string(version)).c_str());
    }
    transaction.commit();
}

}  // namespace kk::db
