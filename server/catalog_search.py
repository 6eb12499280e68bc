"""Searching the union catalog on the district server (``thuvien-district search``, the web
page of :mod:`server.opac`).

Vietnamese-aware like the desktop's search: the query is folded by :func:`app.text.fold`
(case, diacritics, đ→d, both tone placements, i/y variants) and compared with
``union_records.search``, the folded "title|authors" written with each union record
(:func:`server.union.search_text`). Every word of the query is a word prefix ("tieng vi"
finds "Tiếng Việt"); all must match, in the title or the authors. An ISBN in any form
(ISBN-10 or -13, with or without hyphens) finds the union record that holds it.

The query is read by the desktop's own parser (:func:`app.catalog.query.parse_query`),
full-width characters as the plain ones first (:func:`app.catalog.query.typed_forms`):
``title:``/``author:`` words only in the title/the authors (``subject:`` and ``callno:``
ones anywhere: they are not indexed), ``isbn:`` and a labelled ISBN narrow to that ISBN,
``year:`` to those years, an ISBD description pasted whole is searched by its first area, a
pasted page by its first words.

Order: the title equal to the query first, then titles beginning with it, then titles that
hold every word, then the rest (words found in the authors); within each, by folded title.

A hit shows each holding library's copies (withdrawn and lost copies not counted) and how
many are available: the union catalog holds nothing about borrowers.
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import Connection, bindparam, text

from app.catalog.isbn import to_isbn13
from app.catalog.marc.clean import clean
from app.catalog.query import Query, parse_query, typed_forms
from app.sync.protocol import as_str_list, as_year
from server import union

#: Query words used at most; a longer word is cut as union_words cuts it.
MAX_WORDS = 10
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
_PG_MATCHES = f"""
SELECT u.id, {_PG_TITLE} FROM union_records AS u
WHERE to_tsvector('simple'::regconfig, coalesce(u.search, ''))
      @@ to_tsquery('simple'::regconfig, :match)
  AND NOT u.deleted"""
# Driven by one word's range of union_words (the rarest word of the query); the other words
# are looked for in the record's own text.
_SQLITE_MATCHES = f"""
SELECT DISTINCT u.id, {_SQLITE_TITLE} FROM union_words AS w
JOIN union_records AS u ON u.id = w.union_id
WHERE w.word >= :low AND w.word < :high AND u.deleted = 0{{others}}"""
_PROBE = text("SELECT count(*) FROM (SELECT 1 FROM union_words WHERE word >= :low "
              "AND word < :high LIMIT :cap) AS p")
#: How far each word's entries are counted to choose the rarest (SQLite).
PROBE_CAP = 20_000
_PG_BEGINS = f"""
SELECT u.id, {_PG_TITLE} FROM union_records AS u
WHERE {_PG_TITLE} COLLATE "C" >= :exact AND {_PG_TITLE} COLLATE "C" < :upper AND NOT u.deleted
ORDER BY {_PG_TITLE} COLLATE "C" LIMIT :cap"""
_SQLITE_BEGINS = f"""
SELECT u.id, {_SQLITE_TITLE} FROM union_records AS u
WHERE {_SQLITE_TITLE} >= :exact AND {_SQLITE_TITLE} < :upper AND u.deleted = 0
ORDER BY {_SQLITE_TITLE} LIMIT :cap"""

_PG_YEAR = (" AND CASE WHEN (u.fields::jsonb ->> 'year') ~ '^[0-9]{1,4}$' "
            "THEN (u.fields::jsonb ->> 'year')::int END BETWEEN :year_from AND :year_to")
_SQLITE_YEAR = (" AND CAST(json_extract(u.fields, '$.year') AS INTEGER) "
                "BETWEEN :year_from AND :year_to")

# The title and the authors in the indexed text, for title: and author: words.
_PARTS = {"pg": {"title": _PG_TITLE, "author": "split_part(u.search, '|', 2)"},
          "sqlite": {"title": _SQLITE_TITLE, "author": "substr(u.search, instr(u.search, '|') + 1)"}}
_IN_PART = {"pg": " AND strpos(' ' || {part}, :{word}) > 0",
            "sqlite": " AND instr(' ' || {part}, :{word}) > 0"}

_BY_ISBN = text("SELECT n.union_id FROM union_isbns AS n "
                "JOIN union_records AS u ON u.id = n.union_id "
                "WHERE n.isbn = :isbn AND NOT u.deleted")


def query_words(query: Query) -> list[str]:
    """The folded words of *query* (read by the desktop's
    :func:`app.catalog.query.parse_query`) that the search uses: every word of its terms once,
    wherever a qualifier put it (the union catalog indexes titles and authors together);
    ISSN and bar-code numbers (column ``other``) are not indexed.

    >>> query_words(parse_query("  Tiếng VIỆT, lớp 1 title:việt"))
    ['tieng', 'viet', 'lop', '1']
    """
    words = (w[:union.MAX_WORD] for t in query.terms if t.column != "other" for w in t.words)
    return list(dict.fromkeys(words))[:MAX_WORDS]


def _filters(conn: Connection, query: Query) -> tuple[str, dict[str, Any]]:
    """SQL narrowing the matches to *query*'s ISBNs (``isbn:``, a labelled ISBN), years
    (``year:``, read from the record's fields: only the word matches are looked at) and
    ``title:`` / ``author:`` words (each a word prefix in that part of the indexed text)."""
    sql, params = "", dict[str, Any]()
    dialect = "pg" if conn.dialect.name == "postgresql" else "sqlite"
    kept = query_words(query)
    for term in query.terms:
        part = _PARTS[dialect].get(term.column or "")
        for word in (w[:union.MAX_WORD] for w in term.words) if part else ():
            if word in kept:
                name = f"c{len(params)}"
                sql += _IN_PART[dialect].format(part=part, word=name)
                params[name] = " " + word
    for n, isbn in enumerate(query.isbns):
        sql += (f" AND u.id IN (SELECT n.union_id FROM union_isbns AS n "
                f"WHERE n.isbn = :isbn{n})")
        params[f"isbn{n}"] = isbn
    if query.year_from is not None:
        sql += _PG_YEAR if conn.dialect.name == "postgresql" else _SQLITE_YEAR
        params.update(year_from=query.year_from, year_to=query.year_to)
    return sql, params


def _matches_sql(conn: Connection, words: list[str]) -> tuple[str, dict[str, Any]]:
    """The query of the live union records matching every word: ``(id, folded title)``."""
    if conn.dialect.name == "postgresql":
        return _PG_MATCHES, {"match": " & ".join(f"'{w}':*" for w in words)}
    driver = 0
    if len(words) > 1:  # the rarest word drives (each counted up to PROBE_CAP)
        driver = min(range(len(words)), key=lambda n: (int(conn.execute(_PROBE, {
            "low": words[n], "high": words[n] + _TOP, "cap": PROBE_CAP}).scalar_one()), n))
    params: dict[str, Any] = {"low": words[driver], "high": words[driver] + _TOP}
    others = ""
    for n, word in enumerate(words):
        if n != driver:
            params[f"w{n}"] = " " + word
            others += f" AND instr(' ' || replace(u.search, '|', ' '), :w{n}) > 0"
    return _SQLITE_MATCHES.format(others=others), params


def tier(title: str, words: list[str]) -> int:
    """0: the title is the query; 1: it begins with it; 2: it holds every word (as a word
    prefix); 3: some words are the authors'.

    >>> [tier(t, ["tieng", "viet", "1"]) for t in ("tieng viet 1", "tieng viet 10",
    ...  "luyen viet tieng viet 1", "tieng anh 1")]
    [0, 1, 2, 3]
    """
    exact = " ".join(words)
    if title == exact:
        return 0
    if title.startswith(exact):
        return 1
    padded = " " + title
    return 2 if all(" " + w in padded for w in words) else 3


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
    parsed = parse_query(query)
    if isbn or (parsed.isbns and not query_words(parsed)):
        ids = sorted({int(u) for i in ([isbn] if isbn else parsed.isbns)
                      for (u,) in conn.execute(_BY_ISBN, {"isbn": i})})
        return {"total": len(ids), "total_exact": True,
                "hits": hits(conn, ids[offset:offset + limit])}
    words = query_words(parsed)
    if not words:
        return {"total": 0, "total_exact": True, "hits": []}
    sql, params = _matches_sql(conn, words)
    narrowing, narrowed = _filters(conn, parsed)
    sql, params = sql + narrowing, {**params, **narrowed}
    found = {int(uid): t or "" for uid, t in conn.execute(
        text(sql + " LIMIT :cap"), {**params, "cap": RANK_CAP + 1})}
    total, exact_total = len(found), True
    if total > RANK_CAP:
        found = dict(list(found.items())[:RANK_CAP])
        total = int(conn.execute(text(f"SELECT count(*) FROM ({sql} LIMIT :cap) AS m"),
                                 {**params, "cap": COUNT_CAP + 1}).scalar_one())
        exact_total = total <= COUNT_CAP
        total = min(total, COUNT_CAP)
        if not narrowing:  # the titles beginning with the query, unless it has filters
            exact = " ".join(words)
            begins = _PG_BEGINS if conn.dialect.name == "postgresql" else _SQLITE_BEGINS
            found.update((int(uid), t or "") for uid, t in conn.execute(
                text(begins), {"exact": exact, "upper": exact + _TOP, "cap": RANK_CAP}))
    ranked = sorted(found, key=lambda uid: (tier(found[uid], words), found[uid], uid))
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

