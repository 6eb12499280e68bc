"""PDF labels and cards: every barcode scans back at 300 dpi, exactly once; Vietnamese text is
intact; labels sit where the template, the start slot and the printer offsets put them."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from PIL import Image

from app.errors import ValidationError
from app.labels import (
    CallNumber,
    CardData,
    LabelItem,
    PrintOptions,
    load_template,
    place,
    render_calibration,
    render_cards,
    render_class_sheet,
    render_labels,
)

from .raster import bar_top_mm, decode, ink_box, pdf_text, render

LIBRARY = "Thư viện Trường THCS Nguyễn Du"
TITLES = ["Mắt biếc", "Dế Mèn phiêu lưu ký", "Harry Potter và hòn đá phù thủy",
          "Tuyển tập truyện ngắn Việt Nam thế kỷ XX: những tác phẩm đặc sắc nhất của các nhà văn"]


def _items(count: int, prefix: str = "TK.") -> list[LabelItem]:
    return [LabelItem(f"{prefix}{n:05d}", TITLES[n % 4], LIBRARY,
                      CallNumber("895.9223", "ÁNH", "T.2" if n % 2 else "", "2019").lines())
            for n in range(1, count + 1)]


def _all_reads(pdf: bytes, folder: Path) -> list[list[str]]:
    return [[r.text for r in decode(page)] for page in render(pdf, folder)]


@pytest.mark.parametrize(("kind", "template"), [("items", "avery-l7651"), ("combined", "avery-l7654"),
                                                ("combined", "avery-l7651"), ("items", "avery-l7163")])
def test_every_printed_barcode_scans_back_exactly_once(tmp_path: Path, kind: str, template: str) -> None:
    sheet = load_template(template)
    items = _items(sheet.per_sheet + 5)  # spills onto a second sheet
    pages = _all_reads(render_labels(kind, items, sheet, PrintOptions(start=3)), tmp_path)
    assert len(pages) == 2
    reads = Counter(code for page in pages for code in page)
    assert reads == Counter(item.barcode for item in items)


def test_vietnamese_text_survives_in_the_pdf(tmp_path: Path) -> None:
    pdf = render_labels("items", _items(4), load_template("avery-l7654"))
    text = pdf_text(pdf, tmp_path)
    assert LIBRARY in text
    assert "Mắt biếc" in text and "Dế Mèn phiêu lưu ký" in text
    assert "TK.00001" in text
    assert b"DejaVuSansCondensed" in pdf  # the bundled font is embedded


def test_long_titles_are_shortened_with_an_ellipsis(tmp_path: Path) -> None:
    text = pdf_text(render_labels("items", _items(4), load_template("avery-l7651")), tmp_path)
    assert "Tuyển tập truyện ngắn" in text and "…" in text
    assert "của các nhà văn" not in text


def test_a_library_name_too_long_for_the_label_keeps_the_school(tmp_path: Path) -> None:
    # the barcode half of a combined 45.7 mm label is too narrow for the whole name: the
    # generic "Thư viện" goes, the school's own name stays (it was "Thư viện Trường THCS…")
    text = pdf_text(render_labels("combined", _items(2), load_template("avery-l7654")), tmp_path)
    assert "Trường THCS Nguyễn Du" in text and "Thư viện" not in text
    wide = pdf_text(render_labels("items", _items(2), load_template("avery-l7654")), tmp_path)
    assert LIBRARY in wide  # where it fits, the name is printed whole


def test_text_decomposed_on_input_is_printed_composed(tmp_path: Path) -> None:
    import unicodedata

    nfd = unicodedata.normalize("NFD", "Nguyễn Thị Thuỷ")
    pdf = render_labels("items", [LabelItem("TK.00009", nfd, LIBRARY)], load_template("avery-l7654"))
    assert "Nguyễn Thị Thuỷ" in pdf_text(pdf, tmp_path)


def test_spine_labels_carry_the_call_number_lines(tmp_path: Path) -> None:
    item = LabelItem("TK.00001", "Mắt biếc", LIBRARY, CallNumber("895.9223", "ÁNH", "T.1", "2019").lines())
    text = pdf_text(render_labels("spine", [item], load_template("avery-l7651")), tmp_path)
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    assert lines == ["895.9223", "ÁNH", "T.1", "2019"]


def test_call_numbers_are_never_cut_and_spines_look_even(tmp_path: Path) -> None:
    import re
    import subprocess

    spines = [("895.9223", "HOÀ", "2019"), ("823.914", "ROW", "2017"),
              ("895.92230108", "TUY", "2015"), ("895.92234", "ÁNH", "2020")]
    items = [LabelItem(f"TK.{n:05d}", "x", LIBRARY, spine) for n, spine in enumerate(spines, 1)]
    pdf = tmp_path / "spines.pdf"
    pdf.write_bytes(render_labels("combined", items, load_template("avery-l7654")))
    words = re.findall(r'yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]+)<', subprocess.run(
        ["pdftotext", "-bbox", str(pdf), "-"], check=True, capture_output=True, text=True).stdout)
    heights = {text: float(y1) - float(y0) for y0, y1, text in words}
    # the long class number is broken after its first three decimals, not cut with "…"
    assert "895.922" in heights and "30108" in heights and "…" not in "".join(heights)
    # one size for the call numbers of every label (a shelf of spines looks even)
    sizes = [heights[w] for w in ("895.9223", "823.914", "895.922", "30108", "HOÀ", "ROW")]
    assert max(sizes) - min(sizes) < 0.01
    assert heights["895.92234"] >= 0.85 * heights["895.9223"]  # slightly longer: shrunk a little


def test_patron_cards_scan_and_show_names(tmp_path: Path) -> None:
    photo = tmp_path / "photo.png"
    Image.new("RGB", (300, 400), (200, 170, 150)).save(photo)
    names = ["Nguyễn Thị Thuỷ", "Trần Văn Đức", "Phạm Ngọc Ánh Dương Tôn Nữ Hoàng Thị Diệu Linh"]
    cards = [CardData(f"HS{n:06d}", names[n % 3], "Trường THCS Nguyễn Du", "6A", "2025-2026",
                      photo=photo.read_bytes() if n % 2 else None) for n in range(12)]
    pdf = render_cards(cards, load_template("cr80-10up"))
    reads = Counter(code for page in _all_reads(pdf, tmp_path / "img") for code in page)
    assert reads == Counter(c.card for c in cards)
    text = pdf_text(pdf, tmp_path)
    for name in names[:2]:
        assert name in text
    # a long name is wrapped, never cut
    assert "Phạm Ngọc Ánh Dương Tôn Nữ" in text and "Diệu Linh" in text
    assert "Lớp: 6A" in text and "Năm học: 2025-2026" in text


def test_class_sheet_lists_every_patron_with_a_scannable_code(tmp_path: Path) -> None:
    cards = [CardData(f"HS{n:06d}", f"Học sinh số {n}", "Trường THCS Nguyễn Du", "6A", "2025-2026")
             for n in range(30)]
    pdf = render_class_sheet(cards, load_template("a4-desk-3x9"))
    pages = _all_reads(pdf, tmp_path)
    assert len(pages) == 2
    assert Counter(c for p in pages for c in p) == Counter(c.card for c in cards)
    text = pdf_text(pdf, tmp_path)
    assert "Mã thẻ bạn đọc — lớp 6A" in text and "Trang 2/2" in text


def test_label_positions_follow_start_slot_and_offsets(tmp_path: Path) -> None:
    sheet = load_template("avery-l7654")
    items = _items(6)
    plain = render(render_labels("items", items, sheet, PrintOptions(start=7)), tmp_path / "a")[0]
    moved = render(render_labels("items", items, sheet, PrintOptions(7, 1.5, -0.8)), tmp_path / "b")[0]
    expected = {i.barcode: p for i, p in zip(items, place(sheet, 6, start=7), strict=True)}
    reads_plain = {r.text: r for r in decode(plain)}
    reads_moved = {r.text: r for r in decode(moved)}
    assert set(reads_plain) == set(expected) == set(reads_moved)
    for code, p in expected.items():
        r = reads_plain[code]
        # the barcode's centre is the label's horizontal centre (within 0.1 mm) and inside the label
        assert r.x_mm == pytest.approx(p.x + p.width / 2, abs=0.1)
        assert p.y < r.y_mm < p.y + p.height
        shifted = reads_moved[code]
        assert shifted.x_mm - r.x_mm == pytest.approx(1.5, abs=0.1)
        assert bar_top_mm(moved, shifted) - bar_top_mm(plain, r) == pytest.approx(-0.8, abs=0.1)


def test_layout_matches_the_template_arithmetic() -> None:
    sheet = load_template("avery-l7651")
    spots = place(sheet, 70, start=64, offset_x=0.5, offset_y=-1.0)
    assert (spots[0].page, spots[0].slot) == (0, 64)
    assert spots[0].x == pytest.approx(sheet.left + 3 * sheet.pitch_x + 0.5, abs=1e-9)
    assert spots[0].y == pytest.approx(sheet.top + 12 * sheet.pitch_y - 1.0, abs=1e-9)
    assert (spots[2].page, spots[2].slot, spots[2].x) == (1, 1, pytest.approx(sheet.left + 0.5))
    assert (spots[-1].page, spots[-1].slot) == (2, 3)  # 2 + 65 + 3 labels


def test_start_slot_off_the_sheet_is_refused() -> None:
    with pytest.raises(ValidationError, match="từ 1 đến 65"):
        render_labels("items", _items(1), load_template("avery-l7651"), PrintOptions(start=66))


def test_a_barcode_too_long_for_the_label_is_refused_not_printed_unreadable() -> None:
    long = LabelItem("TK.ABCDEFGHIJKLMNOPQRSTUVWXYZ-0001", "x", LIBRARY)
    with pytest.raises(ValidationError, match="quá dài"):
        render_labels("items", [long], load_template("avery-l7651"))


def test_vietnamese_letters_in_a_barcode_are_refused() -> None:
    with pytest.raises(ValidationError, match="Code 128"):
        render_labels("items", [LabelItem("ĐK.0001")], load_template("avery-l7654"))


def test_calibration_page_marks_every_label_with_offsets_applied(tmp_path: Path) -> None:
    sheet = load_template("avery-l7651")
    pdf = render_calibration(sheet, PrintOptions(offset_x=1.0, offset_y=0.5))
    text = pdf_text(pdf, tmp_path)
    numbers = {int(w) for w in text.split() if w.isdigit()}
    assert set(range(1, 66)) <= numbers  # slot numbers (and ruler marks)
    assert "Trang căn chỉnh" in text and "ngang 1 mm, dọc 0.5 mm" in text
    page = render(pdf, tmp_path / "img", dpi=150)[0].convert("L")
    # the top-left cross of slot 1 sits at (left + 1.0, top + 0.5) mm: its centre pixel is dark
    px = 150 / 25.4
    x, y = (sheet.left + 1.0) * px, (sheet.top + 0.5) * px
    assert min(page.getpixel((round(x) + dx, round(y))) for dx in (-1, 0, 1)) < 128


def test_edge_to_edge_sheet_keeps_its_text_where_an_office_printer_prints(tmp_path: Path) -> None:
    """Herma 4464 (a4-24up-70x37, the dialog's first sheet) runs its labels to the paper's
    edge: the top row's library name and the outer columns' text were drawn 0.5-1.5 mm from
    the edge, where a laser printer prints nothing (about 4 mm). Everything on the page now
    stays 4 mm in; the barcodes still scan, the name and titles are still there."""
    sheet = load_template("a4-24up-70x37")
    items = _items(sheet.per_sheet)
    for kind in ("items", "combined", "spine"):
        pdf = render_labels(kind, items, sheet)
        page = render(pdf, tmp_path / kind, dpi=150)[0]
        ink = ink_box(page, (0, 0, sheet.page_width, sheet.page_height), dpi=150)
        assert ink is not None
        left, top, right, bottom = ink
        assert left >= 3.9 and top >= 3.9, (kind, ink)
        assert sheet.page_width - right >= 3.9 and sheet.page_height - bottom >= 3.9, (kind, ink)
    text = pdf_text(render_labels("items", items, sheet), tmp_path / "text")
    assert LIBRARY in text and "Mắt biếc" in text
    page = render(render_labels("items", items, sheet), tmp_path / "scan")[0]
    label = page.crop((0, 0, round(70 / 25.4 * 300), round(37.5 / 25.4 * 300)))  # top-left
    assert [r.text for r in decode(label)] == ["TK.00001"]


def test_a_long_school_name_is_printed_whole_on_the_card(tmp_path: Path) -> None:
    """The school's full name, province and all, on two lines above the card's title, nothing
    cut with "…", nothing drawn over the title; the card still scans."""
    import re
    import subprocess

    school = "Thư viện Trường Trung học cơ sở Nguyễn Thị Minh Khai, huyện Hoằng Hoá, tỉnh Thanh Hoá"
    cards = [CardData("HS000001", "Nguyễn Thị Ngọc Huyền", school, "6A", "2025-2026")]
    pdf = tmp_path / "card.pdf"
    pdf.write_bytes(render_cards(cards, load_template("cr80-10up")))
    boxes = re.findall(r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]+)<',
                       subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], check=True,
                                      capture_output=True, text=True).stdout)
    words = [w for *_, w in boxes]
    assert "…" not in "".join(words) and " ".join(words[:len(school.split())]) == school
    title_top = min(float(y0) for x0, y0, x1, y1, w in boxes if w == "THẺ")
    assert max(float(y1) for *_, y1, w in boxes[:len(school.split())]) <= title_top
    reads = Counter(code for page in _all_reads(pdf.read_bytes(), tmp_path / "img")
                    for code in page)
    assert reads["HS000001"] == 1


def test_marks_stacked_on_capitals_stay_off_the_label_edge(tmp_path: Path) -> None:
    """A school name in capitals ("NGUYỄN", marks stacked above the letter) is set low enough
    that its ink stays a millimetre inside the label: a sheet fed half a millimetre off does
    not cut its accents; the barcode under it still scans."""
    sheet = load_template("avery-l7651")
    items = [LabelItem("TK.00001", "Mắt biếc", "TRƯỜNG THCS NGUYỄN HUỆ", ("895.9223", "ÁNH"))]
    [page] = render(render_labels("items", items, sheet), tmp_path)
    ink = ink_box(page, (sheet.left, sheet.top, sheet.left + sheet.label_width,
                         sheet.top + sheet.label_height))
    assert ink is not None and ink[1] - sheet.top >= 1.0
    assert [r.text for r in decode(page)] == ["TK.00001"]
