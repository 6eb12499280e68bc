"""The total a broad search reports: counted on from the matches already read, exact up to
the cap, estimated (and said to be) beyond it, with filters as without.

The thresholds are lowered so that a few dozen records take a large catalog's paths.
"""

from __future__ import annotations

import pytest

from app.catalog import search as search_module
from app.library import Library


@pytest.fixture
def broad(lib: Library, monkeypatch: pytest.MonkeyPatch) -> Library:
    monkeypatch.setattr(search_module, "RANK_CAP", 5)
    monkeypatch.setattr(search_module, "COUNT_CAP", 20)
    monkeypatch.setattr(search_module, "EXACT_CATALOG", 10)
    for n in range(30):
        lib.catalog.add_record(f"Điện học tập {n + 1}", authors=["Trần Văn"],
                               year=2005 if n < 15 else 2010)
    for n in range(10):
        lib.catalog.add_record(f"Lịch sử tập {n + 1}", authors=["Lê Thị"], year=2005)
    return lib


def test_more_matches_than_ranked_but_fewer_than_the_cap_are_counted_exactly(
        broad: Library) -> None:
    result = broad.catalog.search("điện year:2005", limit=3)
    assert result.total == 15 and result.total_exact
    assert len(result.hits) == 3
    assert not broad.catalog.search("tập year:2005").total_exact  # 25 matches, cap 20


def test_past_the_cap_the_total_is_an_estimate_and_says_so(broad: Library) -> None:
    result = broad.catalog.search("tập")
    assert not result.total_exact
    assert 30 <= result.total <= 60  # 40 records match, spread evenly
    assert len(result.hits) == 20


def test_with_a_filter_past_the_cap(broad: Library, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(search_module, "COUNT_CAP", 12)
    result = broad.catalog.search("điện year:2005")
    assert not result.total_exact and result.total > 12


def test_a_cap_below_the_ranked_matches_still_estimates(
        broad: Library, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(search_module, "RANK_CAP", 25)
    monkeypatch.setattr(search_module, "COUNT_CAP", 8)
    result = broad.catalog.search("điện")
    assert not result.total_exact and result.total >= 9
    assert [h.title for h in result.hits[:2]] == ["Điện học tập 1", "Điện học tập 2"]


def test_the_first_digits_of_many_isbns_get_an_estimated_total(
        lib: Library, monkeypatch: pytest.MonkeyPatch) -> None:
    from app.catalog.isbn import ean13_check_digit

    monkeypatch.setattr(search_module, "MAX_PREFIXED", 20)
    monkeypatch.setattr(search_module, "COUNT_CAP", 10)
    monkeypatch.setattr(search_module, "ISBN_COUNT_CAP", 3)  # counted up to 30 ISBNs
    for n in range(120):
        body = f"978604{n * 11:06d}"
        lib.catalog.add_record(f"Sách {n}", isbns=[body + ean13_check_digit(body)])
        if n % 2:  # every other book also has an ISBN outside the range
            lib.catalog.add_record(f"Sách ngoại {n}", isbns=["9780306406157"])
    result = lib.catalog.search("978604")
    assert not result.total_exact
    assert 90 <= result.total <= 160  # 120 ISBNs in the range
    assert [h.title for h in result.hits[:2]] == ["Sách 0", "Sách 1"]  # ISBN order
    monkeypatch.setattr(search_module, "ISBN_COUNT_CAP", 20)  # 200: counted whole again
    assert lib.catalog.search("978604").total == 120
