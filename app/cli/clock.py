"""``thuvien clock``: is this PC's date one the desk accepts?

    thuvien clock [--json]      this PC's date, the latest the library recorded, the verdict
    thuvien clock --trust       trust this PC's clock now (it was set ahead once, then fixed)

Exit 0 when the desk accepts the clock, 2 when it refuses it (see
:mod:`app.circulation.clock_check` for the rule and what trusting does); a refusal says
whether the date is wrong for sure (set the clock) or the records are ahead of it (trust it
if it is right).
"""

from __future__ import annotations

import argparse
from typing import Any

from app.circulation.clock_check import ClockCheck, ClockVerdict, pc_clock, trust_pc_clock
from app.cli._common import add_json_flag, open_library, phrase, print_json
from app.i18n import Text

STATE = Text("Ngày trên máy: {now}. Thư viện đã ghi đến: {latest}. {verdict}",
             "This computer's date: {now}. The library recorded up to: {latest}. {verdict}")
ACCEPTED = Text("Quầy mượn trả chấp nhận ngày này.", "The desk accepts this date.")
ACCEPTED_TRUSTED = Text("Quầy mượn trả chấp nhận ngày này (đã xác nhận ngày trên máy đúng).",
                        "The desk accepts this date (this computer's date was confirmed).")
REFUSED = Text("KHÔNG cho mượn, trả, gia hạn, kiểm kê, thanh lý, lên lớp hay thu tiền phạt:",
               "NO lending, returns, renewals, stocktakes, write-offs, rollover or fine "
               "payments:")
TRUSTED = Text("Đã xác nhận ngày trên máy ({now}) là đúng dù thư viện đã ghi đến {latest}: "
               "quầy mượn trả làm việc lại.",
               "Confirmed this computer's date ({now}) as right although the library recorded "
               "up to {latest}: the desk works again.")
NOTHING_TO_TRUST = Text("Không cần xác nhận: quầy mượn trả đã chấp nhận ngày trên máy ({now}).",
                        "Nothing to confirm: the desk already accepts this computer's date "
                        "({now}).")


def register(subparsers: Any) -> None:
    """Add the ``clock`` subcommand."""
    p = subparsers.add_parser("clock", help=phrase(
        "ngày trên máy có được quầy mượn trả chấp nhận không",
        "whether the desk accepts this computer's date"))
    p.add_argument("--trust", action="store_true", help=phrase(
        "xác nhận ngày trên máy đúng (máy từng bị đặt ngày tương lai rồi đã chỉnh lại)",
        "confirm this computer's date is right (it was set ahead once, then corrected)"))
    add_json_flag(p)
    p.set_defaults(handler=clock)


def clock(args: argparse.Namespace) -> int:
    """``thuvien clock [--trust] [--json]``: exit 0 when the desk accepts the clock, else 2."""
    with open_library(args) as lib:  # a mistyped --db: refused, no empty library made
        before = ClockCheck(lib.db, pc_clock).verdict()
        verdict: ClockVerdict = trust_pc_clock(lib.db) if args.trust else before
    now, latest = verdict.now_shown, verdict.latest_shown
    if args.json:
        server = verdict.server_time
        print_json({"now": verdict.now.isoformat(), "latest_recorded": verdict.latest.isoformat(),
                     "accepted": not verdict.behind, "trusted": verdict.trusted,
                     "records_ahead": verdict.records_ahead,
                     "server_time": server.isoformat() if server is not None else None,
                     "message": verdict.message,
                     **({"trusted_now": before.behind} if args.trust else {})})
    elif args.trust:
        print((TRUSTED if before.behind else NOTHING_TO_TRUST)(now=now, latest=latest))
    else:
        if verdict.behind:  # the message names the dates, which case it is and what to do
            print(f"{REFUSED()} {verdict.message}")
        else:
            answer = ACCEPTED_TRUSTED if verdict.trusted else ACCEPTED
            print(STATE(now=now, latest=latest, verdict=answer()))
    return 2 if verdict.behind else 0
