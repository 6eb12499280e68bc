"""Catalog search over the folded FTS5 index.

A query is words (folded like the index: no diacritics, đ→d, i/y variants equal), "quoted
phrases" and field qualifiers ``title:``, ``author:``, ``subject:``, ``isbn:``, ``year:``
(``year:2020`` or ``year:2015-2020``) and ``callno:``. The last bare word is a prefix while
the user is typing. An ISBN in any form, or an accession number, finds its record.

Ranking: an exact title first, then bm25 with title and author weighted above subject and
notes. Ranking costs ~2 µs per matching row, so a query matching more than ``RANK_CAP``
records is ordered by cheaper tiers (exact title, title prefix, title-column matches,
everything else) instead of scoring every match.
"""

from __future__ import annotations

import json
import re
import sqlite3
from dataclasses import dataclass, field

from app.catalog.isbn import to_isbn13
from app.catalog.models import Hit, HitItem, SearchResult
from app.text import fold

RANK_CAP = 4000
# A one-letter prefix expands to every indexed word with that letter (80-180 ms on 1M
# records): a single letter is matched as a whole word until a second one is typed.
MIN_PREFIX = 2
WEIGHTS = "10.0, 6.0, 2.0, 1.0, 1.5"  # title, author, subject, other, callno
_COLUMNS = {"title": "title", "author": "author", "subject": "subject", "callno": "callno",
            "ti": "title", "au": "author", "su": "subject", "tieude": "title",
            "tacgia": "author", "chude": "subject"}
_TOKEN = re.compile(r'(\w+):(?:"([^"]*)"?|(\S+))|"([^"]*)"?|(\S+)', re.UNICODE)


@dataclass
class Query:
    """A parsed search query."""

    fts: list[str] = field(default_factory=list)
    isbns: list[str] = field(default_factory=list)
    year_from: int | None = None
    year_to: int | None = None
    exact_title: str = ""
    raw: str = ""

    @property
    def match(self) -> str:
        """The FTS5 MATCH expression (empty when only filters were given)."""
        return " AND ".join(self.fts)


def _quoted(words: list[str], prefix_last: bool) -> str:
    parts = [f'"{w}"' for w in words]
    if prefix_last and parts and len(words[-1]) >= MIN_PREFIX:
        parts[-1] += "*"
    return " AND ".join(parts)


def parse_query(text: str) -> Query:
    """Parse *text* into FTS terms and filters.

    >>> parse_query('title:"dế mèn" tô ho').match
    'title : ("de" AND "men") AND "to" AND "ho"*'
    """
    query = Query(raw=text)
    typing = bool(text) and not text[-1].isspace() and not text.rstrip().endswith('"')
    tokens = list(_TOKEN.finditer(text))
    bare: list[str] = []
    for index, token in enumerate(tokens):
        last = index == len(tokens) - 1
        name, quoted_value, plain_value, phrase, word = token.groups()
        if name is not None:
            key = fold(name).replace(" ", "")
            value = quoted_value if quoted_value is not None else plain_value or ""
            if key == "isbn":
                isbn = to_isbn13(value)
                if isbn:
                    query.isbns.append(isbn)
                else:
                    digits = fold(value).replace(" ", "")
                    if digits:
                        query.fts.append(f'other : "{digits}"')
                continue
            if key in ("year", "nam"):
                years = re.findall(r"\d{3,4}", value)
                if years:
                    query.year_from = int(years[0])
                    query.year_to = int(years[-1])
                continue
            if key in _COLUMNS:
                words = fold(value).split()
                if words:
                    prefix = last and typing and quoted_value is None
                    query.fts.append(f"{_COLUMNS[key]} : ({_quoted(words, prefix)})")
                continue
            word = token.group(0)
        if phrase is not None:
            words = fold(phrase).split()
            if words:
                query.fts.append('"' + " ".join(words) + '"')
            continue
        words = fold(word or "").split()
        bare.extend(words)
        for i, w in enumerate(words):
            prefix = last and typing and i == len(words) - 1 and len(w) >= MIN_PREFIX
            query.fts.append(f'"{w}"' + ("*" if prefix else ""))
    query.exact_title = " ".join(bare)
    return query


