"""Catalog search over the folded FTS5 index (query language: :mod:`app.catalog.query`).

An ISBN in any form, an ISSN with or without its hyphen, or an accession number, finds its
record first. The other hits are ordered by :mod:`app.catalog.ranking`: exact title, title
beginning, title words, title and author words, then the rest.

Speed: a query first reads its first ``RANK_CAP + 1`` matches; when there are no more,
they are all ranked. A broader query is then counted (in a catalog of more than
``EXACT_CATALOG`` records, up to ``COUNT_CAP`` matches, the total being estimated beyond),
and its first ``RANK_CAP`` matches are ranked together with the
records whose title is, or begins with, what was typed (found through the
``records(title_fold)`` index, so they come first however far down the id order they are).
The work thus stops growing with the number of matches; the price is that, in a very broad
result, the order beyond those tiers is worked out among the first matches only.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from app.catalog.accession import DEFAULT_SCHEMES, typed_accessions
from app.catalog.isbn import to_isbn13
from app.catalog.models import Hit, HitItem, SearchResult
from app.catalog.query import Query, parse_query, typed_forms
from app.catalog.ranking import ranked, satisfies
from app.catalog.store import COMPLETED_PREFIX, DIGITS

__all__ = ["RANK_CAP", "CatalogSearch", "Query", "parse_query"]

RANK_CAP = 300
MAX_COMPLETIONS = 40  # a prefix standing for more words is left to FTS5 as a prefix...
MAX_PREFIXED = 2000  # ...and one standing for more than this is taken as a whole word
_LAST_CHAR = "\U0010ffff"
_ISSN = re.compile(r"\d{4}-?\d{3}[\dXx]$")
# The start of an ISSN typed with its hyphen ("0866-8"): the query alone would look for the
# words "0866" and "8", and the index holds the ISSN as one word without its hyphen.
_PARTIAL_ISSN = re.compile(r"\d{4}-\d{1,3}$")
PINNED_ISSN_CAP = 1_000  # records a partial ISSN pins ahead of the ranked ones
# Counting every match of a broad query costs a scan of its word lists (tens of ms on 1M
# records). In a catalog of more than EXACT_CATALOG records, past COUNT_CAP matches the total
# is estimated from how far into the catalog the COUNT_CAP-th match lies
# (``SearchResult.total_exact`` is then False); smaller catalogs, as most school libraries
# are, always get exact totals. The count goes on from the last match already read and
# costs about its length: on 100k records, counting to 5,000 took 0.8 ms of a typical
# search's 3.7, to 1,000 0.3 ms; past the cap the estimate was within 8 % of the old figure
# for the benchmark's queries.
COUNT_CAP = 1_000
EXACT_CATALOG = 20_000
ISBN_COUNT_CAP = 10  # times COUNT_CAP: see CatalogSearch._by_isbn_prefix
_SEARCH_COLUMNS = "s.title, s.author, s.subject, s.other, s.callno"
_BY_TITLE = (f"SELECT r.id, {_SEARCH_COLUMNS} FROM records r "
             f"JOIN record_search s ON s.rowid = r.id WHERE {{title}}{{where}} "
             f"ORDER BY r.title_fold LIMIT ?")
_RECORDS = " JOIN records r ON r.id = f.rowid"


class CatalogSearch:
    """Runs queries against one library's catalog."""

    def __init__(self, conn: sqlite3.Connection,
                 schemes: Callable[[], dict[str, dict[str, Any]]] = lambda: DEFAULT_SCHEMES
                 ) -> None:
        self._conn = conn
        self._schemes = schemes  # the library's accession schemes, read when needed

    def search(self, text: str, limit: int = 20, offset: int = 0) -> SearchResult:
        """Find records for *text*; a page of ``limit`` hits and the total count.

        The query is read in NFKC: full-width letters and digits (some Vietnamese input
        methods on Windows type them) are the plain ones the catalog holds. Only when that
        finds nothing is the text searched as typed, for a record stored with the same
        full-width characters.
        """
        result = SearchResult(0, [])
        for form in typed_forms(text):
            result = self._search(form, limit, offset)
            if result.total:
                break
        return result

    def _search(self, text: str, limit: int, offset: int) -> SearchResult:
        if not text.strip():
            return SearchResult(0, [])
        pinned = self._pinned(text.strip())
        query = self._complete(parse_query(text))
        ids, total, exact = self._ranked_ids(query, limit + offset + len(pinned))
        ordered = pinned + [i for i in ids if i not in pinned]
        total = total + len([p for p in pinned if p not in ids])
        page = ordered[offset:offset + limit]
        return SearchResult(total, self.hits(page), total_exact=exact)

    def _pinned(self, text: str) -> list[int]:
        """Records found by an accession number (exactly, or typed loosely: see
        :func:`app.catalog.accession.typed_accessions`), a bare ISBN or a bare ISSN (with or
        without its hyphen, or its start typed with the hyphen: "0866-8")."""
        found: list[int] = []
        barcodes = [text, *typed_accessions(text, self._schemes())] if any(
            c.isdigit() for c in text) else [text]
        for barcode in barcodes:  # the column compares without case
            row = self._conn.execute("SELECT record_id FROM items WHERE barcode = ? "
                                     "AND deleted = 0", (barcode,)).fetchone()
            if row and row[0] not in found:
                found.append(int(row[0]))
        issn = _ISSN.match(text)
        if issn or _PARTIAL_ISSN.match(text):  # indexed without the hyphen, which the query
            star = "" if issn else "*"  # would split on; a partial one is a prefix
            found += [rid for (rid,) in self._conn.execute(
                "SELECT f.rowid FROM records_fts f JOIN records r ON r.id = f.rowid "
                "WHERE records_fts MATCH ? AND r.deleted = 0 ORDER BY f.rowid LIMIT ?",
                (f'other : "{text.replace("-", "").lower()}"{star}', PINNED_ISSN_CAP))
                if rid not in found]
        isbn = to_isbn13(text)
        if isbn:
            for (rid,) in self._conn.execute(
                    "SELECT i.record_id FROM record_isbns i JOIN records r ON r.id = i.record_id "
                    "WHERE i.isbn = ? AND r.deleted = 0 ORDER BY i.record_id", (isbn,)):
                if rid not in found:
                    found.append(int(rid))
        return found

    def _complete(self, query: Query) -> Query:
        """Replace each prefix of ``COMPLETED_PREFIX``+ characters by the words it stands for
        (shorter prefixes have FTS5 prefix indexes).

        Up to ``MAX_COMPLETIONS`` words are searched as a list; up to ``MAX_PREFIXED`` the
        prefix is left to FTS5 (which merges their lists first); a prefix standing for more
        words than that (the first digits of an ISBN, which every record shares) is matched
        as a whole word until more is typed.

        Words come from ``search_terms``; words beginning with a digit (ISBNs, accession and
        class numbers: mostly one record each) are not listed there but read from the
        index's own vocabulary, which is cheap for them and costly for common words.
        A bare ISBN prefix that stands for too many numbers ("978604": every Vietnamese
        book) becomes a filter on the ISBN table instead, so that typing an ISBN digit by
        digit narrows the list rather than emptying it.
        """
        isbn_prefix: int | None = None
        for i, term in enumerate(query.terms):
            word = term.words[-1]
            if not term.prefix or len(word) < COMPLETED_PREFIX or len(term.words) > 1:
                continue
            words: list[str]
            if term.column is None and word[:3] in ("978", "979") and word.isdigit() and \
                    self._many_isbns(word):
                words = [""] * (MAX_PREFIXED + 1)  # known without listing the index's numbers
            else:
                if word[0] in DIGITS:
                    self._conn.execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.records_vocab "
                                       "USING fts5vocab(main, records_fts, 'row')")
                    source = "temp.records_vocab"
                else:
                    source = "search_terms"
                words = [w for (w,) in self._conn.execute(
                    f"SELECT term FROM {source} WHERE term >= ? AND term < ? LIMIT ?",
                    (word, word + _LAST_CHAR, MAX_PREFIXED + 1))]
            if len(words) > MAX_PREFIXED:
                if term.column is None and word[:3] in ("978", "979") and word.isdigit():
                    isbn_prefix = i
                query.terms[i] = replace(term, prefix=False)
            elif len(words) <= MAX_COMPLETIONS:
                query.terms[i] = replace(term, completions=tuple(words))
        if isbn_prefix is not None:
            query.isbn_prefix = query.terms.pop(isbn_prefix).words[-1]
        return query

    def _many_isbns(self, prefix: str) -> bool:
        """Whether more than ``MAX_PREFIXED`` ISBNs begin with *prefix*: then as many indexed
        words do (each ISBN is one), which the ISBN index tells at a fraction of the cost of
        listing them from the full-text vocabulary (2.8 ms for "9786" on 100k records)."""
        return bool(self._conn.execute(
            "SELECT count(*) > ? FROM (SELECT 1 FROM record_isbns WHERE isbn >= ? AND isbn < ? "
            "LIMIT ?)", (MAX_PREFIXED, prefix, prefix + _LAST_CHAR, MAX_PREFIXED + 1)
        ).fetchone()[0])

    def _filters(self, query: Query) -> tuple[str, list[object]]:
        sql, params = "", list[object]()
        if query.year_from is not None:
            sql += " AND r.year BETWEEN ? AND ?"
            params += [query.year_from, query.year_to]
        if query.isbns:
            marks = ", ".join("?" * len(query.isbns))
            sql += f" AND r.id IN (SELECT record_id FROM record_isbns WHERE isbn IN ({marks}))"
            params += query.isbns
        if query.isbn_prefix:
            sql += (" AND EXISTS (SELECT 1 FROM record_isbns p WHERE p.record_id = r.id "
                    "AND p.isbn >= ? AND p.isbn < ?)")
            params += [query.isbn_prefix, query.isbn_prefix + _LAST_CHAR]
        return sql, params

    def _by_isbn_prefix(self, query: Query, want: int) -> tuple[list[int], int, bool]:
        """Records whose ISBN begins with the digits typed, in ISBN order, read from the ISBN
        index (the only filter that can narrow a million records fast enough to count).

        Beyond ``COUNT_CAP`` the total is the ISBN index's own count of the range: a book
        with two ISBNs in the range counts twice, so it is marked as not exact. That count
        walks the range (0.1 µs per ISBN; "978604", every Vietnamese book, was 11 ms on the
        benchmark's 100k records, ten times that on 1M), so it stops at
        ``ISBN_COUNT_CAP`` ISBNs and a range beyond is estimated by :meth:`_isbn_share`."""
        low = query.isbn_prefix or ""
        params: list[object] = [low, low + _LAST_CHAR]
        source = ("FROM record_isbns i JOIN records r ON r.id = i.record_id "
                  "WHERE i.isbn >= ? AND i.isbn < ? AND r.deleted = 0")
        ids: list[int] = []
        for (rid,) in self._conn.execute(f"SELECT i.record_id {source} ORDER BY i.isbn",
                                         params):
            if rid not in ids:
                ids.append(rid)
                if len(ids) == want:
                    break
        cap = ISBN_COUNT_CAP * COUNT_CAP
        isbns = self._conn.execute("SELECT count(*) FROM (SELECT 1 FROM record_isbns WHERE "
                                   "isbn >= ? AND isbn < ? LIMIT ?)", [*params, cap + 1]
                                   ).fetchone()[0]
        if isbns > cap:
            return ids, max(cap + 1, self._isbn_share(low, 2 * COUNT_CAP)), False
        if isbns > COUNT_CAP:  # ISBNs, not records: a book with two in the range counts twice
            return ids, int(isbns), False
        count = self._conn.execute(f"SELECT count(DISTINCT i.record_id) {source}",
                                   params).fetchone()[0]
        return ids, int(count), True

    def _isbn_share(self, low: str, sample: int) -> int:
        """The number of ISBNs beginning with *low*, estimated from the first *sample* ISBN
        rows in record order (the ``record_isbns(record_id)`` index holds the ISBN too, so
        this reads that index alone), assuming the rest of the catalog is like them."""
        found, last = self._conn.execute(
            "SELECT sum(isbn >= ? AND isbn < ?), max(record_id) FROM (SELECT record_id, isbn "
            "FROM record_isbns ORDER BY record_id LIMIT ?)",
            (low, low + _LAST_CHAR, sample)).fetchone()
        return self._estimate(last, int(found)) if found else 0

    def _ranked_ids(self, query: Query, want: int) -> tuple[list[int], int, bool]:
        where, params = self._filters(query)
        if not query.match:
            if query.isbn_prefix and not query.isbns and query.year_from is None:
                return self._by_isbn_prefix(query, want)  # with a year: the filters' way
            if not where:
                return [], 0, True
            # Filters alone (year:, isbn:) can match much of the catalog: count it, fetch a page.
            total = self._conn.execute(
                f"SELECT count(*) FROM records r WHERE r.deleted = 0{where}", params).fetchone()[0]
            rows = self._conn.execute(
                f"SELECT r.id FROM records r WHERE r.deleted = 0{where} ORDER BY r.title_fold "
                f"LIMIT ?", [*params, want]).fetchall()
            return [r[0] for r in rows], int(total), True
        ids = self._ids(query, where, params, RANK_CAP + 1)
        if len(ids) <= RANK_CAP:
            return ranked(self._conn, query, ids, want), len(ids), True
        total, exact_total = self._count(query, where, params, ids)
        titled: list[int] = []
        if query.exact_title:
            exact = query.exact_title
            titled += self._by_title("r.title_fold = ?", [exact], query, where, params, want)
            low = exact if query.typing else exact + " "
            titled += self._by_title("r.title_fold > ? AND r.title_fold < ?",
                                     [low, low + _LAST_CHAR], query, where, params, want)
        if want > RANK_CAP:  # a page beyond the first matches ranked
            ids = self._ids(query, where, params, want)
        return ranked(self._conn, query, titled + ids[:max(RANK_CAP, want)], want), total, \
            exact_total

    def _count(self, query: Query, where: str, params: list[object], first: list[int]
               ) -> tuple[int, bool]:
        """The number of matches of a query whose first matches (in id order) are *first*,
        and whether it is exact: counted on from the last of them, up to the cap."""
        size = self._conn.execute("SELECT max(rowid) FROM record_search").fetchone()[0] or 0
        cap = COUNT_CAP if size > EXACT_CATALOG else size
        rest, last = 0, first[-1]
        if len(first) <= cap:
            rest, found_last = self._conn.execute(
                f"SELECT count(*), max(rowid) FROM (SELECT f.rowid FROM records_fts f"
                f"{_RECORDS if where else ''} WHERE records_fts MATCH ?{where} AND f.rowid > ? "
                f"LIMIT ?)", [query.match, *params, last, cap + 1 - len(first)]).fetchone()
            last = found_last or last
        count = len(first) + rest
        return (count, True) if count <= cap else (self._estimate(last, count - 1), False)

    def _ids(self, query: Query, where: str, params: list[object], limit: int) -> list[int]:
        """The first *limit* matching record ids, in id order."""
        return [rid for (rid,) in self._conn.execute(
            f"SELECT f.rowid FROM records_fts f{_RECORDS if where else ''} "
            f"WHERE records_fts MATCH ?{where} LIMIT ?", [query.match, *params, limit])]

    def _estimate(self, last: int, counted: int) -> int:
        """The number of matches of a query whose ``counted + 1``-th match (in id order) is
        record *last*, assuming the rest are spread like the first ones."""
        low, high = self._conn.execute(
            "SELECT (SELECT min(id) FROM records), (SELECT max(id) FROM records)").fetchone()
        share = (last - low + 1) / (high - low + 1)
        return max(counted + 1, int(counted / share))

    def _by_title(self, title_sql: str, title_params: list[object], query: Query, where: str,
                  params: list[object], limit: int) -> list[int]:
        """Up to *limit* records chosen through the title index that satisfy the whole query
        (checked on their indexed text: a second FTS query per record would cost more)."""
        found: list[int] = []
        for row in self._conn.execute(_BY_TITLE.format(title=title_sql, where=where),
                                      [*title_params, *params, 4 * limit]):
            if satisfies(query, row[1:]):
                found.append(row[0])
                if len(found) == limit:
                    break
        return found

    def hits(self, record_ids: list[int]) -> list[Hit]:
        """Build display hits for *record_ids*, keeping their order."""
        if not record_ids:
            return []
        marks = ", ".join("?" * len(record_ids))
        rows = {r[0]: r for r in self._conn.execute(
            f"SELECT id, title, coalesce(json_extract(authors, '$[0]'), responsibility), isbns, "
            f"year, classification, author_mark FROM records WHERE id IN ({marks})", record_ids)}
        items: dict[int, list[tuple[str, str, str | None]]] = {}
        for rid, barcode, status, callno in self._conn.execute(
                f"SELECT record_id, barcode, status, call_number FROM items "
                f"WHERE record_id IN ({marks}) AND deleted = 0 ORDER BY barcode", record_ids):
            items.setdefault(rid, []).append((barcode, status, callno))
        hits = []
        for rid in record_ids:
            if rid not in rows:
                continue
            _, title, author, isbns, year, classification, mark = rows[rid]
            copies = items.get(rid, [])
            call_number = next((c for _, _, c in copies if c), None)
            if call_number is None and classification:
                call_number = f"{classification} {mark}" if mark else classification
            hits.append(Hit(id=rid, title=title, author=author,
                            isbns=json.loads(isbns), year=year, call_number=call_number,
                            items=[HitItem(b, s) for b, s, _ in copies]))
        return hits

