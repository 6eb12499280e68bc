"""The desk commands fed what scanners and people type, through the real ``thuvien`` command:
a student code of digits only, an accession number typed without its dot or zeros. Each
answer is checked as a user reads it (exit code, JSON code, the loan in the database)."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.cli import main
from app.library import Library
from tests.support.desk_cli import open_loans, thuvien


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "desk.sqlite3"
    with Library.open(path) as lib:
        lib.patrons.add("Nguyễn Văn An", class_name="6A", student_code="S1")  # id 1
        # A Vietnamese personal identification number: 12 digits, the province's code first.
        lib.patrons.add("Hoàng Thị Yến", class_name="7A", student_code="001213004567")  # id 2
        record = lib.catalog.add_record("Toán 6")
        for _ in range(3):
            lib.catalog.add_item(record)  # TK.00001..TK.00003
    return path



def test_a_student_code_of_digits_is_that_student_not_a_patron_id(db: Path) -> None:
    """ "001213004567" was read as patron id 1213004567 and refused as not found."""
    code, out = thuvien(db, "checkout", "001213004567", "TK.00001")
    assert code == 0 and out["code"] == "checked_out", out
    assert out["patron"]["name"] == "Hoàng Thị Yến"  # type: ignore[index]
    code, out = thuvien(db, "loan-slip", "001213004567")
    assert code == 0 and [loan["barcode"] for loan in out["loans"]] == ["TK.00001"]  # type: ignore[union-attr]
    assert open_loans(db) == [(2, "TK.00001")]
    code, out = thuvien(db, "checkout", "1", "TK.00002")  # a plain id still works
    assert code == 0 and out["patron"]["name"] == "Nguyễn Văn An"  # type: ignore[index]


@pytest.mark.parametrize("typed", ["TK00002", "tk00002", "TK 00002", "TK-00002", "tk.2",
                                   "TK.000002", "ＴＫ．０００００２"])
def test_an_accession_number_typed_without_its_dot_or_zeros_is_that_copy(
        db: Path, typed: str) -> None:
    """A librarian typing the number on a worn label ("TK00002", "tk.2") or a scanner
    sending full-width characters lends TK.00002; before, each was 'unknown code'."""
    assert thuvien(db, "scan", "HS000001")[1]["code"] == "patron_selected"
    code, out = thuvien(db, "scan", typed)
    assert code == 0 and out["code"] == "checked_out", out
    assert out["item"]["barcode"] == "TK.00002"  # type: ignore[index]
    code, out = thuvien(db, "renew", typed)
    assert out["code"] == "renew_no_change", out
    code, out = thuvien(db, "checkin", typed)
    assert code == 0 and out["code"] == "checked_in", out
    code, out = thuvien(db, "checkout", "HS000001", typed)
    assert code == 0 and open_loans(db) == [(1, "TK.00002")]


def test_a_number_two_copies_could_be_is_not_guessed(tmp_path: Path) -> None:
    """'TK1' could be TK.00001 or TK-1: refused as unknown rather than lending either."""
    path = tmp_path / "two.sqlite3"
    with Library.open(path) as lib:
        lib.patrons.add("Nguyễn Văn An", class_name="6A")
        record = lib.catalog.add_record("Toán 6")
        lib.catalog.add_item(record)  # TK.00001
        lib.catalog.add_item(record, barcode="TK-1")
    code, out = thuvien(path, "checkout", "HS000001", "TK1")
    assert code == 1 and out["code"] == "item_not_found"
    assert open_loans(path) == []


@pytest.mark.parametrize("typed", ["5.000", "5000", "5.000đ", "5000 đ", "5,000"])
def test_amounts_in_dong_typed_the_vietnamese_way(db: Path, typed: str) -> None:
    """'5.000' is five thousand đồng, as ``copy edit --price 45.000`` already reads it; the
    debt limit and a rule's fine per day refused it as 'not a valid number'."""
    code, out = thuvien(db, "fines", "block", typed)
    assert code == 0 and out == {"block_at": 5000}
    main(["--db", str(db), "--lang", "en", "loan-rules", "set", "*", "book", "--fine", typed])
    code, out = thuvien(db, "loan-rules", "list")
    rules = out["rules"] if isinstance(out, dict) else out
    book = [r for r in rules if r["item_type"] == "book" and r["category"] == "*"]  # type: ignore[index]
    assert book and book[0]["fine_per_day"] == 5000  # type: ignore[index]


@pytest.mark.parametrize("typed", ["5.5", "abc", "-5"])
def test_an_amount_that_is_no_whole_dong_is_refused_on_one_line(
        db: Path, typed: str, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["--db", str(db), "--lang", "en", "fines", "block", typed])
    err = capsys.readouterr().err
    assert code == 2 and len(err.strip().splitlines()) == 1 and "Traceback" not in err


def test_a_card_given_for_a_book_and_a_book_for_a_card_say_so(db: Path) -> None:
    """Both were 'not found', which sends the librarian looking for a missing record."""
    code, out = thuvien(db, "checkout", "HS000001", "HS000002")
    assert code == 1 and out["code"] == "card_not_item"
    assert "Hoàng Thị Yến" in str(out["message"]) and "not a book" in str(out["message"])
    code, out = thuvien(db, "checkout", "TK.00001", "TK.00002")
    assert code == 1 and out["code"] == "item_not_card"
    assert "Toán 6" in str(out["message"]) and "not a library card" in str(out["message"])
    code, out = thuvien(db, "checkin", "HS000001")
    assert code == 1 and out["code"] == "card_not_item"
    assert open_loans(db) == []
