"""Benchmark: 1,000 item barcode labels to PDF (goal ≤ 1.5 s on the 2-core machine).

Run: .venv/bin/python benchmarks/bench_labels.py
Prints the time of the first (cold: font loading, subsetting) and best of three runs, and the
PDF size, for the 65-up sheet; then the same for spine and combined labels.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.labels import CallNumber, LabelItem, PrintOptions, load_template, render_labels  # noqa: E402

TITLES = ["Mắt biếc", "Dế Mèn phiêu lưu ký", "Harry Potter và hòn đá phù thủy",
          "Tuyển tập truyện ngắn Việt Nam thế kỷ XX: những tác phẩm đặc sắc nhất"]


def main() -> None:
    items = [LabelItem(f"TK.{n:05d}", TITLES[n % 4], "Thư viện Trường THCS Nguyễn Du",
                       CallNumber("895.9223", "ÁNH", "T.1" if n % 3 == 0 else "", "2019").lines())
             for n in range(1, 1001)]
    for kind, template in (("items", "avery-l7651"), ("spine", "avery-l7651"), ("combined", "avery-l7654")):
        sheet = load_template(template)
        times = []
        pdf = b""
        for _ in range(3):
            start = time.perf_counter()
            pdf = render_labels(kind, items, sheet, PrintOptions(start=1))
            times.append(time.perf_counter() - start)
        print(f"{kind:<9} 1000 labels on {template}: first {times[0]:.2f} s, best {min(times):.2f} s, "
              f"{len(pdf) / 1024:.0f} KiB, {-(-1000 // sheet.per_sheet)} pages")


if __name__ == "__main__":
    main()
