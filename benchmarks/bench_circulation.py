"""Circulation benchmark: checkout and checkin latency on a school-sized-and-more library,
beside the time of one bare fsync'd SQLite commit on the same disk in the same run.

    .venv/bin/python benchmarks/bench_circulation.py [--ops 1000] [--dir DIR]

Builds (bulk, with executemany) 20k records, 100k items, 5k patrons and 1M past loans,
then times ``lib.circulation.checkout(card, barcode)`` and ``checkin(barcode)`` — each one
transaction with its outbox rows, WAL + synchronous=FULL — and the desk's ``scan()`` for
the same pair. Goal: p95 of each operation ≤ 2 × the bare commit.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app.library import Library  # noqa: E402
from app.text import fold  # noqa: E402

RECORDS, ITEMS, PATRONS, LOANS = 20_000, 100_000, 5_000, 1_000_000
STAMP = "%Y-%m-%dT%H:%M:%S.%fZ"


def build(lib: Library, rng: random.Random) -> None:
    """Bulk-fill the library (bypassing the services: this is setup, not the measurement)."""
    lib_id = lib.settings.library_id
    now = datetime.now(UTC).strftime(STAMP)
    conn = lib.db.conn
    conn.execute("PRAGMA cache_size=-1000000")  # setup only: keep the random index inserts in RAM
    with lib.db.transaction():
        conn.executemany(
            "INSERT INTO records(id, uuid, library_id, created_at, updated_at, title, title_fold, "
            "marc) VALUES (?, ?, ?, ?, ?, ?, ?, '')",
            ((i, str(uuid.uuid4()), lib_id, now, now, f"Sách thử {i}", fold(f"Sách thử {i}"))
             for i in range(1, RECORDS + 1)))
        conn.executemany(
            "INSERT INTO items(id, uuid, library_id, created_at, updated_at, record_id, barcode, "
            "collection, item_type, status) VALUES (?, ?, ?, ?, ?, ?, ?, 'TK', 'book', 'available')",
            ((i, str(uuid.uuid4()), lib_id, now, now, (i - 1) % RECORDS + 1, f"TK.{i:06d}")
             for i in range(1, ITEMS + 1)))
        conn.executemany(
            "INSERT INTO patrons(id, uuid, library_id, created_at, updated_at, category, "
            "student_code, full_name, name_fold, class_name, grade, card) "
            "VALUES (?, ?, ?, ?, ?, 'student', ?, ?, ?, ?, ?, ?)",
            ((i, str(uuid.uuid4()), lib_id, now, now, f"S{i:06d}", f"Học sinh {i}",
              f"hoc sinh {i}", f"{6 + i % 4}A", 6 + i % 4, f"HS{i:06d}")
             for i in range(1, PATRONS + 1)))
        start = datetime(2019, 9, 5, 1, 0, tzinfo=UTC)

        def loans() -> object:
            for n in range(LOANS):
                out = start + timedelta(minutes=3 * n)
                due = (out + timedelta(days=14)).date().isoformat()
                back = (out + timedelta(days=rng.randint(1, 20))).strftime(STAMP)
                out_s = out.strftime(STAMP)
                yield (str(uuid.uuid4()), lib_id, out_s, back, rng.randint(1, ITEMS),
                       rng.randint(1, PATRONS), out_s, due, back, "student", "6A", 6, "book")

        conn.executemany(
            "INSERT INTO loans(uuid, library_id, created_at, updated_at, item_id, patron_id, "
            "loaned_at, due_on, returned_at, outcome, patron_category, patron_class, "
            "patron_grade, item_type) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'returned', ?, ?, ?, ?)",
            loans())  # type: ignore[arg-type]
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.execute("ANALYZE")
    conn.execute("PRAGMA cache_size=-32000")  # back to what app.db.connection sets


def bare_commits(lib: Library, n: int) -> list[float]:
    """One-row insert + COMMIT, the cheapest durable write on this disk."""
    conn = lib.db.conn
    conn.execute("CREATE TABLE IF NOT EXISTS bench_commit(x INTEGER)")
    times = []
    for i in range(n):
        t = time.perf_counter()
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("INSERT INTO bench_commit(x) VALUES (?)", (i,))
        conn.execute("COMMIT")
        times.append(time.perf_counter() - t)
    return times


def timed(fn: Callable[[], object]) -> tuple[float, object]:
    t = time.perf_counter()
    result = fn()
    return time.perf_counter() - t, result


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--ops", type=int, default=1000)
    parser.add_argument("--dir", type=Path, default=None)
    args = parser.parse_args()
    rng = random.Random(7)
    folder = Path(tempfile.mkdtemp(prefix="bench-circ-", dir=args.dir))
    lib = Library.open(folder / "bench.sqlite3")
    t0 = time.perf_counter()
    build(lib, rng)
    build_s = time.perf_counter() - t0
    size_mb = (folder / "bench.sqlite3").stat().st_size / 1e6
    circ = lib.circulation
    # warm up (statement cache, page cache), then interleave commit and operation samples
    for i in range(50):
        circ.checkout(f"HS{i + 1:06d}", f"TK.{i + 1:06d}")
        circ.checkin(f"TK.{i + 1:06d}")
    commit, out, back, scan_out, scan_in = [], [], [], [], []
    for _ in range(args.ops):
        commit += bare_commits(lib, 1)
        card = f"HS{rng.randint(1, PATRONS):06d}"
        barcode = f"TK.{rng.randint(1, ITEMS):06d}"
        dt, res = timed(lambda c=card, b=barcode: circ.checkout(c, b))  # type: ignore[misc]
        assert getattr(res, "ok", False), getattr(res, "message", res)
        out.append(dt)
        dt, res = timed(lambda b=barcode: circ.checkin(b))  # type: ignore[misc]
        assert getattr(res, "ok", False), getattr(res, "message", res)
        back.append(dt)
    desk = circ.desk
    base = datetime.now(UTC)
    circ.context.clock = lambda: base  # time moves 10 s per scan: no repeat guard
    for _ in range(args.ops // 2):
        commit += bare_commits(lib, 1)
        base += timedelta(seconds=10)
        desk.scan(f"HS{rng.randint(1, PATRONS):06d}")
        barcode = f"TK.{rng.randint(1, ITEMS):06d}"
        base += timedelta(seconds=10)
        dt, res = timed(lambda b=barcode: desk.scan(b))  # type: ignore[misc]
        assert getattr(res, "code", "") == "checked_out", getattr(res, "message", res)
        scan_out.append(dt)
        base += timedelta(seconds=10)
        dt, res = timed(lambda b=barcode: desk.scan(b))  # type: ignore[misc]
        assert getattr(res, "code", "") == "checked_in", getattr(res, "message", res)
        scan_in.append(dt)
    c50, c95 = pct(commit, 0.5), pct(commit, 0.95)
    print(f"library: {RECORDS:,} records, {ITEMS:,} items, {PATRONS:,} patrons, {LOANS:,} past "
          f"loans; built in {build_s:.1f} s; file {size_mb:.0f} MB ({folder})")
    print(f"bare fsync'd commit       p50 {c50:6.3f} ms   p95 {c95:6.3f} ms   (n={len(commit)})")
    for name, values in (("checkout (API)", out), ("checkin  (API)", back),
                         ("scan → checkout", scan_out), ("scan → checkin", scan_in)):
        p50, p95 = pct(values, 0.5), pct(values, 0.95)
        print(f"{name:25} p50 {p50:6.3f} ms   p95 {p95:6.3f} ms   p95/commit-p95 "
              f"{p95 / c95:4.2f}×   p95/commit-p50 {p95 / c50:4.2f}×   "
              f"mean {statistics.mean(values) * 1000:6.3f} ms")
    pair = [a + b for a, b in zip(out, back, strict=True)]
    print(f"checkout+checkin pair     p50 {pct(pair, 0.5):6.3f} ms   p95 {pct(pair, 0.95):6.3f} ms")
    worst = max(pct(out, 0.95), pct(back, 0.95))
    print(f"goal p95 ≤ 2 × bare commit (per operation, p95 vs p95): "
          f"{'met' if worst <= 2 * c95 else 'NOT met'}; "
          f"against the commit's p50: {'met' if worst <= 2 * c50 else 'NOT met'}")
    lib.close()


if __name__ == "__main__":
    main()
