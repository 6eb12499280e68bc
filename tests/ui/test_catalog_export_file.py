"""The catalog window's MARC export writes a file other accounts and programs can read (the
user's umask, 0644 with 022; it was mkstemp's owner-only 0600), and leaves no temporary file."""

from __future__ import annotations

import os
import stat
import sys

import pytest
from PySide6.QtWidgets import QMessageBox


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX file modes")
def test_exported_file_gets_the_umask_mode(window, lib, qtbot, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    lib.catalog.add_record("Tắt đèn", authors=["Ngô Tất Tố"])
    said: list[str] = []
    monkeypatch.setattr(
        QMessageBox,
        "information",
        staticmethod(lambda _parent, _title, text, *a: said.append(text)),
    )
    folder = tmp_path / "exports"
    folder.mkdir()
    old = os.umask(0o022)
    try:
        view = window.show_view("catalog")
        operation = view.export_marc(folder / "catalog.mrc", "iso2709")
        with qtbot.waitSignal(operation.finished, timeout=20000):
            pass
    finally:
        os.umask(old)
    qtbot.waitUntil(lambda: bool(said))
    out = folder / "catalog.mrc"
    assert stat.S_IMODE(out.stat().st_mode) == 0o644
    assert "Tắt đèn".encode() in out.read_bytes()
    assert [p.name for p in folder.iterdir()] == ["catalog.mrc"]
