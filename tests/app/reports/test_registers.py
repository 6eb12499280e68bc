"""The three registers a librarian keeps, computed from a library built through the app's own
services: the lines, numbers, ranges and totals she would check against the books."""

from __future__ import annotations

from pathlib import Path

from app.circulation.clock import display_date, library_today
from app.reports.period import Period
from app.reports.service import Reports
from tests.app.labels.raster import pdf_text

from .conftest import LONG_TITLE, School, layout_text


def test_individual_register_numbers_each_sequence_from_one(school: School) -> None:
    lines = school.reports.individual()
    gk = [x for x in lines if x.sequence == "GK."]
    tk = [x for x in lines if x.sequence == "TK."]
    tn = [x for x in lines if x.sequence == "TN."]
    assert [x.number for x in gk] == list(range(1, 46))
    assert [x.number for x in tk] == list(range(1, 8))
    assert [x.number for x in tn] == [1, 2]
    assert [x.barcode for x in gk[:2]] == ["GK.00001", "GK.00002"]
    assert gk[-1].barcode == "GK.00045"
    # the register's columns, as written in the paper book
    de_men = next(x for x in tk if x.title == "Dế Mèn phiêu lưu ký")
    assert (de_men.acquired_on, de_men.author, de_men.publication, de_men.year, de_men.price,
            de_men.call_number) == ("2025-09-02", "Tô Hoài", "Hà Nội – Kim Đồng", 2020, 45000,
                                    "895.9223 T450H")
    toan = gk[0]
    assert toan.title == "Toán 6. Tập 1" and toan.general_number == 1
    assert gk[-1].general_number == 2  # the five bought later came in delivery 2
    # imported MARC records keep their own details
    imported = [x for x in tk if x.barcode in {i.barcode for i in school.imported}]
    assert imported[0].title == "ActivePerl with ASP and ADO"
    assert imported[0].author == "Martinsson, Tobias" and imported[0].year == 2000


def test_written_off_and_lost_copies_stay_in_the_register_with_a_note(school: School) -> None:
    gone = school.de_men[1]
    school.lib.catalog.withdraw_item(gone.id, "BB số 01/2025")
    school.circ.mark_lost(school.toan[4].barcode)
    lines = {x.barcode: x for x in school.reports.individual()}
    assert lines[gone.barcode].number == 5  # same line as before: numbering is not disturbed
    # the write-off, its day and its record, said once
    today = display_date(library_today())
    assert lines[gone.barcode].note == f"Thanh lý ngày {today}, BB số 01/2025"
    assert lines[school.toan[4].barcode].note.startswith("Bị mất")
    assert lines[school.de_men[0].barcode].note == ""
    assert len(lines) == 54


def test_filters_keep_the_line_numbers_of_the_whole_register(school: School) -> None:
    only_tk = school.reports.individual("tk")
    assert {x.collection for x in only_tk} == {"TK"} and len(only_tk) == 7
    later = school.reports.individual("GK", Period.read("01/09/2025", "30/09/2025"))
    assert [(x.number, x.barcode) for x in later] == [(n, f"GK.{n:05d}") for n in range(41, 46)]
    assert school.reports.individual(period=Period.read("2025-09-05", None))[0].barcode \
        == "TN.00001"
    assert school.reports.individual("NV") == []


def test_general_register_part_one_has_a_line_per_delivery(school: School) -> None:
    register = school.reports.general()
    receipts = register.receipts
    assert [(r.number, r.day, r.source, r.titles, r.copies, r.value) for r in receipts] == [
        (1, "2025-08-20", "NXB Giáo dục", 2, 40, 30 * 18000 + 10 * 20000),
        # "Mua" and "mua " are one source: one delivery of 5 + 3 + 3 + 1 copies
        (2, "2025-09-02", "Mua", 6, 12, 5 * 19000 + 3 * 50000 + 3 * 45000 + 125000),
        (3, "2025-09-05", "Biếu tặng", 1, 2, 0),
    ]
    assert receipts[1].by_collection == {"GK": 5, "TK": 7}
    assert register.collections() == ["GK", "TK", "TN"]
    copies = school.lib.db.conn.execute("SELECT count(*), sum(price) FROM items").fetchone()
    assert sum(r.copies for r in receipts) == copies[0] == 54
    assert sum(r.value for r in receipts) == copies[1]
    # a delivery's number stays when the register is asked for one collection or period
    tk_only = school.reports.general("TK").receipts
    assert [(r.number, r.copies) for r in tk_only] == [(2, 7)]
    september = school.reports.general(period=Period.read("01/09/2025", "04/09/2025")).receipts
    assert [r.number for r in september] == [2]


def test_general_register_parts_two_and_three_are_there_even_when_empty(school: School) -> None:
    report = school.reports.report("general")
    titles = [s.title for s in report.sections]
    assert titles == ["Phần I — Tổng số sách nhập kho",
                      "Phần II — Tổng số sách xuất kho (thanh lý)",
                      "Phần III — Kiểm kê hằng năm"]
    part_i = report.sections[0]
    assert part_i.total is not None and part_i.total[4] == 54
    assert [c.title for c in part_i.columns][-3:] == ["GK", "TK", "TN"]


