"""Search of the district's union catalog (server.catalog_search) at district scale; prints
p50/p95/max per backend.

    .venv/bin/python benchmarks/bench_union_search.py [--records 300000] [--queries 400]
        [--pg URL] [--no-sqlite] [--keep DIR]

Fills a fresh district database (SQLite file, and a fresh PostgreSQL database when --pg
names a server) with *records* union records as the applier writes them (fields, the
folded ``search`` column through its full-text index), 60 libraries holding each record
1-3 times with 1-2 copies, then runs typical queries the way ``thuvien-district search``
and the web page do (a read transaction, 20 hits with holdings): 1-3 title words (the
last often cut short), author names, and ISBNs (10 %). The words come from
benchmarks/vn_records.py: a small vocabulary with a Zipf-like skew, so common words match a
large share of the catalog (harder than a real one).
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO), str(REPO / "tests" / "server"), str(REPO / "benchmarks")]

from sqlalchemy import text  # noqa: E402
from vn_records import _isbn, person, queries, title  # noqa: E402

from server import bulk, catalog_search, union  # noqa: E402
from server.db import make_engine, read, upgrade, write  # noqa: E402
from server.models import (  # noqa: E402
    lib_items,
    lib_records,
    libraries,
    union_records,
)
from server.settings import load_settings  # noqa: E402

LIBRARIES = 60
CHUNK = 20_000
STATUSES = ["available"] * 6 + ["on_loan"] * 3 + ["withdrawn", "lost"]


def fill(url: str, count: int, seed: int = 5) -> list[str]:
    """The union catalog of *count* records; returns some of their ISBNs (for queries)."""
    settings = load_settings(url)
    upgrade(settings)
    engine = make_engine(settings)
    rng = random.Random(seed)
    isbns: list[str] = []
    t0 = time.perf_counter()
    try:
        with write(engine) as conn:
            bulk.insert_rows(conn, libraries, ("id", "code", "name", "type", "created_at"), [
                (n, f"TH-{n:03d}", f"Trường Tiểu học số {n}", "school", "2025-01-01")
                for n in range(1, LIBRARIES + 1)])
        for start in range(1, count + 1, CHUNK):
            unions, records, items = [], [], []
            for uid in range(start, min(count + 1, start + CHUNK)):
                authors = [person(rng)] + ([person(rng)] if rng.random() < 0.3 else [])
                isbn = _isbn(uid)
                if rng.random() < 0.01:
                    isbns.append(isbn)
                fields = {"title": title(rng), "authors": authors, "isbns": [isbn],
                          "year": rng.randint(1990, 2025), "publisher": "Kim Đồng"}
                held = rng.sample(range(1, LIBRARIES + 1), rng.choice([1, 1, 2, 3]))
                unions.append((uid, union.key_of(fields), union.to_json(fields), held[0],
                               f"r{uid}", False, "2025-10-01", union.search_text(fields),
                               fields["year"]))
                for lib in held:
                    records.append((lib, f"r{uid}", uid, "{}", False))
                    for c in range(rng.choice([1, 1, 2])):
                        items.append((lib, f"i{uid}-{c}", f"r{uid}", f"GK.{uid}{c}",
                                      rng.choice(STATUSES), "{}", False))
            with write(engine) as conn:
                bulk.insert_rows(conn, union_records, (
                    "id", "title_key", "fields", "source_library_id", "source_uuid", "deleted",
                    "updated_at", "search", "year"), unions)
                union.index_words(conn, {u[0]: u[7] for u in unions}, fresh=True)
                bulk.insert_rows(conn, lib_records, ("library_id", "uuid", "union_id", "fields",
                                                     "deleted"), records)
                bulk.insert_rows(conn, lib_items, ("library_id", "uuid", "record_uuid",
                                                   "barcode", "status", "fields", "deleted"),
                                 items)
        with write(engine) as conn:
            conn.execute(text("ANALYZE"))
    finally:
        engine.dispose()
    print(f"  filled {count:,} union records in {time.perf_counter() - t0:.0f} s")
    return isbns


def run(url: str, count: int, n_queries: int) -> None:
    isbns = fill(url, count)
    rng = random.Random(3)
    mix = [("isbn", rng.choice(isbns)) if rng.random() < 0.1 else ("words", q)
           for q in queries(n_queries)]
    engine = make_engine(load_settings(url))
    try:
        for _, q in mix[:20]:  # warm the cache
            with read(engine) as conn:
                catalog_search.search(conn, q)
        times: dict[str, list[float]] = {"words": [], "isbn": []}
        slow: list[tuple[float, str, int]] = []
        cpu0 = time.process_time()
        for kind, q in mix:
            t0 = time.perf_counter()
            with read(engine) as conn:
                result = catalog_search.search(conn, q)
            took = time.perf_counter() - t0
            times[kind].append(took)
            slow.append((took, q, int(result["total"])))
        cpu = time.process_time() - cpu0
    finally:
        engine.dispose()
    every = sorted(times["words"] + times["isbn"])

    def ms(values: list[float], q: float) -> str:
        values = sorted(values)
        return f"{values[min(len(values) - 1, int(q * len(values)))] * 1000:.1f}"

    print(f"  {len(every)} queries: p50 {ms(every, 0.5)} ms, p95 {ms(every, 0.95)} ms, "
          f"max {every[-1] * 1000:.0f} ms, mean {statistics.mean(every) * 1000:.1f} ms; "
          f"words p95 {ms(times['words'], 0.95)} ms, ISBN p95 {ms(times['isbn'], 0.95)} ms; "
          f"this process's CPU {cpu:.1f} s; load {os.getloadavg()[0]:.1f}")
    print("  slowest: " + "; ".join(f"{q!r} {t * 1000:.0f} ms ({n:,} matches)"
                                    for t, q, n in sorted(slow, reverse=True)[:5]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--records", type=int, default=300_000)
    parser.add_argument("--queries", type=int, default=400)
    parser.add_argument("--pg", help="a PostgreSQL server URL (a fresh database is made)")
    parser.add_argument("--no-sqlite", action="store_true")
    parser.add_argument("--keep", type=Path, help="keep the SQLite database in this folder")
    args = parser.parse_args()
    if not args.no_sqlite:
        with tempfile.TemporaryDirectory() as tmp:
            where = args.keep or Path(tmp)
            print(f"SQLite, {args.records:,} union records:")
            run(f"sqlite:///{where / 'district.sqlite3'}", args.records, args.queries)
    if args.pg:
        from sync_harness import pg_database

        with pg_database(args.pg) as url:
            print(f"PostgreSQL, {args.records:,} union records:")
            run(url, args.records, args.queries)


if __name__ == "__main__":
    main()
