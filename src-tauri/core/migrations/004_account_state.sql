-- Balances as lists need them, kept beside the ledger. Rewritten from a replay of the
-- account whenever its entries change, so a list of every student's hours reads one indexed
-- table instead of replaying the whole ledger. The ledger stays the only source of truth.

-- Hours left in each package after every entry, before the expiries that only the passing of
-- time causes: a package whose last day is before today counts as empty when read.
CREATE TABLE package_state (
    package_id       INTEGER PRIMARY KEY REFERENCES package (id),
    student_id       INTEGER NOT NULL,
    course_id        INTEGER NOT NULL,
    remaining_halves INTEGER NOT NULL,
    valid_until      TEXT NOT NULL
);
CREATE INDEX package_state_account ON package_state (student_id, course_id, valid_until);

-- Lesson hours taken on credit that no package has covered yet.
CREATE TABLE account_state (
    student_id  INTEGER NOT NULL REFERENCES student (id),
    course_id   INTEGER NOT NULL REFERENCES course (id),
    debt_halves INTEGER NOT NULL,
    PRIMARY KEY (student_id, course_id)
) WITHOUT ROWID;
