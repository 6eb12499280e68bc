"""Files a librarian exports get the mode any new file of theirs gets (0644 with umask 022),
not the owner-only 0600 of a temporary file; a failed write leaves nothing behind."""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.backup.durable import atomic_output
from app.cli import main
from app.library import Library

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX file modes")


@pytest.fixture
def umask_022() -> Iterator[None]:
    old = os.umask(0o022)
    yield
    os.umask(old)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_export_marc_file_gets_the_umask_mode(
    tmp_path: Path, umask_022: None, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "lib.sqlite3"
    with Library.open(db) as lib:
        lib.catalog.add_record("Tắt đèn", authors=["Ngô Tất Tố"])
    for name, fmt in (("catalog.mrc", "iso2709"), ("catalog.xml", "marcxml")):
        out = tmp_path / name
        assert main(["--db", str(db), "export-marc", str(out), "--format", fmt]) == 0
        assert _mode(out) == 0o644 and b"T\xe1\xba\xaft \xc4\x91\xc3\xa8n" in out.read_bytes()
    assert sorted(p.name for p in tmp_path.iterdir() if "catalog" in p.name) == [
        "catalog.mrc",
        "catalog.xml",
    ]


def test_helper_follows_the_umask_and_replaces_in_one_step(tmp_path: Path) -> None:
    target = tmp_path / "out.mrc"
    target.write_bytes(b"old")
    old = os.umask(0o077)
    try:
        with atomic_output(target) as out:
            out.write(b"new")
            assert target.read_bytes() == b"old"  # not touched until the block ends
    finally:
        os.umask(old)
    assert target.read_bytes() == b"new" and _mode(target) == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["out.mrc"]


def test_a_failed_write_leaves_the_old_file_and_no_part(tmp_path: Path, umask_022: None) -> None:
    target = tmp_path / "out.mrc"
    target.write_bytes(b"old")
    with pytest.raises(RuntimeError), atomic_output(target) as out:
        out.write(b"half")
        raise RuntimeError("disk pulled")
    assert target.read_bytes() == b"old" and [p.name for p in tmp_path.iterdir()] == ["out.mrc"]
