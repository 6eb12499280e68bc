"""What a librarian sees on labels and cards printed with a real school's data: long Vietnamese
titles and names, long author marks, call numbers with volume and copy, a whole collection at
once. Every check reads the PDF back (pdftotext, poppler's rasteriser, the scanner's decoder)."""

from __future__ import annotations

import re
import subprocess
import time
import unicodedata
from pathlib import Path

import numpy as np
import pytest

from app.errors import ValidationError
from app.labels import (
    CardData,
    LabelItem,
    PrintOptions,
    labels_document,
    list_templates,
    load_template,
    place,
    render_cards,
    render_labels,
)
from app.labels.documents import make_document
from app.labels.draw import SPINE_MIN_PT, TITLE_MIN_PT
from app.labels.fonts import BOLD, register_fonts, text_width
from app.labels.pdf import to_pdf
from app.labels.selection import spine_lines
from app.labels.thermal import ThermalMedia, layout_label

from .raster import bar_top_mm, decode, ink_box, pdf_text, render

LIBRARY = "Thư viện Trường THCS Nguyễn Văn Trỗi"
# call numbers as school libraries write them: DDC with its space, long author marks, volume
# and copy; the longest are the ones that were cut with "…" on narrow labels
SPINES = [("895.922 34", "NG-D"), ("895.92234", "NGUYỄN-D", "T.2", "2019"),
          ("530.076", "HƯỚNG-DẪN", "T.12", "c.3"), ("895.922 334", "TUYỂN", "2018"),
          ("530.0712", "HD", "T.2 c.3"), ("895.92230108", "TUY", "T.2", "c.3")]
WORD = re.compile(r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]+)<')


