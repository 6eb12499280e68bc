"""How search behaves on broad queries: the fast paths must find and order what the plain
FTS5 query would, and say when a total is only an estimate.

The thresholds (``RANK_CAP``, ``COUNT_CAP``, ``EXACT_CATALOG``) are lowered here so that a
few hundred records take the paths a large catalog takes.
"""

from __future__ import annotations

import random
import sqlite3
from pathlib import Path

import pytest

from app.catalog import search as search_module
from app.catalog.marc import Field, ItemData, MarcRecord, write_iso2709
from app.catalog.query import parse_query
from app.library import Library

WORDS = ("điện", "điện tử", "kỹ thuật", "sách", "giáo khoa", "tiếng việt", "việt nam", "lịch sử",
         "nguyễn", "thành phố", "trường", "truyện", "tuổi thơ", "nhà", "nhạc", "nhân dân")


def _records(count: int) -> list[tuple[MarcRecord, list[ItemData]]]:
    rng = random.Random(5)
    out = []
    for n in range(1, count + 1):
        title = " ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 4))).capitalize()
        author = rng.choice(["Nguyễn Văn Điện", "Trần Thành", "Lê Nhân", "Phạm Trường Sơn"])
        note = rng.choice(["Sách về điện ảnh", "Tái bản", "Nhà xuất bản Trẻ", ""])
        fields = [Field("001", f"N{n}"), Field("003", "VN-T"),
                  Field("100", None, "1", " ", [("a", author)]),
                  Field("245", None, "1", "0", [("a", title)]),
                  Field("650", None, " ", "7", [("a", rng.choice(WORDS).capitalize())])]
        if note:
            fields.append(Field("500", None, " ", " ", [("a", note)]))
        out.append((MarcRecord("00000nam a2200000 a 4500", fields),
                    [ItemData(barcode=f"TK.{n:05d}", collection="TK")]))
    return out


