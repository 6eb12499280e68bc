"""``thuvien labels items --items`` with the range typed as on a worn label, without the
dot: the copies it names are printed, not 'nothing to print'."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.cli import main
from app.i18n import set_language
from app.library import Library


@pytest.mark.parametrize("typed", ["TK00002-TK00003", "tk2-3", "TK.00002-TK.00003"])
def test_a_range_typed_without_the_dot_prints_those_copies(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], typed: str) -> None:
    db = tmp_path / "lib.sqlite3"
    with Library.open(db) as lib:
        record = lib.catalog.add_record("Toán 6")
        for _ in range(4):
            lib.catalog.add_item(record)  # TK.00001..TK.00004
    out = tmp_path / "nhan.pdf"
    try:
        code = main(["--db", str(db), "--lang", "en", "labels", "items", "--items", typed,
                     "--out", str(out)])
    finally:
        set_language("vi")
    said = capsys.readouterr()
    assert code == 0, said.err
    assert said.out.startswith("Wrote 2 barcode labels") and out.stat().st_size > 1000
