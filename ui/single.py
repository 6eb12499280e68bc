"""One window per library: a second ThuVien window on the same library file is refused with
a message (two windows on one library confused librarians: each showed its own desk).

The claim is a :class:`QLockFile` beside the library (``<library>.window.lock``): released
when the window's process ends, even by a crash (a stale lock is taken over), and waited for
a few seconds so that a relaunch after a restore finds it free once the old window has gone.
Command-line commands do not take it: they may run beside the window, as before.
"""

from __future__ import annotations

import contextlib
from pathlib import Path

from PySide6.QtCore import QLockFile

WAIT_MS = 5000  # a relaunch starts before the old window has quite gone


def claim_window(db_path: Path, wait_ms: int = WAIT_MS) -> QLockFile | None:
    """This process's claim to show the library at *db_path*, or None when another ThuVien
    window has it. Keep the returned lock for as long as the window is open. When the lock
    cannot be made at all (a folder that cannot be written), the claim is given unlocked:
    opening the library then says what is wrong."""
    lock = QLockFile(str(db_path.with_name(db_path.name + ".window.lock")))
    lock.setStaleLockTime(0)  # only a dead owner's lock is stale, however old
    with contextlib.suppress(OSError):  # the very first start: the data folder is new
        db_path.parent.mkdir(parents=True, exist_ok=True)
    if lock.tryLock(wait_ms):
        return lock
    return None if lock.error() == QLockFile.LockError.LockFailedError else lock
