"""A PC back on 01/01/2009 cannot check the district server's certificate: the window's sync
says the PC's date is wrong, in Vietnamese (the sync page's message and its last error, a
"this computer's date" line with the clock guard's words, the status bar), not that the
address or the CA file may be at fault. Real server on loopback, spoken to over https."""

from __future__ import annotations

import pytest

from app.sync import state
from tests.support.district import District
from tests.support.pc_clock import DEAD_BATTERY, set_pc_clock

pytestmark = pytest.mark.usefixtures("token_files")

SAYS_DATE_WRONG = ("Ngày trên máy tính (01/01/2009) sai nên không kiểm tra được chứng chỉ bảo "
                   "mật của máy chủ huyện. Hãy chỉnh lại ngày giờ của máy (Windows: bấm chuột "
                   "phải vào đồng hồ → Điều chỉnh ngày/giờ); đồng bộ sẽ tự chạy lại.")


def test_a_certificate_refused_on_a_pc_back_in_2009_is_said_as_its_wrong_date(  # type: ignore[no-untyped-def]
        window, lib, district: District, qtbot, monkeypatch: pytest.MonkeyPatch) -> None:
    lib.sync.enroll(district.url, district.add_library("TH-NGAY"))
    lib.sync.sync_now()
    # the certificate cannot be checked (a plain-HTTP server spoken to over https)
    state.put(lib.db, server_url=f"https://127.0.0.1:{district.port}")
    set_pc_clock(monkeypatch, DEAD_BATTERY)
    lib.catalog.add_record("Tắt đèn", authors=["Ngô Tất Tố"], year=2015)

    settings = window.show_view("settings")
    page = settings.sync_page
    settings.setCurrentWidget(page)
    with qtbot.waitSignal(window.sync.outcome, timeout=30000) as outcome:
        page.sync_button.click()
    assert outcome.args[0].error_code == "sync.tls_clock"
    assert page.message.text() == SAYS_DATE_WRONG
    qtbot.waitUntil(lambda: page.error_label.text() == SAYS_DATE_WRONG, timeout=10000)
    assert not page.clock_label.isHidden()
    assert page.clock_label.text().startswith("Ngày trên máy tính đang là 01/01/2009")

    label = window.status.sync_label
    window.status.refresh()
    qtbot.waitUntil(lambda: label.text() == "Đồng bộ: lỗi, ngày trên máy tính sai",
                    timeout=10000)
    assert label.toolTip() == SAYS_DATE_WRONG
