"""Catalog benchmark: MARC import rate against pymarc's raw parse, search latency, DB size.

    .venv/bin/python benchmarks/bench_catalog.py            # 100k records
    .venv/bin/python benchmarks/bench_catalog.py --million  # then grow to 1M and search again

Prints one block of figures; copy them into the README's Performance section.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

import pymarc

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import vn_records  # noqa: E402

from app.catalog.marc import write_iso2709  # noqa: E402
from app.library import Library  # noqa: E402


def make_file(path: Path, count: int, seed: int, first: int) -> None:
    with path.open("wb") as out:
        write_iso2709(vn_records.records(count, seed=seed, first_number=first), out)


def pymarc_rate(path: Path) -> float:
    start = time.perf_counter()
    n = 0
    with path.open("rb") as fh:
        for record in pymarc.MARCReader(fh, to_unicode=True, force_utf8=True):
            n += record is not None
    return n / (time.perf_counter() - start)


def import_rate(lib: Library, path: Path) -> tuple[float, int]:
    start = time.perf_counter()
    report = lib.catalog.import_marc(path)
    elapsed = time.perf_counter() - start
    return (report.imported + report.merged) / elapsed, report.items


def search_latency(lib: Library, queries: list[str]) -> tuple[float, float, float]:
    times = []
    for q in queries:
        start = time.perf_counter()
        lib.catalog.search(q, limit=20)
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    return statistics.median(times), times[int(len(times) * 0.95) - 1], times[-1]


def report_search(lib: Library, label: str) -> None:
    qs = vn_records.queries(400)
    search_latency(lib, qs[:40])  # warm the page cache
    p50, p95, worst = search_latency(lib, qs)
    print(f"search {label}: p50 {p50:.1f} ms, p95 {p95:.1f} ms, max {worst:.1f} ms "
          f"({len(qs)} queries of 1-3 words, last word a prefix, ranked top 20)")
    for q in ("t", "vi", "nguyễn"):
        start = time.perf_counter()
        total = lib.catalog.search(q, limit=20).total
        print(f"  broad query {q!r}: {(time.perf_counter() - start) * 1000:.1f} ms, {total} hits")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--million", action="store_true", help="grow to 1M records and search")
    parser.add_argument("--dir", type=Path, default=None)
    args = parser.parse_args()
    work = args.dir or Path(tempfile.mkdtemp(prefix="thuvien-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    first = work / "first.mrc"
    make_file(first, args.records, seed=1, first=1)
    raw = pymarc_rate(first)
    lib = Library.open(work / "bench.sqlite3")
    rate, items = import_rate(lib, first)
    print(f"records: {args.records}, copies: {items}, file {first.stat().st_size / 1e6:.1f} MB")
    print(f"pymarc raw parse: {raw:,.0f} records/s")
    print(f"ThuVien import (records + copies + search index + outbox): {rate:,.0f} records/s "
          f"= {rate / raw:.2f} × pymarc's raw parse (goal ≥ 0.8)")
    report_search(lib, f"at {args.records:,} records")
    lib.db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    size = (work / "bench.sqlite3").stat().st_size
    print(f"database: {size / 1e6:.1f} MB, {size / args.records / 1024:.2f} KiB per record "
          f"(with its copies and outbox rows)")
    if args.million:
        rest = 1_000_000 - args.records
        second = work / "rest.mrc"
        make_file(second, rest, seed=2, first=args.records + 1)
        rate2, _ = import_rate(lib, second)
        print(f"import of {rest:,} more into the same library: {rate2:,.0f} records/s")
        report_search(lib, "at 1,000,000 records")
        lib.db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        size = (work / "bench.sqlite3").stat().st_size
        print(f"database: {size / 1e6:.1f} MB, {size / 1_000_000 / 1024:.2f} KiB per record")
    lib.close()


if __name__ == "__main__":
    main()
