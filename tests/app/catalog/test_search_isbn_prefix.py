"""Typing an ISBN digit by digit: the list narrows as digits come, whatever the number of
books that share the first digits (every Vietnamese book begins 978-604)."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.catalog import search as search_module
from app.catalog.isbn import ean13_check_digit
from app.library import Library


def _isbn(n: int) -> str:
    body = f"978604{n:06d}"
    return body + ean13_check_digit(body)


@pytest.fixture
def lib(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Library:
    # Small stand-ins for the limits, so that 300 books behave like a large catalog.
    monkeypatch.setattr(search_module, "MAX_PREFIXED", 20)
    monkeypatch.setattr(search_module, "COUNT_CAP", 100)
    library = Library.open(tmp_path / "lib.sqlite3")
    for n in range(300):
        title = ("Toán " if n % 3 == 0 else "Truyện ") + str(n)
        library.catalog.add_record(title, isbns=[_isbn(n * 7)], year=2010 + n % 10)
    library.catalog.add_record("Chiến tranh 1945-1975", year=2005)
    return library


def test_the_first_digits_of_an_isbn_list_the_books_in_isbn_order(lib: Library) -> None:
    result = lib.catalog.search("978604")
    assert result.total == 300 and not result.total_exact  # counted from the ISBN index
    shown = [h.isbns[0] for h in result.hits]
    assert shown == sorted(_isbn(n * 7) for n in range(300))[:20]


@pytest.mark.parametrize("typed", ["9786040001", "978-604-0001", "978-604-000-1"])
def test_more_digits_narrow_the_list_with_or_without_hyphens(lib: Library, typed: str) -> None:
    expected = sorted(_isbn(n * 7) for n in range(300) if _isbn(n * 7).startswith("9786040001"))
    result = lib.catalog.search(typed, limit=50)
    assert sorted(i for h in result.hits for i in h.isbns) == expected
    assert result.total == len(expected) == 14


def test_a_word_or_a_year_with_the_prefix_narrows_it_further(lib: Library) -> None:
    toan = lib.catalog.search("toán 978604", limit=200)
    assert toan.total == 100 and all(h.title.startswith("Toán") for h in toan.hits)
    in_2013 = lib.catalog.search("year:2013 978604", limit=200)
    assert in_2013.total == 30 and {h.year for h in in_2013.hits} == {2013}


def test_a_whole_isbn_still_finds_its_book_first(lib: Library) -> None:
    whole = _isbn(70)
    assert [h.isbns for h in lib.catalog.search(whole).hits] == [[whole]]
    hyphenated = f"{whole[:3]}-{whole[3:6]}-{whole[6:12]}-{whole[12]}"
    assert lib.catalog.search(hyphenated).hits[0].isbns == [whole]


def test_a_range_of_years_in_a_title_is_not_read_as_an_isbn(lib: Library) -> None:
    assert [h.title for h in lib.catalog.search("1945-1975").hits] == ["Chiến tranh 1945-1975"]
    assert [h.title for h in lib.catalog.search("1945").hits] == ["Chiến tranh 1945-1975"]


def test_the_isbn_qualifier_takes_the_first_digits_too(lib: Library) -> None:
    assert lib.catalog.search("isbn:978604").total == 300
    assert lib.catalog.search("isbn:978-604-0001 toán", limit=50).total == 5  # 105, 126…
