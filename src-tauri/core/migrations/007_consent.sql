-- Guardian consent (PIPL, GDPR): what a family agreed to, when, before whom. Every decision
-- is kept; the newest row per family is the one in force.

CREATE TABLE consent (
    id          INTEGER PRIMARY KEY,
    family_id   INTEGER NOT NULL REFERENCES family (id),
    -- The guardian who gave (or withdrew) it; NULL when the record does not say.
    guardian_id INTEGER REFERENCES guardian (id),
    -- One flag per scope: keeping the family's records, photos and videos of the children,
    -- and contacting the family by message (WeChat, SMS, e-mail).
    records     INTEGER NOT NULL CHECK (records IN (0, 1)),
    media       INTEGER NOT NULL CHECK (media IN (0, 1)),
    messages    INTEGER NOT NULL CHECK (messages IN (0, 1)),
    -- The day the guardian decided, on the school's calendar.
    given_on    TEXT NOT NULL,
    note        TEXT,
    recorded_by INTEGER NOT NULL REFERENCES staff (id),
    recorded_at TEXT NOT NULL
);
CREATE INDEX consent_family ON consent (family_id, id);
