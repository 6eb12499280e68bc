"""``thuvien report fines|tally --month`` as librarians write a month ("tháng 9/2025",
"T9/2025", "09.2025", full-width figures), and ``--month`` given with ``--from``/``--to``
refused instead of one of them silently winning — through the real command."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.cli import main
from app.library import Library
from tests.support.late_return import one_late_return


@pytest.fixture
def db(tmp_path: Path) -> tuple[str, str]:
    """A fine of 30.000 đ paid today; the database and this month as mm/yyyy."""
    path = tmp_path / "months.sqlite3"
    with Library.open(path) as lib:
        fine = one_late_return(lib)
        lib.circulation.fines.pay(fine.id, None)
        today = lib.circulation.today()
    return str(path), f"{today.month:02d}/{today.year}"


def months_total(db: str, capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, object]:
    code = main(["--lang", "vi", "--db", db, "report", "fines", *argv, "--json"])
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return code, json.loads(out)["total"] if code == 0 else err.strip()


@pytest.mark.parametrize("written", ["tháng {m}/{y}", "Tháng {m}/{y}", "T{m}/{y}", "{m}.{y}",
                                     "{m}-{y}", "{y}-{m}", "{wide}"])
def test_a_month_written_the_usual_ways(db: tuple[str, str], capsys: pytest.CaptureFixture[str],
                                        written: str) -> None:
    path, month = db
    m, y = month.split("/")
    wide = month.translate({ord(c): 0xFF10 + int(c) for c in "0123456789"})
    typed = written.format(m=int(m), y=y, wide=wide)
    assert months_total(path, capsys, "--month", typed) == (0, 30000)


def test_month_and_days_together_are_refused(db: tuple[str, str],
                                             capsys: pytest.CaptureFixture[str]) -> None:
    path, month = db
    assert months_total(path, capsys, "--month", month, "--from", "01/01/2020") == (
        2, "Hãy cho --month hoặc --from/--to, không cả hai.")
    assert main(["--lang", "en", "--db", path, "report", "fines", "--month", month, "--to",
                 "02/01/2020", "--json"]) == 2
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err.strip() == "Give --month or --from/--to, not both."
    assert months_total(path, capsys, "--month", "13/2025") == (
        2, "Tháng “13/2025” không hợp lệ (tháng/năm, ví dụ 09/2025).")


def test_days_typed_in_full_width_figures(db: tuple[str, str],
                                          capsys: pytest.CaptureFixture[str]) -> None:
    """A Windows IME left in full-width mode types '０１／１１／２０２６': the same day."""
    path, month = db
    first_day = f"01/{month}".translate(str.maketrans("0123456789/", "０１２３４５６７８９／"))
    assert months_total(path, capsys, "--from", first_day) == (0, 30000)
    assert main(["--db", path, "fines", "received", "--from", first_day, "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["total"] == 30000
