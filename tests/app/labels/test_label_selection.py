"""Selections from a real library database, and the ``thuvien labels`` command end to end."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image

from app.cli import main
from app.errors import NotFoundError, ValidationError
from app.labels import selection
from app.library import Library

from .raster import decode, pdf_text, render


@pytest.fixture
def lib(tmp_path: Path) -> Iterator[Library]:
    library = Library.open(tmp_path / "lib.sqlite3")
    library.settings.set("library_name", "Thư viện Trường THCS Nguyễn Du")
    library.settings.set("school_year", "2025-2026")
    cat = library.catalog
    r1 = cat.add_record("Mắt biếc / Nguyễn Nhật Ánh", authors=["Nguyễn Nhật Ánh"], classification="895.9223",
                        year=2019)
    r2 = cat.add_record("Harry Potter và hòn đá phù thủy", authors=["Rowling, J. K."],
                        classification="823", volume="T.1")
    r3 = cat.add_record("Đất rừng phương Nam", classification="895.9223")
    cat.set_author_mark(r3, "ĐRPN")
    for _ in range(5):
        cat.add_item(r1, acquired_on="2025-08-20")           # TK.00001..00005
    cat.add_item(r2, acquired_on="2025-09-02")               # TK.00006
    cat.add_item(r3, acquired_on="2025-09-05")               # TK.00007
    cat.add_item(r3, collection="GK", acquired_on="2025-09-05")  # GK.00001
    photo = Path(library.path).parent / "p.png"
    Image.new("RGB", (60, 80), (150, 120, 100)).save(photo)
    for name in ("Nguyễn Thị Thuỷ", "Trần Văn Đức", "Lê Minh Anh"):
        library.patrons.add(name, class_name="6A", photo=photo.read_bytes())
    library.patrons.add("Phạm Hồng Nhung", class_name="7B")
    yield library
    library.close()


def test_accession_range_selects_in_number_order(lib: Library) -> None:
    items = selection.items_in_range(lib, "TK.00002-TK.00006")
    assert [i.barcode for i in items] == ["TK.00002", "TK.00003", "TK.00004", "TK.00005", "TK.00006"]
    first = items[0]
    assert first.title == "Mắt biếc"
    assert first.library_name == "Thư viện Trường THCS Nguyễn Du"
    assert first.spine == ("895.9223", "ÁNH", "2019")
    assert items[-1].spine == ("823", "ROW", "T.1")
    assert [i.barcode for i in selection.items_in_range(lib, "tk.6-7")] == ["TK.00006", "TK.00007"]
    with pytest.raises(ValidationError):
        selection.items_in_range(lib, "TK.00009-TK.00001")


def test_new_items_since_a_date(lib: Library) -> None:
    items = selection.items_since(lib, "01/09/2025")
    assert [i.barcode for i in items] == ["TK.00006", "TK.00007", "GK.00001"]
    assert items[1].spine[:2] == ("895.9223", "ĐRPN")  # the librarian's override
    # An older copy with no acquisition date counts from the day it was entered in Vietnam:
    # 23:30 UTC on 31 Aug is 06:30 on 1 Sep there.
    with lib.db.transaction() as conn:
        conn.execute("UPDATE items SET acquired_on = NULL, created_at = ? WHERE barcode = ?",
                     ("2025-08-31T23:30:00.000000Z", "TK.00005"))
    since = [i.barcode for i in selection.items_since(lib, "01/09/2025")]
    assert since == ["TK.00005", "TK.00006", "TK.00007", "GK.00001"]


def test_search_result_and_unknown_barcodes(lib: Library) -> None:
    assert {i.barcode for i in selection.items_of_search(lib, "rừng")} == {"TK.00007", "GK.00001"}
    with pytest.raises(NotFoundError, match="TK.09999"):
        selection.items_by_barcodes(lib, ["TK.00001", "TK.09999"])


def test_class_cards(lib: Library) -> None:
    cards = selection.cards_of_class(lib, "6a")
    assert len(cards) == 3 and all(c.photo for c in cards)
    assert {c.school_year for c in cards} == {"2025-2026"}
    with pytest.raises(NotFoundError):
        selection.cards_of_class(lib, "9Z")


def test_cli_prints_a_range_to_pdf_that_scans(lib: Library, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out" / "labels.pdf"
    code = main(["--db", str(lib.path), "labels", "items", "--items", "TK.00001-TK.00007",
                 "--start", "10", "--out", str(out)])
    assert code == 0 and "7" in capsys.readouterr().out
    reads = Counter(r.text for page in render(out.read_bytes(), tmp_path / "img") for r in decode(page))
    assert reads == Counter(f"TK.{n:05d}" for n in range(1, 8))


def test_cli_cards_class_sheet_and_thermal(lib: Library, tmp_path: Path) -> None:
    cards = tmp_path / "cards.pdf"
    assert main(["--db", str(lib.path), "labels", "cards", "--class", "6A", "--out", str(cards)]) == 0
    assert "Nguyễn Thị Thuỷ" in pdf_text(cards.read_bytes(), tmp_path)
    sheet = tmp_path / "desk.pdf"
    assert main(["--db", str(lib.path), "labels", "class-sheet", "--class", "6A", "--out", str(sheet)]) == 0
    assert len(decode(render(sheet.read_bytes(), tmp_path / "img")[0])) == 3
    job = tmp_path / "job.zpl"
    assert main(["--db", str(lib.path), "labels", "combined", "--barcodes", "TK.00006", "--format", "zpl",
                 "--label-size", "50x30", "--out", str(job)]) == 0
    assert job.read_bytes().count(b"^XA") == 1 and b"^FD>:TK.00006^FS" in job.read_bytes()


def test_cli_reports_user_errors_in_one_line(lib: Library, tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["--db", str(lib.path), "labels", "items", "--items", "TK.00001-TK.00002",
                 "--template", "avery-l7651", "--start", "99", "--out", str(tmp_path / "x.pdf")])
    assert code == 2
    assert "từ 1 đến 65" in capsys.readouterr().err


def test_cli_lists_and_adds_templates(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    custom = tmp_path / "decal.json"
    custom.write_text('{"name": "decal-tomy-103", "title": "Tomy 103", "columns": 3, "rows": 10, '
                      '"label_width": 65, "label_height": 28, "left": 4, "top": 8, "gap_x": 3, "gap_y": 0}',
                      encoding="utf-8")
    folder = tmp_path / "tpl"
    assert main(["labels", "add-template", str(custom), "--templates-dir", str(folder)]) == 0
    capsys.readouterr()
    assert main(["labels", "templates", "--templates-dir", str(folder)]) == 0
    listing = capsys.readouterr().out
    assert "avery-l7651" in listing and "decal-tomy-103" in listing
    too_big = tmp_path / "big.json"
    too_big.write_text('{"name": "big", "columns": 4, "rows": 10, "label_width": 65, "label_height": 28, '
                       '"left": 4, "top": 8}', encoding="utf-8")
    assert main(["labels", "add-template", str(too_big), "--templates-dir", str(folder)]) == 2
    assert "mép phải" in capsys.readouterr().err


def test_every_copy_of_a_broad_search_even_when_its_total_is_estimated_low(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """In a catalog past the exact-count size, a search's total is estimated from where its
    first matches lie; matches bunched at the end make it too low. 'Labels for all results'
    must still print every copy."""
    from app.catalog import search as search_module

    monkeypatch.setattr(search_module, "RANK_CAP", 5)
    monkeypatch.setattr(search_module, "COUNT_CAP", 10)
    monkeypatch.setattr(search_module, "EXACT_CATALOG", 10)
    monkeypatch.setattr(selection, "SEARCH_PAGE", 8)  # the first page, when all are asked for
    with Library.open(tmp_path / "big.sqlite3") as big:
        for n in range(100):
            big.catalog.add_record(f"Lịch sử tập {n + 1}")
        for n in range(40):
            big.catalog.add_copies(big.catalog.add_record(f"Điện học tập {n + 1}"), 1, collection="TK")
        result = big.catalog.search("điện")
        assert not result.total_exact and result.total < 40  # the estimate falls short
        items = selection.items_of_search(big, "điện", limit=None)
        assert len(items) == 40 and len({i.barcode for i in items}) == 40
        assert len(selection.items_of_search(big, "điện", limit=8)) == 8  # a page when asked for one


def test_copies_written_off_get_no_label_unless_asked_for_by_number(lib: Library) -> None:
    """Found printing the labels after a school's first import: 131 of the 779 labels chosen
    "since 01/09/1990" were for copies on a write-off record (thanh lý)."""
    gone = lib.catalog.item_by_barcode("TK.00002")
    lib.catalog.withdraw_item(gone.id, "01/TL", "worn")
    assert "TK.00002" not in [i.barcode for i in selection.items_since(lib, "01/01/2020")]
    assert [i.barcode for i in selection.items_in_range(lib, "TK.00001-TK.00003")] == [
        "TK.00001", "TK.00003"]
    assert "TK.00002" not in [i.barcode for i in selection.items_of_search(lib, "mắt biếc")]
    assert len(selection.items_of_search(lib, "mắt biếc")) == 4
    # asked for by its number (a label torn off a copy kept for the record): printed
    assert [i.barcode for i in selection.items_by_barcodes(lib, ["TK.00002"])] == ["TK.00002"]
