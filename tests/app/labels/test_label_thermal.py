"""TSPL and ZPL jobs: parsed back command by command; the text bitmap has the declared size;
a printer emulated from the job's own numbers prints a barcode that scans."""

from __future__ import annotations

import re

import pytest
import zxingcpp
from PIL import Image, ImageDraw

from app.errors import ValidationError
from app.labels import CallNumber, LabelItem
from app.labels.code128 import code128_bars
from app.labels.thermal import ThermalMedia, tspl_job, zpl_job

ITEMS = [LabelItem("TK.00003", "Mắt biếc", "Thư viện Trường THCS Nguyễn Du",
                   CallNumber("895.9223", "ÁNH", "", "2019").lines()),
         LabelItem("GK.00012", "Tiếng Việt 6, tập một", "Thư viện Trường THCS Nguyễn Du",
                   CallNumber("4(V)", "TIẾ", "T.1").lines())]


def _parse_tspl(job: bytes) -> tuple[list[str], list[dict[str, object]]]:
    """Header commands and, per label, its BITMAP (header + raw data) and BARCODE arguments."""
    header: list[str] = []
    labels: list[dict[str, object]] = []
    pos = 0
    current: dict[str, object] = {}
    while pos < len(job):
        end = job.index(b"\r\n", pos)
        line = job[pos:end]
        if line.startswith(b"BITMAP "):
            fields = line[7:].split(b",", 5)
            x, y, row, rows, mode = (int(f) for f in fields[:5])
            start = pos + 7 + sum(len(f) + 1 for f in fields[:5])
            data = job[start:start + row * rows]
            assert job[start + row * rows:start + row * rows + 2] == b"\r\n"
            current["bitmap"] = (x, y, row, rows, mode, data)
            pos = start + row * rows + 2
            continue
        text = line.decode("ascii")
        if text == "CLS":
            current = {}
        elif text.startswith("BARCODE "):
            current["barcode"] = next(iter(re.findall(r'^BARCODE (\d+),(\d+),"128",(\d+),0,0,(\d+),(\d+),"(.*)"$', text)))
        elif text.startswith("PRINT "):
            assert text == "PRINT 1,1"
            labels.append(current)
        else:
            header.append(text)
        pos = end + 2
    return header, labels


