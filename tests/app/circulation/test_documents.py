"""Overdue list, loan slip and overdue letters by class: the data, and the documents drawn on the
label surface and written as PDFs (text checked with poppler's pdftotext, as a reader sees it)."""

from __future__ import annotations

from pathlib import Path

from app.circulation.documents import letters_document, letters_pdf, slip_document, slip_pdf
from app.circulation.printed import TITLE_WIDTH, fit
from app.labels.fonts import REGULAR, text_width
from app.labels.surface import Recording
from tests.app.labels.raster import pdf_text

from .conftest import World

LIBRARY = "Thư viện Trường THCS Kim Đồng"
LONG_TITLE = ("Tuyển tập truyện ngắn Việt Nam thế kỷ XX: những tác phẩm đặc sắc nhất của các nhà "
              "văn hiện đại")


def pages_text(pdf: Path, folder: Path) -> list[str]:
    """The text of each page (pdftotext ends every page with a form feed)."""
    return pdf_text(pdf.read_bytes(), folder).split("\f")[:-1]


def drawn_strings(document: Recording, page: int) -> list[str]:
    return [op[1][2] for op in document.pages[page] if op[0] == "text"]


def test_overdue_letters_group_by_class(world: World, tmp_path: Path) -> None:
    copies = world.book(copies=4)
    a = world.student("Nguyễn Văn An", "6A")
    b = world.student("Trần Thị Bình", "7B")
    c = world.student("Lê Văn Cường", "6A")
    world.circ.checkout(a.card, copies[0].barcode)
    world.circ.checkout(b.card, copies[1].barcode)
    world.circ.checkout(c.card, copies[2].barcode)
    world.clock.advance(days=5)
    world.circ.checkout(c.card, copies[3].barcode)     # due later, not overdue yet
    world.clock.advance(days=12)                         # Thu 25 Sep
    letters = world.circ.overdue_letters()
    assert [x.class_name for x in letters] == ["6A", "7B"]
    assert [s.patron.full_name for s in letters[0].students] == ["Nguyễn Văn An", "Lê Văn Cường"]
    cuong = letters[0].students[1]
    assert [(line.barcode, line.days_overdue) for line in cuong.loans] == [(copies[2].barcode, 3)]

    pdf = letters_pdf(tmp_path / "letters.pdf", letters, LIBRARY, world.circ.today())
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF") and b"DejaVuSans" in data  # the bundled font, embedded
    six_a, seven_b = pages_text(pdf, tmp_path)  # one page per class, nothing else
    assert "THÔNG BÁO SÁCH QUÁ HẠN — LỚP 6A" in six_a and "LỚP 7B" in seven_b
    assert "Nguyễn Văn An" in six_a and "Lê Văn Cường" in six_a and "Trần Thị Bình" not in six_a
    assert "Trần Thị Bình" in seven_b and "Nguyễn Văn An" not in seven_b
    assert "thầy/cô chủ nhiệm lớp 6A" in six_a
    assert f"{LIBRARY} — in ngày 25/09/2025" in six_a
    # Cường's overdue copy is listed, his copy due later is not
    assert copies[2].barcode in six_a and copies[3].barcode not in six_a
    assert "08/09/2025" in six_a and "22/09/2025" in six_a  # loaned and due, dd/mm/yyyy
    assert "Quá hạn (ngày)" in six_a  # the days-late column says its unit


def test_the_column_heads_do_not_run_into_each_other(world: World) -> None:
    """'Hạn trả' and 'Quá hạn (ngày)' were drawn touching ('Hạn trảQuá hạn (ngày)') once the
    last head said its unit; every head ends before the next begins, with a gap."""
    from app.circulation.printed import slip_document
    from app.labels.fonts import BOLD

    copy = world.book("Dế Mèn phiêu lưu ký", copies=1)[0]
    patron = world.student("Vũ Thu An", "6B")
    world.circ.checkout(patron.card, copy.barcode)
    slip = world.circ.open_loans(patron.card)
    assert slip is not None
    document = slip_document(slip, LIBRARY, world.circ.today())
    heads = [op[1] for op in document.pages[0] if op[0] == "text"
             and op[1][2] in ("ĐKCB", "Tên sách", "Ngày mượn", "Hạn trả", "Quá hạn (ngày)")]
    spans = sorted((x - (text_width(t, BOLD, 9) if align == "right" else 0),
                    x + (0 if align == "right" else text_width(t, BOLD, 9)))
                   for x, _y, t, align in heads)
    assert len(spans) == 5
    assert all(left[1] + 8 <= right[0] for left, right in zip(spans, spans[1:], strict=False))


