"""``thuvien fines pay`` / ``fines block`` with amounts typed as Vietnamese librarians type
them, and ``fines receipt --pdf`` into a folder not made yet — through the real command."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from app.cli import main
from app.library import Library
from tests.support.late_return import one_late_return


@pytest.fixture
def db(tmp_path: Path) -> str:
    """An returned a book 6 days late at 5.000 đ a day: fine #1 of 30.000 đ."""
    path = tmp_path / "amounts.sqlite3"
    with Library.open(path) as lib:
        one_late_return(lib)
    return str(path)


def paid_on_fine_one(db: str, capsys: pytest.CaptureFixture[str]) -> int:
    assert main(["--db", db, "fines", "show", "1", "--json"]) == 0
    return int(json.loads(capsys.readouterr().out)["fine"]["paid"])


@pytest.mark.parametrize(("typed", "received"), [
    ("10.000", 10000), ("10,000", 10000), ("10 000", 10000), ("10.000đ", 10000),
    ("10.000 VNĐ", 10000), ("10k", 10000), ("10K", 10000), ("10 nghìn", 10000),
    ("10 ngàn đồng", 10000), ("１０．０００", 10000), ("１００００", 10000), ("5.000,00", 5000),
    ("2,5k", 2500),
])
def test_a_part_payment_takes_the_amount_the_librarian_meant(
        db: str, capsys: pytest.CaptureFixture[str], typed: str, received: int) -> None:
    assert main(["--db", db, "fines", "pay", "1", typed]) == 0
    out = capsys.readouterr().out
    assert f"đã thu {received:,} đ".replace(",", ".") in out
    assert paid_on_fine_one(db, capsys) == received


@pytest.mark.parametrize("typed", ["1.5", "10.00", "1.0000", "1e4", "10_000", "0x10", "١٠",
                                   "", "mười nghìn"])
def test_an_amount_that_could_be_read_two_ways_is_refused_and_nothing_paid(
        db: str, capsys: pytest.CaptureFixture[str], typed: str) -> None:
    assert main(["--db", db, "fines", "pay", "1", typed]) == 2
    captured = capsys.readouterr()
    assert captured.out == "" and "Traceback" not in captured.err
    assert captured.err.strip() == (f"“{typed}” không phải là một số tiền rõ ràng (đồng, ví dụ "
                                    "10.000 hoặc 10k).")
    assert paid_on_fine_one(db, capsys) == 0
    assert main(["--lang", "en", "--db", db, "fines", "pay", "1", typed]) == 2
    assert capsys.readouterr().err.strip() == (f"“{typed}” is not a clear amount of đồng "
                                               "(e.g. 10.000 or 10k).")


def test_the_fines_block_typed_in_thousands(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", db, "fines", "block", "20k"]) == 0
    assert "từ 20.000 đ trở lên" in capsys.readouterr().out
    assert main(["--db", db, "fines", "block", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == {"block_at": 20000}


def test_the_receipt_is_written_into_a_folder_made_for_it(
        db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", db, "fines", "pay", "1"]) == 0
    pdf = tmp_path / "Phiếu thu" / "tháng 11" / "an.pdf"
    assert main(["--db", db, "fines", "receipt", "--patron", "S1", "--pdf", str(pdf)]) == 0
    assert f"Đã ghi phiếu thu vào {pdf}." in capsys.readouterr().out
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    assert "Nguyễn Văn An" in text and "30.000" in text
    assert main(["--db", db, "fines", "receipt", "--patron", "S1", "--pdf", str(pdf.parent)]) == 2
    assert capsys.readouterr().err.strip() == (
        f"{pdf.parent} là một thư mục: hãy cho tên tệp, ví dụ {pdf.parent / 'phieu-thu.pdf'}.")


def test_an_amount_typed_unquoted_with_spaces_is_read_whole(
        db: str, capsys: pytest.CaptureFixture[str]) -> None:
    """The shell splits "10 000" and "1 000 000" typed without quotes into several values:
    they are one amount, not 10 đ or 1 đ."""
    assert main(["--db", db, "fines", "pay", "1", "10", "000"]) == 0
    assert "đã thu 10.000 đ" in capsys.readouterr().out
    assert main(["--db", db, "fines", "pay", "1", "10k", "5k"]) == 2
    assert "“10k 5k” không phải là một số tiền rõ ràng" in capsys.readouterr().err
    assert paid_on_fine_one(db, capsys) == 10000
    assert main(["--db", db, "fines", "block", "1", "000", "000", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == {"block_at": 1000000}
    assert main(["--db", db, "fines", "lost-charge", "10", "%", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == {"lost_charge_percent": 10}


def test_the_receipt_of_a_library_without_a_name_is_headed_by_the_word_library(
        db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """No name set yet: the head reads 'Thư viện — in ngày …', not '— in ngày …'."""
    assert main(["--db", db, "fines", "pay", "1", "10k"]) == 0
    pdf = tmp_path / "phieu.pdf"
    assert main(["--db", db, "fines", "receipt", "--patron", "S1", "--pdf", str(pdf)]) == 0
    capsys.readouterr()
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    assert text.lstrip().startswith("Thư viện — in ngày ")
