"""MARCXML records and problems carry their real byte offset and number (issue #2), and XML
that breaks part-way keeps the records before the break with one message saying where."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from app.catalog.marc.model import MarcRecord
from app.catalog.marc.reader import RecordProblem, read_marc
from app.cli import main
from app.errors import ImportFormatError
from tests.app.marc.marc_support import MARC_DATA, data, read_all

_RECORD_TAG = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?record[\s>/]")


def _record(n: int, tag: str = "245") -> str:
    return (
        f"  <record>\n    <leader>00000nam a2200000 a 4500</leader>\n"
        f'    <controlfield tag="001">X{n}</controlfield>\n'
        f'    <datafield tag="{tag}" ind1="1" ind2="0"><subfield code="a">Sách số {n}</subfield>'
        f"</datafield>\n  </record>\n"
    )


def _collection(*records: str, tail: str = "</collection>\n") -> bytes:
    head = '<?xml version="1.0" encoding="UTF-8"?>\n<collection xmlns="http://www.loc.gov/MARC21/slim">\n'
    return (head + "".join(records) + tail).encode("utf-8")


def _import(tmp_path: Path, source: bytes, capsys: pytest.CaptureFixture[str]) -> dict[str, object]:
    path = tmp_path / "in.xml"
    path.write_bytes(source)
    code = main(
        ["--db", str(tmp_path / "lib.sqlite3"), "--lang", "en", "import-marc", str(path), "--json"]
    )
    out, err = capsys.readouterr()
    assert code == 0, err
    report: dict[str, object] = json.loads(out)
    return report


def test_every_real_marcxml_record_points_at_its_record_tag() -> None:
    files = sorted(p for p in MARC_DATA.rglob("*.xml") if "license" not in p.name.lower())
    checked = 0
    for path in files:
        raw = path.read_bytes()
        try:
            results = list(read_marc(path))
        except ImportFormatError:
            continue
        for number, item in enumerate(results, start=1):
            assert _RECORD_TAG.match(raw, item.offset), (path, item.offset)
            if isinstance(item, RecordProblem):
                assert item.number == number
            checked += 1
    assert checked > 50


def test_real_bad_record_reported_with_number_and_byte(capsys: pytest.CaptureFixture[str]) -> None:
    path = data("ruby-marc/three-records-second-bad.xml")
    raw = path.read_bytes()
    starts = [m.start() for m in _RECORD_TAG.finditer(raw)]
    records, problems = read_all(path)
    assert [r.offset for r in records] == starts[:1]
    assert problems[0].number == 2 and problems[0].offset == starts[1]  # not "byte 1"
    assert "line 72" in problems[0].reason or "dòng 72" in problems[0].reason


def test_cli_reports_a_broken_xml_record_at_its_byte(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = _collection(_record(1), _record(2, tag="24-"), _record(3))
    report = _import(tmp_path, source, capsys)
    assert (report["imported"], report["skipped"]) == (2, 1)
    bad = report["skipped_records"][0]  # type: ignore[index]
    second = source.index(b"<record>", source.index(b"<record>") + 1)
    assert (bad["number"], bad["offset"]) == (2, second)
    assert "24-" in bad["reason"]


def test_xml_broken_in_the_middle_keeps_the_records_before(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = _record(3).replace("</datafield>", "</datafeld>")
    source = _collection(_record(1), _record(2), broken, _record(4))
    report = _import(tmp_path, source, capsys)
    assert (report["imported"], report["skipped"]) == (2, 1)
    bad = report["skipped_records"][0]  # type: ignore[index]
    assert (bad["number"], bad["offset"]) == (3, source.index(broken.encode()) + 2)
    line = source[: source.index(b"</datafeld>")].count(b"\n") + 1
    assert f"line {line}" in bad["reason"] and "rest of the file" in bad["reason"]

    path = tmp_path / "in.xml"
    code = main(["--db", str(tmp_path / "lib2.sqlite3"), "--lang", "vi", "import-marc", str(path)])
    out, err = capsys.readouterr()
    assert code == 0 and "Traceback" not in out + err
    assert f"#3 (byte {bad['offset']})" in out and f"dòng {line}" in out


def test_xml_broken_before_any_record_is_refused_with_its_position() -> None:
    source = _collection(_record(1).replace("</leader>", "</lead>"))
    with pytest.raises(ImportFormatError) as refused:
        list(read_marc(source))
    assert refused.value.code == "marc.xml_unreadable"
    assert "dòng 4" in refused.value.message and "byte" in refused.value.message


def test_records_keep_their_content() -> None:
    records, problems = read_all(_collection(_record(1), _record(2)))
    assert not problems
    assert [r.value("245", "a") for r in records] == ["Sách số 1", "Sách số 2"]
    assert all(isinstance(r, MarcRecord) for r in records)
