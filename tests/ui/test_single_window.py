"""One ThuVien window per library: a second is refused while the first is open; a lock left
by a window that died is taken over."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from ui.single import claim_window


def test_a_second_window_on_the_same_library_is_refused(tmp_path: Path) -> None:
    db = tmp_path / "thuvien.sqlite3"
    first = claim_window(db, wait_ms=0)
    assert first is not None and first.isLocked()
    assert claim_window(db, wait_ms=200) is None
    assert claim_window(tmp_path / "khac.sqlite3", wait_ms=0) is not None  # another library
    first.unlock()
    assert claim_window(db, wait_ms=0) is not None


def test_the_lock_of_a_window_that_died_is_taken_over(tmp_path: Path) -> None:
    db = tmp_path / "thuvien.sqlite3"
    code = ("import os, sys; from pathlib import Path; from ui.single import claim_window; "
            "lock = claim_window(Path(sys.argv[1]), 0); assert lock.isLocked(); os._exit(0)")
    subprocess.run([sys.executable, "-c", code, str(db)], check=True,
                   cwd=Path(__file__).resolve().parents[2])
    assert (tmp_path / "thuvien.sqlite3.window.lock").exists()  # left behind by the crash
    assert claim_window(db, wait_ms=0) is not None


def test_a_folder_that_cannot_hold_the_lock_does_not_pass_for_an_open_window(
        tmp_path: Path) -> None:
    (tmp_path / "a-file").write_text("")
    claim = claim_window(tmp_path / "a-file" / "thuvien.sqlite3", wait_ms=0)
    assert claim is not None and not claim.isLocked()
    first_start = claim_window(tmp_path / "new-folder" / "thuvien.sqlite3", wait_ms=0)
    assert first_start is not None and first_start.isLocked()
