"""The reading worker of a large import starts before the importer's own first steps (the
file's digest, the import history), so its start-up overlaps them; it never outlives an
import that stops before reading a record."""

from __future__ import annotations

import multiprocessing
from pathlib import Path

import pytest

from app.catalog import import_history
from app.catalog.marc import Field, ItemData, MarcRecord, write_iso2709
from app.catalog.reading import prepared_records
from app.library import Library


def _many(path: Path, count: int) -> None:
    entries = [(MarcRecord("00000nam a2200000 a 4500", [
        Field("001", f"W{n:05d}"), Field("003", "VN-T"),
        Field("245", None, "1", "0", [("a", f"Đất rừng phương Nam {n}")])]),
        [ItemData(barcode=f"TK.{n:05d}", collection="TK")]) for n in range(1, count + 1)]
    with path.open("wb") as out:
        write_iso2709(entries, out)


def _readers() -> list[str]:
    return [p.name for p in multiprocessing.active_children() if p.name == "thuvien-marc-reader"]


def test_the_worker_reads_while_the_importer_digests_the_file(
        tmp_path: Path, lib: Library, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "many.mrc"
    _many(path, 600)
    seen: list[list[str]] = []
    digest = import_history.file_digest

    def watched(source: Path) -> str:
        seen.append(_readers())
        return digest(source)

    monkeypatch.setattr(import_history, "file_digest", watched)
    report = lib.catalog.import_marc(path, parallel=True)
    assert seen == [["thuvien-marc-reader"]]  # already started when the file was digested
    assert report.imported == 600 and not report.skipped
    assert lib.catalog.search("rừng phương nam 599").total == 1
    assert not _readers()


def test_closing_before_the_first_record_stops_the_worker(tmp_path: Path) -> None:
    path = tmp_path / "many.mrc"
    _many(path, 600)
    entries = prepared_records(path, parallel=True)
    assert _readers() == ["thuvien-marc-reader"]
    entries.close()
    assert not _readers()


def test_an_import_failing_before_its_first_record_stops_the_worker(
        tmp_path: Path, lib: Library, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "many.mrc"
    _many(path, 600)

    def broken(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(import_history, "remember", broken)
    with pytest.raises(OSError):
        lib.catalog.import_marc(path, parallel=True)
    assert not _readers()
    assert lib.catalog.record_count() == 0


def test_the_worker_starts_without_the_modules_it_does_not_use() -> None:
    """The worker is a new Python that imports the reading code (spawn): pymarc (MARC-8 only)
    and the MARC writer's XML and URL modules made its start about 0.075 s slower."""
    import subprocess
    import sys

    code = ("import sys, app.catalog.reading; "
            "print(sorted(m for m in ('pymarc', 'xml.sax.saxutils', 'urllib.request', "
            "'app.catalog.marc.writer') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout
    assert out.strip() == "[]"


def test_marc8_text_and_the_writer_still_work_when_first_asked_for(tmp_path: Path) -> None:
    import subprocess
    import sys

    code = ("from app.catalog.marc.iso2709 import _decode_marc8; "
            "from app.catalog.marc import write_iso2709, write_marcxml; "
            "print(_decode_marc8(b'Caf\\xe2e'), write_iso2709.__name__, write_marcxml.__name__)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout
    assert out.split()[1:] == ["write_iso2709", "write_marcxml"]
    assert out.split()[0] == "Café"
