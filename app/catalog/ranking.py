"""The order of search hits: relevance tiers a librarian can predict, computed in Python on a
bounded set of candidates.

Tiers, best first:

0. the title (with its volume, as indexed) is exactly what was typed;
1. the title begins with what was typed;
2. every word typed is in the title;
3. every word typed is in the title or the authors;
4. the rest (words found in subjects, notes, publisher, call numbers...).

Within a tier a shorter title comes first (the words typed are more of it), then the older
record. Only words typed without a qualifier count for the tiers; ``title:``/``author:``...
terms have already confined the match to their column.

Why not bm25: FTS5's bm25 first counts, for every word of the query, all the rows that contain
it, and then reads each matching row's column sizes. With common words ("văn", "học") that
is a scan of a large part of the index on every keystroke; the tiers need only the titles and
authors of the few hundred candidates.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from app.catalog.query import Query, Term

# record id, then its record_search columns as indexed (folded): title (with the volume),
# author and, for candidates checked by :func:`satisfies`, subject, other and callno.
Candidate = tuple[Any, ...]
_COLUMN_INDEX = {"title": 0, "author": 1, "subject": 2, "other": 3, "callno": 4}


def needle(term: Term) -> str:
    """What to look for in a folded column padded with spaces (``" " + text + " "``): the
    words are separated by single spaces there, so a word, a word prefix or a phrase is a
    plain substring.

    >>> needle(Term(("van",))), needle(Term(("ho",), prefix=True)), needle(Term(("a", "b")))
    (' van ', ' ho', ' a b ')
    """
    return " " + " ".join(term.words) + ("" if term.prefix else " ")


def tier(query: Query, title: str, author: str) -> int:
    """The relevance tier (0 best) of a record for *query*; see the module docstring.

    >>> from app.catalog.query import parse_query
    >>> q = parse_query("văn học ")
    >>> [tier(q, t, a) for t, a in [("van hoc", ""), ("van hoc dan gian", ""),
    ...  ("lich su van hoc", ""), ("lich su", "hoc van"), ("lich su", "van")]]
    [0, 1, 2, 3, 4]
    """
    return _Tiers(query)(title, author)


class _Tiers:
    """:func:`tier` with the query's parts worked out once for many records."""

    def __init__(self, query: Query) -> None:
        self.exact = query.exact_title
        self.start = self.exact if query.typing else self.exact + " "
        self.needles = [needle(t) for t in query.bare]

    def __call__(self, title: str, author: str) -> int:
        if self.exact:
            if title == self.exact:
                return 0
            if title.startswith(self.start):
                return 1
        padded = f" {title} "
        missing = [n for n in self.needles if n not in padded]
        if not missing:
            return 2
        padded = f" {author} "
        return 3 if all(n in padded for n in missing) else 4


def satisfies(query: Query, candidate: Candidate) -> bool:
    """Whether the record's indexed text matches every term of *query* (what FTS5 decides,
    for records that were not found through the FTS index)."""
    texts = [f" {text} " for text in candidate[1:6]]
    for term in query.terms:
        wanted = needle(term)
        if term.column:
            if wanted not in texts[_COLUMN_INDEX[term.column]]:
                return False
        elif not any(wanted in text for text in texts):
            return False
    return True


def ranked(query: Query, candidates: Iterable[Candidate]) -> list[int]:
    """The ids of *candidates* (duplicates allowed) in ranking order."""
    tiers = _Tiers(query)
    keyed: dict[int, tuple[int, int, int]] = {}
    for rid, title, author, *_rest in candidates:
        if rid not in keyed:
            keyed[rid] = (tiers(title, author), title.count(" "), rid)
    return sorted(keyed, key=keyed.__getitem__)