def test_textbook_register_lines_are_accession_ranges(school: School) -> None:
    school.circ.mark_lost(school.toan[4].barcode)
    pages = school.reports.textbook()
    assert [p.title for p in pages] == ["Ngữ văn 6. Tập 1", "Toán 6. Tập 1"]  # Vietnamese order
    toan = pages[1]
    assert [(x.numbers, x.copies, x.price, x.general_number) for x in toan.lines] == [
        ("GK.00001–GK.00030", 30, 18000, 1), ("GK.00041–GK.00045", 5, 19000, 2)]
    assert (toan.lines[0].lost, toan.lines[0].present) == (1, 29)
    assert (toan.lines[1].lost, toan.lines[1].present) == (0, 5)
    assert pages[0].lines[0].numbers == "GK.00031–GK.00040"
    report = school.reports.report("textbook")
    assert [s.title for s in report.sections] == ["Ngữ văn 6. Tập 1", "Toán 6. Tập 1"]
    assert report.sections[1].new_page  # a page per title
    total = report.sections[1].total
    assert total is not None and total[4] == 35 and total[6] == 30 * 18000 + 5 * 19000
    assert total[7:] == (1, 0, 34)


def test_a_long_title_is_listed_whole(school: School) -> None:
    [line] = [x for x in school.reports.individual("TK") if x.barcode == school.long_one[0].barcode]
    assert line.title == LONG_TITLE and line.number == 7


def test_a_written_off_copy_keeps_its_own_note_and_says_the_write_off_once(
    school: School, tmp_path: Path
) -> None:
    from datetime import date

    lib = school.lib
    torn = school.toan[2]
    lib.catalog.update_item(torn.id, note="Bìa rách")
    lib.collection.create_writeoff("02/TL-2026", "worn", [torn.id], day=date(2026, 3, 10))
    lines = {x.barcode: x for x in school.reports.individual()}
    assert lines[torn.barcode].note == "Thanh lý ngày 10/03/2026, BB số 02/TL-2026; Bìa rách"
    pdf = school.reports.write(school.reports.report("individual", "GK"), tmp_path / "gk.pdf")
    text = " ".join(layout_text(pdf).split())
    assert "10/03/2026" in text and "02/TL-2026" in text and "Bìa rách" in text
    assert text.lower().count("thanh lý") == 1


def test_parts_two_and_three_from_a_write_off_and_a_stocktake(school: School,
                                                              tmp_path: Path) -> None:
    lib = school.lib
    lib.collection.start_stocktake(["TK"])
    for item in school.de_men + school.imported:  # 6 of the 7 TK copies are on the shelf
        lib.collection.scan(item.barcode)
    lib.collection.close_stocktake(mark_lost=False)
    lib.collection.create_writeoff("BB 02/2026", "worn", [school.de_men[0].id])
    reports = Reports(lib.db, lib.settings)  # today: the real day the stocktake was closed
    register = reports.general()
    [inventory] = register.inventories
    assert (inventory.collection, inventory.expected, inventory.present, inventory.on_loan,
            inventory.missing) == ("TK", 7, 6, 0, 1)
    [write_off] = register.write_offs
    assert (write_off.number, write_off.copies, write_off.value) == ("BB 02/2026", 1, 45000)
    assert write_off.reason == "Rách nát, hư hỏng"
    line = next(x for x in reports.individual("TK") if x.barcode == school.de_men[0].barcode)
    assert line.note == f"Thanh lý ngày {display_date(library_today())}, BB 02/2026"
    pdf = reports.write(reports.report("general"), tmp_path / "tq.pdf")
    rows = [line.split() for line in layout_text(pdf).splitlines()]
    today = display_date(library_today())
    assert ["1", today, "BB", "02/2026", "Rách", "nát,", "hư", "hỏng", "1", "45.000"] \
        in [row[:10] for row in rows]
    assert [today, "TK", "7", "6", "0", "1", "0"] in rows  # not found, left; none lost
    assert "Chưa có lần nào" not in pdf_text(pdf.read_bytes(), tmp_path)


def test_a_collection_numbered_in_several_sequences_says_which_is_which() -> None:
    """Imported copies keep their old numbers beside TK.00001…: each sequence is its own
    section numbered from 1, and the heads say which numbers each lists (three sections all
    headed "Kho TK — Sách tham khảo" were seen in a register of a real MARC import)."""
    from app.reports.individual import IndividualLine, individual_report

    def line(number: int, sequence: str, barcode: str, collection: str = "TK") -> IndividualLine:
        return IndividualLine(number, sequence, collection, None, barcode, "Sách", "", "", None,
                              None, "", None, "", "available")

    lines = [line(1, "", "300029962"), line(2, "", "302684900"), line(1, "N", "N100123"),
             line(1, "TK.", "TK.00001"), line(1, "GK.", "GK.00001", "GK")]
    report = individual_report(lines, {"TK": "Sách tham khảo", "GK": "Sách giáo khoa"},
                               "Thư viện", "2026-2027", "")
    assert [s.title for s in report.sections] == [
        "Kho TK — Sách tham khảo (số ĐKCB chỉ gồm chữ số)",
        "Kho TK — Sách tham khảo (số ĐKCB N…)",
        "Kho TK — Sách tham khảo (số ĐKCB TK.…)",
        "Kho GK — Sách giáo khoa"]  # alone in its collection: as before
    assert [s.sheet for s in report.sections] == ["TK", "TK", "TK", "GK"]
