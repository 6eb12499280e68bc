"""MARC-in-JSON records and problems carry a real position: the byte offset of the record's
object in the file (of its line in line-delimited JSON, whose messages name the line), not
the record's index; a record list broken part-way keeps the records before the break."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.catalog.marc.reader import read_marc
from app.cli import main
from app.errors import ImportFormatError
from tests.app.marc.marc_support import data, read_all


def _record(n: int, tag: str = "245") -> dict[str, object]:
    return {"leader": "00000nam a2200000 a 4500", "fields": [
        {"001": f"X{n}"},
        {tag: {"ind1": "1", "ind2": "0", "subfields": [{"a": f"Truyện Kiều tập {n}"}]}}]}


def _starts(source: bytes) -> list[int]:
    """Byte offsets of the record objects json.dumps(indent=1) wrote."""
    found, at = [], source.find(b'{\n  "leader"')
    while at != -1:
        found.append(at)
        at = source.find(b'{\n  "leader"', at + 1)
    return found


def _import(tmp_path: Path, source: bytes, capsys: pytest.CaptureFixture[str],
            lang: str = "en", json_out: bool = True) -> str:
    path = tmp_path / "in.json"
    path.write_bytes(source)
    code = main(["--db", str(tmp_path / f"lib-{lang}-{json_out}.sqlite3"), "--lang", lang,
                 "import-marc", str(path), *(["--json"] if json_out else [])])
    out, err = capsys.readouterr()
    assert code == 0, err
    return out


def test_real_json_records_point_at_their_object_or_line() -> None:
    for name in ("pymarc/batch.json", "marc4j/summerland-marc-in-json-indented.json"):
        raw = data(name).read_bytes()
        records, problems = read_all(data(name))
        assert records and not problems
        starts = [r.offset for r in records]
        assert all(raw[o:o + 1] == b"{" for o in starts), (name, starts)
        assert len(set(starts)) == len(starts)
    for name in ("marc-perl/marc-mij/test.ndj", "catmandu-marc/test.ndj"):
        raw = data(name).read_bytes()
        records, _ = read_all(data(name))
        line_starts = [0] + [i + 1 for i, b in enumerate(raw) if b == 0x0A]
        assert [r.offset for r in records] == line_starts[: len(records)], name


def test_a_bad_record_in_a_list_is_reported_at_its_byte(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    records = [_record(1), _record(2, tag="24"), _record(3)]
    source = json.dumps(records, ensure_ascii=False, indent=1).encode("utf-8")
    second = _starts(source)[1]  # after Vietnamese text, where bytes and characters differ
    assert len(source[:second].decode("utf-8")) < second
    report = json.loads(_import(tmp_path, source, capsys))
    assert (report["imported"], report["skipped"]) == (2, 1)
    bad = report["skipped_records"][0]
    assert (bad["number"], bad["offset"]) == (2, second)  # was (2, 1): its index
    out = _import(tmp_path, source, capsys, lang="vi", json_out=False)
    assert f"#2 (byte {second})" in out


def test_ndjson_problems_name_their_line_and_its_byte(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = [json.dumps(_record(1), ensure_ascii=False), "",
             '{"leader": "00000nam", "fields": [{"245": ',  # cut off: not JSON
             json.dumps(_record(4), ensure_ascii=False),
             json.dumps(_record(5, tag="2450"), ensure_ascii=False)]
    source = ("\n".join(lines) + "\n").encode("utf-8")
    line_at = [0]
    for line in lines:
        line_at.append(line_at[-1] + len(line.encode("utf-8")) + 1)
    report = json.loads(_import(tmp_path, source, capsys))
    assert (report["imported"], report["skipped"]) == (2, 2)
    cut, bad_tag = report["skipped_records"]
    assert cut["offset"] == line_at[2] and "line 3" in cut["reason"]
    assert bad_tag["offset"] == line_at[4] and "line 5" in bad_tag["reason"]
    assert "'2450'" in bad_tag["reason"]
    out = _import(tmp_path, source, capsys, lang="vi", json_out=False)
    assert f"(byte {line_at[2]}): Biểu ghi MARC-in-JSON ở dòng 3 bị hỏng" in out


def test_a_list_broken_part_way_keeps_the_records_before(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    whole = json.dumps([_record(1), _record(2), _record(3)], ensure_ascii=False, indent=1)
    cut = whole.index('"X3"') + 3
    source = whole[:cut].encode("utf-8")  # the copy stopped part-way through record 3
    report = json.loads(_import(tmp_path, source, capsys))
    assert (report["imported"], report["skipped"]) == (2, 1)
    broken = report["skipped_records"][0]
    assert broken["number"] == 3 and broken["offset"] == _starts(source)[2]
    assert "rest of the file" in broken["reason"] and "line " in broken["reason"]

    with pytest.raises(ImportFormatError) as refused:
        list(read_marc(b'[\n {"leader": "x", "fields": [}]'))
    assert refused.value.code == "marc.json_unreadable"
    assert "2, " in refused.value.message and "(byte 30)" in refused.value.message
