"""What a union-catalog record is searched and ranked by, the same on the district server
(:mod:`server.catalog_search`, the /opac page) and in a library's cache of the union catalog
(``thuvien union-search``, :mod:`app.sync.union_cache`).

A union record is indexed as the desktop indexes its own records (:func:`app.catalog.store.
search_parts`): its folded title (with its volume), authors (with the statement of
responsibility), subjects, other words (publisher, place, series, edition, notes, ISBNs in
both forms) and class number. Its year is the one the library sent, else the one its MARC
record gives (264/260 $c, else 008/07-10), read as the desktop's MARC import reads it.

Hits are ranked by :func:`rank_key`: the title equal to the query, then titles beginning
with it, then titles holding every word, then records holding every word in the title or
the authors, then the rest (words found in subjects, publishers, notes...); within a tier by
folded title, then by union id.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from app.catalog.marc.extract import BibData, extract
from app.catalog.marc.model import MarcRecord
from app.catalog.query import MAX_TERMS, Query
from app.catalog.store import search_parts
from app.sync.protocol import as_str_list, as_year

#: The parts of a union record's search text, in order.
PARTS = ("title", "author", "subject", "other", "callno")
#: Longest word the district indexes (a longer query word is cut the same way).
MAX_WORD = 40


def _text(fields: dict[str, Any], name: str) -> str | None:
    value = fields.get(name)
    return str(value) if value not in (None, "") else None


def union_year(fields: dict[str, Any]) -> int | None:
    """The publication year of a pushed record: its ``year``, else its MARC record's.

    >>> union_year({"year": 2019}), union_year({"year": None, "marc": "{}"})
    (2019, None)
    >>> from app.catalog.marc.model import Field
    >>> marc = MarcRecord("00000nam a2200000 a 4500", [
    ...     Field("264", None, " ", "1", [("b", "Kim Đồng,"), ("c", "2019.")])]).to_storage()
    >>> union_year({"year": None, "marc": marc})
    2019
    """
    year = as_year(fields.get("year"))
    stored = fields.get("marc")
    if year is not None or not isinstance(stored, str) or not stored.startswith("["):
        return year
    try:
        return extract(MarcRecord.from_storage(stored)).year
    except (ValueError, TypeError, IndexError, KeyError):
        return None


def search_parts_of(fields: dict[str, Any]) -> tuple[str, str, str, str, str]:
    """The folded texts of a union record's fields, one per :data:`PARTS`.

    >>> search_parts_of({"title": "Tiếng Việt 1 /", "authors": ["Bùi Mạnh Hùng"],
    ...                  "subjects": ["Tiếng Việt", "Lớp 1"], "publisher": "Giáo dục",
    ...                  "isbns": ["9786040219251"], "classification": "495.922"})
    ('tieng viet 1', 'bui manh hung', 'tieng viet lop 1', 'giao duc 9786040219251 6040219254', '495 922')
    """
    bib = BibData(
        title=str(fields.get("title") or ""), responsibility=_text(fields, "responsibility"),
        authors=as_str_list(fields.get("authors")), isbns=as_str_list(fields.get("isbns")),
        publisher=_text(fields, "publisher"), place=_text(fields, "place"),
        edition=_text(fields, "edition"), classification=_text(fields, "classification"),
        subjects=as_str_list(fields.get("subjects")), series=_text(fields, "series"),
        volume=_text(fields, "volume"), notes=_text(fields, "notes"))
    return search_parts(bib)


def query_words(query: Query) -> list[str]:
    """The folded words of *query* (:func:`app.catalog.query.parse_query`) that a union
    search looks for and ranks by: every word of its terms once, wherever a qualifier put
    it, at most as many as the desktop's search uses (``MAX_TERMS``); ISSN and bar-code
    numbers (column ``other``) are not in the union catalog.

    >>> from app.catalog.query import parse_query
    >>> query_words(parse_query("  Tiếng VIỆT, lớp 1 title:việt"))
    ['tieng', 'viet', 'lop', '1']
    """
    words = (w[:MAX_WORD] for t in query.terms if t.column != "other" for w in t.words)
    return list(dict.fromkeys(words))[:MAX_TERMS]


def tier(words: Sequence[str], title: str, author: str) -> int:
    """The rank of a record whose folded title and authors are *title* and *author* for
    the folded query *words* (each a word prefix): 0 the title is the query, 1 it begins
    with it, 2 it holds every word, 3 the title and authors hold every word, 4 the rest.

    >>> [tier(["tieng", "viet", "1"], t, a) for t, a in [("tieng viet 1", ""),
    ...  ("tieng viet 10", ""), ("luyen viet tieng viet 1", ""), ("tieng viet", "1 nhom"),
    ...  ("tieng anh 1", "")]]
    [0, 1, 2, 3, 4]
    """
    exact = " ".join(words)
    if title == exact:
        return 0
    if title.startswith(exact):
        return 1
    in_title = " " + title
    if all(" " + w in in_title for w in words):
        return 2
    both = f" {title} {author}"
    return 3 if all(" " + w in both for w in words) else 4


def rank_key(words: Sequence[str], union_id: int, title: str, author: str
             ) -> tuple[int, str, int]:
    """The sort key of a hit (see the module's text): best first."""
    return tier(words, title, author), title, union_id
