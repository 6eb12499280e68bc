"""How long the students' loan book (sổ mượn) of a whole school year takes to make and write
as PDF, for a lower secondary school whose pupils get their textbooks as class sets, in CPU
time and wall time (the machine may be shared: CPU time is what this code costs), with the
number of lines and pages printed.

    .venv/bin/python benchmarks/bench_loanbook_class_sets.py [--classes 16] [--pupils 40]
        [--titles 8] [--loans 4000]

The school: *classes* classes of *pupils* pupils (grades 6–9); at the start of September
each class gets its set of *titles* textbooks, one of each per pupil (a class-set session, a
day per class), back at the end of May but for a few lost; over the year the pupils borrow
*loans* other books one at a time. Rows are inserted in bulk, as an import would.
"""

from __future__ import annotations

import argparse
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app.library import Library  # noqa: E402
from app.reports.period import Period  # noqa: E402
from app.reports.service import Reports  # noqa: E402


def cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _stamp(day: date, hour: int = 2) -> str:
    return f"{day.isoformat()}T{hour:02d}:00:00.000000Z"


def build(lib: Library, classes: int, pupils: int, titles: int, loans: int) -> None:
    rng = random.Random(11)
    library_id = lib.settings.library_id
    now = "2025-08-20T00:00:00.000000Z"
    names = [f"{6 + c % 4}A{c // 4 + 1}" for c in range(classes)]
    textbooks = {grade: [lib.catalog.add_record(f"Sách giáo khoa môn {n + 1} lớp {grade}",
                                                volume="Tập 1", year=2021,
                                                publisher="Giáo dục Việt Nam")
                         for n in range(titles)] for grade in range(6, 10)}
    others = [lib.catalog.add_record(f"Truyện đọc thêm số {n}", authors=[f"Tác giả {n % 37}"],
                                     year=2015 + n % 10, publisher="Kim Đồng")
              for n in range(300)]
    item_rows, counters = [], {"GK": 0, "TK": 0}

    def copy(record_id: int, code: str) -> None:
        counters[code] += 1
        item_rows.append((str(uuid.uuid4()), library_id, now, now, record_id,
                          f"{code}.{counters[code]:05d}", code,
                          "textbook" if code == "GK" else "book", "available", 20000,
                          "2025-08-20", "Mua"))

    for name in names:
        for record_id in textbooks[int(name[0])]:
            for _ in range(pupils):
                copy(record_id, "GK")
    for record_id in others:
        for _ in range(4):
            copy(record_id, "TK")
    patron_rows = []
    for c, name in enumerate(names):
        for p in range(pupils):
            patron_rows.append((str(uuid.uuid4()), library_id, now, now, "student",
                                f"Nguyễn Văn Học Sinh {c * pupils + p}", "", name,
                                int(name[0]), "2025-2026", f"HS{c * pupils + p:05d}"))
    with lib.db.transaction() as conn:
        conn.executemany(
            "INSERT INTO items(uuid, library_id, created_at, updated_at, record_id, barcode, "
            "collection, item_type, status, price, acquired_on, source) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", item_rows)
        conn.executemany(
            "INSERT INTO patrons(uuid, library_id, created_at, updated_at, category, full_name, "
            "name_fold, class_name, grade, school_year, card) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", patron_rows)
        items = {(r, n): i for n, (i, r) in enumerate(conn.execute(
            "SELECT id, record_id FROM items WHERE collection = 'GK' ORDER BY id"))}
        by_record: dict[int, list[int]] = {}
        for (record_id, _n), item_id in items.items():
            by_record.setdefault(record_id, []).append(item_id)
        loan_rows = []
        for c, name in enumerate(names):
            day = date(2025, 9, 3) + timedelta(days=c // 3)
            session = conn.execute(
                "INSERT INTO class_loans(uuid, library_id, created_at, updated_at, class_name, "
                "school_year, record_ids, due_on, status) VALUES (?, ?, ?, ?, ?, '2025-2026', "
                "'[]', '2026-05-31', 'closed')",
                (str(uuid.uuid4()), library_id, now, now, name)).lastrowid
            pupil_ids = [r[0] for r in conn.execute(
                "SELECT id FROM patrons WHERE class_name = ? ORDER BY id", (name,))]
            for p, patron_id in enumerate(pupil_ids):
                for record_id in textbooks[int(name[0])]:
                    item_id = by_record[record_id].pop()
                    lost = rng.random() < 0.01
                    back = date(2026, 5, 25) + timedelta(days=rng.randrange(6))
                    loan_rows.append((str(uuid.uuid4()), library_id, now, now, item_id,
                                      patron_id, _stamp(day, 1 + p // 20), "2026-05-31",
                                      _stamp(back), "lost" if lost else None, session,
                                      "student", name))
        book_ids = [r[0] for r in conn.execute("SELECT id FROM items WHERE collection = 'TK'")]
        all_pupils = [r[0] for r in conn.execute("SELECT id, class_name FROM patrons")]
        for n in range(loans):
            lent = date(2025, 9, 15) + timedelta(days=rng.randrange(240))
            back = lent + timedelta(days=rng.randrange(20))
            loan_rows.append((str(uuid.uuid4()), library_id, now, now,
                              book_ids[n % len(book_ids)], all_pupils[n % len(all_pupils)],
                              _stamp(lent), (lent + timedelta(days=14)).isoformat(),
                              _stamp(back), None, None, "student", "6A1"))
        conn.executemany(
            "INSERT INTO loans(uuid, library_id, created_at, updated_at, item_id, patron_id, "
            "loaned_at, due_on, returned_at, outcome, class_loan_id, patron_category, "
            "patron_class) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", loan_rows)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--classes", type=int, default=16)
    parser.add_argument("--pupils", type=int, default=40)
    parser.add_argument("--titles", type=int, default=8)
    parser.add_argument("--loans", type=int, default=4000)
    parser.add_argument("--keep", type=Path, help="copy the PDF there")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        lib = Library.open(Path(folder) / "library.sqlite3")
        build(lib, args.classes, args.pupils, args.titles, args.loans)
        (count,) = lib.db.conn.execute("SELECT count(*) FROM loans").fetchone()
        print(f"{args.classes} classes x {args.pupils} pupils x {args.titles} textbooks, "
              f"{args.loans} other loans: {count} loans")
        reports = Reports(lib.db, lib.settings, today=lambda: date(2026, 8, 1))
        year = Period.school_year(2025)
        start_cpu, start = cpu(), time.perf_counter()
        report = reports.report("loans-students", period=year)
        pdf = reports.write(report, Path(folder) / "so-muon.pdf")
        wall, used = time.perf_counter() - start, cpu() - start_cpu
        info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
        pages = next((line.split()[-1] for line in info.splitlines()
                      if line.startswith("Pages:")), "?")
        print(f"students' loan book, school year: {report.row_count()} lines, {pages} pages, "
              f"{pdf.stat().st_size // 1024} KiB, {wall:.2f} s wall, {used:.2f} s CPU")
        if args.keep:
            shutil.copyfile(pdf, args.keep)
        lib.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
