"""SQLite errors met by a command print one line in words and exit non-zero, never a
traceback: a library locked by another program, a read-only file or folder, a full disk, a
file that is not a database. Each case is really produced on a real file."""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

import app.db.connection as connection
from app.cli import main
from app.library import Library
from tests.app.marc.marc_support import data

REPO = Path(__file__).resolve().parents[3]


def _library(path: Path) -> Path:
    with Library.open(path) as lib:
        lib.catalog.add_record("Dế Mèn phiêu lưu ký", authors=["Tô Hoài"])
    return path


def _run(
    capsys: pytest.CaptureFixture[str], db: Path, *argv: str, lang: str = "vi"
) -> tuple[int, str]:
    code = main(["--db", str(db), "--lang", lang, *argv])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, err


def _one_line(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    return lines[0]


@contextmanager
def _read_only(path: Path) -> Iterator[None]:
    """*path* (a file or folder) made unwritable: chmod for a normal user; as root (whom
    chmod does not stop) the immutable flag, or a skip where the file system has none."""
    if os.geteuid() != 0:
        mode = path.stat().st_mode
        path.chmod(0o555 if path.is_dir() else 0o444)
        try:
            yield
        finally:
            path.chmod(mode)
        return
    chattr = shutil.which("chattr")
    if chattr is None or subprocess.run([chattr, "+i", str(path)], capture_output=True).returncode:
        pytest.skip(
            "running as root, where chmod does not stop writes, and chattr +i is unavailable"
        )
    try:
        yield
    finally:
        subprocess.run([chattr, "-i", str(path)], check=True)


def test_library_held_by_another_program_is_called_locked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    db = _library(tmp_path / "lib.sqlite3")
    monkeypatch.setattr(connection, "BUSY_TIMEOUT_MS", 200)
    other = sqlite3.connect(db, isolation_level=None)
    other.execute("PRAGMA locking_mode=EXCLUSIVE")  # e.g. a database tool holding the file
    other.execute("BEGIN EXCLUSIVE")
    other.execute("CREATE TABLE held(x)")
    try:
        for argv in (["search", "dế mèn"], ["walk-in"], ["export-marc", str(tmp_path / "o.mrc")]):
            code, err = _run(capsys, db, *argv)
            line = _one_line(err)
            assert code == 2 and "đang bị khoá" in line and "không phải là CSDL" not in line
        code, err = _run(capsys, db, "search", "x", lang="en")
        assert code == 2 and "is locked" in _one_line(err)
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert _run(capsys, db, "search", "dế mèn")[0] == 0


def test_a_write_while_another_connection_holds_the_write_lock(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    db = _library(tmp_path / "lib.sqlite3")
    monkeypatch.setattr(connection, "BUSY_TIMEOUT_MS", 100)
    other = sqlite3.connect(db, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        code, err = _run(capsys, db, "walk-in")
        assert code == 2 and "đang bị khoá" in _one_line(err)
    finally:
        other.execute("ROLLBACK")
        other.close()


def test_read_only_library_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = _library(tmp_path / "lib.sqlite3")
    with _read_only(db):
        assert _run(capsys, db, "search", "dế mèn")[0] == 0  # reading still works
        code, err = _run(capsys, db, "walk-in")
        assert code == 2 and "chỉ cho đọc" in _one_line(err) and str(db) in err
        code, err = _run(capsys, db, "import-marc", str(data("pymarc/batch.xml")), lang="en")
        assert code == 2 and "read-only" in _one_line(err)


def test_library_in_a_read_only_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "lib"
    folder.mkdir()
    db = _library(folder / "lib.sqlite3")  # closed: its -wal and -shm files are gone
    with _read_only(folder):
        code, err = _run(capsys, db, "walk-in")
        line = _one_line(err)
        assert code == 2 and str(db) in line and "không phải là CSDL" not in line


def test_full_disk_during_an_import(tmp_path: Path) -> None:
    """The console entry with a file-size limit (as a full disk: writes fail part-way)."""
    if not hasattr(signal, "SIGXFSZ"):
        pytest.skip("no file-size limits on this system")
    import resource

    db = _library(tmp_path / "lib.sqlite3")
    size = db.stat().st_size

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (size + 200_000, size + 200_000))
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)

    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "app.cli",
            "--db",
            str(db),
            "import-marc",
            str(data("evergreen/jazz_1k.mrc")),
        ],
        capture_output=True,
        text=True,
        cwd=REPO,
        preexec_fn=limit,
        timeout=120,
        check=False,
    )
    assert run.returncode == 2 and "Traceback" not in run.stderr, run.stderr
    line = _one_line(run.stderr)
    assert str(db) in line and ("đã đầy" in line or "Lỗi đọc/ghi đĩa" in line), line


def test_a_file_that_is_not_a_database(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = tmp_path / "notes.sqlite3"
    text.write_text("Danh sách lớp 6A\n" * 200, encoding="utf-8")
    code, err = _run(capsys, text, "search", "x")
    assert code == 2 and "không phải là CSDL ThuVien" in _one_line(err)
