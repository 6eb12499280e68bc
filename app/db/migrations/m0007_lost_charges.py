"""Charges for lost books (đền sách): a fine of kind ``lost`` carries the replacement amount
and no days late, which the first fines table's checks did not allow. The table is rebuilt
with checks per kind; every existing fine is kept as it was.
"""

SQL = """
CREATE TABLE fines_v2 (
    id           INTEGER PRIMARY KEY,
    uuid         TEXT NOT NULL UNIQUE,
    library_id   TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    deleted      INTEGER NOT NULL DEFAULT 0,
    patron_id    INTEGER REFERENCES patrons(id),
    loan_id      INTEGER NOT NULL REFERENCES loans(id),
    kind         TEXT NOT NULL DEFAULT 'overdue' CHECK (kind IN ('overdue', 'lost')),
    days_late    INTEGER NOT NULL CHECK (days_late >= 0),
    per_day      INTEGER NOT NULL CHECK (per_day >= 0),
    amount       INTEGER NOT NULL CHECK (amount > 0),
    status       TEXT NOT NULL DEFAULT 'outstanding'
                 CHECK (status IN ('outstanding', 'paid', 'waived')),
    assessed_on  TEXT NOT NULL,
    settled_at   TEXT,
    settled_by   TEXT,
    reason       TEXT,
    CHECK (kind = 'lost' OR (days_late > 0 AND per_day > 0))
);
INSERT INTO fines_v2 SELECT id, uuid, library_id, created_at, updated_at, deleted, patron_id,
    loan_id, kind, days_late, per_day, amount, status, assessed_on, settled_at, settled_by,
    reason FROM fines;
DROP TABLE fines;
ALTER TABLE fines_v2 RENAME TO fines;
CREATE INDEX fines_patron ON fines(patron_id, status);
CREATE INDEX fines_loan ON fines(loan_id);
CREATE INDEX fines_outstanding ON fines(assessed_on) WHERE status = 'outstanding';
"""
