"""Catalog benchmark: MARC import rate against pymarc's raw parse, search latency, DB size.

    .venv/bin/python benchmarks/bench_catalog.py            # 100k records
    .venv/bin/python benchmarks/bench_catalog.py --million  # then grow to 1M and search again
    .venv/bin/python benchmarks/bench_catalog.py --search FILE  # search a library made before

``--search`` runs only the search passes on a library a previous run left (``--dir``), so
that two versions of the code can be compared on the same records, one after the other
(a copy for each version when the newer one migrates the file).

Prints one block of figures (docs/performance.md explains them and keeps the last ones).

Wall-clock rates are what the goals are about; the process CPU times are printed next to them
because on a shared machine the load changes wall times from one minute to the next. pymarc
is timed before and after the import and its faster run is used, so the ratio is never
flattered by a slow pymarc run.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import vn_records  # noqa: E402

if TYPE_CHECKING:
    from app.library import Library

# pymarc and the application are imported where they are used: the import's reading process
# is started with "spawn", which runs this module again before its work, and an import from
# the `thuvien` command starts from a module that imports next to nothing.

QUERIES = 400


def make_file(path: Path, count: int, seed: int, first: int) -> None:
    from app.catalog.marc import write_iso2709

    with path.open("wb") as out:
        write_iso2709(vn_records.records(count, seed=seed, first_number=first), out)


def pymarc_parse(path: Path) -> tuple[float, float]:
    """pymarc's raw parse of *path*: (records/s wall, CPU seconds per record)."""
    import pymarc

    start, cpu = time.perf_counter(), time.process_time()
    n = 0
    with path.open("rb") as fh:
        for record in pymarc.MARCReader(fh, to_unicode=True, force_utf8=True):
            n += record is not None
    return n / (time.perf_counter() - start), (time.process_time() - cpu) / n


def _children_cpu() -> float:
    times = os.times()
    return times.children_user + times.children_system


def import_file(lib: Library, path: Path) -> tuple[float, float, float, int, int]:
    """Import *path*: (records/s wall, CPU seconds per record in this process and in the
    reader process, records, copies)."""
    start, cpu, child = time.perf_counter(), time.process_time(), _children_cpu()
    report = lib.catalog.import_marc(path)
    elapsed, used = time.perf_counter() - start, time.process_time() - cpu
    done = report.imported + report.merged
    return done / elapsed, used / done, (_children_cpu() - child) / done, done, report.items


def report_import(lib: Library, path: Path, label: str) -> None:
    raw1, raw_cpu1 = pymarc_parse(path)
    rate, cpu, reader_cpu, done, items = import_file(lib, path)
    raw2, raw_cpu2 = pymarc_parse(path)
    raw, raw_cpu = max(raw1, raw2), min(raw_cpu1, raw_cpu2)
    print(f"{label}: {done:,} records, {items:,} copies, file {path.stat().st_size / 1e6:.1f} MB")
    print(f"  pymarc raw parse: {raw:,.0f} records/s (runs: {raw1:,.0f} and {raw2:,.0f})")
    print(f"  ThuVien import (records + copies + search index + outbox): {rate:,.0f} records/s "
          f"= {rate / raw:.2f} × pymarc's raw parse (goal ≥ 0.8)")
    print(f"  CPU per record: import {(cpu + reader_cpu) * 1e6:.0f} µs (this process "
          f"{cpu * 1e6:.0f} µs, reader process {reader_cpu * 1e6:.0f} µs), pymarc "
          f"{raw_cpu * 1e6:.0f} µs (CPU-time ratio {raw_cpu / (cpu + reader_cpu):.2f}; "
          f"busiest process {raw_cpu / max(cpu, reader_cpu):.2f})")


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[max(0, int(len(ordered) * share) - 1)]


def report_search(lib: Library, label: str, goal_ms: float) -> None:
    queries = vn_records.queries(QUERIES)
    for q in queries[:40]:  # warm the page cache
        lib.catalog.search(q, limit=20)
    for run in (1, 2):
        wall, cpu, estimated = [], [], 0
        for q in queries:
            start, used = time.perf_counter(), time.process_time()
            result = lib.catalog.search(q, limit=20)
            wall.append((time.perf_counter() - start) * 1000)
            cpu.append((time.process_time() - used) * 1000)
            estimated += not result.total_exact
        print(f"  search {label}, pass {run}: p50 {statistics.median(wall):.1f} ms, "
              f"p95 {_percentile(wall, 0.95):.1f} ms, max {max(wall):.1f} ms "
              f"(goal p95 ≤ {goal_ms:g} ms); CPU p50 {statistics.median(cpu):.1f} ms, "
              f"p95 {_percentile(cpu, 0.95):.1f} ms; {estimated} of {len(queries)} totals "
              f"estimated")
    print(f"    ({len(queries)} queries of 1-3 words, last word often a prefix, top 20 ranked)")
    for q in ("t", "vi", "nguyễn", "văn học", "9786"):
        start = time.perf_counter()
        result = lib.catalog.search(q, limit=20)
        kind = "" if result.total_exact else " (estimated)"
        print(f"    query {q!r}: {(time.perf_counter() - start) * 1000:.1f} ms, "
              f"{result.total:,} hits{kind}")


def report_size(lib: Library, path: Path, records: int) -> None:
    lib.db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    size = path.stat().st_size
    print(f"  database: {size / 1e6:.1f} MB, {size / records / 1024:.2f} KiB per record "
          f"(with its copies, search index and outbox rows)")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--million", action="store_true", help="grow to 1M records and search")
    parser.add_argument("--dir", type=Path, default=None)
    parser.add_argument("--search", type=Path, default=None, metavar="FILE",
                        help="only search the library FILE (made by an earlier run)")
    args = parser.parse_args()
    from app.library import Library

    if args.search:
        print(f"machine: {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f} at start")
        with Library.open(args.search) as lib:
            size = lib.db.conn.execute("SELECT count(*) FROM records").fetchone()[0]
            report_search(lib, f"at {size:,} records", 5 if size <= 100_000 else 20)
        print(f"load average {os.getloadavg()[0]:.1f} at the end")
        return

    work = args.dir or Path(tempfile.mkdtemp(prefix="thuvien-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    print(f"machine: {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f} at start")
    first = work / "first.mrc"
    make_file(first, args.records, seed=1, first=1)
    db_path = work / "bench.sqlite3"
    lib = Library.open(db_path)
    report_import(lib, first, "import into an empty library")
    report_search(lib, f"at {args.records:,} records", 5)
    report_size(lib, db_path, args.records)
    if args.million:
        rest = 1_000_000 - args.records
        second = work / "rest.mrc"
        make_file(second, rest, seed=2, first=args.records + 1)
        report_import(lib, second, f"import of {rest:,} more into the same library")
        report_search(lib, "at 1,000,000 records", 20)
        report_size(lib, db_path, 1_000_000)
    print(f"load average {os.getloadavg()[0]:.1f} at the end")
    lib.close()


if __name__ == "__main__":
    main()
