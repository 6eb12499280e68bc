"""Closed days: weekends, Tết, summer, single days; due dates move to the next open day."""

from __future__ import annotations

from datetime import date

import pytest

from app.circulation.rules import LoanRule
from app.errors import ValidationError

from .conftest import World


def test_sunday_is_closed_by_default(world: World) -> None:
    cal = world.circ.calendar
    assert cal.closed_weekdays() == [6]
    assert cal.next_open(date(2025, 9, 13)) == date(2025, 9, 13)   # Saturday open
    assert cal.next_open(date(2025, 9, 14)) == date(2025, 9, 15)   # Sunday → Monday


def test_saturday_and_sunday(world: World) -> None:
    cal = world.circ.calendar
    cal.set_closed_weekdays([5, 6])
    assert cal.next_open(date(2025, 9, 13)) == date(2025, 9, 15)
    with pytest.raises(ValidationError):
        cal.set_closed_weekdays([0, 1, 2, 3, 4, 5, 6])
    with pytest.raises(ValidationError):
        cal.set_closed_weekdays([7])


def test_tet_and_summer_ranges_and_single_days(world: World) -> None:
    cal = world.circ.calendar
    cal.add_closed(date(2026, 2, 14), date(2026, 2, 22), "Tết Bính Ngọ")
    cal.add_closed(date(2026, 6, 1), date(2026, 8, 15), "Nghỉ hè")
    cal.add_closed(date(2025, 9, 2), label="Quốc khánh")
    assert cal.next_open(date(2026, 2, 16)) == date(2026, 2, 23)
    # summer ends on a Saturday (15 Aug): the 16th is Sunday → Monday 17th
    assert cal.next_open(date(2026, 7, 1)) == date(2026, 8, 17)
    assert cal.next_open(date(2025, 9, 2)) == date(2025, 9, 3)
    assert [p.label for p in cal.periods()] == ["Quốc khánh", "Tết Bính Ngọ", "Nghỉ hè"]
    cal.remove_closed(cal.periods()[0].id)
    assert cal.next_open(date(2025, 9, 2)) == date(2025, 9, 2)
    with pytest.raises(ValidationError):
        cal.add_closed(date(2026, 3, 2), date(2026, 3, 1))


def test_due_date_on_a_closed_day_moves_to_the_next_open_day(world: World) -> None:
    # 14 days after Monday 8 Sep is Monday 22 Sep: close 22-24 Sep
    world.circ.calendar.add_closed(date(2025, 9, 22), date(2025, 9, 24), "Kiểm kê")
    [copy] = world.book()
    result = world.circ.checkout(world.student().card, copy.barcode)
    assert result.loan is not None and result.loan.due == "2025-09-25"


def test_textbook_due_at_year_end_moves_off_a_sunday(world: World) -> None:
    # 31 May 2026 is a Sunday
    world.circ.rules.set(LoanRule("*", "textbook", loan_days=None, fixed_due="--05-31",
                                  max_items=20, renewals=0, holds_allowed=False))
    [copy] = world.book("Toán 6 tập 1", item_type="textbook", collection="GK")
    result = world.circ.checkout(world.student().card, copy.barcode)
    assert result.loan is not None and result.loan.due == "2026-06-01"


def test_a_period_ending_before_it_starts_is_refused_with_dates_as_written(
        world: World) -> None:
    with pytest.raises(ValidationError) as refused:
        world.circ.calendar.add_closed(date(2026, 11, 23), date(2026, 11, 22))
    assert "22/11/2026" in refused.value.message and "23/11/2026" in refused.value.message
    assert world.circ.calendar.periods() == []
