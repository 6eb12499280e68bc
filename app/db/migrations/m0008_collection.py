"""Stocktakes (kiểm kê) and structured write-off records (biên bản xuất kho / thanh lý).

Until now a write-off was a line in the copy's note; the general register's part II needs
the record itself (number, date, reason, copies) and part III the yearly stocktake's figures,
frozen when the stocktake closes. Each copy already withdrawn keeps its note; it gets no
record here (its number is only text in the note).

``IF NOT EXISTS`` throughout: a file put back to an older schema number by hand (tests of
earlier migrations do that) still holds these tables, and migrating it again must not fail.
"""

SQL = """
-- A write-off record: its number as approved ("12/2026"), day (local ISO), reason.
CREATE TABLE IF NOT EXISTS writeoffs (
    id          INTEGER PRIMARY KEY,
    uuid        TEXT NOT NULL UNIQUE,
    library_id  TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    deleted     INTEGER NOT NULL DEFAULT 0,
    number      TEXT NOT NULL DEFAULT '',
    day         TEXT NOT NULL,
    reason      TEXT NOT NULL DEFAULT 'other'
                CHECK (reason IN ('worn', 'outdated', 'lost', 'other')),
    approved_by TEXT,
    note        TEXT
);
CREATE INDEX IF NOT EXISTS writeoffs_day ON writeoffs(day);
CREATE UNIQUE INDEX IF NOT EXISTS writeoffs_number ON writeoffs(number) WHERE deleted = 0 AND number <> '';

-- The copies of a write-off record, with their collection, type and price at that time.
CREATE TABLE IF NOT EXISTS writeoff_items (
    id          INTEGER PRIMARY KEY,
    uuid        TEXT NOT NULL UNIQUE,
    library_id  TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    deleted     INTEGER NOT NULL DEFAULT 0,
    writeoff_id INTEGER NOT NULL REFERENCES writeoffs(id),
    item_id     INTEGER NOT NULL REFERENCES items(id),
    collection  TEXT,
    item_type   TEXT NOT NULL,
    price       REAL
);
CREATE UNIQUE INDEX IF NOT EXISTS writeoff_items_item ON writeoff_items(item_id) WHERE deleted = 0;
CREATE INDEX IF NOT EXISTS writeoff_items_writeoff ON writeoff_items(writeoff_id);

-- A stocktake; scope as JSON lists (empty = all). At most one open at a time.
CREATE TABLE IF NOT EXISTS stocktakes (
    id             INTEGER PRIMARY KEY,
    uuid           TEXT NOT NULL UNIQUE,
    library_id     TEXT NOT NULL,
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL,
    deleted        INTEGER NOT NULL DEFAULT 0,
    started_on     TEXT NOT NULL,
    collections    TEXT NOT NULL DEFAULT '[]',
    locations      TEXT NOT NULL DEFAULT '[]',
    status         TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
    closed_on      TEXT,
    missing_action TEXT CHECK (missing_action IN ('lost', 'leave'))
);
CREATE UNIQUE INDEX IF NOT EXISTS stocktakes_one_open ON stocktakes(status) WHERE status = 'open' AND deleted = 0;

-- A copy seen during a stocktake ('found', written by each scan), or, at closing, a missing
-- copy marked lost ('lost') or left for next time ('left').
CREATE TABLE IF NOT EXISTS stocktake_items (
    id           INTEGER PRIMARY KEY,
    uuid         TEXT NOT NULL UNIQUE,
    library_id   TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    deleted      INTEGER NOT NULL DEFAULT 0,
    stocktake_id INTEGER NOT NULL REFERENCES stocktakes(id),
    item_id      INTEGER NOT NULL REFERENCES items(id),
    outcome      TEXT NOT NULL CHECK (outcome IN ('found', 'lost', 'left')),
    UNIQUE (stocktake_id, item_id)
);
CREATE INDEX IF NOT EXISTS stocktake_items_item ON stocktake_items(item_id);

-- A closed stocktake's figures per collection (the register's part III).
CREATE TABLE IF NOT EXISTS stocktake_results (
    id           INTEGER PRIMARY KEY,
    uuid         TEXT NOT NULL UNIQUE,
    library_id   TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    deleted      INTEGER NOT NULL DEFAULT 0,
    stocktake_id INTEGER NOT NULL REFERENCES stocktakes(id),
    collection   TEXT NOT NULL DEFAULT '',
    expected     INTEGER NOT NULL,
    present      INTEGER NOT NULL,
    on_loan      INTEGER NOT NULL,
    missing      INTEGER NOT NULL,
    lost_marked  INTEGER NOT NULL,
    UNIQUE (stocktake_id, collection)
);
"""