def test_loan_slip_lists_what_the_student_has(world: World, tmp_path: Path) -> None:
    a, b = world.book("Dế Mèn phiêu lưu ký", copies=2)
    patron = world.student("Phạm Thị Thu Hương", "8C")
    world.circ.checkout(patron.card, a.barcode)
    world.circ.checkout(patron.card, b.barcode)
    world.circ.checkin(a.barcode)
    slip = world.circ.open_loans(patron.card)
    assert slip is not None
    assert [(x.barcode, x.due) for x in slip.loans] == [(b.barcode, "2025-09-22")]
    out = slip_pdf(tmp_path / "slip.pdf", slip, LIBRARY, world.circ.today())
    [page] = pages_text(out, tmp_path)
    assert "PHIẾU MƯỢN SÁCH" in page
    assert "Bạn đọc: Phạm Thị Thu Hương" in page and "Lớp: 8C" in page and patron.card in page
    assert b.barcode in page and a.barcode not in page  # the returned copy is gone
    assert "Dế Mèn phiêu lưu ký" in page and "22/09/2025" in page and "08/09/2025" in page

    empty = world.circ.open_loans(world.student("Bình").card)
    assert empty is not None and empty.loans == []
    [page] = pages_text(slip_pdf(tmp_path / "empty.pdf", empty, LIBRARY, world.circ.today()),
                        tmp_path / "e")
    assert "Không có sách đang mượn." in page


def test_a_long_slip_runs_over_pages_without_losing_a_loan(world: World, tmp_path: Path) -> None:
    copies = world.book(LONG_TITLE, copies=70)
    patron = world.student("Tôn Nữ Hoàng Thị Diệu Linh", "9A")
    for copy in copies:
        world.circ.checkout(patron.card, copy.barcode, force=True)
    slip = world.circ.open_loans(patron.card)
    assert slip is not None and len(slip.loans) == 70
    document = slip_document(slip, LIBRARY, world.circ.today())
    assert len(document.pages) == 3  # each title on two lines
    pages = pages_text(slip_pdf(tmp_path / "long.pdf", slip, LIBRARY, world.circ.today()), tmp_path)
    assert len(pages) == 3
    assert "Trang 1/3" in pages[0] and "Trang 3/3" in pages[2]
    assert "PHIẾU MƯỢN SÁCH" in pages[1] and "(tiếp)" in pages[1]  # heading and patron again
    text = "\n".join(pages)
    assert all(text.count(copy.barcode) == 1 for copy in copies)
    assert "Tổng số: 70 cuốn đang mượn." in pages[2]
    # the title is printed whole over two lines inside its column, never over the dates
    strings = [s for page in range(3) for s in drawn_strings(document, page)]
    firsts = [i for i, s in enumerate(strings) if s.startswith("Tuyển")]
    assert len(firsts) == 70
    assert all(f"{strings[i]} {strings[i + 3]}" == LONG_TITLE for i in firsts)
    assert max(text_width(strings[i + k], REGULAR, 9) for i in firsts for k in (0, 3)) <= TITLE_WIDTH
    assert fit("Mắt biếc", REGULAR, 9, TITLE_WIDTH) == "Mắt biếc"


def test_nothing_overdue_is_one_page_that_says_so(world: World, tmp_path: Path) -> None:
    document = letters_document([], LIBRARY, world.circ.today())
    assert len(document.pages) == 1
    assert "Không có sách quá hạn." in drawn_strings(document, 0)


def test_decomposed_text_is_drawn_composed(world: World) -> None:
    """Text typed or pasted decomposed (e.g. from a legacy export) still prints composed: the
    PDF's text and the bundled font's glyphs are those of NFC."""
    import unicodedata

    from app.circulation.documents import LoanLine, PatronLoans

    patron = world.circ.open_loans(world.student("Nguyễn Văn An", "6A").card)
    assert patron is not None
    title = unicodedata.normalize("NFD", "Đất rừng phương Nam")
    slip = PatronLoans(patron.patron, [LoanLine(1, "TK.00001", title, "2025-09-08", "2025-09-22", 0)])
    document = slip_document(slip, unicodedata.normalize("NFD", LIBRARY), world.circ.today())
    strings = drawn_strings(document, 0)
    assert "Đất rừng phương Nam" in strings and title not in strings
    assert all(s == unicodedata.normalize("NFC", s) for s in strings)


