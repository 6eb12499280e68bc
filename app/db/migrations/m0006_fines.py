"""Overdue fines (see app.circulation.fines): one row per late return (or renewal of an
overdue loan) in a library whose loan rule sets a fine per day.

A fine is the patron's personal data: its outbox rows (entity ``fine``) are never sent to the
district (app.sync.privacy keeps unknown entities at home).
"""

SQL = """
CREATE TABLE fines (
    id           INTEGER PRIMARY KEY,
    uuid         TEXT NOT NULL UNIQUE,
    library_id   TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    deleted      INTEGER NOT NULL DEFAULT 0,
    patron_id    INTEGER REFERENCES patrons(id),
    loan_id      INTEGER NOT NULL REFERENCES loans(id),
    kind         TEXT NOT NULL DEFAULT 'overdue',
    days_late    INTEGER NOT NULL CHECK (days_late > 0),
    per_day      INTEGER NOT NULL CHECK (per_day > 0),
    amount       INTEGER NOT NULL CHECK (amount > 0),
    status       TEXT NOT NULL DEFAULT 'outstanding'
                 CHECK (status IN ('outstanding', 'paid', 'waived')),
    assessed_on  TEXT NOT NULL,
    settled_at   TEXT,
    settled_by   TEXT,
    reason       TEXT
);
CREATE INDEX fines_patron ON fines(patron_id, status);
CREATE INDEX fines_loan ON fines(loan_id);
CREATE INDEX fines_outstanding ON fines(assessed_on) WHERE status = 'outstanding';
"""
