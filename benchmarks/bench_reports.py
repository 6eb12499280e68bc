"""Registers and statistics on a large school library: how long each takes to compute, to draw
and to write, in CPU time and wall time (the machine is shared: CPU time is what this code
costs).

    .venv/bin/python benchmarks/bench_reports.py [--copies 30000] [--loans 40000]

The library is made in a temporary file: records through the catalog service, copies and
loans inserted in bulk (as an import would), spread over four collections, 40 deliveries and
a school year of loans by 1,000 readers. The loan book is made for October and for the whole
school year, the reading-room tally for October, the annual report for 2025-2026.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import sys
import tempfile
import time
import uuid
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.library import Library  # noqa: E402
from app.reports.period import Period  # noqa: E402


def cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def build(lib: Library, copies: int, loans: int) -> None:
    rng = random.Random(7)
    records = [lib.catalog.add_record(f"Sách số {n} — tuyển tập truyện ngắn và thơ Việt Nam",
                                      authors=[f"Tác giả {n % 97}"], year=2000 + n % 25,
                                      publisher="Kim Đồng", place="Hà Nội")
               for n in range(copies // 20)]
    library_id = lib.settings.library_id
    now = "2025-09-01T00:00:00.000000Z"
    codes = ("GK", "TK", "NV", "TN")
    counters = dict.fromkeys(codes, 0)
    rows = []
    for n in range(copies):
        code = codes[n % 4]
        counters[code] += 1
        day = date(2024, 8, 1) + timedelta(days=(n * 40 // copies) * 9)
        rows.append((str(uuid.uuid4()), library_id, now, now, records[n % len(records)],
                     f"{code}.{counters[code]:05d}", code, "textbook" if code == "GK" else "book",
                     "available", 20000 + n % 7 * 5000, day.isoformat(), "Mua"))
    patrons = [lib.patrons.add(f"Học sinh {n}", class_name=f"{6 + n % 4}A{n % 5}").id
               for n in range(1000)]
    with lib.db.transaction() as conn:
        conn.executemany(
            "INSERT INTO items(uuid, library_id, created_at, updated_at, record_id, barcode, "
            "collection, item_type, status, price, acquired_on, source) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
        ids = [r[0] for r in conn.execute("SELECT id FROM items")]
        loan_rows = []
        for n in range(loans):
            lent = date(2025, 9, 5) + timedelta(days=rng.randrange(250))
            back = lent + timedelta(days=rng.randrange(30))
            loan_rows.append((str(uuid.uuid4()), library_id, now, now, ids[n % len(ids)],
                              patrons[n % len(patrons)], f"{lent.isoformat()}T02:00:00.000000Z",
                              (lent + timedelta(days=14)).isoformat(),
                              f"{back.isoformat()}T03:00:00.000000Z", "student", "6A1"))
        conn.executemany(
            "INSERT INTO loans(uuid, library_id, created_at, updated_at, item_id, patron_id, "
            "loaned_at, due_on, returned_at, patron_category, patron_class) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", loan_rows)


def measure(label: str, action: object) -> object:
    start_cpu, start = cpu(), time.perf_counter()
    result = action()  # type: ignore[operator]
    print(f"{label:<44} {time.perf_counter() - start:7.2f} s wall {cpu() - start_cpu:7.2f} s CPU")
    return result


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--copies", type=int, default=30000)
    parser.add_argument("--loans", type=int, default=40000)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp())
    with Library.open(folder / "big.sqlite3") as lib:
        build(lib, args.copies, args.loans)
        print(f"{args.copies} copies, {args.loans} loans; load average "
              f"{os.getloadavg()[0]:.1f}")
        reports = lib.reports
        year = Period(date(2025, 8, 1), date(2026, 7, 31))
        month = Period(date(2025, 10, 1), date(2025, 10, 31))
        periods = {"statistics": year, "loans-students": month, "loans-students (year)": year,
                   "tally": month, "annual": year}
        for label in ("individual", "general", "textbook", "statistics", "loans-students",
                      "loans-students (year)", "tally", "annual"):
            kind, period = label.split(" ")[0], periods.get(label)
            report = measure(f"{label}: compute", lambda k=kind, p=period:
                             reports.report(k, period=p))
            pdf = measure(f"{label}: PDF", lambda r=report: reports.render(r, "pdf"))
            xlsx = measure(f"{label}: XLSX", lambda r=report: reports.render(r, "xlsx"))
            print(f"  {report.row_count()} lines, PDF {len(pdf) // 1024} KB, "  # type: ignore[attr-defined, arg-type]
                  f"XLSX {len(xlsx) // 1024} KB")  # type: ignore[arg-type]
    print(f"load average after: {os.getloadavg()[0]:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
