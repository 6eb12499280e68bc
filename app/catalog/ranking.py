"""The order of search hits: relevance tiers a librarian can predict, worked out by SQLite on a
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
authors of the few hundred candidates, which ``record_search`` holds folded.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence

from app.catalog.query import Query, Term

_COLUMNS = ("title", "author", "subject", "other", "callno")


def needle(term: Term) -> str:
    """What to look for in a folded column padded with spaces (``" " + text + " "``): the
    words are separated by single spaces there, so a word, a word prefix or a phrase is a
    plain substring.

    >>> needle(Term(("van",))), needle(Term(("ho",), prefix=True)), needle(Term(("a", "b")))
    (' van ', ' ho', ' a b ')
    """
    return " " + " ".join(term.words) + ("" if term.prefix else " ")


def tier_sql(query: Query) -> tuple[str, list[object]]:
    """An SQL expression over ``record_search`` (alias ``s``) giving a record's tier for
    *query*, and its parameters.

    A word is looked for in the bare column first (``instr(s.title, 'van')``) and only where
    it is there in the padded one (``' van '``, which builds a new string per row): most
    candidates lack most words in their title and author, so most rows cost no string.

    >>> from app.catalog.query import parse_query
    >>> conn = sqlite3.connect(":memory:")
    >>> sql, args = tier_sql(parse_query("văn học "))
    >>> [conn.execute(f"SELECT {sql} FROM (SELECT ? AS title, ? AS author) s", [*args, t, a]
    ...               ).fetchone()[0] for t, a in [("van hoc", ""), ("van hoc dan gian", ""),
    ...  ("lich su van hoc", ""), ("lich su", "hoc van"), ("lich su", "van"),
    ...  ("vanh hoc", "hoc van")]]
    [0, 1, 2, 3, 4, 3]
    """
    cases, args = [], list[object]()
    if query.exact_title:
        start = query.exact_title if query.typing else query.exact_title + " "
        cases.append("WHEN s.title = ? THEN 0 WHEN substr(s.title, 1, ?) = ? THEN 1")
        args += [query.exact_title, len(start), start]
    needles = [needle(t) for t in query.bare]
    title = "(instr(s.title, ?) AND instr(' ' || s.title || ' ', ?))"
    author = "(instr(s.author, ?) AND instr(' ' || s.author || ' ', ?))"
    cases.append(f"WHEN {' AND '.join([title] * len(needles)) or 1} THEN 2")
    for n in needles:
        args += [n.strip(), n]
    if needles:
        cases.append(f"WHEN {' AND '.join([f'({title} OR {author})'] * len(needles))} THEN 3")
        for n in needles:
            args += [n.strip(), n, n.strip(), n]
    return f"CASE {' '.join(cases)} ELSE 4 END", args


def ranked(conn: sqlite3.Connection, query: Query, ids: Sequence[int], limit: int) -> list[int]:
    """The best *limit* of records *ids* for *query*, best first.

    The ids go in as one JSON array (``json_each``), so the statement's text depends only on
    the query's shape and SQLite's prepared statement is reused; a list of ``?`` would be
    a new statement, parsed and planned again, for every number of ids.
    """
    tier, args = tier_sql(query)
    return [row[0] for row in conn.execute(
        f"SELECT s.rowid FROM json_each(?) c JOIN record_search s ON s.rowid = c.value "
        f"ORDER BY {tier}, length(s.title) - length(replace(s.title, ' ', '')), s.rowid "
        f"LIMIT ?", [json.dumps(list(dict.fromkeys(ids))), *args, limit])]


def satisfies(query: Query, texts: Sequence[str]) -> bool:
    """Whether a record whose ``record_search`` columns are *texts* (title, author, subject,
    other, callno) matches every term of *query*: what FTS5 decides, for records that were
    not found through the FTS index."""
    padded = [f" {text} " for text in texts]
    for term in query.terms:
        wanted = needle(term)
        if term.column:
            if wanted not in padded[_COLUMNS.index(term.column)]:
                return False
        elif not any(wanted in text for text in padded):
            return False
    return True
