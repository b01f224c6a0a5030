-- The renewal desk: one renewal cycle per student, course and package, from "to contact" to
-- an outcome; the prepaid-rule override a sale was made under; and which notes Encore wrote
-- itself.

CREATE TABLE renewal_cycle (
    id                 INTEGER PRIMARY KEY,
    student_id         INTEGER NOT NULL REFERENCES student (id),
    course_id          INTEGER NOT NULL REFERENCES course (id),
    -- The package being renewed: the account's newest when the cycle opened. NULL when the
    -- account has lessons on credit but was never sold a package.
    package_id         INTEGER REFERENCES package (id),
    status             TEXT NOT NULL CHECK (status IN ('to_contact', 'contacted', 'meeting_scheduled', 'renewed', 'postponed', 'declined')),
    meeting_at         TEXT,
    postponed_until    TEXT,
    declined_reason    TEXT CHECK (declined_reason IN ('results', 'schedule', 'price', 'lost_interest', 'moving', 'other_school', 'other')),
    declined_text      TEXT,
    renewed_package_id INTEGER REFERENCES package (id),
    opened_at          TEXT NOT NULL,
    updated_at         TEXT NOT NULL,
    -- Set when renewed or declined: renewal rates count cycles by the day they closed.
    closed_on          TEXT,
    CHECK ((status = 'renewed') = (renewed_package_id IS NOT NULL)),
    CHECK ((status = 'declined') = (declined_reason IS NOT NULL)),
    CHECK ((status IN ('renewed', 'declined')) = (closed_on IS NOT NULL))
);
CREATE UNIQUE INDEX renewal_cycle_package ON renewal_cycle (student_id, course_id, coalesce(package_id, 0));
CREATE INDEX renewal_cycle_closed ON renewal_cycle (closed_on) WHERE closed_on IS NOT NULL;

-- Who sold a package, and why a sale beyond the school's prepaid rules was allowed.
ALTER TABLE package ADD COLUMN sold_by INTEGER REFERENCES staff (id);
ALTER TABLE package ADD COLUMN rule_override TEXT;

-- Notes Encore wrote on a status change. Only those that record a conversation count as
-- contact with the family.
ALTER TABLE note ADD COLUMN automatic INTEGER NOT NULL DEFAULT 0;
