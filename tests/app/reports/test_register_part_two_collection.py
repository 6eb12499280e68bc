"""The general register of one collection: part II lists only the write-off records holding
copies of that collection, with those copies and their value (the prices they had when
written off), as part I already counts only its copies. The PDF read back with pdftotext, the
Excel sheet with openpyxl; and the copies written off are read in one query, however many
records there are."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from openpyxl import load_workbook

from app.reports.writeoffs import written_off

from .conftest import School, layout_text
from .test_register_part_two import write_off_two_records


def _part_two(school: School, collection: str, tmp_path: Path) -> list[list[str]]:
    report = school.reports.report("general", collection)
    text = layout_text(school.reports.write(report, tmp_path / f"tq-{collection}.pdf"))
    return [line.split() for line in text[text.index("Phần II"):text.index("Phần III")]
            .splitlines()]


def test_textbooks_register_lists_only_the_record_with_textbooks(school: School,
                                                                 tmp_path: Path) -> None:
    write_off_two_records(school)
    rows = _part_two(school, "GK", tmp_path)
    head = next(row for row in rows if row[:2] == ["Số", "TT"])
    assert head[-3:] == ["GK", "Ghi", "chú"]
    assert ["1", "10/03/2026", "BB", "01/2026", "Rách", "nát,", "hư", "hỏng", "2", "36.000",
            "2"] in rows
    assert not any("02/2026" in row for row in rows)
    assert ["Cộng", "2", "36.000", "2"] in rows


def test_a_gift_collection_register_lists_its_lost_book(school: School, tmp_path: Path) -> None:
    write_off_two_records(school)
    rows = _part_two(school, "tn", tmp_path)
    assert ["1", "10/04/2026", "BB", "02/2026", "Mất", "1", "0", "1"] in rows
    assert not any("01/2026" in row for row in rows)


def test_reference_register_in_excel_values_its_own_copy(school: School,
                                                        tmp_path: Path) -> None:
    write_off_two_records(school)
    xlsx = school.reports.write(school.reports.report("general", "TK"), tmp_path / "tk.xlsx")
    rows = list(load_workbook(xlsx)["Phần II"].iter_rows(values_only=True))
    head = next(row for row in rows if row and row[0] == "Số TT")
    assert head[6:] == ("TK", "Ghi chú")
    lines = [row[2:7] for row in rows if row and isinstance(row[0], int)]
    assert lines == [("BB 01/2026", "Rách nát, hư hỏng", 1, 45000, 1)]


def test_copies_written_off_are_read_in_one_query(school: School) -> None:
    collection = school.lib.collection
    for n in range(6):
        collection.create_writeoff(f"BB {n + 1:02d}/2026", "worn", [school.toan[n].id],
                                   day=date(2026, 3, n + 1))
    selects: list[str] = []
    conn = school.lib.db.conn
    conn.set_trace_callback(lambda sql: selects.append(sql) if sql.lstrip().upper()
                            .startswith("SELECT") else None)
    try:
        gone = written_off(conn)
    finally:
        conn.set_trace_callback(None)
    assert gone[school.toan[5].id] == (date(2026, 3, 6), "BB 06/2026")
    assert len(gone) == 6
    assert len(selects) == 1
