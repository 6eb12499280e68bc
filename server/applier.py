"""The applier: writes what the pushes stored into the library rows and the union catalog.

A push only validates a batch, stores its body in the received log (``received_batches``)
and acknowledges it (:func:`server.push.store_batch`). The applier takes each library's
stored batches above its ``apply_positions.applied_seq``, strictly in sequence order,
applies them (:func:`server.push.apply_stored`: library rows, union links, holdings) and
moves ``applied_seq`` in the same transaction. Killed anywhere, it resumes from what is
marked: a batch is applied with its mark or not at all. Several applier processes may run
(``--workers``); PostgreSQL's ``SKIP LOCKED`` gives each library to one at a time, SQLite
writes one transaction at a time anyway.

It runs beside ``thuvien-district serve``: a child process by default (``python -m
server.applier``, at a lower OS priority, so that pushes are answered first when many
schools push at once), or a thread of the server (``THUVIEN_DISTRICT_APPLIER=thread``).
Idle, it looks for stored batches every :data:`POLL` seconds.
"""

from __future__ import annotations

import argparse
import logging
import os
import random
import subprocess
import sys
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlalchemy import Connection, Engine, func, select, update

from server import bulk, push
from server.db import lookup, write
from server.models import apply_positions, libraries, received_batches
from server.security import utc_now

log = logging.getLogger("thuvien.district.applier")

#: Seconds between looks for stored batches when there was nothing to apply.
POLL = 0.2
#: Changes applied in one transaction at most: several batches of a library share one
#: commit and one union clock tick. SQLite is kept shorter: a push waits for its lock.
MAX_CHANGES = {"postgresql": 2000, "sqlite": 400}
#: Stored batches read at once (their bodies) for one transaction.
MAX_BATCHES = 20
#: TEST ONLY: the probability that the applier process dies before a commit.
CRASH_ENV = "THUVIEN_DISTRICT_TEST_APPLY_CRASH"


def waiting(conn: Connection, library_id: int | None = None) -> list[int]:
    """The libraries (ids) with acknowledged changes not applied yet."""
    query = (select(libraries.c.id)
             .select_from(libraries.outerjoin(apply_positions,
                                              apply_positions.c.library_id == libraries.c.id))
             .where(libraries.c.acked_seq > func.coalesce(apply_positions.c.applied_seq, 0))
             .order_by(libraries.c.id))
    if library_id is not None:
        query = query.where(libraries.c.id == library_id)
    return [int(i) for (i,) in conn.execute(query)]


def apply_library(conn: Connection, library_id: int, max_changes: int | None = None
                  ) -> int | None:
    """Apply the next stored batches of one library in the caller's transaction (up to
    *max_changes* changes, at least one batch) and move its applied position; the number
    of changes applied, or None when another applier holds the library."""
    bulk.insert_rows(conn, apply_positions, ("library_id", "applied_seq"), [(library_id, 0)],
                     conflict=("library_id",))
    row = conn.execute(select(apply_positions.c.applied_seq)
                       .where(apply_positions.c.library_id == library_id)
                       .with_for_update(skip_locked=True)).first()
    if row is None:
        return None
    applied = int(row.applied_seq)
    # The acknowledged position first: every batch at or below it was committed with it,
    # so the next statement sees them all.
    acked = int(conn.execute(select(libraries.c.acked_seq)
                             .where(libraries.c.id == library_id)).scalar_one())
    if acked <= applied:
        return 0
    limit = max_changes or MAX_CHANGES.get(conn.dialect.name, 400)
    stored = conn.execute(
        select(received_batches.c.after_seq, received_batches.c.to_seq,
               received_batches.c.body)
        .where(received_batches.c.library_id == library_id,
               received_batches.c.to_seq > applied, received_batches.c.to_seq <= acked)
        .order_by(received_batches.c.to_seq, received_batches.c.id)
        .limit(MAX_BATCHES)).all()
    batches: list[tuple[int, int, str]] = []
    position, size, complete = applied, 0, len(stored) < MAX_BATCHES
    for after, to_seq, body in stored:
        if to_seq <= position:  # logged twice (idempotency off in a test): applied once
            continue
        if batches and size + to_seq - max(after, position) > limit:
            complete = False
            break
        batches.append((max(int(after), position), int(to_seq), body))
        size += to_seq - max(after, position)
        position = int(to_seq)
    # Acknowledged numbers without a stored batch (withheld or empty) count as applied.
    new_position = acked if complete else position
    count = push.apply_stored(conn, library_id, batches)
    conn.execute(update(apply_positions).where(apply_positions.c.library_id == library_id)
                 .values(applied_seq=new_position, applied_at=utc_now(), last_error=None))
    return count


