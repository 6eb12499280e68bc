#!/usr/bin/env python3
"""Screenshots of the real window under Xvfb, driven like a librarian with xdotool.

    .venv/bin/python scripts/screenshots.py            # → docs/screenshots/*.png

Makes a demo library with the app's own APIs, starts ``thuvien`` on it in a 1366×768 Xvfb
screen, types scanner bursts (a card, then books) and Enter into the desk, then visits each
view and saves a PNG of the whole screen (Pillow's X grab). Needs Xvfb and xdotool.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from PIL import ImageGrab

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "screenshots"
SCREEN = "1366x768x24"
sys.path.insert(0, str(ROOT))

BOOKS = [
    ("Dế Mèn phiêu lưu ký", "Tô Hoài", 2019, "895.9223", "Kim Đồng", ["Truyện thiếu nhi"]),
    ("Tắt đèn", "Ngô Tất Tố", 2015, "895.9223", "Văn học", ["Văn học hiện thực"]),
    ("Số đỏ", "Vũ Trọng Phụng", 2016, "895.9223", "Văn học", ["Tiểu thuyết"]),
    ("Đất rừng phương Nam", "Đoàn Giỏi", 2018, "895.9223", "Kim Đồng", ["Truyện thiếu nhi"]),
    ("Toán 6 — Tập 1", "Hà Huy Khoái", 2021, "510", "Giáo dục Việt Nam", ["Toán học"]),
    ("Ngữ văn 6 — Tập 1", "Bùi Mạnh Hùng", 2021, "807", "Giáo dục Việt Nam", ["Ngữ văn"]),
    ("Kĩ thuật trồng rau sạch", "Nguyễn Văn Thắng", 2017, "635", "Nông nghiệp", ["Nông nghiệp"]),
    ("Lịch sử Việt Nam bằng tranh", "Trần Bạch Đằng", 2014, "959.7", "Trẻ", ["Lịch sử"]),
    ("Truyện Kiều", "Nguyễn Du", 2012, "895.9221", "Văn học", ["Thơ"]),
    ("Nhật ký trong tù", "Hồ Chí Minh", 2010, "895.9221", "Văn học", ["Thơ"]),
    ("Tôi thấy hoa vàng trên cỏ xanh", "Nguyễn Nhật Ánh", 2018, "895.9223", "Trẻ", ["Truyện dài"]),
    ("Khoa học tự nhiên 6", "Mai Sỹ Tuấn", 2021, "500", "Giáo dục Việt Nam", ["Khoa học"]),
]
DEMO_ISBN = "9786042088763"  # the first book's: scanned again in the new-record form
STUDENTS = [("Nguyễn Văn An", "6A"), ("Trần Thị Bình", "6A"), ("Lê Hoàng Cường", "6A"),
            ("Phạm Thu Dung", "6B"), ("Hoàng Minh Đức", "6B"), ("Vũ Ngọc Hà", "7A"),
            ("Đặng Quốc Huy", "7A"), ("Bùi Thị Lan", "8C"), ("Đỗ Gia Long", "9A"),
            ("Ngô Thảo My", "9A")]


def make_demo(path: Path) -> dict[str, object]:
    """A small school library: records with copies, patrons in classes, loans (one overdue)."""
    from app.circulation.service import Circulation
    from app.library import Library

    with Library.open(path) as lib:
        lib.settings.set("library_name", "Thư viện Trường THCS Nguyễn Du")
        lib.settings.set("library_code", "THCSND")
        lib.settings.set("setup_done", "demo")
        barcodes: list[str] = []
        for title, author, year, ddc, publisher, subjects in BOOKS:
            record = lib.catalog.add_record(title, authors=[author], year=year,
                                            classification=ddc, publisher=publisher,
                                            place="Hà Nội", subjects=subjects,
                                            isbns=[DEMO_ISBN] if title == BOOKS[0][0] else [])
            barcodes += [i.barcode for i in lib.catalog.add_copies(record, 2, collection="TK")]
        cards = [lib.patrons.add(name, class_name=klass).card for name, klass in STUDENTS]
        # A loan made three weeks ago (overdue now) for the first student.
        past = datetime.now(UTC) - timedelta(days=21)
        earlier = Circulation(lib.db, lib.settings, clock=lambda: past)
        earlier.checkout(cards[0], barcodes[20])
        lib.circulation.checkout(cards[3], barcodes[6])
        lib.circulation.desk.clear_patron()
    return {"cards": cards, "barcodes": barcodes}


def run(command: list[str], **kwargs: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, check=True, text=True, capture_output=True, **kwargs)  # type: ignore[call-overload,no-any-return]


def main() -> int:
    for tool in ("Xvfb", "xdotool"):
        if shutil.which(tool) is None:
            print(f"missing {tool} (apt-get install xvfb xdotool)", file=sys.stderr)
            return 2
    OUT.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="thuvien-shots-"))
    demo = make_demo(work / "demo.sqlite3")
    display = ":97"
    xvfb = subprocess.Popen(["Xvfb", display, "-screen", "0", SCREEN, "-nolisten", "tcp"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    env = dict(os.environ, DISPLAY=display, QT_QPA_PLATFORM="xcb",
               XDG_CONFIG_HOME=str(work / "config"), THUVIEN_DB=str(work / "demo.sqlite3"))
    env.pop("WAYLAND_DISPLAY", None)
    app = None
    try:
        time.sleep(1.0)  # Xvfb has no readiness signal; xdotool --sync waits for the window
        app = subprocess.Popen([sys.executable, "-c", "import sys; from app.cli import main; "
                                "sys.exit(main())", "--db",
                                str(work / "demo.sqlite3"), "--lang", "vi"], cwd=ROOT, env=env)
        window = run(["xdotool", "search", "--sync", "--onlyvisible", "--name", "ThuVien"],
                     env=env, timeout=60).stdout.split()[0]
        run(["xdotool", "windowsize", window, "1366", "768"], env=env)
        run(["xdotool", "windowmove", window, "0", "0"], env=env)
        run(["xdotool", "windowfocus", "--sync", window], env=env)  # no window manager
        time.sleep(1.0)

        def shot(name: str, pause: float = 0.8) -> None:
            time.sleep(pause)  # let the window repaint before the capture
            ImageGrab.grab(xdisplay=display).save(OUT / f"{name}.png")
            print(f"saved docs/screenshots/{name}.png")

        def scan(code: str) -> None:  # a scanner: ~5 ms per key, then Enter
            run(["xdotool", "type", "--delay", "5", code], env=env)
            run(["xdotool", "key", "Return"], env=env)
            time.sleep(0.4)

        cards = list(demo["cards"])  # type: ignore[call-overload]
        barcodes = list(demo["barcodes"])  # type: ignore[call-overload]
        shot("desk-empty")
        scan(cards[0])  # a student with an overdue book: shown in red, loans refused
        scan(barcodes[0])
        shot("desk-overdue")
        scan(cards[1])
        for code in barcodes[:3]:
            scan(code)
        shot("desk")
        scan("XYZ-123")  # an unknown code: refused in red, nothing changes
        shot("desk-refused")
        run(["xdotool", "key", "ctrl+2"], env=env)
        time.sleep(0.5)
        run(["xdotool", "type", "--delay", "120", "truyen"], env=env)  # a person typing
        time.sleep(1.0)
        run(["xdotool", "key", "Down"], env=env)
        shot("catalog")
        run(["xdotool", "key", "ctrl+n"], env=env)  # quick entry: scan the book's ISBN
        time.sleep(0.5)
        scan(DEMO_ISBN)  # already here: the form offers that record to add copies
        shot("catalog-isbn-known")
        run(["xdotool", "key", "Escape"], env=env)
        run(["xdotool", "key", "ctrl+3"], env=env)
        shot("patrons")
        run(["xdotool", "key", "ctrl+4"], env=env)
        shot("settings")
        run(["xdotool", "mousemove", "420", "38", "click", "1"], env=env)  # "Loan rules" tab
        shot("settings-loan-rules")
        run(["xdotool", "key", "ctrl+shift+s"], env=env)  # not enrolled: the sync tab opens
        shot("settings-district-sync")
        run(["xdotool", "key", "ctrl+1"], env=env)
        time.sleep(0.3)
        run(["xdotool", "key", "F4"], env=env)
        scan(barcodes[0])  # a burst typed while focus is on the desk: check-in
        shot("desk-checkin")
    finally:
        if app is not None:
            app.terminate()
            try:
                app.wait(10)
            except subprocess.TimeoutExpired:
                app.kill()
        xvfb.terminate()
        xvfb.wait(10)
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
