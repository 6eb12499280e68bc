"""A PC back on 01/01/2009 (dead CMOS battery) must not date what goes into the registers the
school prints either: no stocktake started, scanned or closed, no write-off record, no
school-year rollover (or its undo) — the same refusal as at the desk, nothing
written, exit 2 on one line in the CLI. Catalog and patron edits stay allowed."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from app.circulation.clock_check import ClockBehind
from app.cli import main
from app.library import Library
from tests.support.pc_clock import DEAD_BATTERY, set_pc_clock, shown

TABLES = ("stocktakes", "stocktake_items", "stocktake_results", "writeoffs", "writeoff_items",
          "patron_rollovers", "changes")


@pytest.fixture
def library(tmp_path: Path) -> tuple[Path, list[str]]:
    """A real library worked in today by this PC's (right) clock: a stocktake open with one
    copy scanned, a rollover applied; three copies on the shelf."""
    path = tmp_path / "lib.sqlite3"
    with Library.open(path) as lib:
        lib.patrons.add("Nguyễn Văn An", class_name="6A")
        lib.patrons.add("Trần Thị Bình", class_name="9A")
        record = lib.catalog.add_record("Dế Mèn phiêu lưu ký", authors=["Tô Hoài"])
        barcodes = [item.barcode for item in lib.catalog.add_copies(record, 5)]
        assert lib.circulation.checkout("HS000001", barcodes[0]).ok
        lib.patrons.rollover.apply()
        lib.collection.start_stocktake()
        assert lib.collection.scan(barcodes[1]).counted
    return path, barcodes


def rows(lib: Library) -> dict[str, int]:
    conn = lib.db.conn
    return {t: int(conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]) for t in TABLES}


def test_no_stocktake_write_off_rollover_or_payment_is_dated_2009(
        library: tuple[Path, list[str]], monkeypatch: pytest.MonkeyPatch) -> None:
    path, barcodes = library
    today = shown(datetime.now(UTC))
    set_pc_clock(monkeypatch, DEAD_BATTERY)
    with Library.open(path) as lib:
        before = rows(lib)
        col, rollover = lib.collection, lib.patrons.rollover
        attempts: list[Callable[[], Any]] = [
            lambda: col.scan(barcodes[2]), lambda: col.close_stocktake(mark_lost=False),
            lambda: col.create_writeoff("BB 01", "worn", [col.writeoff_copy(barcodes[3]).item_id]),
            lambda: lib.catalog.withdraw_item(lib.catalog.item_by_barcode(barcodes[4]).id,
                                              "BB 02", "worn"),
            rollover.undo, rollover.apply]
        for attempt in attempts:
            with pytest.raises(ClockBehind) as refused:
                attempt()
            assert refused.value.code == "circulation.clock_behind"
            assert str(refused.value) == (
                f"Ngày trên máy tính đang là 01/01/2009, trước ngày thư viện ghi gần nhất "
                f"{today}. Hãy chỉnh lại ngày giờ của máy (Windows: bấm chuột phải vào đồng hồ "
                "→ Điều chỉnh ngày/giờ) rồi làm tiếp.")
        assert rows(lib) == before
        assert lib.collection.current_stocktake() is not None  # still open, not closed in 2009
        assert lib.catalog.item_by_barcode(barcodes[4]).status == "available"
        assert lib.patrons.get(2).status == "graduated"  # the rollover was not undone

        # a catalog or patron edit only gets a wrong "updated" time: still allowed
        lib.catalog.add_record("Toán 6")
        lib.patrons.add("Lê Văn Cường", class_name="7A")

    with Library.open(path) as lib:  # nor may a new stocktake start once this one is closed
        set_pc_clock(monkeypatch, datetime.now(UTC))
        lib.collection.close_stocktake(mark_lost=False)
        set_pc_clock(monkeypatch, DEAD_BATTERY)
        with pytest.raises(ClockBehind):
            lib.collection.start_stocktake()
        assert lib.collection.current_stocktake() is None


def test_the_clock_set_right_again_everything_works_and_is_dated_today(
        library: tuple[Path, list[str]], monkeypatch: pytest.MonkeyPatch) -> None:
    path, barcodes = library
    set_pc_clock(monkeypatch, DEAD_BATTERY)
    with Library.open(path) as lib:
        with pytest.raises(ClockBehind):
            lib.collection.scan(barcodes[2])
        set_pc_clock(monkeypatch, datetime.now(UTC))  # the same library, not reopened
        assert lib.collection.scan(barcodes[2]).counted
        line = lib.collection.create_writeoff(
            "BB 01", "worn", [lib.collection.writeoff_copy(barcodes[3]).item_id])
        assert line.day.year == datetime.now(UTC).year
        assert lib.patrons.rollover.undo().from_year


def test_the_cli_refuses_them_on_one_line_with_exit_2(
        library: tuple[Path, list[str]], monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    path, barcodes = library
    today = shown(datetime.now(UTC))
    with Library.open(path) as lib:
        before = rows(lib)
    set_pc_clock(monkeypatch, DEAD_BATTERY)
    for argv in (["stocktake", "scan", barcodes[2]], ["stocktake", "close"],
                 ["writeoff", "--number", "BB 01", "--reason", "worn", barcodes[3]],
                 ["writeoff", "--number", "BB 02", "--reason", "worn", "--date", "05/09/2025",
                  barcodes[3]],
                 ["rollover", "--undo"], ["rollover"]):
        assert main(["--db", str(path), *argv]) == 2, argv
        captured = capsys.readouterr()
        lines = captured.err.strip().splitlines()
        assert len(lines) == 1 and "01/01/2009" in lines[0] and today in lines[0], (argv,
                                                                                   captured)
    with Library.open(path) as lib:
        assert rows(lib) == before


def test_no_fine_is_paid_or_waived_in_2009(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    """The money received is dated (the register of sums received by day): not in 2009."""
    from datetime import timedelta

    from app.circulation import Circulation
    from app.circulation.rules import LoanRule

    path = tmp_path / "fines.sqlite3"
    with Library.open(path) as lib:
        lib.circulation.rules.set(LoanRule("*", "book", loan_days=14, fine_per_day=500))
        lib.circulation.calendar.set_closed_weekdays([])
        patron = lib.patrons.add("Nguyễn Văn An", class_name="6A")
        [item] = lib.catalog.add_copies(lib.catalog.add_record("Toán 6"), 1)
        past = Circulation(lib.db, lib.settings,
                           clock=lambda: datetime.now(UTC) - timedelta(days=20))
        assert past.checkout(patron.card, item.barcode).ok
        assert lib.circulation.checkin(item.barcode).ok  # 6 days late, today
        [fine] = lib.circulation.fines.find(outstanding=True)
    set_pc_clock(monkeypatch, DEAD_BATTERY)
    with Library.open(path) as lib:
        fines = lib.circulation.fines
        before = rows(lib)
        for attempt in (lambda: fines.pay(fine.id), lambda: fines.pay(fine.id, 1000),
                        lambda: fines.pay_debt(patron.id),
                        lambda: fines.waive(fine.id, "Gia đình khó khăn")):
            with pytest.raises(ClockBehind):
                attempt()
        assert rows(lib) == before and fines.payments() == []
        assert fines.get(fine.id).status == "outstanding"
    assert main(["--db", str(path), "fines", "pay", str(fine.id)]) == 2
    assert "01/01/2009" in capsys.readouterr().err
