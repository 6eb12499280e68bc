"""A catalog migrated from MARC: copies with no acquisition day. Part I of the general register
carries them over on one unnumbered first line, so its totals are the copies in the register;
the deliveries after it keep their numbers, and nothing counts those copies as acquired."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from app.cli import main
from app.library import Library

from .conftest import LIBRARY, layout_text


def run_json(db: Path, capsys: pytest.CaptureFixture[str], *args: str) -> Any:
    assert main(["--db", str(db), *args]) == 0
    return json.loads(capsys.readouterr().out)


@pytest.fixture
def migrated(tmp_path: Path, shared_data: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """A library whose old catalog came from a real MARC file (holdings with no dates), then
    two deliveries typed in with their days."""
    db = tmp_path / "library.sqlite3"
    lib = Library.open(db)
    lib.settings.set("library_name", LIBRARY)
    lib.close()
    marc = shared_data / "marc" / "marc4j" / "pride-and-prejudice-fixed.mrc"
    assert run_json(db, capsys, "import-marc", "--json", str(marc))["items"] == 178
    lib = Library.open(db)
    try:
        de_men = lib.catalog.add_record("Dế Mèn phiêu lưu ký", authors=["Tô Hoài"])
        for _ in range(3):
            lib.catalog.add_item(de_men, collection="TK", acquired_on="2025-09-02",
                                 source="Mua", price=45000)
        for _ in range(2):
            lib.catalog.add_item(de_men, collection="TN", acquired_on="2025-10-01",
                                 source="Biếu tặng", price=None)
    finally:
        lib.close()
    return db


def _undated(db: Path) -> tuple[int, int, float, dict[str, int]]:
    with sqlite3.connect(db) as conn:
        copies, titles, value = conn.execute(
            "SELECT count(*), count(DISTINCT record_id), coalesce(sum(price), 0) FROM items "
            "WHERE deleted = 0 AND acquired_on IS NULL").fetchone()
        by_code = dict(conn.execute(
            "SELECT upper(collection), count(*) FROM items WHERE deleted = 0 "
            "AND acquired_on IS NULL GROUP BY upper(collection)").fetchall())
    return copies, titles, value, by_code


def test_part_one_carries_the_undated_copies_over_on_its_first_line(
        migrated: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    copies, titles, value, by_code = _undated(migrated)
    assert copies == 178 and titles > 1
    receipts = run_json(migrated, capsys, "register", "general", "--json")["data"]["receipts"]
    first = receipts[0]
    assert (first["carried_over"], first["number"], first["day"]) == (True, None, None)
    assert (first["titles"], first["copies"], first["value"]) == (titles, 178, value)
    assert first["by_collection"] == by_code
    # the deliveries keep the numbers the copies carry elsewhere
    assert [(r["number"], r["day"], r["source"], r["copies"]) for r in receipts[1:]] == [
        (1, "2025-09-02", "Mua", 3), (2, "2025-10-01", "Biếu tặng", 2)]
    assert sum(r["copies"] for r in receipts) == 183
    tk = run_json(migrated, capsys, "register", "general", "--collection", "TK",
                  "--json")["data"]["receipts"]
    assert [(r["number"], r["copies"]) for r in tk] == [(None, by_code["TK"]), (1, 3)]
    lines = run_json(migrated, capsys, "register", "individual", "--json")["data"]
    assert len(lines) == 183
    assert sorted({x["general_number"] for x in lines if x["acquired_on"]}) == [1, 2]
    assert {x["general_number"] for x in lines if not x["acquired_on"]} == {None}

    pdf = tmp_path / "tong-quat.pdf"
    assert main(["--db", str(migrated), "register", "general", "--pdf", str(pdf)]) == 0
    text = layout_text(pdf)
    assert "Chưa có lần nào" not in text.split("Phần II")[0]
    carried = next(line for line in text.splitlines() if "Chuyển sang" in line)
    assert "(không rõ ngày nhập)" in text and " 178 " in f"{carried} "
    total = next(line for line in text.splitlines() if line.strip().startswith("Cộng"))
    assert " 183 " in f"{total} "


def test_a_period_and_the_statistics_do_not_count_them_as_acquired(
        migrated: Path, capsys: pytest.CaptureFixture[str]) -> None:
    autumn = run_json(migrated, capsys, "register", "general", "--from", "01/08/2025",
                      "--to", "31/12/2025", "--json")["data"]["receipts"]
    assert [(r["number"], r["carried_over"], r["copies"]) for r in autumn] == [
        (1, False, 3), (2, False, 2)]
    stats = run_json(migrated, capsys, "stats", "--from", "01/08/2025", "--to", "31/07/2026",
                     "--json")
    assert stats["acquired_total"]["copies"] == 5
    assert stats["collection_total"]["copies"] == 183  # they are still in the collection
    annual = run_json(migrated, capsys, "report", "annual", "--year", "2025-2026", "--json")
    assert [(r["number"], r["copies"]) for r in annual["receipts"]] == [(1, 3), (2, 2)]