def test_a_loan_before_seven_in_the_morning_is_dated_by_the_library_day(world: World) -> None:
    # 06:30 on Tuesday 9 Sep in Vietnam is still Monday 8 Sep in UTC, where times are stored.
    world.clock.now = world.clock.now.replace(hour=23, minute=30)  # 23:30 UTC on 8 Sep
    (book,) = world.book("Tắt đèn")
    patron = world.student("Lê Văn Tám", "6A")
    world.circ.checkout(patron.card, book.barcode)
    slip = world.circ.open_loans(patron.card)
    assert slip is not None and world.circ.today().isoformat() == "2025-09-09"
    assert [line.loaned_on for line in slip.loans] == ["2025-09-09"]


LONG_SCHOOL = ("Thư viện Trường Trung học cơ sở Nguyễn Thị Minh Khai, huyện Hoằng Hoá, "
               "tỉnh Thanh Hoá")


def test_slip_and_letters_as_a_parent_and_a_teacher_read_them(world: World, tmp_path: Path) -> None:
    copies = world.book(copies=2)
    student = world.student("Nguyễn Thị Ngọc Huyền", "6A")
    teacher = world.lib.patrons.add("Huỳnh Thị Phượng", category="teacher")
    world.circ.checkout(student.card, copies[0].barcode)
    world.circ.checkout(teacher.card, copies[1].barcode)
    world.clock.advance(days=40)
    today = world.circ.today()
    slip = world.circ.open_loans(student.card)
    assert slip is not None
    [page] = pages_text(slip_pdf(tmp_path / "slip.pdf", slip, LONG_SCHOOL, today), tmp_path / "s")
    flat = " ".join(page.split())
    # a long school name does not push the print date off the line
    assert f"{LONG_SCHOOL} — in ngày {today:%d/%m/%Y}" in flat
    # the slip that settles a dispute: how many books, dated, signed by both sides
    assert "Tổng số: 1 cuốn đang mượn." in flat
    assert f"ngày {today:%d} tháng {today:%m} năm {today:%Y}" in flat
    assert "NGƯỜI MƯỢN" in flat and "CÁN BỘ THƯ VIỆN" in flat and "(Ký, ghi rõ họ tên)" in flat

    letters = world.circ.overdue_letters()
    pages = pages_text(letters_pdf(tmp_path / "l.pdf", letters, LONG_SCHOOL, today), tmp_path / "l")
    staff = " ".join(pages[-1].split())
    # the teacher has no class: no "LỚP —" title, no empty "Lớp:" on their line
    assert "BẠN ĐỌC KHÔNG THEO LỚP" in staff and "LỚP —" not in staff and "Lớp:" not in staff
    assert f"Bạn đọc: Huỳnh Thị Phượng Thẻ: {teacher.card}" in staff
    assert all("CÁN BỘ THƯ VIỆN" in " ".join(p.split()) for p in pages)


def test_the_slip_is_never_signed_on_a_page_without_loans() -> None:
    """However many books a reader has, the page with the signatures also lists loans (the
    last ones go over with them), so a signed page cannot be swapped."""
    from datetime import date

    from app.circulation.documents import LoanLine, PatronLoans
    from app.circulation.refs import PatronRef

    patron = PatronRef(1, "u1", "Nguyễn Văn An", "student", "6A", 6, "HS000001", "active", None)
    for count in range(38, 60):
        loans = [LoanLine(i, f"TK.{i:05d}", "Dế Mèn phiêu lưu ký", "2025-09-08", "2025-09-22", 0)
                 for i in range(count)]
        document = slip_document(PatronLoans(patron, loans), LIBRARY, date(2025, 9, 8))
        signed = drawn_strings(document, len(document.pages) - 1)
        assert "NGƯỜI MƯỢN" in signed, count
        assert any(text.startswith("TK.") for text in signed), count
        listed = [t for page in range(len(document.pages)) for t in drawn_strings(document, page)
                  if t.startswith("TK.")]
        assert listed == [line.barcode for line in loans]
