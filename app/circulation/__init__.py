"""Circulation: loan rules, calendar, the desk's ``scan()``, loans, holds, class loans,
usage counts and overdue documents. The entry point is :class:`Circulation`
(``lib.circulation``)."""

from app.circulation.results import DeskResult, Refusal
from app.circulation.service import Circulation

__all__ = ["Circulation", "DeskResult", "Refusal"]
