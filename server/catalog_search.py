"""Searching the union catalog on the district server (``thuvien-district search``, the web
page of :mod:`server.opac`).

Vietnamese-aware like the desktop's search: the query is folded by :func:`app.text.fold`
(case, diacritics, đ→d, both tone placements, i/y variants) and compared with
``union_records.search``, the folded "title|author|subject|other|callno" written with each
union record (:func:`server.union.search_text`: what the desktop indexes of its own
records, :func:`app.sync.union_text.search_parts_of`). Every word of the query is a word
prefix ("tieng vi" finds "Tiếng Việt"); all must match, anywhere in that text. An ISBN in
any form (ISBN-10 or -13, with or without hyphens) finds the union record that holds it.

The query is read by the desktop's own parser (:func:`app.catalog.query.parse_query`),
full-width characters as the plain ones first (:func:`app.catalog.query.typed_forms`):
``title:``/``author:``/``subject:``/``callno:`` words only in that part of the text,
``isbn:`` and a labelled ISBN narrow to that ISBN (``isbn:978604`` to ISBNs beginning so),
``year:`` to those years (``union_records.year``; a year alone lists that year's books by
title), an ISBD description pasted whole is searched by its first area, a pasted page by
its first :data:`MAX_WORDS` words, as the desktop does.

Order (:func:`app.sync.union_text.rank_key`, the same in a library's cache of the union
catalog): the title equal to the query first, then titles beginning with it, then titles
that hold every word, then records whose title and authors hold every word, then the rest
(words found in subjects, publishers, notes...); within each, by folded title.

A hit shows each holding library's copies (withdrawn and lost copies not counted) and how
many are available: the union catalog holds nothing about borrowers.
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import Connection, bindparam, text

from app.catalog.isbn import to_isbn13
from app.catalog.marc.clean import clean
from app.catalog.query import MAX_TERMS, Query, parse_query, typed_forms
from app.sync.protocol import as_str_list, as_year
from app.sync.union_text import MAX_WORD, PARTS, query_words, rank_key
from server import union

#: Query words used at most, as many as the desktop's search uses
#: (:func:`app.sync.union_text.query_words`); a longer word is cut as union_words cuts it.
MAX_WORDS = MAX_TERMS
MAX_LIMIT = 200
#: A query matching more records than this ranks the first RANK_CAP of them (in id order)
#: together with the first RANK_CAP titles that begin with it (through the title index):
#: the exact title and the titles beginning with the query still come first, the other
#: tiers are ordered among those first matches only. Pages stop there.
RANK_CAP = 1000
#: Beyond this many matches the total is "more than COUNT_CAP" (``total_exact`` False):
#: counting every match of a broad query cost more than the rest of the search (300,000
#: union records on SQLite: p95 113 ms counting up to 10,000, 68 ms up to 2,000).
COUNT_CAP = 2_000
_TOP = "\U0010ffff"

_PG_TITLE = "split_part(u.search, '|', 1)"
_SQLITE_TITLE = "substr(u.search, 1, instr(u.search, '|') - 1)"
_PG_MATCHES = """
SELECT u.id{search} FROM union_records AS u
WHERE to_tsvector('simple'::regconfig, coalesce(u.search, ''))
      @@ to_tsquery('simple'::regconfig, :match)
  AND NOT u.deleted"""
# Driven by one word's range of union_words (the rarest word of the query); the other words
# are looked for in the record's own text. CROSS JOIN keeps that order: with a plain join
# SQLite's planner chose to scan union_records whole and probe each record's words (a word
# held by 1,061 of 60,000 records: 38 ms for the first matches and 40 ms more to count them,
# against 3 ms each driven by the word).
_SQLITE_MATCHES = """
SELECT DISTINCT u.id{search} FROM union_words AS w
CROSS JOIN union_records AS u ON u.id = w.union_id
WHERE w.word >= :low AND w.word < :high AND u.deleted = 0{others}"""
_PROBE = text("SELECT count(*) FROM (SELECT 1 FROM union_words WHERE word >= :low "
              "AND word < :high LIMIT :cap) AS p")
#: How far each word's entries are counted to choose the rarest (SQLite), among the first
#: PROBED words of the query; a word with fewer than RARE entries drives without the others
#: being counted.
PROBE_CAP = 20_000
RARE = 100
PROBED = 10
# Filters alone (year:, isbn:): the live union records, by title.
_PG_FILTERED = f"""
SELECT u.id{{search}} FROM union_records AS u WHERE NOT u.deleted{{filters}}
ORDER BY {_PG_TITLE} COLLATE "C", u.id"""
_SQLITE_FILTERED = f"""
SELECT u.id{{search}} FROM union_records AS u WHERE u.deleted = 0{{filters}}
ORDER BY {_SQLITE_TITLE}, u.id"""
_PG_BEGINS = f"""
SELECT u.id, u.search FROM union_records AS u
WHERE {_PG_TITLE} COLLATE "C" >= :exact AND {_PG_TITLE} COLLATE "C" < :upper AND NOT u.deleted
ORDER BY {_PG_TITLE} COLLATE "C" LIMIT :cap"""
_SQLITE_BEGINS = f"""
SELECT u.id, u.search FROM union_records AS u
WHERE {_SQLITE_TITLE} >= :exact AND {_SQLITE_TITLE} < :upper AND u.deleted = 0
ORDER BY {_SQLITE_TITLE} LIMIT :cap"""


def _part_sql(dialect: str, column: str) -> str:
    """SQL for one part (:data:`app.sync.union_text.PARTS`) of ``u.search``. On SQLite the
    text is read as a JSON array ("a|b" → ``["a","b"]``): folded text holds no quote or
    backslash."""
    n = PARTS.index(column)
    if dialect == "pg":
        return f"split_part(u.search, '|', {n + 1})"
    return f"""json_extract('["' || replace(u.search, '|', '","') || '"]', '$[{n}]')"""


_IN_PART = {"pg": " AND strpos(' ' || {part}, :{word}) > 0",
            "sqlite": " AND instr(' ' || {part}, :{word}) > 0"}

_BY_ISBN = text("SELECT n.union_id FROM union_isbns AS n "
                "JOIN union_records AS u ON u.id = n.union_id "
                "WHERE n.isbn = :isbn AND NOT u.deleted")


def _filters(conn: Connection, query: Query, kept: list[str]) -> tuple[str, dict[str, Any]]:
    """SQL narrowing the matches to *query*'s ISBNs (``isbn:``, a labelled ISBN, the first
    digits of one), years (``year:``) and qualified words (``title:``, ``author:``,
    ``subject:``, ``callno:``: each a word prefix in that part of the indexed text)."""
    sql, params = "", dict[str, Any]()
    dialect = "pg" if conn.dialect.name == "postgresql" else "sqlite"
    for term in query.terms:
        if term.column not in PARTS or term.column == "other":
            continue
        part = _part_sql(dialect, term.column)
        for word in (w[:MAX_WORD] for w in term.words):
            if word in kept:
                name = f"c{len(params)}"
                sql += _IN_PART[dialect].format(part=part, word=name)
                params[name] = " " + word
    for n, isbn in enumerate(query.isbns):
        sql += (f" AND u.id IN (SELECT n.union_id FROM union_isbns AS n "
                f"WHERE n.isbn = :isbn{n})")
        params[f"isbn{n}"] = isbn
    if query.isbn_prefix:
        sql += (" AND u.id IN (SELECT p.union_id FROM union_isbns AS p "
                "WHERE p.isbn >= :isbn_low AND p.isbn < :isbn_high)")
        params.update(isbn_low=query.isbn_prefix, isbn_high=query.isbn_prefix + _TOP)
    if query.year_from is not None:
        sql += " AND u.year BETWEEN :year_from AND :year_to"
        params.update(year_from=query.year_from, year_to=query.year_to)
    return sql, params


def _driver(conn: Connection, words: list[str]) -> int:
    """SQLite: the query word whose union_words range is the smallest among the first
    PROBED (each counted up to PROBE_CAP, then up to the smallest count so far; the first
    one under RARE is taken at once). A pasted page's other words cost a look in each
    candidate's text, not a count each."""
    best, best_count = 0, PROBE_CAP
    for n, word in enumerate(words[:PROBED]):
        count = int(conn.execute(_PROBE, {"low": word, "high": word + _TOP,
                                          "cap": best_count}).scalar_one())
        if count < best_count:
            best, best_count = n, count
        if best_count < RARE:
            break
    return best