class CatalogSearch:
    """Runs queries against one library's catalog."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn

    def search(self, text: str, limit: int = 20, offset: int = 0) -> SearchResult:
        """Find records for *text*; a page of ``limit`` hits and the total count."""
        if not text.strip():
            return SearchResult(0, [])
        pinned = self._pinned(text.strip())
        query = parse_query(text)
        ids, total = self._ranked_ids(query, limit + offset + len(pinned))
        ordered = pinned + [i for i in ids if i not in pinned]
        total = total + len([p for p in pinned if p not in ids])
        page = ordered[offset:offset + limit]
        return SearchResult(total, self.hits(page))

    def _pinned(self, text: str) -> list[int]:
        """Records found by an exact accession number or a bare ISBN."""
        found: list[int] = []
        row = self._conn.execute("SELECT record_id FROM items WHERE barcode = ? AND deleted = 0",
                                 (text,)).fetchone()
        if row:
            found.append(int(row[0]))
        isbn = to_isbn13(text)
        if isbn:
            for (rid,) in self._conn.execute(
                    "SELECT i.record_id FROM record_isbns i JOIN records r ON r.id = i.record_id "
                    "WHERE i.isbn = ? AND r.deleted = 0 ORDER BY i.record_id", (isbn,)):
                if rid not in found:
                    found.append(int(rid))
        return found

    def _filters(self, query: Query) -> tuple[str, list[object]]:
        sql, params = "", list[object]()
        if query.year_from is not None:
            sql += " AND r.year BETWEEN ? AND ?"
            params += [query.year_from, query.year_to]
        if query.isbns:
            marks = ", ".join("?" * len(query.isbns))
            sql += f" AND r.id IN (SELECT record_id FROM record_isbns WHERE isbn IN ({marks}))"
            params += query.isbns
        return sql, params

    def _ranked_ids(self, query: Query, want: int) -> tuple[list[int], int]:
        where, params = self._filters(query)
        if not query.match:
            if not where:
                return [], 0
            # Filters alone (year:, isbn:) can match much of the catalog: count it, fetch a page.
            total = self._conn.execute(
                f"SELECT count(*) FROM records r WHERE r.deleted = 0{where}", params).fetchone()[0]
            rows = self._conn.execute(
                f"SELECT r.id FROM records r WHERE r.deleted = 0{where} ORDER BY r.title_fold "
                f"LIMIT ?", [*params, want]).fetchall()
            return [r[0] for r in rows], int(total)
        capped = self._conn.execute(
            f"SELECT count(*) FROM (SELECT f.rowid FROM records_fts f JOIN records r "
            f"ON r.id = f.rowid WHERE records_fts MATCH ?{where} LIMIT {RANK_CAP + 1})",
            [query.match, *params]).fetchone()[0]
        if capped <= RANK_CAP:
            rows = self._conn.execute(
                f"SELECT f.rowid FROM records_fts f JOIN records r ON r.id = f.rowid "
                f"WHERE records_fts MATCH ?{where} "
                f"ORDER BY (r.title_fold = ?) DESC, bm25(records_fts, {WEIGHTS}) LIMIT ?",
                [query.match, *params, query.exact_title, want]).fetchall()
            return [r[0] for r in rows], int(capped)
        return self._tiered_ids(query, where, params, want), self._count(query, where, params)

    def _tiered_ids(self, query: Query, where: str, params: list[object], want: int) -> list[int]:
        """Order a very broad match without scoring every row."""
        ids: list[int] = []

        def take(sql: str, args: list[object]) -> None:
            for (rid,) in self._conn.execute(sql, args):
                if rid not in ids:
                    ids.append(rid)

        if query.exact_title:
            take(f"SELECT r.id FROM records r WHERE r.title_fold = ? AND r.deleted = 0{where} "
                 f"LIMIT ?", [query.exact_title, *params, want])
            take(f"SELECT r.id FROM records r WHERE r.title_fold > ? AND r.title_fold < ? "
                 f"AND r.deleted = 0{where} ORDER BY r.title_fold LIMIT ?",
                 [query.exact_title, query.exact_title + "\uffff", *params, want])
        if len(ids) < want:
            title_only = f"title : ({query.match})"
            take(f"SELECT f.rowid FROM records_fts f JOIN records r ON r.id = f.rowid "
                 f"WHERE records_fts MATCH ?{where} LIMIT ?", [title_only, *params, want])
        if len(ids) < want:
            take(f"SELECT f.rowid FROM records_fts f JOIN records r ON r.id = f.rowid "
                 f"WHERE records_fts MATCH ?{where} LIMIT ?", [query.match, *params, want * 2])
        return ids[:want]

    def _count(self, query: Query, where: str, params: list[object]) -> int:
        if where:
            sql = (f"SELECT count(*) FROM records_fts f JOIN records r ON r.id = f.rowid "
                   f"WHERE records_fts MATCH ?{where}")
        else:
            sql = "SELECT count(*) FROM records_fts WHERE records_fts MATCH ?"
        return int(self._conn.execute(sql, [query.match, *params]).fetchone()[0])

    def hits(self, record_ids: list[int]) -> list[Hit]:
        """Build display hits for *record_ids*, keeping their order."""
        if not record_ids:
            return []
        marks = ", ".join("?" * len(record_ids))
        rows = {r[0]: r for r in self._conn.execute(
            f"SELECT id, title, authors, responsibility, isbns, year, classification, "
            f"author_mark FROM records WHERE id IN ({marks})", record_ids)}
        items: dict[int, list[tuple[str, str, str | None]]] = {}
        for rid, barcode, status, callno in self._conn.execute(
                f"SELECT record_id, barcode, status, call_number FROM items "
                f"WHERE record_id IN ({marks}) AND deleted = 0 ORDER BY barcode", record_ids):
            items.setdefault(rid, []).append((barcode, status, callno))
        hits = []
        for rid in record_ids:
            if rid not in rows:
                continue
            _, title, authors, resp, isbns, year, classification, mark = rows[rid]
            author_list = json.loads(authors)
            copies = items.get(rid, [])
            call_number = next((c for _, _, c in copies if c), None)
            if call_number is None and classification:
                call_number = f"{classification} {mark}" if mark else classification
            hits.append(Hit(id=rid, title=title, author=author_list[0] if author_list else resp,
                            isbns=json.loads(isbns), year=year, call_number=call_number,
                            items=[HitItem(b, s) for b, s, _ in copies]))
        return hits
