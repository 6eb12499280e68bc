"""ISSNs (MARC 022) and EAN/UPC bar code numbers (024) become searchable.

New imports put them in the search row's ``other`` text (``app.catalog.store``); here the
search rows of the records already stored are rebuilt from their MARC record, only for the
records that have one of those fields. Nothing else changes in the schema. The rows are built
by ``_search_v9``, this version's search row frozen, not by the application's current code.
"""

import sqlite3

from app.db.migrations._search_v9 import replace_search_row

SQL = ""


def after(conn: sqlite3.Connection) -> None:
    """Rebuild the search row (and its full-text entry) of every record with a 022 or 024
    field that has one."""
    rows = conn.execute(
        "SELECT id FROM records WHERE (instr(marc, '[\"022\",') OR instr(marc, '[\"024\",')) "
        "AND id IN (SELECT rowid FROM record_search) ORDER BY id").fetchall()
    for (record_id,) in rows:
        replace_search_row(conn, record_id)