def _matches_sql(conn: Connection, words: list[str]) -> tuple[str, dict[str, Any]]:
    """The query of the live union records matching every word: ``(id, search text)``."""
    if conn.dialect.name == "postgresql":
        return _PG_MATCHES, {"match": " & ".join(f"'{w}':*" for w in words)}
    driver = _driver(conn, words) if len(words) > 1 else 0
    params: dict[str, Any] = {"low": words[driver], "high": words[driver] + _TOP}
    others = ""
    for n, word in enumerate(words):
        if n != driver:  # the bare text first: most candidates lack the word, at no string
            params[f"b{n}"], params[f"w{n}"] = word, " " + word
            others += (f" AND instr(u.search, :b{n}) > 0"
                       f" AND instr(' ' || replace(u.search, '|', ' '), :w{n}) > 0")
    return _SQLITE_MATCHES.replace("{others}", others), params


def search(conn: Connection, query: str, limit: int = 20, offset: int = 0) -> dict[str, Any]:
    """The union records matching *query*, best first: ``{"total", "total_exact", "hits"}``,
    a hit being ``{"id", "title", "author", "isbn", "year", "holdings": [{"library",
    "name", "copies", "available"}]}`` (``isbn`` a list of ISBN-13s, ``author`` the authors
    joined by "; "). ``total`` stops at :data:`COUNT_CAP` (then ``total_exact`` is False).

    >>> search(conn, "tieng viet 1")  # doctest: +SKIP
    {'total': 3, 'total_exact': True, 'hits': [{'id': 17, 'title': 'Tiếng Việt 1', ...}]}
    """
    limit = max(1, min(int(limit), MAX_LIMIT))
    offset = max(0, int(offset))
    result: dict[str, Any] = {"total": 0, "total_exact": True, "hits": []}
    for form in typed_forms(query):  # full-width letters as the plain ones first
        result = _search(conn, form, limit, offset)
        if result["total"]:
            break
    return result


