"""The refusal says which case it is: a PC whose date is wrong for sure (2009, or before the
district server's date at the last sync) is told to set its clock and may not trust it; a PC
whose date may be right while the records are ahead of it (a clock once set ahead, then
corrected) is told so, and where to confirm the date."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from app.circulation.clock_check import SERVER_TIME_KEY, ClockBehind, ClockCheck
from app.cli import main
from app.library import Library
from tests.support.pc_clock import DEAD_BATTERY, set_pc_clock, shown

REAL = datetime.now(UTC).replace(microsecond=0)
AHEAD = REAL + timedelta(days=30)  # the PC was set a month ahead and lent books then


@pytest.fixture
def lent_ahead(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, str]:
    """A real library that lent a book while the PC was a month ahead; one copy on the shelf."""
    set_pc_clock(monkeypatch, AHEAD)
    path = tmp_path / "lib.sqlite3"
    with Library.open(path) as lib:
        lib.patrons.add("Nguyễn Văn An", class_name="6A")
        record = lib.catalog.add_record("Dế Mèn phiêu lưu ký", authors=["Tô Hoài"])
        first, second = (item.barcode for item in lib.catalog.add_copies(record, 2))
        assert lib.circulation.checkout("HS000001", first).ok
    return path, second


def refusal(path: Path, barcode: str) -> ClockBehind:
    with Library.open(path) as lib, pytest.raises(ClockBehind) as refused:
        lib.circulation.checkout("HS000001", barcode)
    return refused.value


def synced_at(path: Path, server_date: datetime) -> None:
    """The district server's date at this library's last sync, as the sync client keeps it."""
    with Library.open(path) as lib, lib.db.transaction() as conn:
        conn.execute("INSERT INTO sync_state(key, value) VALUES (?, ?)",
                     (SERVER_TIME_KEY, json.dumps(server_date.isoformat())))


def test_a_right_date_behind_the_records_is_told_the_records_are_ahead(
        lent_ahead: tuple[Path, str], monkeypatch: pytest.MonkeyPatch) -> None:
    path, barcode = lent_ahead
    set_pc_clock(monkeypatch, REAL)
    message = str(refusal(path, barcode))
    assert message.startswith(f"Thư viện đã ghi đến ngày {shown(AHEAD)}, sau ngày trên máy "
                              f"tính ({shown(REAL)}).")
    assert "nút «Ngày trên máy đã đúng…» ở quầy mượn trả" in message
    assert "thuvien clock --trust" in message

    synced_at(path, REAL - timedelta(days=3))  # the district's date agrees with this PC's
    assert "thuvien clock --trust" in str(refusal(path, barcode))


def test_a_date_before_the_district_servers_is_wrong_for_sure(
        lent_ahead: tuple[Path, str], monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    path, barcode = lent_ahead
    synced_at(path, REAL)
    last_year = REAL - timedelta(days=365)  # the year typed wrong: after 2024, still wrong
    set_pc_clock(monkeypatch, last_year)
    message = str(refusal(path, barcode))
    assert message == (
        f"Ngày trên máy tính đang là {shown(last_year)}, trước ngày của máy chủ thư viện "
        f"huyện ở lần đồng bộ gần nhất ({shown(REAL)}). Hãy chỉnh lại ngày giờ của máy "
        "(Windows: bấm chuột phải vào đồng hồ → Điều chỉnh ngày/giờ) rồi làm tiếp.")

    db = ["--db", str(path)]
    assert main([*db, "clock", "--trust"]) == 2  # nothing to confirm: it is wrong
    assert capsys.readouterr().err.strip() == message
    with Library.open(path) as lib:
        verdict = ClockCheck(lib.db).verdict()
        assert verdict.behind and not verdict.trusted and not verdict.records_ahead
    assert main([*db, "clock", "--json"]) == 2
    answer = json.loads(capsys.readouterr().out)
    assert answer["records_ahead"] is False and answer["server_time"][:10] == REAL.date().isoformat()
    assert answer["message"] == message


def test_2009_is_told_to_set_the_clock_not_to_confirm_it(
        lent_ahead: tuple[Path, str], monkeypatch: pytest.MonkeyPatch) -> None:
    path, barcode = lent_ahead
    set_pc_clock(monkeypatch, DEAD_BATTERY)
    message = str(refusal(path, barcode))
    assert message.startswith("Ngày trên máy tính đang là 01/01/2009")
    assert "Hãy chỉnh lại ngày giờ của máy" in message and "--trust" not in message


def test_the_window_points_to_the_desk_button_not_to_the_command(
        lent_ahead: tuple[Path, str], monkeypatch: pytest.MonkeyPatch) -> None:
    """The window's wording of the same refusal names the strip's button and its Alt letter;
    a date wrong for sure reads the same in both."""
    from app.i18n import set_language

    path, barcode = lent_ahead
    set_pc_clock(monkeypatch, REAL)
    verdict = refusal(path, barcode).verdict
    window = verdict.window_message
    assert "thuvien clock" not in window
    assert "nút «Ngày trên máy đã đúng…» (Alt+N) ở quầy mượn trả" in window
    assert window.startswith(f"Thư viện đã ghi đến ngày {shown(AHEAD)}")
    set_language("en")
    try:
        assert "“This computer's date is right…” (Alt+D) at the desk" in verdict.window_message
    finally:
        set_language("vi")
    set_pc_clock(monkeypatch, DEAD_BATTERY)
    dead = refusal(path, barcode).verdict
    assert dead.window_message == dead.message