@dataclass
class Failures:
    """Libraries whose next batch failed to apply: retried after a growing pause."""

    until: dict[int, float] = field(default_factory=dict)
    count: dict[int, int] = field(default_factory=dict)

    def blocked(self, library_id: int) -> bool:
        return self.until.get(library_id, 0.0) > time.monotonic()

    def failed(self, library_id: int) -> None:
        n = self.count[library_id] = self.count.get(library_id, 0) + 1
        self.until[library_id] = time.monotonic() + min(60.0, 0.5 * 2 ** min(n, 7))

    def cleared(self, library_id: int) -> None:
        self.until.pop(library_id, None)
        self.count.pop(library_id, None)


def apply_pass(engine: Engine, failures: Failures | None = None,
               crash: float = 0.0) -> int:
    """One round over the libraries with stored batches: one transaction each. The number
    of changes applied. A failure is logged, kept in ``apply_positions.last_error`` and the
    library retried later; the others go on."""
    failures = failures or Failures()
    with lookup(engine) as conn:
        todo = waiting(conn)
    total = 0
    for library_id in todo:
        if failures.blocked(library_id):
            continue
        try:
            with write(engine) as conn:
                done = apply_library(conn, library_id)
                if crash and random.random() < crash:
                    os._exit(71)  # TEST ONLY: like a power cut before the commit
        except Exception as exc:  # noqa: BLE001 - one library's failure stops only it
            log.exception("applying library %s failed", library_id)
            failures.failed(library_id)
            _record_failure(engine, library_id, exc)
            continue
        failures.cleared(library_id)
        total += done or 0
    return total


def _record_failure(engine: Engine, library_id: int, exc: Exception) -> None:
    text = f"{type(exc).__name__}: {str(getattr(exc, 'orig', exc)).splitlines()[0][:500]}"
    try:
        with write(engine) as conn:
            conn.execute(update(apply_positions)
                         .where(apply_positions.c.library_id == library_id)
                         .values(last_error=text))
    except Exception:  # noqa: BLE001 - the database itself may be the failure
        log.exception("could not record the failure of library %s", library_id)


def drain(engine: Engine, timeout: float = 60.0) -> None:
    """Apply everything stored until no library waits (other appliers may share the
    work); raise TimeoutError after *timeout* seconds with libraries still waiting."""
    deadline = time.monotonic() + timeout
    failures = Failures()
    while True:
        applied = apply_pass(engine, failures)
        with lookup(engine) as conn:
            left = waiting(conn)
        if not left:
            return
        if time.monotonic() > deadline:
            raise TimeoutError(f"libraries {left} still wait to be applied")
        if not applied:
            time.sleep(0.02)  # held by another applier or failing: look again shortly


def wait_applied(engine: Engine, library_id: int | None = None,
                 timeout: float = 30.0) -> bool:
    """Wait (without applying) until the library (every library when None) has all its
    acknowledged changes applied; False when *timeout* seconds passed first."""
    deadline = time.monotonic() + timeout
    while True:
        with lookup(engine) as conn:
            if not waiting(conn, library_id):
                return True
        if time.monotonic() > deadline:
            return False
        time.sleep(0.02)


