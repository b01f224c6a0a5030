-- What the renewal conversation is built from: each student's achievements (with photos and
-- videos kept in the data folder), the school's upcoming opportunities, the next term's plan
-- per course and level, and the editable script templates.

CREATE TABLE achievement (
    id          INTEGER PRIMARY KEY,
    student_id  INTEGER NOT NULL REFERENCES student (id),
    kind        TEXT NOT NULL CHECK (kind IN ('performance', 'competition', 'grading', 'certificate', 'milestone')),
    title       TEXT NOT NULL CHECK (length(trim(title)) > 0),
    -- e.g. "Second prize", "Grade 3, merit".
    result      TEXT,
    occurred_on TEXT NOT NULL,
    description TEXT,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);
CREATE INDEX achievement_student ON achievement (student_id, occurred_on);

-- A photo or video of an achievement, copied into the data folder under a generated name.
CREATE TABLE achievement_media (
    id             INTEGER PRIMARY KEY,
    achievement_id INTEGER NOT NULL REFERENCES achievement (id) ON DELETE CASCADE,
    stored_name    TEXT NOT NULL UNIQUE,
    original_name  TEXT NOT NULL,
    media_type     TEXT NOT NULL CHECK (media_type IN ('image', 'video')),
    bytes          INTEGER NOT NULL,
    created_at     TEXT NOT NULL
);
CREATE INDEX achievement_media_achievement ON achievement_media (achievement_id);

CREATE TABLE opportunity (
    id          INTEGER PRIMARY KEY,
    kind        TEXT NOT NULL CHECK (kind IN ('competition', 'recital', 'exam', 'camp', 'showcase')),
    title       TEXT NOT NULL CHECK (length(trim(title)) > 0),
    happens_on  TEXT NOT NULL,
    -- NULL: open to every course.
    course_id   INTEGER REFERENCES course (id),
    -- Skill levels it suits (beginner < intermediate < advanced); NULL: no bound.
    level_min   TEXT,
    level_max   TEXT,
    description TEXT,
    created_at  TEXT NOT NULL,
    archived_at TEXT
);
CREATE INDEX opportunity_date ON opportunity (happens_on);

CREATE TABLE term_plan (
    course_id  INTEGER NOT NULL REFERENCES course (id),
    level      TEXT NOT NULL,
    body       TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (course_id, level)
) WITHOUT ROWID;

-- The school's copy of each script template; the shipped ones are copied in on first start
-- and can be restored.
CREATE TABLE script_template (
    motivation TEXT NOT NULL CHECK (motivation IN ('future', 'interest', 'honors')),
    goal       TEXT NOT NULL CHECK (goal IN ('renew', 'trial', 'upsell', 'cross_sell', 'progress', 'feedback')),
    locale     TEXT NOT NULL CHECK (locale IN ('en', 'zh-CN')),
    body       TEXT NOT NULL,
    -- NULL while it is the shipped text.
    edited_at  TEXT,
    PRIMARY KEY (motivation, goal, locale)
) WITHOUT ROWID;
