"""Part III of the general register after a stocktake: copies not found and left for next
time ("Để lại cho lần sau") are still in the collection and must not be printed as lost; only
those marked lost ("Ghi mất") are. QA saw the 24 copies left for next time under "Mất"."""

from __future__ import annotations

from pathlib import Path

from app.circulation.clock import display_date, library_today
from app.reports.service import Reports

from .conftest import School, layout_text


def _stocktake_of_gk(school: School, mark_lost: bool) -> None:
    """GK has 45 copies (35 Toán 6, 10 Ngữ văn 6): 21 are scanned, 24 not found."""
    lib = school.lib
    lib.collection.start_stocktake(["GK"])
    for item in school.toan[:21]:
        lib.collection.scan(item.barcode)
    lib.collection.close_stocktake(mark_lost=mark_lost)


def _part_three_rows(pdf: Path) -> list[list[str]]:
    text = layout_text(pdf)
    part = text[text.index("Phần III"):]
    return [line.split() for line in part.splitlines()]


def test_copies_left_for_next_time_are_not_lost_in_part_three(school: School,
                                                               tmp_path: Path) -> None:
    lib = school.lib
    unfound = school.toan[21:] + school.van + school.toan_later
    assert len(unfound) == 24
    _stocktake_of_gk(school, mark_lost=False)
    assert {lib.catalog.item(i.id).status for i in unfound} == {"available"}
    reports = Reports(lib.db, lib.settings)  # the stocktake closed on the real today
    [left] = reports.general().inventories
    assert (left.collection, left.expected, left.present, left.on_loan) == ("GK", 45, 21, 0)
    assert (left.left_unfound, left.lost_marked) == (24, 0)
    assert reports.general().to_dict()["inventories"][0]["lost_marked"] == 0
    pdf = reports.write(reports.report("general"), tmp_path / "left.pdf")
    rows = _part_three_rows(pdf)
    today = display_date(library_today())
    assert [today, "GK", "45", "21", "0", "24", "0"] in rows
    heads = " ".join(" ".join(row) for row in rows[:8])
    assert "Mất" not in heads.split() and "Chưa tìm thấy," in heads and "Ghi mất" in heads

    # the copies are looked for again and, not found a second time, written down as lost
    _stocktake_of_gk(school, mark_lost=True)
    assert {lib.catalog.item(i.id).status for i in unfound} == {"lost"}
    first, second = reports.general().inventories
    assert (first.left_unfound, first.lost_marked) == (24, 0)
    assert (second.expected, second.present, second.left_unfound, second.lost_marked) == (
        45, 21, 0, 24)
    pdf = reports.write(reports.report("general"), tmp_path / "lost.pdf")
    rows = _part_three_rows(pdf)
    assert [today, "GK", "45", "21", "0", "24", "0"] in rows
    assert [today, "GK", "45", "21", "0", "0", "24"] in rows
