"""What an outside checker with unseen data does to the catalog commands: real bytes written
by hand (a wrong end marker, a leader that says UTF-8 over ISO-8859-1 or MARC-8 bytes), run
through the console command in a subprocess, the JSON and the stored text checked."""

from __future__ import annotations

import io
import json
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

from app.catalog.marc import Field, ItemData, MarcRecord, write_iso2709

ROOT = Path(__file__).resolve().parents[3]


def _cli(db: Path, *argv: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "app.cli", "--db", str(db), "--lang", "en", *argv],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
        check=False,
    )


def _json(db: Path, *argv: str) -> Any:
    done = _cli(db, *argv, "--json")
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    return json.loads(done.stdout)


def _records(titles: list[str]) -> list[bytes]:
    """One ISO 2709 record (bytes, with its 0x1D) per title, each with one copy."""
    out = []
    for i, title in enumerate(titles, 1):
        rec = MarcRecord(
            "00000nam a2200000 a 4500",
            [Field("001", f"OC{i}"), Field("245", None, "1", "0", [("a", title)])],
        )
        buf = io.BytesIO()
        assert write_iso2709([(rec, [ItemData(barcode=f"OC.{i:05d}")])], buf) == []
        out.append(buf.getvalue())
    return out


def _titles(db: Path) -> list[str]:
    with sqlite3.connect(db) as con:
        return sorted(row[0] for row in con.execute("SELECT title FROM records"))


def test_wrong_or_missing_end_marker_with_a_right_length_loses_no_record(tmp_path: Path) -> None:
    one, two, three, four = _records(["Một", "Hai", "Ba", "Bốn"])
    # Record 2's end marker overwritten by another byte; record 3's end marker missing.
    data = one + two[:-1] + b"X" + three[:-1] + four
    source = tmp_path / "end-markers.mrc"
    source.write_bytes(data)
    db = tmp_path / "lib.sqlite3"
    report = _json(db, "import-marc", str(source))
    assert (report["imported"], report["merged"], report["items"], report["skipped"]) == (
        4,
        0,
        4,
        0,
    )
    assert _titles(db) == sorted(["Một", "Hai", "Ba", "Bốn"])


def _latin_record(leader9: str, title: bytes) -> bytes:
    """A record whose 245 $a is *title* as raw bytes, the lengths right, leader/09 *leader9*."""
    body = b"10\x1fa" + title + b"\x1e"
    control = b"L1\x1e"
    directory = (
        b"001"
        + b"%04d" % len(control)
        + b"00000"
        + b"245"
        + b"%04d" % len(body)
        + b"%05d" % len(control)
        + b"\x1e"
    )
    base = 24 + len(directory)
    total = base + len(control) + len(body) + 1
    leader = b"%05dnam %s22%05d a 4500" % (total, leader9.encode(), base)
    return leader + directory + control + body + b"\x1d"


def test_utf8_flag_over_latin1_or_marc8_bytes_keeps_the_letters(tmp_path: Path) -> None:
    source = tmp_path / "mislabelled.mrc"
    # ISO-8859-1 "Café à Paris" and MARC-8 "Tiếng Việt" (marks before their letter), both
    # under leader/09 'a': before, each non-UTF-8 byte became U+FFFD.
    source.write_bytes(
        _latin_record("a", b"Caf\xe9 \xe0 Paris")
        + _latin_record("a", b"Ti\xe3\xe2eng Vi\xf2\xe3et")
        # UTF-8 with its last character cut: still UTF-8, one mark lost.
        + _latin_record("a", "Thủy hử".encode() + b" \xe1\xbb")
    )
    db = tmp_path / "lib.sqlite3"
    report = _json(db, "import-marc", str(source))
    assert report["skipped"] == 0
    assert _titles(db) == ["Café à Paris", "Thủy hử \ufffd", "Tiếng Việt"]
    hits = _json(db, "search", "tieng viet")["hits"]
    assert [h["title"] for h in hits] == ["Tiếng Việt"]


def test_a_qualifier_with_a_space_before_its_value(tmp_path: Path) -> None:
    source = tmp_path / "in.mrc"
    source.write_bytes(b"".join(_records(["Truyện Kiều", "Kiều"])))
    db = tmp_path / "lib.sqlite3"
    _json(db, "import-marc", str(source))
    for query in ("title: truyện kiều", "Title:  Truyện", "title : truyện"):
        found = _json(db, "search", query)
        assert [h["title"] for h in found["hits"]] == ["Truyện Kiều"], query
    # "Nam:" is a word before anything but a year.
    assert _json(db, "search", "kiều nam: x")["total"] == 0


def test_a_folder_given_to_import_is_named_a_folder_and_the_batch_goes_on(tmp_path: Path) -> None:
    folder = tmp_path / "thư mục MARC"
    folder.mkdir()
    good = tmp_path / "sách.mrc"
    good.write_bytes(b"".join(_records(["Một"])))
    db = tmp_path / "lib.sqlite3"
    done = _cli(db, "import-marc", str(folder), str(good))
    assert done.returncode != 0 and "Traceback" not in done.stderr
    assert done.stderr.splitlines() == [
        f"{folder}: this is a folder, not a MARC file: give the files in it, e.g. {folder}/*.mrc."
    ]
    assert _titles(db) == ["Một"]
    report = json.loads(_cli(db, "import-marc", str(folder), "--json").stdout)
    assert report["files"][0]["code"] == "file.is_folder"


