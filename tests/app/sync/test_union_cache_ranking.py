"""A library's cached union search (``thuvien union-search``) finds and orders the hits as
the district's union search does (tests/support/union_ranking.py): exact title, title
beginning with the query, title words, title and author words, then subjects, publishers,
series. One library pushes the small catalog to a real district server on loopback, pulls
it back, and both searches are asked the same queries."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from app.cli import main as thuvien
from app.db.connection import Database, connect
from app.db.migrate import migrate
from app.library import Library
from server import catalog_search
from server.db import read
from tests.support.district import District
from tests.support.union_ranking import ORDERS, RECORDS


def union_search(db: Path, query: str, capsys: pytest.CaptureFixture[str]) -> list[str]:
    capsys.readouterr()
    assert thuvien(["--db", str(db), "union-search", query, "--json"]) == 0
    return [h["title"] for h in json.loads(capsys.readouterr().out)["hits"]]


def district_search(district: District, query: str) -> list[str]:
    with read(district.engine) as conn:
        return [h["title"] for h in catalog_search.search(conn, query)["hits"]]


def test_the_cache_ranks_as_the_district(district: District, tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "school.sqlite3"
    lib = Library.open(db)
    lib.sync.enroll(district.url, district.add_library("RK-1"))
    for record in RECORDS:
        lib.catalog.add_item(lib.catalog.add_record(**record), collection="TK")
    lib.sync.sync_now()
    district.wait_applied()
    lib.sync.sync_now()
    assert lib.sync.status().union_records >= len(RECORDS)
    lib.close()
    wrong = [(query, union_search(db, query, capsys), district_search(district, query))
             for query, order in ORDERS
             if not union_search(db, query, capsys) == district_search(district, query) == order]
    assert wrong == []


def old_cache(path: Path) -> None:
    """A library file of schema 11 whose union cache holds one record indexed by its title
    and authors only, as ThuVien 11 stored it."""
    db = Database(connect(path), path)
    try:
        migrate(db, upto=11)
        fields = {"title": "Hạt gạo làng ta", "authors": ["Trần Đăng Khoa"],
                  "subjects": ["Đồng dao"], "publisher": "Mỹ thuật", "year": 2019}
        with db.transaction() as conn:
            conn.execute("INSERT INTO union_cache(union_id, cursor, title, author, year, isbns, "
                         "fields, holdings, title_fold, fetched_at) VALUES (9999, '1.9999', ?, "
                         "?, 2019, '[]', ?, '[]', 'hat gao lang ta', '2026')",
                         (fields["title"], "Trần Đăng Khoa", json.dumps(fields)))
            conn.execute("INSERT INTO union_cache_fts(rowid, title, author) VALUES "
                         "(9999, 'hat gao lang ta', 'tran dang khoa')")
    finally:
        db.close()


def test_a_cache_from_before_is_searched_by_subject_after_the_next_pull(
        district: District, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "old.sqlite3"
    old_cache(db)
    lib = Library.open(db)  # migrates: title and authors found as before
    lib.close()
    assert union_search(db, "gạo làng", capsys) == ["Hạt gạo làng ta"]
    assert union_search(db, "tran dang khoa hat", capsys) == ["Hạt gạo làng ta"]
    assert union_search(db, "dong dao", capsys) == []
    lib = Library.open(db)
    lib.sync.enroll(district.url, district.add_library("RK-2"))
    lib.sync.sync_now()  # the pull indexes the cached records again
    lib.close()
    assert union_search(db, "đồng dao", capsys) == ["Hạt gạo làng ta"]
    assert union_search(db, "my thuat", capsys) == ["Hạt gạo làng ta"]
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("SELECT count(*) FROM sync_state WHERE key = "
                            "'union_cache_reindex'").fetchone() == (0,)
    finally:
        conn.close()


def test_a_broad_query_still_puts_the_exact_title_first(
        district: District, tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Past RANK_CAP matches the cache ranks the first ones with the titles beginning with
    the query, as the server does (the cap made small here instead of caching thousands)."""
    from app.sync import union_cache

    db = tmp_path / "school.sqlite3"
    lib = Library.open(db)
    lib.sync.enroll(district.url, district.add_library("RK-3"))
    for title in ("Vở bài tập Toán 1", "Em học Toán 1", "Toán 10", "Toán 1 nâng cao",
                  "Luyện Toán 1", "Toán 1"):
        lib.catalog.add_record(title, authors=["Hà Huy Khoái"], year=2021)
    lib.sync.sync_now()
    district.wait_applied()
    lib.sync.sync_now()
    lib.close()
    assert union_search(db, "toán 1", capsys)[:3] == ["Toán 1", "Toán 1 nâng cao", "Toán 10"]
    monkeypatch.setattr(union_cache, "RANK_CAP", 2)
    capsys.readouterr()
    assert thuvien(["--db", str(db), "union-search", "toan 1", "--json"]) == 0
    capped = json.loads(capsys.readouterr().out)
    assert [h["title"] for h in capped["hits"]][:2] == ["Toán 1", "Toán 1 nâng cao"]
    assert capped["total"] == 6
