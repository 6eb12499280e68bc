"""This PC's clock set by a test: what the desk's clock guard reads and what stamps the
outbox rows (the guard compares the two), and a moment as the desk shows it."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from app.circulation import clock
from app.db import outbox

DEAD_BATTERY = datetime(2009, 1, 1, 1, 0, tzinfo=UTC)  # a PC whose CMOS battery died


def set_pc_clock(monkeypatch: pytest.MonkeyPatch, moment: datetime) -> None:
    """This PC's clock at *moment*: what the desk reads and what stamps the outbox rows."""
    monkeypatch.setattr(clock, "system_clock", lambda: moment)
    monkeypatch.setattr(outbox, "utc_now",
                        lambda: moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ"))


def shown(moment: datetime) -> str:
    """*moment*'s day at the library as the desk shows it (dd/mm/yyyy)."""
    return clock.display_date(clock.local_date(moment))
