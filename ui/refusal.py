"""The words a refusal from ``app/`` is shown with in the window.

Mostly :attr:`app.errors.UserError.message`; the clock guard's refusal (a PC whose date is
behind the library's records) names the desk strip's button, with its Alt letter, where the
command line names ``thuvien clock --trust``
(:attr:`app.circulation.clock_check.ClockVerdict.window_message`).
"""

from __future__ import annotations

from app.circulation.clock_check import ClockBehind
from app.errors import UserError


def refusal_text(exc: BaseException) -> str:
    """What the window says for *exc*: a :class:`UserError`'s message in the window's words,
    else the exception's own text."""
    if isinstance(exc, ClockBehind):
        return exc.verdict.window_message
    return exc.message if isinstance(exc, UserError) else str(exc)
