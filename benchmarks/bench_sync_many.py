"""100 simulated libraries syncing at once against one district server on PostgreSQL.

    .venv/bin/python benchmarks/bench_sync_many.py --pg postgresql+psycopg://postgres@127.0.0.1:5432/postgres
        [--libraries 100] [--changes 1000] [--batch 200] [--sqlite]

Each library has its own SQLite database and outbox (records with ISBNs from a shared pool,
so the union catalog merges across libraries, copies and loans) and pushes it with the real
client in batches; all start together. Prints the latency per batch (p50/p95/max).
Goal: p95 <= 1 s.
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

from bench_sync_common import cpu_seconds, make_library, pg_backend_cpu
from sync_harness import FaultEnv, pg_database


def run(db_url: str, work: Path, n_libs: int, n_changes: int, batch: int, workers: int) -> None:
    from app.sync.client import SyncClient

    env = FaultEnv(db_url, work, workers=workers)
    clients: list[Any] = []
    try:
        t0 = time.perf_counter()
        for n in range(n_libs):
            path = work / f"lib{n:03d}.sqlite3"
            make_library(path, n_changes, seed=n, isbn_pool=2000)
            client = SyncClient(path, token_dir=work / "tokens", batch_size=batch,
                                timeout=(10.0, 120.0))
            client.enroll(env.server.url, env.add_library(f"L{n:03d}"))
            clients.append(client)
        print(f"prepared {n_libs} libraries x {n_changes} changes in "
              f"{time.perf_counter() - t0:.0f} s")
        latencies: list[float] = []
        errors: list[str] = []
        lock = threading.Lock()
        start = threading.Barrier(n_libs)

        def sync(client: Any) -> None:
            original = client.send_batch

            def timed(*args: Any) -> int:
                t = time.perf_counter()
                answer = int(original(*args))
                with lock:
                    latencies.append(time.perf_counter() - t)
                return answer

            client.send_batch = timed
            start.wait()
            try:
                client.push()
            except Exception as exc:  # noqa: BLE001 - reported below
                with lock:
                    errors.append(repr(exc))

        threads = [threading.Thread(target=sync, args=(c,)) for c in clients]
        database = db_url.rsplit("/", 1)[-1]
        assert env.server.proc is not None
        server_cpu0 = cpu_seconds(env.server.proc.pid)
        pg_cpu0 = pg_backend_cpu(database) if db_url.startswith("postgresql") else 0.0
        client_cpu0 = time.process_time()
        t0 = time.perf_counter()
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        wall = time.perf_counter() - t0
        client_cpu = time.process_time() - client_cpu0
        server_cpu = cpu_seconds(env.server.proc.pid) - server_cpu0
        pg_cpu = (pg_backend_cpu(database) - pg_cpu0) if db_url.startswith("postgresql") else 0.0
        latencies.sort()
        p95 = latencies[int(0.95 * (len(latencies) - 1))]
        print(f"backend={db_url.split(':')[0]}: {len(latencies)} batches of <= {batch} "
              f"changes from {n_libs} libraries in {wall:.1f} s "
              f"({n_libs * n_changes / wall:,.0f} changes/s); per batch p50 "
              f"{statistics.median(latencies):.2f} s, p95 {p95:.2f} s, max {latencies[-1]:.2f} s "
              f"(goal p95 <= 1 s); errors: {len(errors)}; load average "
              f"{os.getloadavg()[0]:.1f}; server workers {workers}")
        print(f"CPU seconds: server {server_cpu:.1f}, clients {client_cpu:.1f}, PostgreSQL "
              f"backends {pg_cpu:.1f} (live ones only)")
        for e in errors[:5]:
            print("  ", e)
    finally:
        for c in clients:
            c.close()
        env.close()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pg", default=os.environ.get("THUVIEN_TEST_PG"))
    parser.add_argument("--sqlite", action="store_true", help="use SQLite instead")
    parser.add_argument("--libraries", type=int, default=100)
    parser.add_argument("--changes", type=int, default=1000)
    parser.add_argument("--batch", type=int, default=200)
    parser.add_argument("--workers", type=int, default=1, help="server processes")
    args = parser.parse_args()
    os.environ.setdefault("THUVIEN_NO_KEYRING", "1")
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        if args.sqlite or not args.pg:
            run(f"sqlite:///{work / 'district.sqlite3'}", work, args.libraries, args.changes,
                args.batch, args.workers)
        else:
            with pg_database(args.pg) as url:
                run(url, work, args.libraries, args.changes, args.batch, args.workers)


if __name__ == "__main__":
    main()
