"""A PC whose clock was set a month ahead lent books then; once the clock is corrected the desk
refuses everything (the records are in the future) until the librarian trusts the clock:
then it lends again, also after new loans, but a dead battery (2009) later is refused again."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from app.circulation.clock_check import TRUST_KEY, ClockBehind, ClockCheck, trust_pc_clock
from app.cli import main
from app.db import local_state
from app.errors import UserError
from app.library import Library
from tests.support.pc_clock import DEAD_BATTERY, set_pc_clock, shown

REAL = datetime.now(UTC).replace(microsecond=0)
AHEAD = REAL + timedelta(days=30)  # someone set the PC a month ahead


@pytest.fixture
def lent_ahead(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, list[str]]:
    """A real library that lent two books and took one back while the PC was a month ahead."""
    set_pc_clock(monkeypatch, AHEAD)
    path = tmp_path / "lib.sqlite3"
    with Library.open(path) as lib:
        lib.patrons.add("Nguyễn Văn An", class_name="6A")
        record = lib.catalog.add_record("Dế Mèn phiêu lưu ký", authors=["Tô Hoài"])
        barcodes = [item.barcode for item in lib.catalog.add_copies(record, 5)]
        for barcode in barcodes[:2]:
            assert lib.circulation.checkout("HS000001", barcode).ok
        assert lib.circulation.checkin(barcodes[1]).ok
        assert lib.circulation.record_walk_ins(1).ok
    return path, barcodes


def test_a_clock_corrected_after_running_ahead_works_again_once_trusted(
        lent_ahead: tuple[Path, list[str]], monkeypatch: pytest.MonkeyPatch) -> None:
    path, barcodes = lent_ahead
    set_pc_clock(monkeypatch, REAL)  # the date set right again
    with Library.open(path) as lib:
        with pytest.raises(ClockBehind) as refused:
            lib.circulation.checkout("HS000001", barcodes[2])
        assert shown(REAL) in str(refused.value) and shown(AHEAD) in str(refused.value)
        changes = lib.db.conn.execute("SELECT count(*) FROM changes").fetchone()[0]

        verdict = trust_pc_clock(lib.db)
        assert not verdict.behind and verdict.trusted
        # kept on this PC only: no outbox row to send to the district
        assert lib.db.conn.execute("SELECT count(*) FROM changes").fetchone()[0] == changes
        assert local_state.get(lib.db.conn, TRUST_KEY) is not None

        loan = lib.circulation.checkout("HS000001", barcodes[2])  # same service, no reopen
        assert loan.ok and loan.loan is not None
        assert loan.loan.loaned_at[:10] == REAL.date().isoformat()

    later = REAL + timedelta(hours=3)
    set_pc_clock(monkeypatch, later)
    with Library.open(path) as lib:  # the next morning's start, new loans made since
        assert lib.circulation.desk.scan("HS000001").ok
        assert lib.circulation.desk.scan(barcodes[3]).code == "checked_out"
        assert lib.circulation.checkin(barcodes[0]).ok  # the book lent "in the future"
        assert lib.circulation.renew(barcodes[2]).code == "renew_no_change"  # answered
        assert lib.circulation.record_walk_ins(2).ok
        loans = lib.db.conn.execute("SELECT count(*) FROM loans").fetchone()[0]

    for wrong in (DEAD_BATTERY, REAL - timedelta(days=3)):  # battery died; clock moved back
        set_pc_clock(monkeypatch, wrong)
        with Library.open(path) as lib:
            with pytest.raises(ClockBehind):
                lib.circulation.desk.scan(barcodes[4])
            with pytest.raises(ClockBehind):
                lib.circulation.checkin(barcodes[2])
            assert lib.db.conn.execute("SELECT count(*) FROM loans").fetchone()[0] == loans

    set_pc_clock(monkeypatch, later + timedelta(minutes=5))  # set right again: still trusted
    with Library.open(path) as lib:
        assert lib.circulation.checkout("HS000001", barcodes[4]).ok


def test_a_new_jump_ahead_after_the_trust_needs_a_new_decision(
        lent_ahead: tuple[Path, list[str]], monkeypatch: pytest.MonkeyPatch) -> None:
    path, barcodes = lent_ahead
    set_pc_clock(monkeypatch, REAL)
    with Library.open(path) as lib:
        assert trust_pc_clock(lib.db).trusted
    set_pc_clock(monkeypatch, AHEAD + timedelta(days=10))
    with Library.open(path) as lib:
        assert lib.circulation.checkout("HS000001", barcodes[2]).ok  # newer than the trust saw
    set_pc_clock(monkeypatch, REAL + timedelta(hours=1))
    with Library.open(path) as lib:
        with pytest.raises(ClockBehind):
            lib.circulation.checkout("HS000001", barcodes[3])
        assert trust_pc_clock(lib.db).trusted
        assert lib.circulation.checkout("HS000001", barcodes[3]).ok


def test_the_clock_may_not_go_back_behind_what_was_written_after_the_trust(
        lent_ahead: tuple[Path, list[str]], monkeypatch: pytest.MonkeyPatch) -> None:
    path, barcodes = lent_ahead
    set_pc_clock(monkeypatch, REAL)
    with Library.open(path) as lib:
        trust_pc_clock(lib.db)
    set_pc_clock(monkeypatch, REAL + timedelta(days=5))  # five days on, still before AHEAD
    with Library.open(path) as lib:
        assert lib.circulation.checkout("HS000001", barcodes[2]).ok
    set_pc_clock(monkeypatch, REAL + timedelta(days=2))  # moved back behind that loan
    with Library.open(path) as lib, pytest.raises(ClockBehind):
        lib.circulation.checkout("HS000001", barcodes[3])


def test_nothing_is_trusted_when_not_needed_or_before_2024(
        lent_ahead: tuple[Path, list[str]], monkeypatch: pytest.MonkeyPatch) -> None:
    path, _ = lent_ahead
    with Library.open(path) as lib:  # still AHEAD: accepted already, nothing kept
        assert not trust_pc_clock(lib.db).behind
        assert local_state.get(lib.db.conn, TRUST_KEY) is None
        set_pc_clock(monkeypatch, DEAD_BATTERY)
        with pytest.raises(UserError) as refused:
            trust_pc_clock(lib.db)
        assert "01/01/2009" in str(refused.value)
        assert local_state.get(lib.db.conn, TRUST_KEY) is None
        assert ClockCheck(lib.db).verdict().behind


def test_a_trusted_clock_is_still_checked_without_reading_the_database_at_each_scan(
        lent_ahead: tuple[Path, list[str]], monkeypatch: pytest.MonkeyPatch) -> None:
    path, _ = lent_ahead
    set_pc_clock(monkeypatch, REAL)
    with Library.open(path) as lib:
        check = ClockCheck(lib.db)
        assert check.verdict().behind
        trust_pc_clock(lib.db)
        assert not check.verdict().behind  # a refusal is read again: the trust is seen
        statements: list[str] = []
        lib.db.conn.set_trace_callback(statements.append)
        for _ in range(100):
            assert not check.verdict().behind
        lib.db.conn.set_trace_callback(None)
        assert statements == []


def test_thuvien_clock_says_and_trusts(
        lent_ahead: tuple[Path, list[str]], monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    path, barcodes = lent_ahead
    db = ["--db", str(path)]
    assert main([*db, "clock"]) == 0  # still ahead: consistent with its own records
    assert "Quầy mượn trả chấp nhận ngày này." in capsys.readouterr().out

    set_pc_clock(monkeypatch, REAL)
    assert main([*db, "clock"]) == 2
    out = capsys.readouterr().out
    assert out == (f"KHÔNG cho mượn, trả, gia hạn, kiểm kê, thanh lý, lên lớp hay thu tiền "
                   f"phạt: Thư viện đã ghi đến ngày {shown(AHEAD)}, sau ngày trên máy tính "
                   f"({shown(REAL)}). Nếu "
                   "máy từng bị đặt ngày tương lai rồi đã chỉnh lại, và hôm nay đúng là "
                   f"{shown(REAL)}: hãy xác nhận ngày này (nút «Ngày trên máy đã đúng…» ở quầy "
                   "mượn trả, hoặc lệnh thuvien clock --trust). Nếu không, hãy chỉnh lại ngày "
                   "giờ của máy.\n")
    assert main([*db, "clock", "--json"]) == 2
    answer = json.loads(capsys.readouterr().out)
    assert answer["accepted"] is False and answer["trusted"] is False
    assert answer["records_ahead"] is True and answer["server_time"] is None
    assert answer["now"][:10] == REAL.date().isoformat()
    assert answer["latest_recorded"][:10] == AHEAD.date().isoformat()
    assert main([*db, "checkout", "HS000001", barcodes[2]]) == 2
    capsys.readouterr()

    assert main([*db, "clock", "--trust"]) == 0
    out = capsys.readouterr().out
    assert out.count("\n") == 1 and shown(REAL) in out and shown(AHEAD) in out
    assert out.startswith("Đã xác nhận ngày trên máy")
    assert main([*db, "checkout", "HS000001", barcodes[2]]) == 0
    capsys.readouterr()
    assert main([*db, "clock", "--json"]) == 0
    answer = json.loads(capsys.readouterr().out)
    assert answer["accepted"] is True and answer["trusted"] is True
    assert main([*db, "clock", "--trust"]) == 0
    assert capsys.readouterr().out.startswith("Không cần xác nhận")

    set_pc_clock(monkeypatch, DEAD_BATTERY)
    assert main([*db, "clock"]) == 2
    out = capsys.readouterr().out
    assert "01/01/2009" in out and "Hãy chỉnh lại ngày giờ của máy" in out
    assert "--trust" not in out  # wrong for sure: nothing to confirm
    assert main([*db, "clock", "--trust"]) == 2
    assert "01/01/2009" in capsys.readouterr().err
    assert main(["--db", str(path.with_name("typo.sqlite3")), "clock"]) == 2
    assert not path.with_name("typo.sqlite3").exists()
