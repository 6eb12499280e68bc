"""100 simulated libraries syncing at once against one district server on PostgreSQL.

    .venv/bin/python benchmarks/bench_sync_many.py --pg postgresql+psycopg://postgres@127.0.0.1:5432/postgres
        [--libraries 100] [--changes 1000] [--batch DEFAULT_BATCH] [--sqlite] [--workers 1]
        [--client-processes 1] [--probe-batch 10]

Each library has its own SQLite database and outbox (records with ISBNs from a shared pool,
so the union catalog merges across libraries, copies and loans) and pushes it with the real
client in batches (by default the desktop's own batch size,
``app.sync.protocol.DEFAULT_BATCH``); all start together. Prints the latency per batch
(p50/p95/max). Goal: p95 <= 1 s.

One more library, the *probe*, pushes small batches (``--probe-batch``, 0 for none) one
after another while the others push theirs: what a school with a few changes waits for an
answer while the district server is busy with everyone else's backlog (fairness between
libraries). Its batches are reported apart and not counted in the p50/p95 above.

The simulated libraries share this machine's cores with the server and PostgreSQL (each
school has its own PC in reality), so their CPU counts against the server here; it is
printed apart. By default they are threads of one process; ``--client-processes 4`` spreads
them over four processes, so that a batch's answer does not wait for 100 other threads to
hand over one interpreter lock before the latency is taken.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import statistics
import tempfile
import threading
import time
from pathlib import Path
from queue import Queue
from typing import Any

from bench_sync_common import applier_cpu, cpu_seconds, make_library, pg_backend_cpu
from sync_harness import FaultEnv, pg_database

from app.sync.protocol import DEFAULT_BATCH


class _ProbeDone(Exception):
    """The other libraries are done: the probe stops."""


def _push_all(paths: list[Path], token_dir: Path, batch: int, start: Any,
              out: Any = None, probe: tuple[Path, int] | None = None
              ) -> tuple[list[float], list[str], float, list[float]]:
    """Push every library of *paths* at once, one thread each, after *start* (a barrier);
    the latency of each batch, the errors, this process's CPU seconds while pushing, and
    the latencies of the *probe* library ``(path, batch size)``, which pushes until the
    others are done."""
    from app.sync.client import SyncClient

    clients = [SyncClient(path, token_dir=token_dir, batch_size=batch, timeout=(10.0, 120.0))
               for path in paths]
    prober = None if probe is None else SyncClient(probe[0], token_dir=token_dir,
                                                   batch_size=probe[1], timeout=(10.0, 120.0))
    latencies: list[float] = []
    probed: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()
    ready = threading.Barrier(len(clients) + 1 + (prober is not None))
    others_done = threading.Event()

    def sync(client: Any, into: list[float]) -> None:
        original = client.send_batch

        def timed(*args: Any) -> int:
            if into is probed and others_done.is_set():
                raise _ProbeDone
            t = time.perf_counter()
            answer = int(original(*args))
            with lock:
                into.append(time.perf_counter() - t)
            return answer

        client.send_batch = timed
        ready.wait()
        try:
            client.push()
        except _ProbeDone:
            pass
        except Exception as exc:  # noqa: BLE001 - reported below
            with lock:
                errors.append(repr(exc))

    threads = [threading.Thread(target=sync, args=(c, latencies)) for c in clients]
    probe_thread = None if prober is None else threading.Thread(target=sync,
                                                                args=(prober, probed))
    for t in threads:
        t.start()
    if probe_thread is not None:
        probe_thread.start()
    start.wait()
    cpu0 = time.process_time()
    ready.wait()
    for t in threads:
        t.join()
    cpu = time.process_time() - cpu0
    others_done.set()
    if probe_thread is not None:
        probe_thread.join()
    result = (latencies, errors, cpu, probed)
    for c in [*clients, *([prober] if prober else [])]:
        c.close()
    if out is not None:
        out.put(result)
    return result


def run(db_url: str, work: Path, n_libs: int, n_changes: int, batch: int, workers: int,
        processes: int, probe_batch: int, applier_mode: str, appliers: int = 0) -> None:
    from app.sync.client import SyncClient
    from server import applier

    env = FaultEnv(db_url, work, workers=workers,
                   env={"THUVIEN_DISTRICT_APPLIER": applier_mode,
                        "THUVIEN_DISTRICT_APPLIERS": str(appliers)})
    try:
        t0 = time.perf_counter()
        paths = []
        for n in range(n_libs):
            path = work / f"lib{n:03d}.sqlite3"
            make_library(path, n_changes, seed=n, isbn_pool=2000)
            client = SyncClient(path, token_dir=work / "tokens")
            client.enroll(env.server.url, env.add_library(f"L{n:03d}"))
            client.close()
            paths.append(path)
        probe = None
        if probe_batch > 0:
            path = work / "probe.sqlite3"
            make_library(path, n_changes, seed=n_libs, isbn_pool=2000)
            client = SyncClient(path, token_dir=work / "tokens")
            client.enroll(env.server.url, env.add_library("PROBE"))
            client.close()
            probe = (path, probe_batch)
        print(f"prepared {n_libs} libraries x {n_changes} changes in "
              f"{time.perf_counter() - t0:.0f} s")
        database = db_url.rsplit("/", 1)[-1]
        assert env.server.proc is not None
        on_pg = db_url.startswith("postgresql")
        # The clients run in this process (threads), or spread over several processes so
        # that 100 threads do not queue for one interpreter lock (--client-processes).
        if processes <= 1:
            start: Any = threading.Barrier(2)
            queue: Any = Queue()
            pushers: list[Any] = [threading.Thread(
                target=_push_all, args=(paths, work / "tokens", batch, start, queue, probe))]
        else:
            ctx = multiprocessing.get_context("spawn")
            start = ctx.Barrier(processes + 1)
            queue = ctx.Queue()
            pushers = [ctx.Process(target=_push_all, args=(paths[i::processes], work / "tokens",
                                                           batch, start, queue,
                                                           probe if i == 0 else None))
                       for i in range(processes)]
        for pusher in pushers:
            pusher.start()
        start.wait()
        pid = env.server.proc.pid
        server_cpu0, applier_cpu0 = cpu_seconds(pid), applier_cpu(pid)
        pg_cpu0 = pg_backend_cpu(database) if on_pg else 0.0
        t0 = time.perf_counter()
        parts = [queue.get() for _ in pushers]
        wall = time.perf_counter() - t0
        for pusher in pushers:
            pusher.join()
        apply_cpu = applier_cpu(pid) - applier_cpu0
        server_cpu = cpu_seconds(pid) - server_cpu0 - apply_cpu
        pg_cpu = (pg_backend_cpu(database) - pg_cpu0) if on_pg else 0.0
        caught_up = applier.wait_applied(env.engine, timeout=900)
        applied_after = time.perf_counter() - t0
        apply_all = applier_cpu(pid) - applier_cpu0
        server_all = cpu_seconds(pid) - server_cpu0 - apply_all
        pg_all = (pg_backend_cpu(database) - pg_cpu0) if on_pg else 0.0
        latencies = sorted(x for part in parts for x in part[0])
        errors = [e for part in parts for e in part[1]]
        client_cpu = sum(part[2] for part in parts)
        probed = sorted(x for part in parts for x in part[3])
        p95 = latencies[int(0.95 * (len(latencies) - 1))]
        print(f"backend={db_url.split(':')[0]}: {len(latencies)} batches of <= {batch} "
              f"changes from {n_libs} libraries in {wall:.1f} s "
              f"({n_libs * n_changes / wall:,.0f} changes/s); per batch p50 "
              f"{statistics.median(latencies):.2f} s, p95 {p95:.2f} s, max {latencies[-1]:.2f} s "
              f"(goal p95 <= 1 s); errors: {len(errors)}; load average "
              f"{os.getloadavg()[0]:.1f}; server workers {workers}; client processes "
              f"{max(1, processes)}; applier {applier_mode}"
              f"{f' x {appliers}' if appliers else ''}")
        changes = n_libs * n_changes
        n = len(latencies)
        print(f"CPU seconds while pushing: server {server_cpu:.1f}, applier {apply_cpu:.1f}, "
              f"clients {client_cpu:.1f}, PostgreSQL backends {pg_cpu:.1f} (live ones only); "
              f"per batch {1000 * (server_cpu + apply_cpu + client_cpu + pg_cpu) / n:.1f} ms")
        total_cpu = server_all + apply_all + client_cpu + pg_all
        print(f"everything applied (union catalog caught up) {applied_after:.1f} s after the "
              f"start{'' if caught_up else ' (NOT caught up: gave up waiting)'}; CPU until then "
              f"per batch {1000 * total_cpu / n:.1f} ms (server {1000 * server_all / n:.1f}, "
              f"applier {1000 * apply_all / n:.1f}, clients {1000 * client_cpu / n:.1f}, "
              f"PostgreSQL {1000 * pg_all / n:.1f}), per change {1e6 * total_cpu / changes:.0f} us")
        if probed:
            print(f"probe (one more library, batches of {probe_batch} while the others push): "
                  f"{len(probed)} batches, p50 {statistics.median(probed):.2f} s, p95 "
                  f"{probed[int(0.95 * (len(probed) - 1))]:.2f} s, max {probed[-1]:.2f} s")
        for e in errors[:5]:
            print("  ", e)
    finally:
        env.close()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pg", default=os.environ.get("THUVIEN_TEST_PG"))
    parser.add_argument("--sqlite", action="store_true", help="use SQLite instead")
    parser.add_argument("--libraries", type=int, default=100)
    parser.add_argument("--changes", type=int, default=1000)
    parser.add_argument("--batch", type=int, default=DEFAULT_BATCH,
                        help="changes per batch (default: the desktop's, %(default)s)")
    parser.add_argument("--workers", type=int, default=1, help="server processes")
    parser.add_argument("--client-processes", type=int, default=1,
                        help="spread the simulated libraries over this many processes")
    parser.add_argument("--probe-batch", type=int, default=10,
                        help="batch size of the probe library (0: no probe)")
    parser.add_argument("--applier", default="process", choices=["process", "thread"],
                        help="where the server applies stored batches")
    parser.add_argument("--appliers", type=int, default=0,
                        help="applier processes (default: the server's, 1)")
    args = parser.parse_args()
    os.environ.setdefault("THUVIEN_NO_KEYRING", "1")
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        if args.sqlite or not args.pg:
            run(f"sqlite:///{work / 'district.sqlite3'}", work, args.libraries, args.changes,
                args.batch, args.workers, args.client_processes, args.probe_batch, args.applier)
        else:
            with pg_database(args.pg) as url:
                run(url, work, args.libraries, args.changes, args.batch, args.workers,
                    args.client_processes, args.probe_batch, args.applier, args.appliers)


if __name__ == "__main__":
    main()
