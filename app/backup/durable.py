"""Small file-system steps that make a write survive a power cut or a pulled USB stick."""

from __future__ import annotations

import contextlib
import os
import sys
import time
from pathlib import Path

REPLACE_RETRY_SECONDS = 3.0


def fsync_file(path: Path) -> None:
    """Flush *path*'s bytes to the device."""
    with path.open("rb+") as handle:
        handle.flush()
        os.fsync(handle.fileno())


def fsync_folder(folder: Path) -> None:
    """Flush *folder*'s entries (a rename) to the device; a no-op where folders cannot be opened."""
    if sys.platform == "win32":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def replace_atomically(source: Path, target: Path) -> None:
    """Rename *source* over *target* in one step, retrying briefly while antivirus holds a file.

    On Windows antivirus software can lock a fresh file for about a second.
    """
    deadline = time.monotonic() + REPLACE_RETRY_SECONDS
    while True:
        try:
            os.replace(source, target)
            break
        except PermissionError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)
    fsync_folder(target.parent)


def remove_quietly(path: Path) -> None:
    """Delete *path* if it exists, ignoring errors (used when cleaning up after a failure)."""
    with contextlib.suppress(OSError):
        path.unlink(missing_ok=True)
