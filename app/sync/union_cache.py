"""The local cache of the district's union catalog: store pulled pages, search offline.

Search answers in the same JSON shape as ``thuvien search`` (``{"total", "hits": [...]}``);
a hit's ``items`` is empty (the union catalog has no copies of this library) and
``holdings`` lists which libraries of the district hold the title.
"""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from app.catalog.isbn import to_isbn13
from app.db.connection import utc_now
from app.text import fold, nfc


def store_page(conn: sqlite3.Connection, records: list[dict[str, Any]]) -> None:
    """Upsert (or drop, when deleted) the pulled union records; caller holds a transaction."""
    now = utc_now()
    for rec in records:
        uid = int(rec["id"])
        conn.execute("DELETE FROM union_cache_fts WHERE rowid = ?", (uid,))
        conn.execute("DELETE FROM union_cache_isbns WHERE union_id = ?", (uid,))
        conn.execute("DELETE FROM union_cache WHERE union_id = ?", (uid,))
        if rec.get("deleted"):
            continue
        fields = rec.get("fields") or {}
        title = nfc(str(fields.get("title") or ""))
        authors = [nfc(str(a)) for a in fields.get("authors") or []]
        isbns = [i for i in (to_isbn13(str(x)) for x in fields.get("isbns") or []) if i]
        year = fields.get("year") if isinstance(fields.get("year"), int) else None
        conn.execute(
            "INSERT INTO union_cache(union_id, cursor, title, author, year, isbns, fields, "
            "holdings, title_fold, fetched_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (uid, str(rec.get("cursor", "")), title, "; ".join(authors), year,
             json.dumps(isbns), json.dumps(fields, ensure_ascii=False),
             json.dumps(rec.get("holdings") or [], ensure_ascii=False), fold(title), now))
        conn.executemany("INSERT OR IGNORE INTO union_cache_isbns(isbn, union_id) VALUES (?, ?)",
                         [(i, uid) for i in isbns])
        conn.execute("INSERT INTO union_cache_fts(rowid, title, author) VALUES (?, ?, ?)",
                     (uid, fold(title), fold(" ".join(authors))))


def _fts_query(text: str) -> str | None:
    words = fold(text).split()
    if not words:
        return None
    return " AND ".join(f'"{w}"*' for w in words)


def search(conn: sqlite3.Connection, query: str, limit: int = 20) -> dict[str, Any]:
    """Union records matching *query* (an ISBN in any form, or title/author words).

    >>> search(conn, "tieng viet 1")  # doctest: +SKIP
    {'total': 2, 'hits': [{'id': 17, 'title': 'Tiếng Việt 1', ...}]}
    """
    isbn = to_isbn13(query.strip())
    if isbn:
        ids = [r[0] for r in conn.execute(
            "SELECT union_id FROM union_cache_isbns WHERE isbn = ? ORDER BY union_id", (isbn,))]
        total = len(ids)
        ids = ids[:limit]
    else:
        match = _fts_query(query)
        if match is None:
            return {"total": 0, "hits": []}
        total = int(conn.execute("SELECT count(*) FROM union_cache_fts WHERE union_cache_fts "
                                 "MATCH ?", (match,)).fetchone()[0])
        ids = [r[0] for r in conn.execute(
            "SELECT rowid FROM union_cache_fts WHERE union_cache_fts MATCH ? ORDER BY rank "
            "LIMIT ?", (match, limit))]
    hits = [hit for hit in (get(conn, uid) for uid in ids) if hit is not None]
    return {"total": total, "hits": hits}


def get(conn: sqlite3.Connection, union_id: int) -> dict[str, Any] | None:
    """One cached union record as a search hit (plus ``fields`` for copying), or None."""
    row = conn.execute("SELECT union_id, title, author, year, isbns, fields, holdings "
                       "FROM union_cache WHERE union_id = ?", (union_id,)).fetchone()
    if row is None:
        return None
    fields = json.loads(row[5])
    return {"id": row[0], "title": row[1], "author": row[2] or None, "isbn": json.loads(row[4]),
            "year": row[3], "call_number": fields.get("classification"), "items": [],
            "holdings": json.loads(row[6]), "fields": fields}


def count(conn: sqlite3.Connection) -> int:
    """How many union records are cached."""
    return int(conn.execute("SELECT count(*) FROM union_cache").fetchone()[0])
