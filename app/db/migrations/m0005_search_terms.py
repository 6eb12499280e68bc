"""Search speed: the list of indexed words that a typed prefix can complete into, and a
compacted full-text index.

``search_terms`` lets a search rewrite a prefix of 4+ letters ("nguye") as the few words it
stands for ("nguyen"): FTS5 then reads those words' lists lazily instead of merging every list
of the prefix in memory first, which on a large catalog cost tens of milliseconds per query.
It is filled here from the existing index and kept up to date by ``app.catalog.store``.
"""

import sqlite3

#: The shortest word kept, as this version wrote the list (``app.catalog.store`` has its own).
COMPLETED_PREFIX = 4

SQL = """
CREATE TABLE search_terms (
    term TEXT PRIMARY KEY
) WITHOUT ROWID;
"""


def after(conn: sqlite3.Connection) -> None:
    """Fill ``search_terms`` from the words already indexed, then merge the index's segments
    into one (imports made before this version left many small ones)."""
    conn.execute("CREATE VIRTUAL TABLE temp.records_vocab USING fts5vocab(main, records_fts, 'row')")
    conn.execute(
        "INSERT INTO search_terms(term) SELECT term FROM temp.records_vocab "
        "WHERE length(term) >= ? AND substr(term, 1, 1) NOT BETWEEN '0' AND '9'",
        (COMPLETED_PREFIX,))
    conn.execute("DROP TABLE temp.records_vocab")
    conn.execute("INSERT INTO records_fts(records_fts) VALUES ('optimize')")
