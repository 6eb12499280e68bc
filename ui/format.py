"""Display forms used across the window: dates dd/mm/yyyy, local times."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

LOCAL_ZONE = "Asia/Ho_Chi_Minh"


def display_date(value: str | date | None) -> str:
    """``2025-09-19`` (or a date) → ``19/09/2025``; empty for None or an unreadable value."""
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        try:
            value = date.fromisoformat(value[:10])
        except ValueError:
            return value
    return value.strftime("%d/%m/%Y")


def parse_display_date(text: str) -> date | None:
    """``19/09/2025`` (or ISO ``2025-09-19``) → a date; None when it is not a date."""
    text = text.strip()
    for fmt in ("%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y", "%Y-%m-%d"):
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return None


def local_time(stamp: str | None = None) -> str:
    """A stored UTC stamp (or now) as local ``HH:MM:SS``."""
    try:
        zone = ZoneInfo(LOCAL_ZONE)
    except Exception:  # no tz database (some Windows installs): UTC+7 has no DST
        from datetime import timedelta, timezone

        zone = timezone(timedelta(hours=7))  # type: ignore[assignment]
    moment = datetime.fromisoformat(stamp.replace("Z", "+00:00")) if stamp else datetime.now(UTC)
    return moment.astimezone(zone).strftime("%H:%M:%S")
