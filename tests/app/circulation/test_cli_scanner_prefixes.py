"""Codes as scanners and keyboards really send them, through the real ``thuvien`` command:
a scanner set to send AIM symbology identifiers ("]C1", "]E0", "]A0", "]I0" before the
data) and a card or accession number typed in full-width characters (a Windows IME in
Vietnamese / CJK mode). Each is checked by what the librarian sees: the answer's code, the
loan in the database. A Code 39 scanner set to send its "*" start/stop characters too."""

from __future__ import annotations

import io
from contextlib import redirect_stdout
from pathlib import Path

import pytest

from app.cli import main
from app.library import Library
from tests.support.desk_cli import open_loans, thuvien

ISBN = "9780306406157"


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "desk.sqlite3"
    with Library.open(path) as lib:
        lib.patrons.add("Nguyễn Văn An", class_name="6A", student_code="S1")  # HS000001
        lib.patrons.add("Trần Thị Bích", class_name="6A", student_code="S2")  # HS000002
        record = lib.catalog.add_record("Toán 6")
        for _ in range(3):
            lib.catalog.add_item(record)  # TK.00001..TK.00003
        lib.catalog.add_item(record, barcode="00012345")  # an old ITF label, digits only
        lib.catalog.add_item(lib.catalog.add_record("Tiếng Việt 6", isbns=[ISBN]))
    return path



@pytest.mark.parametrize(("card", "book", "barcode"), [
    ("]A0HS000001", "]C1TK.00001", "TK.00001"),  # Code 39 card, Code 128 label
    ("]C0HS000001", "]I000012345", "00012345"),  # Interleaved 2 of 5
    ("]a0HS000001", "]C1TK.00002\r\n", "TK.00002"),  # lower-case letter, CR LF suffix
    ("*HS000001*", "]A0*TK.00003*", "TK.00003"),  # Code 39's start/stop sent as data
])
def test_a_scanner_sending_aim_identifiers_at_the_desk(db: Path, card: str, book: str,
                                                       barcode: str) -> None:
    """"]C1TK.00001" was 'unknown code': the desk looked up the prefix with the number."""
    code, out = thuvien(db, "scan", card)
    assert code == 0 and out["code"] == "patron_selected", out
    code, out = thuvien(db, "scan", book)
    assert code == 0 and out["code"] == "checked_out", out
    assert open_loans(db) == [(1, barcode)]
    code, out = thuvien(db, "checkin", book)
    assert code == 0 and out["code"] == "checked_in", out
    code, out = thuvien(db, "checkout", card, book)
    assert code == 0 and out["code"] == "checked_out", out
    assert open_loans(db) == [(1, barcode)]


def test_the_books_own_ean_13_sent_with_its_identifier(db: Path) -> None:
    """"]E0" + the ISBN on the back cover lends the title's only copy."""
    assert thuvien(db, "scan", "]A0HS000001")[1]["code"] == "patron_selected"
    code, out = thuvien(db, "scan", f"]E0{ISBN}")
    assert code == 0 and out["code"] == "checked_out", out
    assert open_loans(db) == [(1, "TK.00004")]


def test_full_width_card_and_accession_numbers(db: Path) -> None:
    """A Windows IME left in full-width mode types "ＨＳ０００００２": that card, and
    "ＴＫ．００００３" that copy (the card was 'not found')."""
    code, out = thuvien(db, "scan", "ＨＳ０００００２")
    assert code == 0 and out["code"] == "patron_selected", out
    assert out["patron"]["name"] == "Trần Thị Bích"  # type: ignore[index]
    code, out = thuvien(db, "scan", "ＴＫ．００００３")
    assert code == 0 and out["code"] == "checked_out", out
    code, out = thuvien(db, "checkout", "ＨＳ０００００２", "ＴＫ．００００１")
    assert code == 0 and out["code"] == "checked_out", out
    assert open_loans(db) == [(2, "TK.00001"), (2, "TK.00003")]
    code, out = thuvien(db, "loan-slip", "ＨＳ０００００２")
    assert code == 0 and len(out["loans"]) == 2  # type: ignore[arg-type]
    code, out = thuvien(db, "patrons", "show", "]A0ＨＳ０００００２")
    assert code == 0 and out["patron"]["name"] == "Trần Thị Bích"  # type: ignore[index]
    code, out = thuvien(db, "renew", "］Ｃ１ＴＫ．００００３")  # full-width AIM prefix too
    assert out["code"] == "renew_no_change", out


def test_a_stocktake_scanner_sending_aim_identifiers(db: Path) -> None:
    with redirect_stdout(io.StringIO()):
        assert main(["--db", str(db), "stocktake", "start"]) == 0
    code, out = thuvien(db, "stocktake", "scan", "]C1TK.00001", "ＴＫ．００００２")
    assert code == 0, out
    assert [answer["counted"] for answer in out] == [True, True]  # type: ignore[attr-defined]
