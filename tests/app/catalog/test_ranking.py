"""Ranking a set of candidate records (app.catalog.ranking) on real ``record_search`` rows."""

from __future__ import annotations

import sqlite3

from app.catalog.query import parse_query
from app.catalog.ranking import ranked


def _search_rows(rows: list[tuple[int, str, str]]) -> sqlite3.Connection:
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE record_search (rowid INTEGER PRIMARY KEY, title TEXT, "
                 "author TEXT, subject TEXT, other TEXT, callno TEXT)")
    conn.executemany("INSERT INTO record_search VALUES (?, ?, ?, '', '', '')", rows)
    return conn


def test_more_candidates_than_sqlite_takes_parameters_are_ranked_in_one_go() -> None:
    # 40,000 ids: more than one statement could bind as '?' (32,766); the best are at the end.
    rows = [(n, f"sach so {n}", "") for n in range(1, 40_001)]
    rows[-1] = (40_000, "van hoc", "")
    rows[-2] = (39_999, "tho van", "")
    conn = _search_rows(rows)
    ids = [n for n, _, _ in rows]
    assert ranked(conn, parse_query("văn "), ids, 2) == [40_000, 39_999]


def test_a_word_inside_another_word_is_not_a_title_match() -> None:
    conn = _search_rows([(1, "vanh dai", "van a"), (2, "lich su", "van b"),
                         (3, "van hoc", "x"), (4, "avan", "")])
    # "vanh" and "avan" hold "van" but not as a word: 1 has it in the author only (tier 3,
    # like 2; titles of two words, so the older first), 4 not at all.
    assert ranked(conn, parse_query("văn "), [4, 2, 1, 3], 4) == [3, 1, 2, 4]


def test_the_same_candidate_twice_is_ranked_once() -> None:
    conn = _search_rows([(1, "van", ""), (2, "van hoc", "")])
    assert ranked(conn, parse_query("văn"), [2, 1, 2, 1], 5) == [1, 2]
