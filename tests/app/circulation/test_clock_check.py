"""A school PC whose CMOS battery died boots on 01/01/2009: it must not lend, take back or
renew with that date (a 2009 loan is years overdue, with fines, once the clock is right)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from app.circulation import clock
from app.circulation.clock_check import ClockBehind, ClockCheck
from app.cli import main
from app.library import Library
from tests.support.pc_clock import DEAD_BATTERY, set_pc_clock


@pytest.fixture
def library(tmp_path: Path) -> tuple[Path, list[str]]:
    """A real library file with two books lent and one returned today, by this PC's clock."""
    path = tmp_path / "lib.sqlite3"
    with Library.open(path) as lib:
        lib.patrons.add("Nguyễn Văn An", class_name="6A")
        record = lib.catalog.add_record("Dế Mèn phiêu lưu ký", authors=["Tô Hoài"])
        barcodes = [item.barcode for item in lib.catalog.add_copies(record, 3)]
        for barcode in barcodes[:2]:
            assert lib.circulation.checkout("HS000001", barcode).ok
        assert lib.circulation.checkin(barcodes[1]).ok
    return path, barcodes


def counts(lib: Library) -> tuple[int, int, int]:
    conn = lib.db.conn
    return (conn.execute("SELECT count(*) FROM loans").fetchone()[0],
            conn.execute("SELECT count(*) FROM changes").fetchone()[0],
            conn.execute("SELECT count(*) FROM usage_events").fetchone()[0])


def today_shown() -> str:
    return clock.display_date(clock.library_today())


def test_a_pc_back_in_2009_lends_returns_and_renews_nothing(
        library: tuple[Path, list[str]], monkeypatch: pytest.MonkeyPatch) -> None:
    path, barcodes = library
    today = today_shown()
    set_pc_clock(monkeypatch, DEAD_BATTERY)
    with Library.open(path) as lib:
        before = counts(lib)
        circ = lib.circulation
        for attempt in (lambda: circ.checkout("HS000001", barcodes[2]),
                        lambda: circ.checkin(barcodes[0]), lambda: circ.renew(barcodes[0]),
                        lambda: circ.desk.scan("HS000001"), lambda: circ.desk.scan(barcodes[2]),
                        lambda: circ.record_walk_ins(1)):
            with pytest.raises(ClockBehind) as refused:
                attempt()
            assert str(refused.value) == (
                f"Ngày trên máy tính đang là 01/01/2009, trước ngày thư viện ghi gần nhất "
                f"{today}. Hãy chỉnh lại ngày giờ của máy (Windows: bấm chuột phải vào đồng hồ "
                "→ Điều chỉnh ngày/giờ) rồi làm tiếp.")
        with pytest.raises(ClockBehind):
            circ.start_class_loan("6A", [1])
        assert counts(lib) == before  # no loan, no outbox row, no visit
        assert lib.catalog.item_by_barcode(barcodes[0]).status == "on_loan"
        assert lib.catalog.item_by_barcode(barcodes[2]).status == "available"

    set_pc_clock(monkeypatch, datetime.now(UTC))  # the librarian set the date right
    with Library.open(path) as lib:
        result = lib.circulation.checkout("HS000001", barcodes[2])
        assert result.ok and result.loan is not None
        assert result.loan.loaned_at[:4] == str(datetime.now(UTC).year)


def test_the_same_library_works_again_once_the_clock_is_fixed_without_reopening(
        library: tuple[Path, list[str]], monkeypatch: pytest.MonkeyPatch) -> None:
    path, barcodes = library
    with Library.open(path) as lib:
        assert lib.circulation.desk.scan("HS000001").ok  # checked (and cached) while right
        set_pc_clock(monkeypatch, DEAD_BATTERY)
        with pytest.raises(ClockBehind):
            lib.circulation.desk.scan(barcodes[2])
        set_pc_clock(monkeypatch, datetime.now(UTC))
        assert lib.circulation.desk.scan(barcodes[2]).code == "checked_out"


def test_the_cli_refuses_on_one_line_with_exit_2(
        library: tuple[Path, list[str]], monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    path, barcodes = library
    today = today_shown()
    set_pc_clock(monkeypatch, DEAD_BATTERY)
    for argv in (["checkout", "HS000001", barcodes[2]], ["checkin", barcodes[0]],
                 ["renew", barcodes[0]], ["scan", barcodes[2]], ["class-loan", "start", "6A",
                                                                  "1"]):
        assert main(["--db", str(path), *argv]) == 2, argv
        captured = capsys.readouterr()
        lines = captured.err.strip().splitlines()
        assert len(lines) == 1 and "01/01/2009" in lines[0] and today in lines[0], captured
    with Library.open(path) as lib:
        assert lib.db.conn.execute("SELECT count(*) FROM loans").fetchone()[0] == 2


def test_a_clock_off_by_hours_or_a_fresh_library_is_not_refused(
        library: tuple[Path, list[str]], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """A PC set to the wrong time zone (UTC instead of UTC+7, typed in local time) is hours
    behind: within the one-day margin, it lends."""
    path, barcodes = library
    set_pc_clock(monkeypatch, datetime.now(UTC) - timedelta(hours=14))
    with Library.open(path) as lib:
        assert lib.circulation.checkout("HS000001", barcodes[2]).ok
    set_pc_clock(monkeypatch, datetime.now(UTC))
    with Library.open(tmp_path / "new.sqlite3") as lib:  # nothing recorded yet
        lib.patrons.add("Trần Thị Bình", class_name="7B")
        record = lib.catalog.add_record("Toán 7")
        [item] = lib.catalog.add_copies(record, 1)
        assert lib.circulation.checkout("HS000001", item.barcode).ok


def test_a_date_before_thuvien_existed_is_refused_even_in_an_empty_library(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    set_pc_clock(monkeypatch, datetime(2000, 1, 1, tzinfo=UTC))
    with Library.open(tmp_path / "new.sqlite3") as lib:
        assert ClockCheck(lib.db).verdict().behind
        with pytest.raises(ClockBehind):
            lib.circulation.desk.scan("HS000001")


def test_a_clock_injected_by_the_caller_is_trusted(library: tuple[Path, list[str]]) -> None:
    """Simulations and tests move their own clock (back, too): only this PC's is checked."""
    from app.circulation.service import Circulation

    path, barcodes = library
    with Library.open(path) as lib:
        circ = Circulation(lib.db, lib.settings, clock=lambda: DEAD_BATTERY)
        assert circ.checkout("HS000001", barcodes[2]).ok


def test_the_check_reads_the_database_at_most_once_a_minute(
        library: tuple[Path, list[str]]) -> None:
    path, _ = library
    with Library.open(path) as lib:
        check = ClockCheck(lib.db)
        assert not check.verdict().behind
        statements: list[str] = []
        lib.db.conn.set_trace_callback(statements.append)
        for _ in range(100):
            assert not check.verdict().behind
        lib.db.conn.set_trace_callback(None)
        assert statements == []
