"""Regenerate the example images of docs/labels (run by hand, from the repository root):

    QT_QPA_PLATFORM=offscreen .venv/bin/python docs/labels/make_examples.py

Sheets are rasterised from the PDFs with poppler's ``pdftoppm`` (what a PDF viewer shows);
``preview-*.png`` and ``dialog-*.png`` are the label dialog and its preview as the window
paints them (QPainter, no poppler); the thermal strip is the TSPL bitmap with the barcode
drawn where the printer draws it.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from PIL import Image, ImageDraw

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from app.labels import (  # noqa: E402
    CallNumber,
    CardData,
    LabelItem,
    PrintOptions,
    load_template,
    render_calibration,
    render_cards,
    render_class_sheet,
    render_labels,
)
from app.labels.code128 import code128_bars  # noqa: E402
from app.labels.thermal import ThermalMedia, layout_label  # noqa: E402

HERE = Path(__file__).resolve().parent
LIBRARY = "Thư viện Trường THCS Nguyễn Du"
BOOKS = [("Mắt biếc", "895.9223", "ÁNH"), ("Harry Potter và hòn đá phù thủy", "823.914", "ROW"),
         ("Dế Mèn phiêu lưu ký", "895.9223", "HOÀ"),
         ("Tuyển tập truyện ngắn Việt Nam thế kỷ XX: những tác phẩm đặc sắc", "895.92230108", "TUY")]


def items(count: int) -> list[LabelItem]:
    out = []
    for n in range(1, count + 1):
        title, number, mark = BOOKS[n % 4]
        volume = "T.1" if n % 3 == 0 else ""
        out.append(LabelItem(f"TK.{n:05d}", title, LIBRARY,
                             CallNumber(number, mark, volume, "2019").lines()))
    return out


def cards(count: int) -> list[CardData]:
    names = ["Nguyễn Thị Thuỷ", "Trần Văn Đức", "Phạm Ngọc Ánh Dương", "Lê Hoàng Bảo Ngọc",
             "Đỗ Minh Khôi", "Tôn Nữ Hoàng Thị Diệu Linh"]
    return [CardData(f"HS{n:06d}", names[n % len(names)], "Trường THCS Nguyễn Du", "6A",
                     "2025-2026", "teacher" if n == 7 else "student") for n in range(1, count + 1)]


def png(pdf: bytes, name: str, dpi: int = 100) -> None:
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "doc.pdf"
        source.write_bytes(pdf)
        subprocess.run(["pdftoppm", "-r", str(dpi), "-png", "-singlefile", "-f", "1", "-l", "1",
                        str(source), str(HERE / name)], check=True)


def sheets() -> None:
    start = PrintOptions(start=3)
    pdf = render_labels("items", items(40), load_template("avery-l7651"), start)
    (HERE / "items-avery-l7651.pdf").write_bytes(pdf)
    png(pdf, "items")
    png(render_labels("spine", items(40), load_template("avery-l7651"), start), "spine")
    png(render_labels("combined", items(20), load_template("avery-l7654"), start), "combined")
    png(render_cards(cards(8), load_template("cr80-10up"), start), "cards")
    png(render_class_sheet(cards(30), load_template("a4-desk-3x9")), "class")
    png(render_calibration(load_template("avery-l7651"), PrintOptions(offset_x=1.5, offset_y=-0.5)),
        "cal")


def thermal() -> None:
    media = ThermalMedia(50, 30, dpi=203)
    strip = Image.new("L", (3 * media.dots(50) + 40, media.dots(30) + 20), 200)
    for index, kind in enumerate(("items", "spine", "combined")):
        layout = layout_label(kind, items(4)[3], media)
        label = Image.new("L", layout.bitmap.size, 255)
        label.paste(0, mask=layout.bitmap)
        if layout.code is not None:
            draw = ImageDraw.Draw(label)
            for begin, width in code128_bars(layout.code)[0]:
                x = layout.barcode_x + begin * layout.narrow
                draw.rectangle([x, layout.barcode_y, x + width * layout.narrow - 1,
                                layout.barcode_y + layout.barcode_height - 1], fill=0)
        strip.paste(label, (10 + index * (media.dots(50) + 10), 10))
    strip.save(HERE / "thermal-50x30-items-spine-combined.png")


def windows() -> None:
    from PySide6.QtCore import QSettings

    from app.library import Library
    from ui.i18n import install_translators
    from ui.labels.dialog import LabelsDialog
    from ui.main import application
    from ui.operations import Operations
    from ui.style import apply_style

    app = application()
    apply_style(app)
    install_translators(app, "vi")
    with tempfile.TemporaryDirectory() as folder:
        lib = Library.open(Path(folder) / "library.sqlite3")
        lib.settings.set("library_name", LIBRARY)
        copies = []
        for title, number, _mark in BOOKS:
            record = lib.catalog.add_record(title, authors=["Nguyễn Nhật Ánh"],
                                            classification=number, year=2019)
            copies += lib.catalog.add_copies(record, 3, collection="TK")
        operations = Operations()
        settings = QSettings(str(Path(folder) / "settings.ini"), QSettings.Format.IniFormat)
        dialog = LabelsDialog(lib, operations, copies, None, settings=settings)
        dialog.show()
        dialog.kind.setCurrentIndex(dialog.kind.findData("combined"))
        dialog.template.setCurrentIndex(dialog.template.findData("avery-l7654"))
        dialog.start.setValue(5)
        app.processEvents()
        dialog.grab().save(str(HERE / "dialog-sheet.png"))
        operation = dialog.render()
        while not operation.done:
            app.processEvents()
        app.processEvents()
        preview = dialog.preview
        assert preview is not None, dialog.error.text()
        preview.resize(900, 820)
        preview.show()
        for _ in range(5):
            app.processEvents()
        preview.grab().save(str(HERE / "preview-combined.png"))
        preview.close()
        thermal_dialog = LabelsDialog(lib, operations, copies, None, settings=settings)
        thermal_dialog.show()
        thermal_dialog.output.setCurrentIndex(thermal_dialog.output.findData("thermal"))
        app.processEvents()
        thermal_dialog.grab().save(str(HERE / "dialog-thermal.png"))
        operations.shutdown()
        lib.close()


if __name__ == "__main__":
    sheets()
    thermal()
    windows()
    print("written to", HERE)