class Applier:
    """The applier as a thread of this process: applies while there is work, else looks
    again after :data:`POLL` seconds or when :meth:`wake` is called (after a push)."""

    def __init__(self, engine: Engine, poll: float = POLL) -> None:
        self.engine = engine
        self.poll = poll
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="thuvien-applier", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def wake(self) -> None:
        self._wake.set()

    def stop(self, timeout: float = 30.0) -> None:
        self._stop.set()
        self._wake.set()
        self._thread.join(timeout)

    def _run(self) -> None:
        run_loop(self.engine, self._stop, self._wake, self.poll)


def run_loop(engine: Engine, stop: threading.Event, wake: threading.Event | None = None,
             poll: float = POLL, crash: float = 0.0, parent: int | None = None) -> None:
    """Apply until *stop* is set (or the *parent* process is gone)."""
    failures = Failures()
    while not stop.is_set():
        if parent is not None and os.getppid() != parent:
            return
        try:
            done = apply_pass(engine, failures, crash)
        except Exception:  # noqa: BLE001 - e.g. the database restarting: try again later
            log.exception("the applier's pass failed")
            done = 0
        if not done:
            if wake is None:
                stop.wait(poll)
            else:
                wake.wait(poll)
                wake.clear()


class ApplierProcess:
    """The applier as *count* child processes (``python -m server.applier``) at a lower
    priority, each started again when it dies. Several on PostgreSQL overlap one's Python
    with another's database work (each takes other libraries: ``SKIP LOCKED``); on the
    2 shared cores of the benchmarks two were no faster to catch up than one and slowed
    the pushes (docs/sync.md)."""

    def __init__(self, database_url: str, count: int = 1, nice: int = 10) -> None:
        self.database_url = database_url
        self.nice = nice
        self.procs: list[subprocess.Popen[bytes]] = []
        self.count = count
        self._stop = threading.Event()
        self._watch = threading.Thread(target=self._supervise, name="thuvien-applier-watch",
                                       daemon=True)

    def start(self) -> None:
        self.procs = [self._spawn() for _ in range(self.count)]
        self._watch.start()

    def wake(self) -> None:
        """Nothing to do: the children look every :data:`POLL` seconds."""

    def _spawn(self) -> subprocess.Popen[bytes]:
        # Windows has no nice(): the child starts in the "below normal" priority class.
        lower = getattr(subprocess, "BELOW_NORMAL_PRIORITY_CLASS", 0)
        return subprocess.Popen([sys.executable, "-m", "server.applier",
                                 "--db", self.database_url, "--nice", str(self.nice),
                                 "--parent", str(os.getpid())], creationflags=lower)

    def _supervise(self) -> None:
        while not self._stop.wait(0.5):
            for n, proc in enumerate(self.procs):
                if proc.poll() is not None:
                    log.warning("the applier exited with %s; starting it again",
                                proc.returncode)
                    self.procs[n] = self._spawn()

    def stop(self, timeout: float = 30.0) -> None:
        self._stop.set()
        self._watch.join(timeout)
        for proc in self.procs:
            if proc.poll() is None:
                proc.terminate()
        for proc in self.procs:
            try:
                proc.wait(timeout)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m server.applier --db URL``: apply stored batches until stopped."""
    import signal

    from server.db import make_engine
    from server.settings import load_settings

    parser = argparse.ArgumentParser(prog="python -m server.applier")
    parser.add_argument("--db")
    parser.add_argument("--nice", type=int, default=0)
    parser.add_argument("--parent", type=int)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING)
    if args.nice and hasattr(os, "nice"):
        os.nice(args.nice)
    engine = make_engine(load_settings(args.db))
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    crash = float(os.environ.get(CRASH_ENV, "0") or 0) \
        if os.environ.get("THUVIEN_DISTRICT_FAULT_HOOK") == "1" else 0.0
    try:
        run_loop(engine, stop, poll=POLL, crash=crash, parent=args.parent)
    finally:
        engine.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
