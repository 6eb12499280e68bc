"""The local cache of the district's union catalog: store pulled pages, search offline.

Search answers in the same JSON shape as ``thuvien search`` (``{"total", "hits": [...]}``);
a hit's ``items`` is empty (the union catalog has no copies of this library) and
``holdings`` lists which libraries of the district hold the title. A record is indexed and
its hits ranked as the district's own union search does (:mod:`app.sync.union_text`): by
title, authors, subjects, publisher, series, notes and class number, the title and authors
ranked above the rest.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import replace
from typing import Any

from app.catalog.isbn import to_isbn13
from app.catalog.query import Query, Term, parse_query, typed_forms
from app.db.connection import utc_now
from app.sync.union_text import query_words, rank_key, search_parts_of, union_year
from app.text import fold, nfc

#: Set by migration 12 (a cache indexed by title and author only): every cached record is
#: indexed again at the next pull.
REINDEX_KEY = "union_cache_reindex"


def _reindex_if_asked(conn: sqlite3.Connection) -> None:
    """Index every cached union record again when migration 12 asked for it."""
    if conn.execute("SELECT 1 FROM sync_state WHERE key = ?", (REINDEX_KEY,)).fetchone() is None:
        return
    conn.execute("DELETE FROM union_cache_fts")
    for uid, stored in conn.execute("SELECT union_id, fields FROM union_cache").fetchall():
        try:
            fields = json.loads(stored)
        except ValueError:
            fields = {}
        fields = fields if isinstance(fields, dict) else {}
        conn.execute("UPDATE union_cache SET year = ? WHERE union_id = ?",
                     (union_year(fields), uid))
        conn.execute("INSERT INTO union_cache_fts(rowid, title, author, subject, other, callno) "
                     "VALUES (?, ?, ?, ?, ?, ?)", (uid, *search_parts_of(fields)))
    conn.execute("DELETE FROM sync_state WHERE key = ?", (REINDEX_KEY,))


def store_page(conn: sqlite3.Connection, records: list[dict[str, Any]]) -> None:
    """Upsert (or drop, when deleted) the pulled union records; caller holds a transaction.
    The first pull after migration 12 indexes the records already cached again first."""
    _reindex_if_asked(conn)
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
        conn.execute(
            "INSERT INTO union_cache(union_id, cursor, title, author, year, isbns, fields, "
            "holdings, title_fold, fetched_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (uid, str(rec.get("cursor", "")), title, "; ".join(authors), union_year(fields),
             json.dumps(isbns), json.dumps(fields, ensure_ascii=False),
             json.dumps(rec.get("holdings") or [], ensure_ascii=False), fold(title), now))
        conn.executemany("INSERT OR IGNORE INTO union_cache_isbns(isbn, union_id) VALUES (?, ?)",
                         [(i, uid) for i in isbns])
        conn.execute("INSERT INTO union_cache_fts(rowid, title, author, subject, other, callno) "
                     "VALUES (?, ?, ?, ?, ?, ?)", (uid, *search_parts_of(fields)))


#: Matches ranked at most, as on the district server: a broader query ranks its first
#: RANK_CAP matches together with the first RANK_CAP titles beginning with the query.
RANK_CAP = 1000
_TOP = "\U0010ffff"


def _cached_term(term: Term) -> Term | None:
    """*term* as the cache can match it: every word a word prefix, as the union search has
    always read them ("tieng vi" finds "Tiếng Việt"), except one letter, which would be spread
    over every two-letter prefix (a pasted page of them is too large an expression). ISSN
    and bar-code numbers (column "other" of a qualifier) are not in the union catalog."""
    if term.column == "other":
        return None
    prefix = term.prefix or (len(term.words) == 1 and len(term.words[0]) > 1)
    return replace(term, prefix=prefix, completions=None)


def _filters(query: Query) -> tuple[str, list[object]]:
    """SQL narrowing the cached records (alias ``c``) to *query*'s years and ISBNs."""
    where, params = "", list[object]()
    if query.year_from is not None:
        where += " AND c.year BETWEEN ? AND ?"
        params += [query.year_from, query.year_to]
    for number in query.isbns:
        where += " AND c.union_id IN (SELECT union_id FROM union_cache_isbns WHERE isbn = ?)"
        params.append(number)
    if query.isbn_prefix:
        where += (" AND c.union_id IN (SELECT union_id FROM union_cache_isbns "
                  "WHERE isbn >= ? AND isbn < ?)")
        params += [query.isbn_prefix, query.isbn_prefix + _TOP]
    return where, params


def _matching_ids(conn: sqlite3.Connection, text: str, limit: int) -> tuple[int, list[int]]:
    """The number of cached union records matching *text* and the best *limit* of them,
    the query read as the catalog search reads it (:func:`app.catalog.query.parse_query`:
    qualifiers, "phrases", an ISBD description by its first area, a pasted page by its
    first words) and the hits ranked as the district ranks them
    (:func:`app.sync.union_text.rank_key`)."""
    isbn = to_isbn13(text.strip())
    query = Query(isbns=[isbn]) if isbn else parse_query(text)
    terms = [t for t in (_cached_term(t) for t in query.terms) if t is not None]
    match = " AND ".join(f"{t.column} : {t.phrase}" if t.column else t.phrase for t in terms)
    where, params = _filters(query)
    columns = "SELECT c.union_id, f.title, f.author"
    if match:
        source = ("FROM union_cache_fts f JOIN union_cache c ON c.union_id = f.rowid "
                  f"WHERE union_cache_fts MATCH ?{where}")
        params, order = [match, *params], ""
    elif where:  # filters alone: by title
        source = f"FROM union_cache c JOIN union_cache_fts f ON f.rowid = c.union_id WHERE 1{where}"
        order = " ORDER BY c.title_fold, c.union_id"
    else:
        return 0, []
    rows = conn.execute(f"{columns} {source}{order} LIMIT ?", [*params, RANK_CAP + 1]).fetchall()
    total = len(rows)
    words = query_words(query)
    if total > RANK_CAP:
        rows = rows[:RANK_CAP]
        counted = source if where else "FROM union_cache_fts WHERE union_cache_fts MATCH ?"
        total = int(conn.execute(f"SELECT count(*) {counted}", params).fetchone()[0])
        if words and not where and all(t.column is None for t in query.terms):
            # The titles beginning with the query, which hold all its words (every one a
            # word prefix, its phrases in a row), as on the district server.
            exact = " ".join(words)
            rows += conn.execute(
                f"{columns} FROM union_cache c JOIN union_cache_fts f ON f.rowid = c.union_id "
                "WHERE c.title_fold >= ? AND c.title_fold < ? ORDER BY c.title_fold LIMIT ?",
                [exact, exact + _TOP, RANK_CAP]).fetchall()
    ranked = sorted({r[0]: r for r in rows}.values(),
                    key=lambda r: rank_key(words, r[0], r[1], r[2]))
    return total, [r[0] for r in ranked[:limit]]


def search(conn: sqlite3.Connection, query: str, limit: int = 20) -> dict[str, Any]:
    """Union records matching *query* (an ISBN in any form, title/author words, or the
    catalog search's qualifiers: see :func:`_matching_ids`). Full-width characters are read
    as the plain ones first (:func:`app.catalog.query.typed_forms`).

    >>> search(conn, "tieng viet 1")  # doctest: +SKIP
    {'total': 2, 'hits': [{'id': 17, 'title': 'Tiếng Việt 1', ...}]}
    """
    total, ids = 0, list[int]()
    for text in typed_forms(query):
        total, ids = _matching_ids(conn, text, limit)
        if total:
            break
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
