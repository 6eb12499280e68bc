"""What the label dialog's choices select from a real library: copies added since a date, an
accession range typed as two fields, every copy of a search (all hits, not one page), and a
choice that selects nothing says so in words."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from app.errors import NotFoundError, ValidationError
from app.i18n import set_language
from app.labels.selection import ItemChoice, parse_bounds, select_items
from app.library import Library


@pytest.fixture
def lib(tmp_path: Path) -> Iterator[Library]:
    library = Library.open(tmp_path / "lib.sqlite3")
    cat = library.catalog
    old = cat.add_record("Mắt biếc", authors=["Nguyễn Nhật Ánh"], classification="895.9223")
    new = cat.add_record("Đất rừng phương Nam", authors=["Đoàn Giỏi"], classification="895.9223")
    cat.add_copies(old, 3, acquired_on="2025-08-31")              # TK.00001..00003
    cat.add_copies(new, 2, acquired_on="2025-09-01")              # TK.00004..00005
    cat.add_item(new, collection="GK", acquired_on="2025-09-02")  # GK.00001
    yield library
    library.close()


def _codes(lib: Library, choice: ItemChoice) -> list[str]:
    return [item.barcode for item in select_items(lib, choice)]


def test_since_a_date_includes_that_day_and_not_the_day_before(lib: Library) -> None:
    assert _codes(lib, ItemChoice("since", since=date(2025, 9, 1))) == [
        "TK.00004", "TK.00005", "GK.00001"]
    assert len(_codes(lib, ItemChoice("since", since=date(2025, 8, 31)))) == 6
    with pytest.raises(NotFoundError) as caught:
        select_items(lib, ItemChoice("since", since=date(2025, 9, 3)))
    assert caught.value.message == "Không có bản sách nào nhập từ ngày 03/09/2025 trở đi"


def test_range_from_two_fields(lib: Library) -> None:
    assert _codes(lib, ItemChoice("range", first="TK.00002", last="TK.00004")) == [
        "TK.00002", "TK.00003", "TK.00004"]
    assert _codes(lib, ItemChoice("range", first="tk.2", last="3")) == ["TK.00002", "TK.00003"]
    assert _codes(lib, ItemChoice("range", first="GK.00001", last="")) == ["GK.00001"]
    assert parse_bounds("TK.00100", "TK.00150") == ("TK.", 100, 150)
    set_language("en")
    try:
        with pytest.raises(NotFoundError) as caught:
            select_items(lib, ItemChoice("range", first="TK.00100", last="TK.00150"))
        assert caught.value.message == "No copies have accession numbers from TK.00100 to TK.00150"
        with pytest.raises(ValidationError, match="not valid"):
            select_items(lib, ItemChoice("range", first="TK.00009", last="GK.00010"))
        with pytest.raises(ValidationError, match="not valid"):
            select_items(lib, ItemChoice("range", first="TK.00009", last="TK.00001"))
    finally:
        set_language("vi")


def test_search_takes_every_hit_not_one_page(lib: Library) -> None:
    cat = lib.catalog
    for n in range(1, 1006):  # more records than one search page
        cat.add_item(cat.add_record(f"Truyện cổ tích số {n}"), collection="GK")
    codes = _codes(lib, ItemChoice("search", query="cổ tích"))
    assert len(codes) == len(set(codes)) == 1005
    assert sorted(_codes(lib, ItemChoice("search", query="rừng phương nam"))) == [
        "GK.00001", "TK.00004", "TK.00005"]
    with pytest.raises(NotFoundError, match="“không có sách này” không thấy"):
        select_items(lib, ItemChoice("search", query="không có sách này"))


def test_the_record_copies_stay_as_given(lib: Library) -> None:
    assert _codes(lib, ItemChoice("barcodes", barcodes=("TK.00003", "TK.00001"))) == [
        "TK.00003", "TK.00001"]
    with pytest.raises(NotFoundError, match="Chưa chọn"):
        select_items(lib, ItemChoice("barcodes"))
