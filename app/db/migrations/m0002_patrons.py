"""Patrons: running card numbers per prefix, and the school-year rollover undo log."""

SQL = """
-- Last card number handed out per card prefix (see app.patrons.cards). Not synced.
CREATE TABLE patron_card_counters (
    prefix TEXT PRIMARY KEY,
    last   INTEGER NOT NULL
);

-- One row per applied school-year rollover; undone_at is set when it was undone.
CREATE TABLE patron_rollovers (
    id          INTEGER PRIMARY KEY,
    applied_at  TEXT NOT NULL,
    from_year   TEXT,
    to_year     TEXT,
    last_grade  INTEGER NOT NULL,
    undone_at   TEXT
);

-- What each patron looked like before a rollover touched it (JSON of the changed fields).
CREATE TABLE patron_rollover_log (
    rollover_id INTEGER NOT NULL REFERENCES patron_rollovers(id),
    patron_id   INTEGER NOT NULL REFERENCES patrons(id),
    before      TEXT NOT NULL,
    after       TEXT NOT NULL,
    PRIMARY KEY (rollover_id, patron_id)
) WITHOUT ROWID;

CREATE INDEX patrons_student_code_fold ON patrons(student_code COLLATE NOCASE);
CREATE INDEX patrons_status ON patrons(status, left_on);
"""
