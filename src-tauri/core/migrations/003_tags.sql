-- Why each guardian enrolled (the tagging wizard's result, with its history), and the
-- school's own tags for guardians and students.

-- Every wizard run is kept; the newest row per guardian is the current one.
CREATE TABLE guardian_motivation (
    id                    INTEGER PRIMARY KEY,
    guardian_id           INTEGER NOT NULL REFERENCES guardian (id),
    primary_type          TEXT NOT NULL CHECK (primary_type IN ('future', 'interest', 'honors')),
    secondary_type        TEXT CHECK (secondary_type IN ('future', 'interest', 'honors')),
    suggested_type        TEXT CHECK (suggested_type IN ('future', 'interest', 'honors')),
    answers               TEXT NOT NULL,
    questionnaire_version INTEGER NOT NULL,
    tagged_by             INTEGER NOT NULL REFERENCES staff (id),
    tagged_at             TEXT NOT NULL,
    CHECK (secondary_type IS NULL OR secondary_type <> primary_type)
);
CREATE INDEX guardian_motivation_guardian ON guardian_motivation (guardian_id, id);

CREATE TABLE tag (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL CHECK (length(trim(name)) > 0),
    -- Case- and width-folded name: "VIP" and "ｖｉｐ" are the same tag.
    folded      TEXT NOT NULL UNIQUE,
    sort_key    TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    archived_at TEXT
);

-- Who carries which tag, and since when; removing a tag keeps the row (history).
CREATE TABLE tag_link (
    id          INTEGER PRIMARY KEY,
    tag_id      INTEGER NOT NULL REFERENCES tag (id),
    guardian_id INTEGER REFERENCES guardian (id),
    student_id  INTEGER REFERENCES student (id),
    added_at    TEXT NOT NULL,
    removed_at  TEXT,
    CHECK ((guardian_id IS NULL) <> (student_id IS NULL))
);
CREATE INDEX tag_link_guardian ON tag_link (guardian_id) WHERE removed_at IS NULL;
CREATE INDEX tag_link_student ON tag_link (student_id) WHERE removed_at IS NULL;
CREATE INDEX tag_link_tag ON tag_link (tag_id) WHERE removed_at IS NULL;