@pytest.fixture(scope="module")
def catalog(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("scale")
    with (folder / "r.mrc").open("wb") as out:
        write_iso2709(_records(600), out)
    with Library.open(folder / "lib.sqlite3") as lib:
        lib.catalog.import_marc(folder / "r.mrc")
        lib.catalog.add_record("Điện", authors=["Ai Đó"])  # the one exact title
    return folder / "lib.sqlite3"


@pytest.fixture
def lib(catalog: Path, monkeypatch: pytest.MonkeyPatch) -> Library:
    monkeypatch.setattr(search_module, "RANK_CAP", 40)
    monkeypatch.setattr(search_module, "COUNT_CAP", 150)
    monkeypatch.setattr(search_module, "EXACT_CATALOG", 300)
    return Library.open(catalog)


def _fts_ids(lib: Library, text: str) -> list[int]:
    """Every record the plain FTS5 query matches (prefixes as FTS5 prefixes)."""
    return [r[0] for r in lib.db.conn.execute(
        "SELECT rowid FROM records_fts WHERE records_fts MATCH ? ORDER BY rowid",
        (parse_query(text).match,))]


@pytest.mark.parametrize("text", ["nguyê", "nguyễn thàn", "trườ", "nhân", "truyện tuổ",
                                  "thành phố", "kỹ thuậ", "giáo kho", "điện tử việ"])
def test_completed_prefixes_find_what_the_fts_prefix_finds(lib: Library, text: str) -> None:
    expected = _fts_ids(lib, text)
    result = lib.catalog.search(text, limit=1000)
    assert sorted(h.id for h in result.hits) == expected
    if len(expected) <= search_module.COUNT_CAP:
        assert result.total == len(expected) and result.total_exact


def test_a_broad_query_gets_an_estimated_total_and_the_tiers_in_order(lib: Library) -> None:
    every = _fts_ids(lib, "điện")
    assert len(every) > search_module.COUNT_CAP  # the estimate path
    result = lib.catalog.search("điện", limit=20)
    assert not result.total_exact
    assert 0.6 * len(every) <= result.total <= 1.5 * len(every)
    titles = [h.title for h in result.hits]
    assert titles[0] == "Điện"
    assert len(titles) == 20 and len(set(h.id for h in result.hits)) == 20
    starts = [t.lower().startswith("điện") for t in titles[1:]]
    # Titles beginning with the word come before those that only contain it.
    assert starts == sorted(starts, reverse=True) and any(starts)


def test_a_small_catalog_always_counts_exactly(lib: Library,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(search_module, "EXACT_CATALOG", 20_000)
    result = lib.catalog.search("điện")
    assert result.total_exact and result.total == len(_fts_ids(lib, "điện"))


def test_tiers_of_a_mid_sized_result(lib: Library) -> None:
    # Few enough matches to be counted exactly, too many to take the all-ranked path.
    text = "truyện "
    every = _fts_ids(lib, text)
    assert search_module.RANK_CAP < len(every) <= search_module.COUNT_CAP
    result = lib.catalog.search(text, limit=len(every))
    assert result.total == len(every) and result.total_exact
    conn = lib.db.conn
    in_title = {rid for (rid,) in conn.execute(
        "SELECT rowid FROM records_fts WHERE records_fts MATCH 'title : \"truyen\"'")}
    order = [h.id in in_title for h in result.hits[:20]]
    assert all(order[:min(20, len(in_title))])  # title matches first


def test_the_small_path_ranks_everything_by_tier(lib: Library) -> None:
    conn = lib.db.conn
    hits = lib.catalog.search("truyện tuổi ", limit=50).hits
    assert 0 < len(hits) <= search_module.RANK_CAP
    in_title = [bool(conn.execute(
        "SELECT 1 FROM records_fts WHERE records_fts MATCH "
        "'title : \"truyen\" AND title : \"tuoi\"' AND rowid = ?", (h.id,)).fetchone())
        for h in hits]
    assert any(in_title) and not all(in_title)
    assert in_title == sorted(in_title, reverse=True)  # both words in the title come first
    # Among titles that hold both words without beginning with them, the shorter first.
    inside = [len(h.title.split()) for h, t in zip(hits, in_title, strict=True)
              if t and not h.title.lower().startswith("truyện tuổi")]
    assert len(inside) > 1 and inside == sorted(inside)


def test_filters_with_a_broad_query(lib: Library) -> None:
    rid = lib.catalog.add_record("Điện học đại cương", authors=["X"], year=1999)
    result = lib.catalog.search("điện year:1999")
    assert [h.id for h in result.hits] == [rid] and result.total == 1


def test_a_qualified_term_limits_the_title_tiers(lib: Library) -> None:
    result = lib.catalog.search("điện author:trần", limit=100)
    authors = {h.author for h in result.hits}
    assert authors == {"Trần Thành"}


def test_search_terms_hold_what_the_index_holds(lib: Library) -> None:
    conn: sqlite3.Connection = lib.db.conn
    conn.execute("CREATE VIRTUAL TABLE temp.v USING fts5vocab(main, records_fts, 'row')")
    indexed = {t for (t,) in conn.execute(
        "SELECT term FROM temp.v WHERE length(term) >= 4 "
        "AND substr(term, 1, 1) NOT BETWEEN '0' AND '9'")}
    listed = {t for (t,) in conn.execute("SELECT term FROM search_terms")}
    assert indexed == listed


def test_number_prefixes_complete_from_the_index_vocabulary(lib: Library) -> None:
    expected = _fts_ids(lib, "TK.0001")  # "tk" and numbers 00010-00019
    assert len(expected) == 10
    assert sorted(h.id for h in lib.catalog.search("TK.0001", limit=50).hits) == expected


def test_a_number_prefix_shared_by_too_many_numbers_waits_for_more_digits(
        lib: Library, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(search_module, "MAX_PREFIXED", 5)
    assert lib.catalog.search("TK.0001").total == 0  # ten numbers share it: a whole word now
    assert [h.title for h in lib.catalog.search("TK.00012").hits] == [
        lib.catalog.search("TK.00012 ").hits[0].title]
