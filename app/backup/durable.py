"""Small file-system steps that make a write survive a power cut or a pulled USB stick."""

from __future__ import annotations

import contextlib
import os
import secrets
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

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


@contextlib.contextmanager
def atomic_output(target: Path) -> Iterator[BinaryIO]:
    """Write *target* in one step: the block writes a temporary file beside it, which is
    flushed to the device and renamed over *target* when the block ends normally, and deleted
    when it fails (never half a file under *target*'s name).

    The file gets the mode any new file of the user gets from the umask (0644 with umask
    022), not the owner-only 0600 of :func:`tempfile.mkstemp`: a librarian's export is read by
    other accounts and programs.
    """
    partial = target.with_name(f".{target.name}.{secrets.token_hex(4)}.part")
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    handle = os.fdopen(os.open(partial, flags, 0o666), "wb")
    try:
        with handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        replace_atomically(partial, target)
    except BaseException:
        remove_quietly(partial)
        raise