def _emulate(width: int, height: int, bits: bytes, row: int, black: int, bar: tuple[int, int, int, int, str] | None
             ) -> Image.Image:
    """What the printer would put on the label: the bitmap plus its own Code 128."""
    image = Image.new("L", (width, height), 255)
    pixels = image.load()
    assert pixels is not None
    for y in range(height):
        for x in range(width):
            bit = (bits[y * row + x // 8] >> (7 - x % 8)) & 1
            if bit == black:
                pixels[x, y] = 0
    if bar:
        x0, y0, h, narrow, code = bar
        draw = ImageDraw.Draw(image)
        bars, _ = code128_bars(code)
        for start, w in bars:
            draw.rectangle([x0 + start * narrow, y0, x0 + (start + w) * narrow - 1, y0 + h - 1], fill=0)
    return image


def test_tspl_job_structure_and_bitmap_size() -> None:
    media = ThermalMedia(50, 30, gap_mm=2, dpi=203)
    header, labels = _parse_tspl(tspl_job("combined", ITEMS, media))
    assert header == ["SIZE 50 mm,30 mm", "GAP 2 mm,0 mm", "DIRECTION 1", "REFERENCE 0,0"]
    assert len(labels) == 2
    for item, label in zip(ITEMS, labels, strict=True):
        x, y, row, rows, mode, data = label["bitmap"]  # type: ignore[misc]
        assert (x, y, mode) == (0, 0, 0)
        assert row == 400 // 8 and rows == 240 and len(data) == row * rows
        bx, by, h, narrow, wide, code = label["barcode"]  # type: ignore[misc]
        assert code == item.barcode and narrow == wide and int(narrow) >= 2
        image = _emulate(400, 240, data, row, 0, (int(bx), int(by), int(h), int(narrow), code))
        assert [r.text for r in zxingcpp.read_barcodes(image)] == [item.barcode]
        # the text really is there, and does not print over the barcode
        plain = _emulate(400, 240, data, row, 0, None)
        assert plain.histogram()[0] > 500
        assert plain.crop((int(bx), int(by), int(bx) + 50, int(by) + int(h))).getextrema() == (255, 255)


def test_tspl_offsets_move_bitmap_and_barcode() -> None:
    _, plain = _parse_tspl(tspl_job("items", ITEMS[:1]))
    _, moved = _parse_tspl(tspl_job("items", ITEMS[:1], ThermalMedia(offset_x_mm=1, offset_y_mm=0.5)))
    assert moved[0]["bitmap"][:2] == (8, 4)  # type: ignore[index]
    px, py = (int(v) for v in plain[0]["barcode"][:2])  # type: ignore[index]
    assert tuple(int(v) for v in moved[0]["barcode"][:2]) == (px + 8, py + 4)  # type: ignore[index]


def test_spine_tspl_job_has_no_barcode() -> None:
    _, labels = _parse_tspl(tspl_job("spine", ITEMS))
    assert all("barcode" not in label and "bitmap" in label for label in labels)


def test_zpl_job_structure_hex_length_and_barcode() -> None:
    job = zpl_job("items", ITEMS, ThermalMedia(60, 40, dpi=300)).decode("ascii")
    formats = re.findall(r"\^XA(.*?)\^XZ", job, re.S)
    assert len(formats) == 2
    for item, fmt in zip(ITEMS, formats, strict=True):
        width, length = (int(v) for v in re.search(r"\^PW(\d+)\^LL(\d+)", fmt).groups())  # type: ignore[union-attr]
        assert (width, length) == (round(60 * 300 / 25.4), round(40 * 300 / 25.4))
        total, total2, row, data = re.search(r"\^GFA,(\d+),(\d+),(\d+),([0-9A-F]*)\^FS", fmt).groups()  # type: ignore[union-attr]
        assert int(total) == int(total2) == int(row) * length and int(row) == (width + 7) // 8
        assert len(data) == 2 * int(total)
        bx, by, narrow, height, code = re.search(
            r"\^FO(\d+),(\d+)\^BY(\d+)\^BCN,(\d+),N,N,N,N\^FD>:(.*?)\^FS", fmt).groups()  # type: ignore[union-attr]
        assert code == item.barcode
        image = _emulate(width, length, bytes.fromhex(data), int(row), 1,
                         (int(bx), int(by), int(height), int(narrow), code))
        assert [r.text for r in zxingcpp.read_barcodes(image)] == [item.barcode]
        assert fmt.endswith("^PQ1")


def test_thermal_job_refuses_characters_the_printer_language_reserves() -> None:
    with pytest.raises(ValidationError):
        zpl_job("items", [LabelItem('TK"1')])
    with pytest.raises(ValidationError):
        tspl_job("items", [LabelItem("TK^001")])


@pytest.mark.parametrize("size", [(40, 30), (50, 30), (60, 40)])
@pytest.mark.parametrize("kind", ["items", "combined"])
def test_a_real_schools_thermal_labels_scan_at_203_dpi(kind: str, size: tuple[int, int]) -> None:
    """Long school name, long titles, long author marks and volume/copy on the rolls schools
    buy: at the printer's 203 dpi every barcode the emulated printer draws scans, and no text
    of the bitmap lands on the bars."""
    school = "Thư viện Trường Trung học cơ sở Nguyễn Văn Trỗi, xã Phước Hiệp"
    items = [LabelItem("TK.00012", "Hướng dẫn thực hành thí nghiệm Vật lí 12 nâng cao", school,
                       ("530.076", "HƯỚNG-DẪN", "T.12 c.3")),
             LabelItem("TK.00345", "Tuyển tập truyện ngắn Nam Cao", school,
                       ("895.922 34", "NG-D", "T.2 c.3"))]
    media = ThermalMedia(*size, dpi=203)
    width, height = media.dots(size[0]), media.dots(size[1])
    _, labels = _parse_tspl(tspl_job(kind, items, media))
    for item, label in zip(items, labels, strict=True):
        _, _, row, _, _, data = label["bitmap"]  # type: ignore[misc]
        bx, by, h, narrow, _, code = label["barcode"]  # type: ignore[misc]
        image = _emulate(width, height, data, row, 0, (int(bx), int(by), int(h), int(narrow), code))
        assert [r.text for r in zxingcpp.read_barcodes(image)] == [item.barcode]
        bars = code128_bars(code)[1] * int(narrow)
        plain = _emulate(width, height, data, row, 0, None)
        assert plain.crop((int(bx), int(by), int(bx) + bars, int(by) + int(h))).getextrema() == (255, 255)