def _search(conn: Connection, query: str, limit: int, offset: int) -> dict[str, Any]:
    """:func:`search` for one form of the query, read as the desktop's catalog search reads
    it (:func:`app.catalog.query.parse_query`): qualifiers, "phrases", an ISBD description
    by its first area and labelled ISBN, a pasted page by its first words."""
    isbn = to_isbn13(query.strip())
    parsed = Query(isbns=[isbn]) if isbn else parse_query(query)
    words = query_words(parsed)
    narrowing, narrowed = _filters(conn, parsed, words)
    pg = conn.dialect.name == "postgresql"
    if words:
        sql, params = _matches_sql(conn, words)
    elif narrowing:  # filters alone: the first RANK_CAP by title
        sql, params = (_PG_FILTERED if pg else _SQLITE_FILTERED).replace("{filters}", narrowing), {}
        narrowing = ""
    else:
        return {"total": 0, "total_exact": True, "hits": []}
    sql, params = sql + narrowing, {**params, **narrowed}
    # Matches with their text (to rank them); counted by id alone (shorter rows to sort).
    found = {int(uid): t or "" for uid, t in conn.execute(
        text(sql.replace("{search}", ", u.search") + " LIMIT :cap"),
        {**params, "cap": RANK_CAP + 1})}
    total, exact_total = len(found), True
    if total > RANK_CAP:
        found = dict(list(found.items())[:RANK_CAP])
        counted = sql.replace("{search}", "")
        total = int(conn.execute(text(f"SELECT count(*) FROM ({counted} LIMIT :cap) AS m"),
                                 {**params, "cap": COUNT_CAP + 1}).scalar_one())
        exact_total = total <= COUNT_CAP
        total = min(total, COUNT_CAP)
        if words and not narrowed:  # the titles beginning with the query, unless filtered
            exact = " ".join(words)
            found.update((int(uid), t or "") for uid, t in conn.execute(
                text(_PG_BEGINS if pg else _SQLITE_BEGINS),
                {"exact": exact, "upper": exact + _TOP, "cap": RANK_CAP}))
    parts = {uid: (t.split("|") + ["", ""])[:2] for uid, t in found.items()}
    ranked = sorted(found, key=lambda uid: rank_key(words, uid, *parts[uid]))
    return {"total": total, "total_exact": exact_total,
            "hits": hits(conn, ranked[offset:offset + limit])}


def hits(conn: Connection, union_ids: list[int]) -> list[dict[str, Any]]:
    """The union records *union_ids* as search hits, in that order, with their holdings."""
    if not union_ids:
        return []
    found = {int(uid): json.loads(fields) for uid, fields in conn.execute(
        text("SELECT id, fields FROM union_records WHERE id IN :ids")
        .bindparams(bindparam("ids", expanding=True)), {"ids": union_ids})}
    held = union.holdings(conn, union_ids)
    out = []
    for uid in union_ids:
        fields = found.get(uid)
        if fields is None:
            continue
        out.append({
            "id": uid,
            "title": clean(str(fields.get("title") or "")),
            "author": "; ".join(clean(a) for a in as_str_list(fields.get("authors"))) or None,
            "isbn": as_str_list(fields.get("isbns")),
            "year": as_year(fields.get("year")),
            "holdings": [{"library": h["library_code"], "name": h["library_name"],
                          "copies": h["total"], "available": h["available"]}
                         for h in held.get(uid, [])],
        })
    return out

