-- Goal-based messages (seed 004) and end-of-term feedback: the school's copies of the short
-- message templates, a log of every message staff copied for a family, and the scores parents
-- gave at the end of a term.

-- Like script_template: the shipped texts are copied in at every start and can be restored.
CREATE TABLE message_template (
    motivation TEXT NOT NULL CHECK (motivation IN ('future', 'interest', 'honors')),
    goal       TEXT NOT NULL CHECK (goal IN ('inform_event', 'convert_trial', 'renewal_reminder', 'upsell_hours', 'cross_sell', 'progress_update', 'ask_feedback', 'win_back')),
    locale     TEXT NOT NULL CHECK (locale IN ('en', 'zh-CN')),
    body       TEXT NOT NULL,
    -- NULL while it is the shipped text.
    edited_at  TEXT,
    PRIMARY KEY (motivation, goal, locale)
) WITHOUT ROWID;

-- Encore sends nothing: staff copy a message and paste it into WeChat, SMS or e-mail. Each copy
-- is kept here and written as a note on the family's timeline.
CREATE TABLE message_log (
    id         INTEGER PRIMARY KEY,
    family_id  INTEGER NOT NULL REFERENCES family (id),
    student_id INTEGER REFERENCES student (id),
    goal       TEXT NOT NULL CHECK (goal IN ('inform_event', 'convert_trial', 'renewal_reminder', 'upsell_hours', 'cross_sell', 'progress_update', 'ask_feedback', 'win_back')),
    channel    TEXT NOT NULL CHECK (channel IN ('wechat', 'sms', 'email')),
    body       TEXT NOT NULL,
    -- The timeline note written with it; staff may delete that note and keep the log.
    note_id    INTEGER REFERENCES note (id) ON DELETE SET NULL,
    copied_by  INTEGER NOT NULL REFERENCES staff (id),
    copied_at  TEXT NOT NULL
);
CREATE INDEX message_log_family ON message_log (family_id, copied_at);
CREATE INDEX message_log_note ON message_log (note_id);

-- What a family said about a term, scored 1–5; only the overall score is required.
CREATE TABLE family_feedback (
    id            INTEGER PRIMARY KEY,
    family_id     INTEGER NOT NULL REFERENCES family (id),
    student_id    INTEGER REFERENCES student (id),
    -- The school's own label, e.g. "2026 秋季" or "Autumn 2026"; averages group by it.
    term          TEXT NOT NULL CHECK (length(trim(term)) > 0),
    teaching      INTEGER CHECK (teaching BETWEEN 1 AND 5),
    progress      INTEGER CHECK (progress BETWEEN 1 AND 5),
    communication INTEGER CHECK (communication BETWEEN 1 AND 5),
    overall       INTEGER NOT NULL CHECK (overall BETWEEN 1 AND 5),
    body          TEXT,
    recorded_by   INTEGER NOT NULL REFERENCES staff (id),
    recorded_at   TEXT NOT NULL
);
CREATE INDEX family_feedback_family ON family_feedback (family_id, recorded_at);
CREATE INDEX family_feedback_term ON family_feedback (term);
