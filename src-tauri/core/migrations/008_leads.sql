-- Leads and trials (seed 003: prospect → first contact → trial → enrolled), the filters a
-- school saves to find its segments again, and indexes for the insight queries.

-- A family the school has talked to but not enrolled yet. Converting it creates the family
-- and student through the usual form and links them here, so the funnel can follow it.
CREATE TABLE prospect (
    id                    INTEGER PRIMARY KEY,
    guardian_name         TEXT NOT NULL CHECK (length(trim(guardian_name)) > 0),
    phone                 TEXT,
    child_name            TEXT NOT NULL CHECK (length(trim(child_name)) > 0),
    -- Parents often say "she is seven" rather than a date; an age is kept as the year it implies.
    child_birth_year      INTEGER CHECK (child_birth_year BETWEEN 1900 AND 2200),
    course_id             INTEGER REFERENCES course (id),
    source                TEXT NOT NULL CHECK (source IN ('referral', 'walk_in', 'open_day', 'social_media', 'flyer', 'other')),
    -- Required for a referral when the lead is recorded (checked by Encore, not here): erasing
    -- the referring family sets it to NULL and the lead stays a referral from someone erased.
    referred_by_family_id INTEGER REFERENCES family (id) ON DELETE SET NULL,
    first_contact_on      TEXT NOT NULL,
    notes                 TEXT,
    created_at            TEXT NOT NULL,
    updated_at            TEXT NOT NULL,
    -- Set together when the lead enrolls.
    family_id             INTEGER REFERENCES family (id),
    student_id            INTEGER REFERENCES student (id),
    converted_on          TEXT,
    -- Set together when the lead dropped out, in the renewal desk's categories.
    closed_reason         TEXT CHECK (closed_reason IN ('results', 'schedule', 'price', 'lost_interest', 'moving', 'other_school', 'other')),
    closed_text           TEXT,
    closed_on             TEXT,
    CHECK (source = 'referral' OR referred_by_family_id IS NULL),
    CHECK ((family_id IS NULL) = (student_id IS NULL) AND (family_id IS NULL) = (converted_on IS NULL)),
    CHECK ((closed_reason IS NULL) = (closed_on IS NULL)),
    CHECK (family_id IS NULL OR closed_on IS NULL)
);
-- The funnel counts leads by the month of first contact.
CREATE INDEX prospect_first_contact ON prospect (first_contact_on);
CREATE INDEX prospect_family ON prospect (family_id) WHERE family_id IS NOT NULL;
CREATE INDEX prospect_student ON prospect (student_id) WHERE student_id IS NOT NULL;
CREATE INDEX prospect_referrer ON prospect (referred_by_family_id) WHERE referred_by_family_id IS NOT NULL;

CREATE TABLE trial_lesson (
    id             INTEGER PRIMARY KEY,
    prospect_id    INTEGER NOT NULL REFERENCES prospect (id),
    course_id      INTEGER NOT NULL REFERENCES course (id),
    class_id       INTEGER REFERENCES class (id),
    -- The school's wall clock.
    scheduled_at   TEXT NOT NULL,
    outcome        TEXT NOT NULL DEFAULT 'pending' CHECK (outcome IN ('pending', 'attended', 'no_show', 'enrolled', 'declined')),
    outcome_reason TEXT,
    recorded_at    TEXT,
    recorded_by    INTEGER REFERENCES staff (id),
    created_at     TEXT NOT NULL,
    CHECK ((outcome = 'pending') = (recorded_at IS NULL) AND (recorded_at IS NULL) = (recorded_by IS NULL))
);
CREATE INDEX trial_lesson_prospect ON trial_lesson (prospect_id, scheduled_at);

-- A combination of segment criteria (renewals, tenure, level, channel, motivation, course…)
-- kept under a name; the definition is JSON so new criteria need no migration.
CREATE TABLE saved_segment (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL CHECK (length(trim(name)) > 0),
    -- Case- and width-folded name: one name, one segment.
    folded     TEXT NOT NULL UNIQUE,
    definition TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

-- Hours sold and used per month read the ledger by day alone; this covers that query.
CREATE INDEX ledger_day ON ledger_entry (occurred_on, kind, halves);

-- What a course sold lately (the sizes a script offers, hours sold per month) is read by
-- course; packages were only indexed by student.
CREATE INDEX package_course ON package (course_id, purchased_on);
