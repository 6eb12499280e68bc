"""Sync with the district: runtime sync state and the local cache of the union catalog."""

SQL = """
-- Small runtime state of the sync module (server URL, pull cursor, last sync, last error).
-- The acknowledged outbox position stays in settings.sync_acked_seq.
CREATE TABLE sync_state (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

-- Union-catalog records pulled from the district (for offline copy cataloguing).
CREATE TABLE union_cache (
    union_id   INTEGER PRIMARY KEY,
    cursor     TEXT NOT NULL,
    title      TEXT NOT NULL DEFAULT '',
    author     TEXT NOT NULL DEFAULT '',
    year       INTEGER,
    isbns      TEXT NOT NULL DEFAULT '[]',
    fields     TEXT NOT NULL,
    holdings   TEXT NOT NULL DEFAULT '[]',
    title_fold TEXT NOT NULL DEFAULT '',
    fetched_at TEXT NOT NULL
);
CREATE INDEX union_cache_title_fold ON union_cache(title_fold);

CREATE TABLE union_cache_isbns (
    isbn     TEXT NOT NULL,
    union_id INTEGER NOT NULL REFERENCES union_cache(union_id) ON DELETE CASCADE,
    PRIMARY KEY (isbn, union_id)
) WITHOUT ROWID;
CREATE INDEX union_cache_isbns_union ON union_cache_isbns(union_id);

-- Folded title / author words (app.text.fold), rowid = union_id.
CREATE VIRTUAL TABLE union_cache_fts USING fts5(
    title, author,
    tokenize='unicode61 remove_diacritics 0',
    prefix='2 3'
);
"""
