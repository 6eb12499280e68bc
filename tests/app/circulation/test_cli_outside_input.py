"""The desk commands fed what scanners and people type, through the real ``thuvien`` command:
a student code of digits only, an accession number typed without its dot or zeros. Each
answer is checked as a user reads it (exit code, JSON code, the loan in the database)."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from app.library import Library


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


def thuvien(db: Path, *args: str) -> tuple[int, dict[str, object]]:
    done = subprocess.run([sys.executable, "-m", "app.cli", "--db", str(db), "--lang", "en",
                           *args, "--json"], capture_output=True, text=True, timeout=120,
                          cwd=Path(__file__).resolve().parents[3])
    assert "Traceback" not in done.stderr, done.stderr
    return done.returncode, json.loads(done.stdout)


def open_loans(db: Path) -> list[tuple[int, str]]:
    conn = sqlite3.connect(db)
    try:
        return conn.execute("SELECT l.patron_id, i.barcode FROM loans l JOIN items i "
                            "ON i.id = l.item_id WHERE l.returned_at IS NULL").fetchall()
    finally:
        conn.close()


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
