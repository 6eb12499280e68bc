"""The first schema: settings, the sync outbox, catalog, patrons and circulation."""

import sqlite3
import uuid

SQL = """
-- Library policy and identity (library_id, name, code, accession schemes...), JSON values.
CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

-- Per-database desk state that must survive between CLI calls (current patron...). Not synced.
CREATE TABLE desk_state (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

-- The sync outbox: one row per change, written in the same transaction as the change.
CREATE TABLE changes (
    seq     INTEGER PRIMARY KEY AUTOINCREMENT,
    entity  TEXT NOT NULL,
    uuid    TEXT NOT NULL,
    op      TEXT NOT NULL CHECK (op IN ('insert', 'update', 'delete')),
    payload TEXT NOT NULL,
    at      TEXT NOT NULL
);

CREATE TABLE records (
    id             INTEGER PRIMARY KEY,
    uuid           TEXT NOT NULL UNIQUE,
    library_id     TEXT NOT NULL,
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL,
    deleted        INTEGER NOT NULL DEFAULT 0,
    control_number TEXT,
    control_org    TEXT,
    title          TEXT NOT NULL DEFAULT '',
    title_fold     TEXT NOT NULL DEFAULT '',
    responsibility TEXT,
    authors        TEXT NOT NULL DEFAULT '[]',
    isbns          TEXT NOT NULL DEFAULT '[]',
    publisher      TEXT,
    place          TEXT,
    year           INTEGER,
    edition        TEXT,
    classification TEXT,
    subjects       TEXT NOT NULL DEFAULT '[]',
    language       TEXT,
    series         TEXT,
    volume         TEXT,
    notes          TEXT,
    author_mark    TEXT,
    marc           TEXT NOT NULL
);
CREATE INDEX records_control ON records(control_number, control_org);
CREATE INDEX records_title_fold ON records(title_fold);
CREATE INDEX records_year ON records(year);

-- ISBN-13 (digits) -> record; ISBN-10s are stored converted.
CREATE TABLE record_isbns (
    isbn      TEXT NOT NULL,
    record_id INTEGER NOT NULL REFERENCES records(id) ON DELETE CASCADE,
    PRIMARY KEY (isbn, record_id)
) WITHOUT ROWID;
CREATE INDEX record_isbns_record ON record_isbns(record_id);

-- Folded text for search (see app.text.fold), one row per record (rowid = records.id),
-- indexed by the external-content FTS5 table below. Bulk paths fill the index directly;
-- there are no triggers.
CREATE TABLE record_search (
    rowid   INTEGER PRIMARY KEY REFERENCES records(id) ON DELETE CASCADE,
    title   TEXT NOT NULL DEFAULT '',
    author  TEXT NOT NULL DEFAULT '',
    subject TEXT NOT NULL DEFAULT '',
    other   TEXT NOT NULL DEFAULT '',
    callno  TEXT NOT NULL DEFAULT ''
);
CREATE VIRTUAL TABLE records_fts USING fts5(
    title, author, subject, other, callno,
    content='record_search', content_rowid='rowid',
    tokenize='unicode61 remove_diacritics 0',
    prefix='2 3'
);

CREATE TABLE items (
    id            INTEGER PRIMARY KEY,
    uuid          TEXT NOT NULL UNIQUE,
    library_id    TEXT NOT NULL,
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    deleted       INTEGER NOT NULL DEFAULT 0,
    record_id     INTEGER NOT NULL REFERENCES records(id),
    barcode       TEXT NOT NULL UNIQUE COLLATE NOCASE,
    collection    TEXT,
    item_type     TEXT NOT NULL DEFAULT 'book',
    call_number   TEXT,
    location      TEXT,
    status        TEXT NOT NULL DEFAULT 'available',
    price         REAL,
    acquired_on   TEXT,
    source        TEXT,
    note          TEXT
);
CREATE INDEX items_record ON items(record_id);
CREATE INDEX items_acquired ON items(acquired_on);

-- Running accession number per collection prefix.
CREATE TABLE accession_counters (
    prefix TEXT PRIMARY KEY,
    last   INTEGER NOT NULL
);

CREATE TABLE patrons (
    id           INTEGER PRIMARY KEY,
    uuid         TEXT NOT NULL UNIQUE,
    library_id   TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    deleted      INTEGER NOT NULL DEFAULT 0,
    category     TEXT NOT NULL DEFAULT 'student',
    student_code TEXT UNIQUE,
    full_name    TEXT NOT NULL,
    name_fold    TEXT NOT NULL DEFAULT '',
    birth_date   TEXT,
    gender       TEXT,
    class_name   TEXT,
    grade        INTEGER,
    school_year  TEXT,
    card         TEXT NOT NULL UNIQUE COLLATE NOCASE,
    status       TEXT NOT NULL DEFAULT 'active',
    photo        BLOB,
    phone        TEXT,
    email        TEXT,
    address      TEXT,
    note         TEXT,
    left_on      TEXT
);
CREATE INDEX patrons_class ON patrons(class_name);
CREATE INDEX patrons_name ON patrons(name_fold);

CREATE TABLE loans (
    id          INTEGER PRIMARY KEY,
    uuid        TEXT NOT NULL UNIQUE,
    library_id  TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    deleted     INTEGER NOT NULL DEFAULT 0,
    item_id     INTEGER NOT NULL REFERENCES items(id),
    patron_id   INTEGER REFERENCES patrons(id),
    loaned_at   TEXT NOT NULL,
    due_on      TEXT NOT NULL,
    returned_at TEXT,
    renewals    INTEGER NOT NULL DEFAULT 0,
    class_loan_id INTEGER
);
CREATE UNIQUE INDEX loans_open_item ON loans(item_id) WHERE returned_at IS NULL;
CREATE INDEX loans_open_patron ON loans(patron_id) WHERE returned_at IS NULL;
CREATE INDEX loans_patron ON loans(patron_id);
CREATE INDEX loans_due ON loans(due_on) WHERE returned_at IS NULL;

CREATE TABLE holds (
    id          INTEGER PRIMARY KEY,
    uuid        TEXT NOT NULL UNIQUE,
    library_id  TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    deleted     INTEGER NOT NULL DEFAULT 0,
    record_id   INTEGER NOT NULL REFERENCES records(id),
    patron_id   INTEGER NOT NULL REFERENCES patrons(id),
    status      TEXT NOT NULL DEFAULT 'waiting',
    item_id     INTEGER REFERENCES items(id),
    ready_until TEXT
);
CREATE INDEX holds_record ON holds(record_id, status);
CREATE INDEX holds_patron ON holds(patron_id, status);
"""


def after(conn: sqlite3.Connection) -> None:
    """Give the new library its permanent id."""
    conn.execute(
        "INSERT OR IGNORE INTO settings(key, value) VALUES ('library_id', ?)",
        ('"' + str(uuid.uuid4()) + '"',),
    )
