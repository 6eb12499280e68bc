"""The status bar while the district server cannot be reached: it says "offline" (no fault at
the desk), counts the days once they add up, and a passing "Syncing…" message is not drawn
over by the pending count (real window, real server on loopback)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from app.library import Library
from app.sync import state
from app.sync.status import local_time
from tests.support.district import District

pytestmark = pytest.mark.usefixtures("token_files")


def _refreshed(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Read the counts again now (after any read already under way) and show them."""
    qtbot.waitUntil(lambda: not window.status._busy, timeout=10000)
    operation = window.status.refresh()
    with qtbot.waitSignal(operation.finished, timeout=10000):
        pass


def test_offline_for_days_is_said_in_days_not_as_a_fault(window, lib: Library, district: District,
                                                          qtbot) -> None:  # type: ignore[no-untyped-def]
    lib.sync.enroll(district.url, district.add_library("TH-XA"))
    lib.sync.sync_now()
    district.stop()  # the school's line is down
    with qtbot.waitSignal(window.sync.outcome, timeout=30000):
        window.sync_now()
    label = window.status.sync_label
    qtbot.waitUntil(lambda: label.text().startswith("Đồng bộ: chưa có mạng"), timeout=10000)
    assert label.text().startswith("Đồng bộ: chưa có mạng (lần cuối được: ")  # was "lỗi"
    assert label.toolTip().startswith("Không kết nối được máy chủ thư viện huyện")

    five_days_ago = (datetime.now(UTC) - timedelta(days=5, hours=1)).strftime(
        "%Y-%m-%dT%H:%M:%S.%fZ")
    state.put(lib.db, last_sync_at=five_days_ago)
    _refreshed(window, qtbot)
    assert label.text() == (f"Đồng bộ: 5 ngày chưa có mạng (lần cuối được: "
                            f"{local_time(five_days_ago)})")
    assert "#b45309" in label.styleSheet()  # amber: worth a look, not an alarm
    assert window.status.pending_label.text() == "Thay đổi chưa gửi: 0"


def test_the_pending_count_waits_for_a_passing_message(window, lib: Library, district: District,
                                                       qtbot) -> None:  # type: ignore[no-untyped-def]
    lib.sync.enroll(district.url, district.add_library("TH-XB"))
    lib.sync.sync_now()
    _refreshed(window, qtbot)
    pending = window.status.pending_label
    assert pending.isVisible()
    window.sync_now()  # "Đang đồng bộ với thư viện huyện…" for 5 s
    assert window.status.currentMessage().startswith("Đang đồng bộ")
    _refreshed(window, qtbot)  # the count read again while the message shows
    assert not pending.isVisible()  # was shown, drawn across the message
    window.status.clearMessage()
    assert pending.isVisible() and pending.text().startswith("Thay đổi chưa gửi:")
