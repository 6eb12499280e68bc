"""The registers as files a librarian hands in: the PDF read back as a reader sees it
(poppler's pdftotext), and the XLSX opened with openpyxl."""

from __future__ import annotations

import io
import subprocess
from datetime import datetime
from pathlib import Path

from openpyxl import load_workbook

from app.circulation.clock import display_date, library_today
from app.labels.fonts import REGULAR, text_width
from app.library import Library
from app.reports.individual import HEADS
from app.reports.pdf import MARGIN, PAD, SIZE, report_document
from app.reports.period import Period
from tests.app.labels.raster import pdf_text

from .conftest import LIBRARY, LONG_TITLE, School


def pages_text(pdf: Path, folder: Path) -> list[str]:
    """Each page's text with line breaks and runs of spaces made single spaces (a heading
    wrapped inside its cell reads as one)."""
    return [" ".join(page.split()) for page in pdf_text(pdf.read_bytes(), folder).split("\f")[:-1]]


def test_individual_register_pdf(school: School, tmp_path: Path) -> None:
    school.lib.catalog.withdraw_item(school.de_men[1].id, "BB số 01/2025")
    report = school.reports.report("individual")
    out = school.reports.write(report, tmp_path / "so-ca-biet.pdf")
    size = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True,
                          check=True).stdout
    assert "841.89 x 595.276" in size  # A4 landscape
    pages = pages_text(out, tmp_path)
    assert len(pages) == 5  # GK (45 lines) on three pages, then TK and TN each from a new page
    for number, page in enumerate(pages, start=1):
        assert LIBRARY in page and "SỔ ĐĂNG KÝ CÁ BIỆT" in page
        assert "Năm học 2025-2026" in page and f"Trang {number}/5" in page
    assert "Kho GK — Sách giáo khoa" in pages[0] and "Ngày vào sổ" in pages[0]
    assert "Kho GK — Sách giáo khoa (tiếp)" in pages[1]  # the table goes on, heads repeated
    assert "Số ĐKCB" in pages[1] and "GK.00045" in pages[2] and "GK.00045" not in pages[1]
    assert "Kho TN — Sách thiếu nhi" in pages[4] and "TN.00002" in pages[4]
    tk = pages[3]
    assert "Kho TK — Sách tham khảo" in tk and "Dế Mèn phiêu lưu ký" in tk
    assert "20/08/2025" in pages[0] and "18.000" in pages[0]  # dd/mm/yyyy, đồng with dots
    # the written-off copy's note: the write-off, its day and record, said once
    written_off = f"Thanh lý ngày {display_date(library_today())}, BB số 01/2025"
    assert written_off in tk and tk.lower().count("thanh lý") == 1
    # the long title is all there, over several lines, none wider than its column
    assert tk.count("Nguyễn Minh Châu và Nguyễn Huy") == 1
    doc = report_document(report)
    strings = [op[1][2] for page in doc.pages for op in page if op[0] == "text"]
    start = strings.index(school.long_one[0].barcode) + 1
    pieces = strings[start:strings.index("Nhiều tác giả", start)]
    assert len(pieces) >= 3 and " ".join(pieces) == LONG_TITLE
    column = (841.89 - 2 * MARGIN) * 170 / sum(width for _, width, _ in HEADS) - 2 * PAD
    assert max(text_width(p, REGULAR, SIZE) for p in pieces) <= column


def test_general_and_textbook_pdfs(school: School, tmp_path: Path) -> None:
    general = school.reports.write(school.reports.report("general"), tmp_path / "tq.pdf")
    [page] = pages_text(general, tmp_path)
    assert "Phần I — Tổng số sách nhập kho" in page and "NXB Giáo dục" in page
    assert "Phần II — Tổng số sách xuất kho (thanh lý)" in page
    assert "Phần III — Kiểm kê hằng năm" in page and "1.245.000" in page
    textbook = school.reports.write(school.reports.report("textbook"), tmp_path / "sgk.pdf")
    van, toan = pages_text(textbook, tmp_path)  # a page per title
    assert "Ngữ văn 6. Tập 1" in van and "GK.00031–GK.00040" in van
    assert "Toán 6. Tập 1" in toan and "GK.00001–GK.00030" in toan and "GK.00041–GK.00045" in toan
    assert "Mất" in toan and "Còn" in toan and "Tác giả: Hà Huy Khoái" in toan


