"""Reader cards get an optional validity: ``patrons.expires_on``, the last day the card may
be used to borrow (ISO date), NULL for a card with no expiry.

Every patron already stored keeps NULL, so a library that does not use card validity sees no
change. The column is added only when missing, so a file put back to an older schema number
(as some tests do) migrates again.
"""

import sqlite3

SQL = ""


def after(conn: sqlite3.Connection) -> None:
    """Add ``patrons.expires_on`` (and its index, for the expired / expiring lists)."""
    columns = {row[1] for row in conn.execute("PRAGMA table_info(patrons)")}
    if "expires_on" not in columns:
        conn.execute("ALTER TABLE patrons ADD COLUMN expires_on TEXT")
    conn.execute("CREATE INDEX IF NOT EXISTS patrons_expires_on ON patrons(expires_on) "
                 "WHERE expires_on IS NOT NULL")
