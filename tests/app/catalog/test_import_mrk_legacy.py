"""A MARCMaker (.mrk) file typed in an old Vietnamese encoding (TCVN3, VNI, Windows-1258),
as old catalog programs and a text editor under a .VnTime font save it: imported through the
real ``thuvien import-marc`` with its Vietnamese letters, like the same records in an .mrc
(they were stored as 'Truy�n Ki�u', the bytes replaced, with no word in the report)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.cli import main
from app.library import Library
from tests.support.legacy_marc import ENCODERS, VIETNAMESE_BOOKS


def mrk(encoding: str, leader9: str = "\\") -> bytes:
    """The six books as MARCMaker text, their words in *encoding*'s bytes."""
    enc = ENCODERS[encoding]
    out = b""
    for n, (title, author, place, publisher, subject) in enumerate(VIETNAMESE_BOOKS):
        out += (f"=LDR  00000nam {leader9}2200000   4500\n=001  {encoding}{n}\n").encode()
        out += b"=100  1\\$a" + enc(author) + b"\n"
        out += b"=245  10$a" + enc(title) + b" /$c" + enc(author) + b".\n"
        out += b"=260  \\\\$a" + enc(place) + b" :$b" + enc(publisher) + b",$c2015\n"
        out += b"=650  \\4$a" + enc(subject) + b"\n"
        out += f"=952  \\\\$pTK.{n + 1:05d}$oTK\n\n".encode()
    return out


@pytest.mark.parametrize(("encoding", "leader9"), [("tcvn3", "\\"), ("vni", "\\"),
                                                   ("cp1258", "\\"), ("tcvn3", "a"),
                                                   ("utf-8", "a")])
def test_an_mrk_file_in_a_legacy_encoding(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                          encoding: str, leader9: str) -> None:
    path = tmp_path / "cu.mrk"
    path.write_bytes(mrk(encoding, leader9))
    db = tmp_path / "lib.sqlite3"
    assert main(["--db", str(db), "import-marc", str(path), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert (report["imported"], report["items"], report["skipped"]) == (6, 6, 0)
    legacy = report["files"][0]["legacy_vietnamese"]
    assert legacy == ({} if encoding == "utf-8" else {encoding: 6})
    with Library.open(db) as lib:
        stored = [(title, json.loads(authors), publisher) for title, authors, publisher in
                  lib.db.conn.execute("SELECT title, authors, publisher FROM records "
                                      "ORDER BY id")]
    assert stored == [(title, [author], publisher)
                      for title, author, _, publisher, _ in VIETNAMESE_BOOKS]
