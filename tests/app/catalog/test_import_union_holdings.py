"""A district union export imported at a school: its 852s (one per holding library, made by
the server's own export code) are other libraries' holdings, not copies of the school; real
852s without a barcode (shared/data/marc) stay copies."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.catalog.marc import write_iso2709, write_marcxml
from app.cli import main
from app.library import Library
from server.union_marc import holding_items, marc_of

MARC = Path(__file__).resolve().parents[4] / "shared" / "data" / "marc"
HELD = [
    {"library_code": "TH-A", "library_name": "Trường TH A", "total": 3, "available": 2},
    {"library_code": "TH-B", "library_name": "Trường TH B", "total": 1, "available": 0},
    {"library_code": "THCS-C", "library_name": "Trường THCS C", "total": 5, "available": 5},
]


def _union_export(path: Path, records: int = 30) -> Path:
    """What ``thuvien-district export-marc`` writes: the server's record and 852s."""
    pairs = [
        (
            marc_of(n, {"title": f"Truyện Kiều tập {n}", "authors": ["Nguyễn Du"]}),
            holding_items(HELD),
        )
        for n in range(1, records + 1)
    ]
    writer = write_marcxml if path.suffix == ".xml" else write_iso2709
    with path.open("wb") as out:
        assert writer(pairs, out, holdings_tag="852") == []
    return path


@pytest.mark.parametrize("name", ["union.mrc", "union.xml"])
def test_union_export_brings_records_without_copies(
    tmp_path: Path, name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "school.sqlite3"
    source = _union_export(tmp_path / name)
    assert main(["--db", str(db), "--lang", "en", "import-marc", str(source), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert (report["imported"], report["items"]) == (30, 0)
    assert report["files"][0]["other_holdings_skipped"] == 90
    with Library.open(db) as lib:
        assert lib.catalog.search("truyen kieu").total == 30
        assert lib.db.conn.execute("SELECT count(*) FROM items").fetchone()[0] == 0

    assert (
        main(["--db", str(tmp_path / "b.sqlite3"), "--lang", "vi", "import-marc", str(source)]) == 0
    )
    out = capsys.readouterr().out
    assert "90 dòng sách của thư viện khác" in out and "0 bản sách" in out


def test_real_852_without_barcode_are_still_copies(tmp_path: Path) -> None:
    with Library.open(tmp_path / "lib.sqlite3") as lib:
        report = lib.catalog.import_marc(MARC / "catmandu-marc" / "test.ndj")  # 852 $a MiU $b $h
        assert report.other_holdings == 0 and report.items == 20