def test_registers_as_xlsx(school: School, tmp_path: Path) -> None:
    out = school.reports.write(school.reports.report("individual", "TK"),
                               tmp_path / "tk.xlsx")
    book = load_workbook(out)
    ws = book["TK"]
    assert ws["A1"].value == LIBRARY and ws["A2"].value == "SỔ ĐĂNG KÝ CÁ BIỆT"
    assert ws["A3"].value == "Năm học 2025-2026" and ws["A4"].value == "Kho TK"
    head = next(r for r in range(1, 20) if ws.cell(r, 1).value == "STT")
    assert [ws.cell(head, c).value for c in range(1, 12)] == [
        "STT", "Ngày vào sổ", "Số ĐKCB", "Tên sách", "Tác giả", "Nơi XB – Nhà XB", "Năm XB",
        "Giá tiền (đ)", "Môn loại / KHPL", "Số vào sổ TQ", "Ghi chú"]
    first = head + 1
    assert ws.cell(first, 1).value == 1 and ws.cell(first, 3).value == "TK.00001"
    day = ws.cell(first, 2)
    assert day.value == datetime(2025, 9, 2) and day.number_format == "DD/MM/YYYY"
    price = ws.cell(first, 8)
    assert price.value == 50000 and isinstance(price.value, int)
    assert price.number_format == "#,##0"
    assert ws.cell(first + 6, 4).value == LONG_TITLE and ws.cell(first + 7, 1).value is None

    stats = school.reports.report("statistics", period=Period.month(2025, 9))
    book = load_workbook(io.BytesIO(school.reports.render(stats, "xlsx")))
    ws = book.active
    assert ws is not None
    values = [[c.value for c in row] for row in ws.iter_rows()]
    assert ["Cộng", 8, 54, 1245000] in values


def test_general_register_xlsx_has_a_sheet_per_part(school: School, tmp_path: Path) -> None:
    out = school.reports.write(school.reports.report("general"), tmp_path / "tq.xlsx")
    book = load_workbook(out)
    assert book.sheetnames == ["Phần I", "Phần II", "Phần III"]
    part_i = book["Phần I"]
    rows = [[c.value for c in row] for row in part_i.iter_rows()]
    head = next(i for i, r in enumerate(rows) if r[0] == "Số TT vào sổ")
    assert rows[head][2:9] == ["Nguồn cung cấp", "Số tên sách", "Số bản", "Tổng giá tiền (đ)",
                               "GK", "TK", "TN"]
    assert rows[head + 1][:9] == [1, datetime(2025, 8, 20), "NXB Giáo dục", 2, 40, 740000, 40, 0,
                                  0]
    assert rows[head + 4][0] == "Cộng" and rows[head + 4][4] == 54
    assert any(r[0] == "Chưa có lần nào." for r in [[c.value for c in row]
                                                    for row in book["Phần II"].iter_rows()])


def test_an_empty_library_gets_its_headings_and_says_so(lib: Library, tmp_path: Path) -> None:
    expected = {"individual": "Không có bản sách nào trong phạm vi đã chọn.",
                "general": "Chưa có lần nào.",
                "textbook": "Không có sách giáo khoa nào trong phạm vi đã chọn.",
                "statistics": "Không có."}
    for kind, words in expected.items():
        report = lib.reports.report(kind)
        [page] = pages_text(lib.reports.write(report, tmp_path / f"{kind}.pdf"), tmp_path)
        assert report.title in page and words in page and "Trang 1/1" in page
        load_workbook(lib.reports.write(report, tmp_path / f"{kind}.xlsx"))


def test_statistics_pdf_keeps_the_sub_rows_indented(school: School, tmp_path: Path) -> None:
    """'– Học sinh' under 'Bạn đọc đến thư viện' reads as a part of it, as in the XLSX."""
    from .conftest import layout_text
    from .test_statistics import desk_month

    desk_month(school)
    report = school.reports.report("statistics", period=Period.month(2025, 9))
    pdf = school.reports.write(report, tmp_path / "tk.pdf")
    rows = [line for line in layout_text(pdf).splitlines() if "– " in line]
    assert rows, "no sub-rows in the statistics"
    heads = [line for line in layout_text(pdf).splitlines() if line.strip().startswith("Lượt")]
    assert heads
    indent = min(len(h) - len(h.lstrip()) for h in heads)
    assert all(len(r) - len(r.lstrip()) > indent for r in rows), rows
