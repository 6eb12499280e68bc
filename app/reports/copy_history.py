"""Whether a copy was lost or written off at the end of a given day, read back from the dated
records the library keeps, so that a register printed for a past period shows what it showed
then, not the copies' state today.

What is dated:

* a write-off: the day of its record (biên bản), from :func:`app.reports.writeoffs.written_off`;
* a loss reported at the desk while the copy was lent: the loan, closed with outcome ``lost``
  at that moment;
* a loss marked when a stocktake closed: the stocktake's line for the copy (outcome ``lost``);
* a copy seen again after a loss: a later loan of it, a later stocktake scan of it.

What is not dated, and how it is read:

* a copy marked lost at the desk while it stood on the shelf (no loan, no stocktake): lost
  from the last change of the copy (``items.updated_at``), the earliest day the library can
  vouch for;
* a lost copy found again: back from the first loan or stocktake scan after the loss, or the
  last change of the copy (``items.updated_at``) if that is earlier: the moment it was found
  unless the copy was changed again afterwards;
* a copy written off with no write-off record (an old status): written off whatever the day,
  as :func:`app.reports.statistics.collection_on` counts it.
"""

from __future__ import annotations

import sqlite3
from datetime import date

from app.circulation.clock import local_day
from app.reports.writeoffs import written_off

LOST = "lost"
WRITTEN_OFF = "withdrawn"
_BACK = "back"

# Every copy that was ever lost: by a loan closed lost, by a stocktake, or by its status now.
_EVER_LOST = (
    "SELECT item_id FROM loans WHERE deleted = 0 AND outcome = 'lost' "
    "UNION SELECT item_id FROM stocktake_items WHERE deleted = 0 AND outcome = 'lost' "
    "UNION SELECT id FROM items WHERE deleted = 0 AND status = 'lost'")
_EVENTS = f"""
SELECT item_id, returned_at, 'lost' FROM loans
 WHERE deleted = 0 AND outcome = 'lost' AND returned_at IS NOT NULL
UNION ALL
SELECT x.item_id, x.created_at, 'lost' FROM stocktake_items x
  JOIN stocktakes s ON s.id = x.stocktake_id AND s.deleted = 0
 WHERE x.deleted = 0 AND x.outcome = 'lost'
UNION ALL
SELECT item_id, loaned_at, 'back' FROM loans
 WHERE deleted = 0 AND item_id IN ({_EVER_LOST})
UNION ALL
SELECT x.item_id, x.created_at, 'back' FROM stocktake_items x
  JOIN stocktakes s ON s.id = x.stocktake_id AND s.deleted = 0
 WHERE x.deleted = 0 AND x.outcome = 'found' AND x.item_id IN ({_EVER_LOST})
"""
_NOW = f"SELECT id, status, updated_at FROM items WHERE id IN ({_EVER_LOST})"


def _lost_on(conn: sqlite3.Connection, day: str) -> set[int]:
    """The copies lost at the end of the ISO *day*: their last dated event by then is a loss."""
    events: dict[int, list[tuple[str, str]]] = {}
    for item_id, moment, kind in conn.execute(_EVENTS):
        events.setdefault(int(item_id), []).append((str(moment), str(kind)))
    for item_id, status, updated in conn.execute(_NOW):
        found = sorted(events.setdefault(int(item_id), []))
        if status == LOST and (not found or found[-1][1] != LOST):
            found.append((str(updated), LOST))  # lost from the shelf: no event says when
        elif status not in (LOST, WRITTEN_OFF):
            found.append((str(updated), _BACK))  # back by its last change at the latest
        events[int(item_id)] = found
    lost = set()
    for item_id, found in events.items():
        state = _BACK
        for moment, kind in sorted(found):
            if local_day(moment) > day:
                break
            state = kind
        if state == LOST:
            lost.add(item_id)
    return lost


def states_on(conn: sqlite3.Connection, day: date) -> dict[int, str]:
    """Item id → ``"withdrawn"`` or ``"lost"`` for the copies written off or lost at the end
    of the library's *day* (see the module's text for what is dated and what is not); the
    copies not listed were in the collection then (or not yet acquired)."""
    iso = day.isoformat()
    states = {item_id: LOST for item_id in _lost_on(conn, iso)}
    gone = written_off(conn)
    for item_id, (when, _number) in gone.items():
        if when.isoformat() <= iso:
            states[item_id] = WRITTEN_OFF
    for (item_id,) in conn.execute("SELECT id FROM items WHERE deleted = 0 "
                                   "AND status = 'withdrawn'"):
        if int(item_id) not in gone:  # written off with no record: no day to go by
            states[int(item_id)] = WRITTEN_OFF
    return states
