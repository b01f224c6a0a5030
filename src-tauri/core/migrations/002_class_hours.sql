-- Courses, classes, lesson packages, roll call and the class-hour ledger.
-- Hours are stored as integer half-hours ("halves"): exact sums, and halves are the finest
-- unit schools sell. Package allocation and expiries are derived by replaying the ledger.

CREATE TABLE course (
    id            INTEGER PRIMARY KEY,
    name          TEXT NOT NULL CHECK (length(trim(name)) > 0),
    sort_key      TEXT NOT NULL,
    format        TEXT NOT NULL CHECK (format IN ('private', 'group')),
    lesson_halves INTEGER NOT NULL CHECK (lesson_halves > 0),
    created_at    TEXT NOT NULL,
    archived_at   TEXT
);

CREATE TABLE class (
    id          INTEGER PRIMARY KEY,
    course_id   INTEGER NOT NULL REFERENCES course (id),
    teacher_id  INTEGER NOT NULL REFERENCES staff (id),
    name        TEXT NOT NULL CHECK (length(trim(name)) > 0),
    sort_key    TEXT NOT NULL,
    weekday     INTEGER NOT NULL CHECK (weekday BETWEEN 1 AND 7),
    start_time  TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    archived_at TEXT
);

CREATE TABLE class_student (
    class_id   INTEGER NOT NULL REFERENCES class (id) ON DELETE CASCADE,
    student_id INTEGER NOT NULL REFERENCES student (id),
    PRIMARY KEY (class_id, student_id)
) WITHOUT ROWID;
CREATE INDEX class_student_student ON class_student (student_id);

CREATE TABLE package (
    id               INTEGER PRIMARY KEY,
    student_id       INTEGER NOT NULL REFERENCES student (id),
    course_id        INTEGER NOT NULL REFERENCES course (id),
    purchased_halves INTEGER NOT NULL CHECK (purchased_halves >= 0),
    bonus_halves     INTEGER NOT NULL CHECK (bonus_halves >= 0),
    price_cents      INTEGER NOT NULL CHECK (price_cents >= 0),
    currency         TEXT NOT NULL,
    purchased_on     TEXT NOT NULL,
    valid_from       TEXT NOT NULL,
    valid_until      TEXT NOT NULL CHECK (valid_until >= valid_from),
    -- A package made by a transfer names the package the hours came from.
    transferred_from INTEGER REFERENCES package (id),
    created_at       TEXT NOT NULL
);
CREATE INDEX package_student ON package (student_id, course_id);

-- One roll call per class and start time; saving it again replaces its marks and entries.
CREATE TABLE lesson_session (
    id         INTEGER PRIMARY KEY,
    class_id   INTEGER NOT NULL REFERENCES class (id),
    starts_at  TEXT NOT NULL,
    teacher_id INTEGER NOT NULL REFERENCES staff (id),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (class_id, starts_at)
);

CREATE TABLE attendance (
    session_id     INTEGER NOT NULL REFERENCES lesson_session (id) ON DELETE CASCADE,
    student_id     INTEGER NOT NULL REFERENCES student (id),
    status         TEXT NOT NULL CHECK (status IN ('present', 'late', 'excused', 'unexcused', 'make_up')),
    -- Staff confirmed the lesson may be taken with no hours left.
    allow_negative INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (session_id, student_id)
) WITHOUT ROWID;

-- Facts only: what was bought, used, corrected, refunded or moved. Never updated in place.
CREATE TABLE ledger_entry (
    id          INTEGER PRIMARY KEY,
    student_id  INTEGER NOT NULL REFERENCES student (id),
    course_id   INTEGER NOT NULL REFERENCES course (id),
    package_id  INTEGER REFERENCES package (id),
    kind        TEXT NOT NULL CHECK (kind IN ('purchase', 'bonus', 'lesson', 'correction', 'refund', 'transfer_out', 'transfer_in')),
    halves      INTEGER NOT NULL,
    session_id  INTEGER REFERENCES lesson_session (id) ON DELETE CASCADE,
    occurred_on TEXT NOT NULL,
    reason      TEXT,
    author_id   INTEGER REFERENCES staff (id),
    reverses_id INTEGER REFERENCES ledger_entry (id),
    created_at  TEXT NOT NULL,
    CHECK ((kind = 'lesson') = (session_id IS NOT NULL)),
    CHECK (kind = 'lesson' OR package_id IS NOT NULL)
);
CREATE INDEX ledger_account ON ledger_entry (student_id, course_id, occurred_on);
CREATE INDEX ledger_session ON ledger_entry (session_id);
-- Replaying an account asks of every entry whether something reversed it.
CREATE INDEX ledger_reverses ON ledger_entry (reverses_id) WHERE reverses_id IS NOT NULL;