def test_an_isbn_pasted_with_its_label_finds_its_record(tmp_path: Path) -> None:
    rec = MarcRecord(
        "00000nam a2200000 a 4500",
        [
            Field("020", None, " ", " ", [("a", "080442957X")]),
            Field("245", None, "1", "0", [("a", "Kĩ thuật điện tử /")]),
        ],
    )
    buf = io.BytesIO()
    assert write_iso2709([(rec, [])], buf) == []
    source = tmp_path / "in.mrc"
    source.write_bytes(buf.getvalue() + b"".join(_records(["ISBN là gì"])))
    db = tmp_path / "lib.sqlite3"
    _json(db, "import-marc", str(source))
    # As printed on the back cover, or copied from a shop's page.
    for query in (
        "ISBN 978-0-8044-2957-3",
        "ISBN-13: 978 0 8044 2957 3",
        "isbn 0-8044-2957-x",
        "ISBN-10: 080442957X",
    ):
        found = _json(db, "search", query)
        assert [h["title"] for h in found["hits"]] == ["Kĩ thuật điện tử"], query
    assert _json(db, "search", "ISBN 978-0-8044-2957-4")["total"] == 0  # wrong check digit
    assert [h["title"] for h in _json(db, "search", "isbn là")["hits"]] == ["ISBN là gì"]


def test_a_copy_left_out_is_not_counted_as_a_skipped_record(tmp_path: Path) -> None:
    first = MarcRecord("00000nam a2200000 a 4500", [Field("245", None, "1", "0", [("a", "A")])])
    second = MarcRecord("00000nam a2200000 a 4500", [Field("245", None, "1", "0", [("a", "B")])])
    buf = io.BytesIO()
    # Both records carry copy TK.20001: the second record lands, its copy does not.
    assert (
        write_iso2709(
            [(first, [ItemData(barcode="TK.20001")]), (second, [ItemData(barcode="TK.20001")])], buf
        )
        == []
    )
    source = tmp_path / "in.mrc"
    source.write_bytes(buf.getvalue())
    db = tmp_path / "lib.sqlite3"
    report = _json(db, "import-marc", str(source))
    seen = 2
    assert report["imported"] + report["merged"] + report["skipped"] == seen
    assert (report["imported"], report["items"], report["skipped"]) == (2, 1, 0)
    assert report["skipped_records"] == []
    assert report["copies_skipped"] == 1
    assert report["skipped_copies"][0]["number"] == 2
    assert report["skipped_copies"][0]["code"] == "marc.barcode_taken"
    assert _titles(db) == ["A", "B"]
    again = _cli(db, "import-marc", str(source))
    assert "0 skipped" in again.stdout and "copy TK.20001 already belongs" in again.stdout


def test_marc8_escapes_under_a_utf8_flag_are_read_as_marc8(tmp_path: Path) -> None:
    source = tmp_path / "escapes.mrc"
    # 245 $a Latin-1 "Café", $b MARC-8 Cyrillic "Буйда" (ESC ( N ... ESC ( B), leader/09 'a'.
    source.write_bytes(_latin_record("a", b"Caf\xe9 /\x1fb\x1b(NbUJDA\x1b(B"))
    db = tmp_path / "lib.sqlite3"
    assert _json(db, "import-marc", str(source))["skipped"] == 0
    with sqlite3.connect(db) as con:
        (marc,) = con.execute("SELECT title FROM records").fetchone()
    assert marc.startswith("Café") and "Буйда" in marc, marc


_MARCXML_RECORD = (
    '<record xmlns="http://www.loc.gov/MARC21/slim"><leader>00000nam a2200000 a 4500</leader>'
    '<datafield tag="245" ind1="1" ind2="0"><subfield code="a">{title}</subfield></datafield>'
    "</record>"
)


def test_marcxml_after_blank_lines_is_read_and_offsets_stay_the_files(tmp_path: Path) -> None:
    body = (
        '<?xml version="1.0" encoding="UTF-8"?>\n<collection xmlns="http://www.loc.gov/MARC21/slim">'
        + _MARCXML_RECORD.format(title="Tiếng Việt")
        + "</collection>"
    ).encode()
    lead = b"\xef\xbb\xbf\r\n\r\n  "  # a BOM and blank lines a PHP export left in front
    source = tmp_path / "xuất.xml"
    source.write_bytes(lead + body + "<rác".encode())
    db = tmp_path / "lib.sqlite3"
    report = _json(db, "import-marc", str(source))
    assert (report["imported"], report["skipped"]) == (1, 1)
    assert _titles(db) == ["Tiếng Việt"]
    problem = report["skipped_records"][0]
    assert problem["offset"] == len(lead) + len(body)  # the file's byte where "<rác" starts
    assert "line 4" in problem["reason"]


def test_marcxml_saved_as_utf16_is_read(tmp_path: Path) -> None:
    text = (
        '<?xml version="1.0" encoding="UTF-16"?><collection xmlns="http://www.loc.gov/MARC21/slim">'
        + _MARCXML_RECORD.format(title="Đất nước")
        + "</collection>"
    )
    for name, data in (
        ("le.xml", text.encode("utf-16")),  # Notepad's "Unicode", with BOM
        ("be.xml", b"\xfe\xff" + text.encode("utf-16-be")),
    ):
        source = tmp_path / name
        source.write_bytes(data)
        db = tmp_path / f"{name}.sqlite3"
        report = _json(db, "import-marc", str(source))
        assert report["files"][0].get("error") is None, report
        assert report["imported"] == 1
        assert _titles(db) == ["Đất nước"]
