"""Part II of the general register (write-offs) splits each record's copies by collection, as
the paper register does (GK, TK, TN… under the same columns as part I): two write-off
records of the school library, the PDF read back with pdftotext and the Excel sheet with
openpyxl."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from openpyxl import load_workbook

from .conftest import School, layout_text


def write_off_two_records(school: School) -> None:
    """BB 01/2026: two Toán 6 textbooks and a Dế Mèn; BB 02/2026: a gift book lost."""
    collection = school.lib.collection
    collection.create_writeoff("BB 01/2026", "worn", [school.toan[0].id, school.toan[1].id,
                                                      school.de_men[0].id],
                               day=date(2026, 3, 10))
    collection.create_writeoff("BB 02/2026", "lost", [school.gifts[0].id], day=date(2026, 4, 10))


def test_part_two_splits_the_copies_by_collection_in_the_pdf(school: School,
                                                              tmp_path: Path) -> None:
    write_off_two_records(school)
    pdf = school.reports.write(school.reports.report("general"), tmp_path / "tq.pdf")
    text = layout_text(pdf)
    part_two = text[text.index("Phần II"):text.index("Phần III")]
    rows = [line.split() for line in part_two.splitlines()]
    head = next(row for row in rows if row[:2] == ["Số", "TT"])
    assert head[-5:] == ["GK", "TK", "TN", "Ghi", "chú"]
    # number, day, record, reason, copies, value, then GK TK TN
    assert ["1", "10/03/2026", "BB", "01/2026", "Rách", "nát,", "hư", "hỏng", "3", "81.000",
            "2", "1", "0"] in rows
    assert ["2", "10/04/2026", "BB", "02/2026", "Mất", "1", "0", "0", "0", "1"] in rows
    assert ["Cộng", "4", "81.000", "2", "1", "1"] in rows


def test_part_two_splits_the_copies_by_collection_in_excel(school: School,
                                                           tmp_path: Path) -> None:
    write_off_two_records(school)
    xlsx = school.reports.write(school.reports.report("general"), tmp_path / "tq.xlsx")
    rows = list(load_workbook(xlsx)["Phần II"].iter_rows(values_only=True))
    head = next(row for row in rows if row and row[0] == "Số TT")
    assert head[6:] == ("GK", "TK", "TN", "Ghi chú")
    lines = {row[2]: row[4:9] for row in rows if row and row[2] in ("BB 01/2026", "BB 02/2026")}
    assert lines == {"BB 01/2026": (3, 81000, 2, 1, 0), "BB 02/2026": (1, 0, 0, 0, 1)}