def _words(pdf: bytes, folder: Path, page: int = 1) -> list[tuple[float, float, float, float, str]]:
    """Every word on *page* (1-based) with its box in points from the page's top-left."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "words.pdf"
    path.write_bytes(pdf)
    out = subprocess.run(["pdftotext", "-bbox", "-f", str(page), "-l", str(page), str(path), "-"],
                         check=True, capture_output=True, text=True).stdout
    return [(float(a), float(b), float(c), float(d), unicodedata.normalize("NFC", w))
            for a, b, c, d, w in WORD.findall(out)]


def _spine_templates() -> list[tuple[str, str]]:
    return [(t.name, kind) for t in list_templates() for kind in ("spine", "combined")
            if kind in t.suited_for]


@pytest.mark.parametrize(("template", "kind"), _spine_templates())
def test_call_numbers_are_printed_whole_on_every_spine_sheet(tmp_path: Path, template: str,
                                                             kind: str) -> None:
    """Every call number, read back from the PDF, is whole: no "…", each part in order (a long
    part broken over two lines, never shortened), no line under 5 pt. Before, the spine half of
    a combined 38.1 mm label printed "NGUYỄN…" and "HƯỚNG-…", and a 99 mm one "HƯỚNG-D…"."""
    sheet = load_template(template)
    items = [LabelItem(f"TK.{n:05d}", "", "", spine) for n, spine in enumerate(SPINES, 1)]
    document = labels_document(kind, items, sheet)
    sizes = [args[1] for page in document.pages for op, args in page if op == "set_font"
             and args[0] == BOLD]
    assert min(sizes) >= SPINE_MIN_PT - 1e-6
    pdf = render_labels(kind, items, sheet)
    words = _words(pdf, tmp_path)
    for item, spot in zip(items, place(sheet, len(items)), strict=True):
        left, top = spot.x / 25.4 * 72, spot.y / 25.4 * 72
        right = left + spot.width / 25.4 * 72 * (0.34 if kind == "combined" else 1)
        inside = sorted((y0, x0, w) for x0, y0, x1, y1, w in words
                        if left <= x0 and x1 <= right and top <= y0 < top + spot.height / 25.4 * 72)
        shown = "".join(w for *_, w in inside)
        assert "…" not in shown
        assert shown == "".join("".join(part.split()) for part in item.spine), (item.barcode, inside)


def test_a_typed_call_number_keeps_its_groups_and_the_shelf_looks_even(tmp_path: Path) -> None:
    """A copy's own call number "895.922 34 NG-D T.2 c.3" was split at every space: five lines
    on the spine sheet, drawn smaller than its neighbours'. Its class number's digit groups and
    its volume and copy now stay together: three lines, the same size as the label beside it."""
    typed = spine_lines("895.922 34 NG-D T.2 c.3", None, "", None, None)
    parts = spine_lines(None, "895.92234", "NGUYỄN-D", "T.2", 2019)
    items = [LabelItem("TK.00001", "", "", typed), LabelItem("TK.00002", "", "", parts)]
    words = _words(render_labels("spine", items, load_template("avery-l4732")), tmp_path)
    assert [w for *_, w in words] == ["895.922", "34", "NG-D", "T.2", "c.3",
                                      "895.92234", "NGUYỄN-D", "T.2", "2019"]
    lines = sorted({round(y0, 1) for x0, y0, x1, y1, w in words if x0 < 100})
    assert len(lines) == 3
    heights = {round(y1 - y0, 2) for x0, y0, x1, y1, w in words if w[0].isascii()}
    assert len(heights) == 1, heights


def test_a_call_number_that_fits_no_readable_size_is_refused_not_cut() -> None:
    """A mark with no hyphen too wide for the 13 mm spine half of a combined 38.1 mm label even
    at 5 pt: the librarian is told to choose a larger label (it was printed "NGUYỄNHU…")."""
    item = LabelItem("TK.00001", "", "", ("895.9223", "NGUYỄNHUỲNH"))
    with pytest.raises(ValidationError, match="“895.9223 NGUYỄNHUỲNH” của bản TK.00001 không vừa nhãn "
                       "này ở cỡ chữ 5 pt"):
        render_labels("combined", [item], load_template("avery-l7651"))
    assert render_labels("combined", [item], load_template("avery-l7160"))  # 64 mm: it fits


def test_thermal_spine_prints_a_long_author_mark_whole() -> None:
    """On a 50 × 30 mm thermal label the spine part is 13 mm wide: "HƯỚNG-DẪN" came out
    "HƯỚNG-…". The mark's line now inks as wide, against the class number above it drawn at the
    same size, as the two texts measure: the whole mark is there."""
    register_fonts()
    item = LabelItem("TK.00012", "Hướng dẫn thực hành thí nghiệm Vật lí 12 nâng cao", LIBRARY,
                     ("530.076", "HƯỚNG-DẪN", "T.12", "c.3"))
    for kind in ("combined", "spine"):
        layout = layout_label(kind, item, ThermalMedia())
        ink = np.asarray(layout.bitmap.convert("L")) > 0
        spine = ink[:, :round(layout.bitmap.width * 0.27) - 4] if kind == "combined" else ink
        rows = np.nonzero(spine.any(axis=1))[0]
        bands = np.split(rows, np.nonzero(np.diff(rows) > 1)[0] + 1)

        widths = [int(np.ptp(np.nonzero(spine[b[0]:b[-1] + 1].any(axis=0))[0])) + 1 for b in bands]
        ratio = max(widths) / widths[0]  # the widest line against "530.076"
        expected = text_width("HƯỚNG-DẪN", BOLD, 1) / text_width("530.076", BOLD, 1)
        assert ratio == pytest.approx(expected, rel=0.08), kind


def test_titles_shrink_to_the_readable_minimum_before_they_are_shortened_between_words(
        tmp_path: Path) -> None:
    """A title is drawn whole when it fits at 5 pt (it was cut at 5.7 pt on a 45.7 mm
    combined label: "Tuyển tập truyện ngắn…" for Nam Cao's collection), and a title too long
    even at 5 pt ends after a whole word (it was cut inside one, "…truyện ngắn Nam C…")."""
    sheet = load_template("avery-l7654")
    nam_cao = LabelItem("TK.00001", "Tuyển tập truyện ngắn Nam Cao", LIBRARY, SPINES[0])
    long = LabelItem("TK.00002", "Tuyển tập truyện ngắn Nam Cao: Chí Phèo, Lão Hạc, Đời thừa, "
                     "Trăng sáng, Đôi mắt, Một bữa no", LIBRARY, SPINES[1])
    for kind in ("combined", "items"):
        document = labels_document(kind, [nam_cao, long], sheet)
        regular = [args[1] for page in document.pages for op, args in page
                   if op == "set_font" and args[0] != BOLD]
        assert min(regular) >= TITLE_MIN_PT - 1e-6
        text = unicodedata.normalize("NFC", pdf_text(render_labels(kind, [nam_cao, long], sheet),
                                                     tmp_path / kind))
        assert "Tuyển tập truyện ngắn Nam Cao\n" in text or "Tuyển tập truyện ngắn Nam Cao " in text
        [shortened] = [line.strip() for line in text.splitlines() if "…" in line]
        kept = shortened.removesuffix("…").split()
        whole = long.title.split()[:len(kept)]
        assert kept[:-1] == whole[:-1] and kept[-1] == whole[-1].rstrip(",:;"), shortened


CARD_NAMES = ["Tôn Nữ Hoàng Phương Thảo Nguyên", "Nguyễn Huỳnh Ngọc Bảo Trân",
              "Đặng Thị Mỹ Dung", "Lữ Thị Ngọc Trữ", "Hoàng Thị Thuỷ", "Vũ Ẵng Ặc Ựa Ữu Ỷ",
              "Phạm Ngọc Ánh Dương Tôn Nữ Hoàng Thị Diệu Linh", "Lê Văn Út"]
SCHOOL = "Trường Trung học cơ sở Nguyễn Văn Trỗi, xã Phước Hiệp"


def _cards() -> list[CardData]:
    return [CardData(f"HS{n:06d}", name, SCHOOL, "12A10", "2025-2026",
                     category="teacher" if n == 6 else "student",
                     expires_on="2026-05-31" if n % 2 else "")
            for n, name in enumerate(CARD_NAMES + CARD_NAMES[1::-1])]  # 8 and 9: the other column


def test_a_name_prints_at_the_same_size_in_both_columns_of_cards(tmp_path: Path) -> None:
    """The same long name came out at 10 pt on a right-hand card and 8 pt on a left-hand one:
    a rounding error made it measure a hair too wide in one column."""
    cards = _cards()
    words = _words(render_cards(cards, load_template("cr80-10up")), tmp_path)
    for first in ("Huỳnh", "Phương"):  # words of one name each (the school has a Nguyễn)
        heights = {round(y1 - y0, 2) for x0, y0, x1, y1, w in words if w == first}
        assert len(heights) == 1, (first, heights)


@pytest.mark.parametrize("template", ["cr80-10up", "cr80-8up", "avery-l7165"])
def test_cards_with_long_names_and_schools_stay_in_their_boxes_and_scan(tmp_path: Path,
                                                                        template: str) -> None:
    """Long names, a long school name, class 12A10: every word is inside its card and above
    the barcode, names and school read back whole with their marks (ỹ ỷ ẵ ặ ự ữ Đ) from the
    embedded font, and every card's barcode decodes from the page rendered at 300 dpi."""
    sheet = load_template(template)
    cards = _cards()
    pdf = render_cards(cards, sheet)
    text = " ".join(unicodedata.normalize("NFC", pdf_text(pdf, tmp_path / "text")).split())
    for card in cards:
        assert card.full_name in text or all(w in text for w in card.full_name.split())
    assert SCHOOL in text and "Lớp: 12A10" in text and "…" not in text
    assert "ỹ" in text and "Ỷ" in text and "Ẵ" in text and "Ặ" in text and "Ự" in text
    assert "Ữ" in text and "Đ" in text
    words = _words(pdf, tmp_path / "words")  # the first sheet's
    pages = render(pdf, tmp_path / "img")
    spots = place(sheet, len(cards))
    found: list[str] = []
    for spot in spots[:sheet.per_sheet]:
        page = pages[spot.page]
        reads = [r for r in decode(page) if spot.x < r.x_mm < spot.x + spot.width
                 and spot.y < r.y_mm < spot.y + spot.height]
        assert len(reads) == 1
        found.append(reads[0].text)
        read = reads[0]
        # the bars' extent across, on the scan line (the card's outline 1 mm to the right left out)
        bars = ink_box(page, (read.left_mm, read.y_mm - 0.3, spot.x + spot.width - 1.0 - read.left_mm,
                              0.6))
        assert bars is not None
        bar_top = bar_top_mm(page, read)
        mm = 72 / 25.4
        for x0, y0, x1, y1, w in words:
            x0, y0, x1, y1 = x0 / mm, y0 / mm, x1 / mm, y1 / mm
            if not (spot.x <= x0 < spot.x + spot.width and spot.y <= y0 < spot.y + spot.height):
                continue
            assert x1 <= spot.x + spot.width - 1.0 and y1 <= spot.y + spot.height - 1.0, w
            if w != read.text and x0 < bars[2] and x1 > bars[0]:
                assert y1 <= bar_top + 0.05, (w, y1, bar_top)
    assert found == [c.card for c in cards[:sheet.per_sheet]]


def test_a_whole_collection_prints_in_accession_order_and_scans(tmp_path: Path) -> None:
    """500 copies of a new delivery on 65-up sheets: the PDF is made in seconds, the labels
    run in accession order row by row, sheet by sheet (the order a librarian sticks them in),
    and every barcode on the first, a middle and the last sheet decodes."""
    sheet = load_template("avery-l7651")
    titles = ["Hướng dẫn thực hành thí nghiệm Vật lí 12 nâng cao", "Tuyển tập truyện ngắn Nam Cao",
              "Mắt biếc", "Dế Mèn phiêu lưu ký"]
    items = [LabelItem(f"TK.{n:05d}", titles[n % 4], LIBRARY, SPINES[n % len(SPINES)])
             for n in range(1, 501)]
    started = time.perf_counter()
    pdf = render_labels("combined", items, sheet)
    elapsed = time.perf_counter() - started
    print(f"500 combined labels: {elapsed:.2f} s, {len(pdf) // 1024} KiB")
    assert elapsed < 30  # about 2 s alone on the 2-core build machine
    pages = render(pdf, tmp_path)
    assert len(pages) == 8
    for index in (0, 4, 7):
        reads = sorted(decode(pages[index]), key=lambda r: (round(r.y_mm), r.x_mm))
        expected = items[index * sheet.per_sheet:(index + 1) * sheet.per_sheet]
        assert [r.text for r in reads] == [i.barcode for i in expected], index


def _kinds() -> list[tuple[str, str]]:
    return [(t.name, kind) for t in list_templates() for kind in t.suited_for]


@pytest.mark.parametrize(("template", "kind"), _kinds())
def test_every_sheet_puts_each_label_inside_its_cell_with_printer_offsets(tmp_path: Path,
                                                                          template: str,
                                                                          kind: str) -> None:
    """Every sheet the app offers, every kind it is meant for: one label alone on the page in
    the first slot, the last of the first row and the last of the sheet, with the printer
    offsets a librarian sets (up to a few mm either way): all its ink, barcode included, lies
    in its cell moved by the offsets (0.2 mm for rasterising at 200 dpi)."""
    sheet = load_template(template)
    item = LabelItem("TK.00123", "Hướng dẫn thực hành thí nghiệm Vật lí 12 nâng cao", LIBRARY,
                     SPINES[2])
    card = CardData("HS000123", CARD_NAMES[0], SCHOOL, "12A10", "2025-2026", expires_on="2026-05-31")
    values = [card] if kind in ("cards", "class_sheet") else [item]
    for offset in ((0.0, 0.0), (1.5, -1.0), (-2.0, 2.0)):
        for slot in sorted({1, sheet.columns, sheet.per_sheet}):
            options = PrintOptions(slot, *offset)
            [spot] = place(sheet, 1, slot, *offset)
            pdf = to_pdf(make_document(kind, values, sheet, options))
            [page] = render(pdf, tmp_path / f"{slot}-{offset}", dpi=200)
            heading = 25.0 if kind == "class_sheet" else 0.0  # the desk sheet's title and page number
            ink = ink_box(page, (0, heading, sheet.page_width, sheet.page_height - heading), dpi=200)
            assert ink is not None
            left, top, right, bottom = ink
            assert left >= spot.x - 0.2 and top >= spot.y - 0.2, (slot, offset, ink, spot)
            assert right <= spot.x + spot.width + 0.2, (slot, offset, ink, spot)
            assert bottom <= spot.y + spot.height + 0.2, (slot, offset, ink, spot)


def test_a_long_school_name_keeps_the_schools_own_name_on_small_labels(tmp_path: Path) -> None:
    """'Thư viện Trường Trung học cơ sở Nguyễn Văn Trỗi, xã Phước Hiệp' on a 38.1 mm combined
    label came out 'Trung học cơ sở Nguyễn Văn…': the school's own name lost. It is shortened
    as the school's stamp is (address dropped, THCS) and printed whole where it fits whole."""
    school = "Thư viện Trường Trung học cơ sở Nguyễn Văn Trỗi, xã Phước Hiệp"
    item = LabelItem("TK.00001", "Mắt biếc", school, SPINES[0])
    small = unicodedata.normalize("NFC", pdf_text(render_labels("combined", [item],
                                                                load_template("avery-l7651")),
                                                  tmp_path / "small"))
    assert "Trường THCS Nguyễn Văn Trỗi" in small and "…" not in small
    wide = unicodedata.normalize("NFC", pdf_text(render_labels("items", [item],
                                                               load_template("avery-l7163")),
                                                 tmp_path / "wide"))
    assert school in wide


def test_labels_of_a_delivery_come_out_in_the_registers_order(tmp_path: Path) -> None:
    """Copies imported with their own accession numbers (a MARC file lists them record by
    record, not by number) printed with 'thuvien labels --since' in the order they were
    entered: TK.00103 first. They now come out as the register lists them, prefix by prefix,
    number by number, which is the order the librarian sticks them in."""
    from app.cli import main
    from app.library import Library

    lib = Library.open(tmp_path / "lib.sqlite3")
    lib.settings.set("library_name", LIBRARY)
    first = lib.catalog.add_record("Tuyển tập truyện ngắn Nam Cao", authors=["Nam Cao"],
                                   classification="895.922 334")
    second = lib.catalog.add_record("Mắt biếc", authors=["Nguyễn Nhật Ánh"], classification="895.92234")
    for record, barcode in ((first, "TK.00103"), (first, "TK.00110"), (second, "TK.00101"),
                            (second, "TK.00102"), (first, "TK.00009")):
        lib.catalog.add_item(record, barcode=barcode, acquired_on="2025-09-01")
    lib.close()
    out = tmp_path / "labels.pdf"
    assert main(["--db", str(tmp_path / "lib.sqlite3"), "labels", "items", "--since", "01/09/2025",
                 "--template", "avery-l7163", "--out", str(out)]) == 0
    [page] = render(out.read_bytes(), tmp_path / "img")
    reads = sorted(decode(page), key=lambda r: (round(r.y_mm), r.x_mm))  # row by row
    assert [r.text for r in reads] == ["TK.00009", "TK.00101", "TK.00102", "TK.00103", "TK.00110"]
