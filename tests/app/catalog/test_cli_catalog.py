"""``thuvien import-marc``, ``search`` and ``export-marc`` through the real command entry:
the contract outside checks rely on."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from app.catalog.marc import Field, ItemData, MarcRecord, write_iso2709
from app.cli import main


def _run(db: Path, capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["--db", str(db), "--lang", "en", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def _json(db: Path, capsys: pytest.CaptureFixture[str], *argv: str) -> Any:
    code, out, err = _run(db, capsys, *argv, "--json")
    assert code == 0, err
    return json.loads(out)


def _file(path: Path) -> Path:
    records = []
    for i in range(1, 6):
        fields = [Field("001", f"C{i}"), Field("003", "VN-CLI"),
                  Field("020", None, " ", " ", [("a", "978-604-2-09818-2" if i == 1 else "x")]),
                  Field("082", None, "0", "4", [("a", "895.9223")]),
                  Field("100", None, "1", " ", [("a", "Nguyễn Nhật Ánh,")]),
                  Field("245", None, "1", "0", [("a", f"Mắt biếc {i} /"), ("c", "Nguyễn Nhật Ánh.")]),
                  Field("264", None, " ", "1", [("a", "Hà Nội :"), ("b", "Trẻ,"), ("c", "2019.")])]
        records.append((MarcRecord("00000nam a2200000 a 4500", fields),
                        [ItemData(barcode=f"TK.{i:05d}", call_number="895.9223 NG-A",
                                  collection="TK")]))
    with path.open("wb") as out:
        assert write_iso2709(records, out) == []
        out.write(b"00099nam a2200037 a 4500garbage-without-directory\x1d")
    return path


def test_import_search_and_export(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "lib.sqlite3"
    report = _json(db, capsys, "import-marc", str(_file(tmp_path / "in.mrc")))
    assert (report["imported"], report["merged"], report["items"], report["skipped"]) == (5, 0, 5, 1)
    bad = report["skipped_records"][0]
    assert bad["number"] == 6 and bad["offset"] > 0 and bad["reason"]

    found = _json(db, capsys, "search", "mắt biế", "--limit", "3")
    assert found["total"] == 5 and len(found["hits"]) == 3
    first = found["hits"][0]
    assert set(first) == {"id", "title", "author", "isbn", "year", "call_number", "items"}
    assert first["title"] == "Mắt biếc 1"  # no trailing ISBD " /"
    assert first["author"] == "Nguyễn Nhật Ánh" and first["year"] == 2019
    assert first["isbn"] == ["9786042098182"] and first["call_number"] == "895.9223 NG-A"
    assert first["items"] == [{"barcode": "TK.00001", "status": "available"}]

    by_barcode = _json(db, capsys, "search", "TK.00004")
    assert by_barcode["hits"][0]["title"] == "Mắt biếc 4"
    by_isbn = _json(db, capsys, "search", "978 604 2 09818 2")
    assert by_isbn["hits"][0]["title"] == "Mắt biếc 1"
    assert _json(db, capsys, "search", "zzzz") == {"total": 0, "hits": []}
    code, out, _err = _run(db, capsys, "search", "mắt biếc 1")  # the text form, for people
    assert code == 0 and "TK.00001 (on the shelf)" in out and out.startswith("1 result(s)")

    code, out, _err = _run(db, capsys, "export-marc", str(tmp_path / "out.mrc"))
    assert code == 0 and "5" in out
    again = _json(tmp_path / "two.sqlite3", capsys, "import-marc", str(tmp_path / "out.mrc"))
    assert (again["imported"], again["items"], again["skipped"]) == (5, 5, 0)


def test_user_errors_are_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "lib.sqlite3"
    code, _out, err = _run(db, capsys, "import-marc", str(tmp_path / "missing.mrc"))
    assert code != 0 and len(err.strip().splitlines()) == 1 and "Traceback" not in err
    text = tmp_path / "notes.txt"
    text.write_text("just some notes\n", encoding="utf-8")
    code, _out, err = _run(db, capsys, "import-marc", str(text))
    assert code != 0 and len(err.strip().splitlines()) == 1 and "Traceback" not in err


def test_a_cut_marc8_character_is_imported_without_noise_on_stderr(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], shared_data: Path) -> None:
    """ruby-marc's bad_eacc_encoding: a MARC-8 CJK character cut short. The record imports;
    pymarc's own complaint ("Multi-byte position 39 exceeds ...") does not reach the
    terminal, where it would read like ThuVien's error."""
    code, out, err = _run(tmp_path / "lib.sqlite3", capsys, "import-marc", "--json",
                          str(shared_data / "marc/ruby-marc/bad_eacc_encoding.marc8.marc"))
    assert code == 0 and json.loads(out)["imported"] == 1
    assert err == ""
