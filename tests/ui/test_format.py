"""Dates on screen: dd/mm/yyyy, and the day in Vietnam for times stored in UTC."""

from __future__ import annotations

from ui.format import display_date


def test_a_stored_utc_time_shows_the_day_it_was_at_the_library() -> None:
    assert display_date("2026-11-21T23:30:00.000000Z") == "22/11/2026"  # 06:30 on the 22nd
    assert display_date("2026-11-21T09:00:00.000000Z") == "21/11/2026"  # 16:00 the same day
    assert display_date("2026-11-21") == "21/11/2026"  # a day is a day
    assert display_date("không rõ") == "không rõ" and display_date(None) == ""


def test_a_birth_date_known_as_a_year_or_a_month_shows_just_that() -> None:
    """A class list giving "Năm sinh: 2012" stores "2012": the Patrons list shows 2012, not
    a 01/01 nobody wrote (and a month and year as 09/2012)."""
    assert display_date("2012") == "2012"
    assert display_date("2012-09") == "09/2012"
