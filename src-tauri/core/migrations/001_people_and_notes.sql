-- Families, guardians, students, staff, communication notes, settings and the search index.
-- Timestamps are RFC 3339 UTC text; dates are YYYY-MM-DD; note times are the school's wall clock.

CREATE TABLE staff (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL CHECK (length(trim(name)) > 0),
    role        TEXT NOT NULL CHECK (role IN ('admin', 'teacher')),
    sort_key    TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    archived_at TEXT
);

CREATE TABLE family (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL CHECK (length(trim(name)) > 0),
    sort_key    TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    archived_at TEXT
);
CREATE INDEX family_sort ON family (sort_key);

CREATE TABLE guardian (
    id                INTEGER PRIMARY KEY,
    family_id         INTEGER NOT NULL REFERENCES family (id),
    name              TEXT NOT NULL CHECK (length(trim(name)) > 0),
    sort_key          TEXT NOT NULL,
    mobile            TEXT,
    wechat_id         TEXT,
    email             TEXT,
    preferred_channel TEXT CHECK (preferred_channel IN ('wechat', 'phone', 'sms', 'email', 'in_person')),
    best_time         TEXT,
    created_at        TEXT NOT NULL,
    updated_at        TEXT NOT NULL,
    archived_at       TEXT
);
CREATE INDEX guardian_family ON guardian (family_id);

CREATE TABLE student (
    id                  INTEGER PRIMARY KEY,
    family_id           INTEGER NOT NULL REFERENCES family (id),
    name                TEXT NOT NULL CHECK (length(trim(name)) > 0),
    sort_key            TEXT NOT NULL,
    birth_date          TEXT,
    gender              TEXT CHECK (gender IN ('female', 'male', 'other')),
    courses_of_interest TEXT NOT NULL DEFAULT '[]',
    skill_level         TEXT,
    status              TEXT NOT NULL CHECK (status IN ('prospect', 'trial', 'active', 'paused', 'lapsed')),
    enrolled_on         TEXT,
    created_at          TEXT NOT NULL,
    updated_at          TEXT NOT NULL,
    archived_at         TEXT
);
CREATE INDEX student_family ON student (family_id);
CREATE INDEX student_sort ON student (sort_key);

-- Which guardian is what to which student; siblings share guardians through this table.
CREATE TABLE student_guardian (
    student_id   INTEGER NOT NULL REFERENCES student (id) ON DELETE CASCADE,
    guardian_id  INTEGER NOT NULL REFERENCES guardian (id) ON DELETE CASCADE,
    relationship TEXT NOT NULL CHECK (relationship IN ('mother', 'father', 'grandmother', 'grandfather', 'other')),
    PRIMARY KEY (student_id, guardian_id)
) WITHOUT ROWID;
CREATE INDEX student_guardian_guardian ON student_guardian (guardian_id);

CREATE TABLE note (
    id          INTEGER PRIMARY KEY,
    family_id   INTEGER NOT NULL REFERENCES family (id),
    student_id  INTEGER REFERENCES student (id),
    guardian_id INTEGER REFERENCES guardian (id),
    author_id   INTEGER NOT NULL REFERENCES staff (id),
    channel     TEXT NOT NULL CHECK (channel IN ('wechat', 'phone', 'sms', 'email', 'in_person')),
    kind        TEXT NOT NULL CHECK (kind IN ('enrollment_talk', 'progress_update', 'renewal_talk', 'complaint', 'feedback', 'other')),
    body        TEXT NOT NULL CHECK (length(trim(body)) > 0),
    occurred_at TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);
CREATE INDEX note_family ON note (family_id, occurred_at);

CREATE TABLE setting (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;

-- One row per searchable record. `keys` holds the name, its pinyin (full, spaced, initials),
-- phone digits, WeChat ID, e-mail, or a note's text, lower-cased.
CREATE TABLE search_doc (
    id        INTEGER PRIMARY KEY,
    kind      TEXT NOT NULL CHECK (kind IN ('family', 'guardian', 'student', 'note')),
    ref_id    INTEGER NOT NULL,
    family_id INTEGER NOT NULL,
    keys      TEXT NOT NULL,
    UNIQUE (kind, ref_id)
);

-- Trigram index: substring search in any script. Queries shorter than three characters
-- (two-character Chinese names) fall back to a scan of the same table.
CREATE VIRTUAL TABLE search_fts USING fts5 (
    keys,
    content = 'search_doc',
    content_rowid = 'id',
    tokenize = 'trigram'
);

CREATE TRIGGER search_doc_ai AFTER INSERT ON search_doc BEGIN
    INSERT INTO search_fts (rowid, keys) VALUES (new.id, new.keys);
END;
CREATE TRIGGER search_doc_ad AFTER DELETE ON search_doc BEGIN
    INSERT INTO search_fts (search_fts, rowid, keys) VALUES ('delete', old.id, old.keys);
END;
CREATE TRIGGER search_doc_au AFTER UPDATE ON search_doc BEGIN
    INSERT INTO search_fts (search_fts, rowid, keys) VALUES ('delete', old.id, old.keys);
    INSERT INTO search_fts (rowid, keys) VALUES (new.id, new.keys);
END;
