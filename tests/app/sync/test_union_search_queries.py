"""``thuvien union-search`` reads a query as ``thuvien search`` does (app.catalog.query):
full-width letters, an ISBD description pasted whole, a pasted page of words, qualifiers
(bare, reversed year ranges, unknown ones as words), "Ð" for "Đ". Through the real CLI, on a
cache pulled from a real district server on loopback."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.cli import main as thuvien
from app.library import Library
from tests.support.district import District
from tests.support.union_queries import FOUND, KIEU_ISBN, NOTHING, TV1_ISBN


@pytest.fixture(scope="module")
def school(district: District, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A library whose union cache holds three union records (pulled once)."""
    folder = tmp_path_factory.mktemp("union-queries")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("THUVIEN_NO_KEYRING", "1")
        mp.setenv("THUVIEN_TOKEN_DIR", str(folder / "tokens"))
        lib = Library.open(folder / "school.sqlite3")
        lib.sync.enroll(district.url, district.add_library(f"UQ-{folder.name[-6:]}"))
        for title, author, year, isbns in (
                ("Truyện Kiều", "Nguyễn Du", 2015, [KIEU_ISBN]),
                ("Tiếng Việt 1", "Bùi Mạnh Hùng", 2020, [TV1_ISBN]),
                ("Đất rừng phương Nam", "Đoàn Giỏi", 2019, [])):
            rid = lib.catalog.add_record(title, authors=[author], year=year, isbns=isbns)
            lib.catalog.add_item(rid, collection="TK")
        lib.sync.sync_now()
        assert lib.sync.status().union_records == 3
        lib.close()
    yield folder / "school.sqlite3"


def union_search(db: Path, query: str, capsys: pytest.CaptureFixture[str]) -> list[str]:
    capsys.readouterr()
    assert thuvien(["--db", str(db), "union-search", query, "--json"]) == 0
    return [h["title"] for h in json.loads(capsys.readouterr().out)["hits"]]


@pytest.mark.parametrize(("query", "first"), FOUND)
def test_union_search_finds_the_record(school: Path, query: str, first: str,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    assert union_search(school, query, capsys)[:1] == [first]


@pytest.mark.parametrize("query", NOTHING)
def test_union_search_answers_without_a_traceback(school: Path, query: str,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    assert union_search(school, query, capsys) == []
    assert thuvien(["--db", str(school), "union-search", query]) == 0
    assert "Traceback" not in capsys.readouterr().err
