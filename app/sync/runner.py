"""A background sync runner (a thread; Qt-free): periodic and on demand, with exponential
backoff and jitter after failures. It never blocks the desk: the client has its own
SQLite connection and writes in short transactions.

    >>> runner = SyncRunner(lambda: SyncClient(path), interval=300)   # doctest: +SKIP
    >>> runner.start(); runner.trigger()                               # doctest: +SKIP
"""

from __future__ import annotations

import random
import threading
from collections.abc import Callable
from dataclasses import dataclass

from app.errors import UserError
from app.sync.client import SyncClient, SyncReport, SyncStopped
from app.sync.messages import SyncError


@dataclass(frozen=True)
class RunOutcome:
    """The result of one attempt: a report, or the error (code and words)."""

    report: SyncReport | None
    error_code: str | None = None
    error: str | None = None
    failures: int = 0
    next_delay: float = 0.0


def backoff_delay(failures: int, *, interval: float, base: float, cap: float,
                  rng: random.Random) -> float:
    """Seconds to wait before the next attempt.

    No failure: the regular *interval*. After *n* failures in a row:
    ``min(cap, base * 2**(n-1))`` scaled by a random factor in [0.5, 1.5) (jitter, so a
    district's schools do not all retry at the same second).

    >>> r = random.Random(1)
    >>> [round(backoff_delay(n, interval=300, base=5, cap=600, rng=r)) for n in (0, 1, 2, 3, 12)]
    [300, 3, 13, 25, 453]
    """
    if failures <= 0:
        return interval
    return float(min(cap, base * 2 ** (failures - 1))) * (0.5 + rng.random())


class SyncRunner:
    """Runs ``client.sync_now()`` on a daemon thread every *interval* seconds, or at once
    when :meth:`trigger` is called; after a failure waits with exponential backoff."""

    def __init__(self, client_factory: Callable[[], SyncClient], *, interval: float = 300.0,
                 base_backoff: float = 5.0, max_backoff: float = 1800.0,
                 on_outcome: Callable[[RunOutcome], None] | None = None,
                 rng: random.Random | None = None) -> None:
        self._factory = client_factory
        self.interval = interval
        self.base_backoff = base_backoff
        self.max_backoff = max_backoff
        self._on_outcome = on_outcome
        self._rng = rng or random.Random()
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.failures = 0

    def start(self) -> None:
        """Start the background thread (a first sync runs at once)."""
        if self._thread is not None:
            return
        self._thread = threading.Thread(target=self._run, name="thuvien-sync", daemon=True)
        self._wake.set()
        self._thread.start()

    def trigger(self) -> None:
        """Sync now (on demand), without waiting for the timer or the backoff."""
        self._wake.set()

    def stop(self, timeout: float = 10.0) -> bool:
        """Stop: an attempt waiting for the server gives up at once (its request finishes
        on a thread holding no database connection), one working on the database finishes
        that step. Wait at most *timeout* seconds; True when the thread has ended (its
        connection closed)."""
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout)
            if self._thread.is_alive():
                return False
            self._thread = None
        return True

    @property
    def running(self) -> bool:
        """True while the thread is alive."""
        return self._thread is not None and self._thread.is_alive()

    def _run(self) -> None:
        client: SyncClient | None = None
        delay = 0.0
        try:
            while not self._stop.is_set():
                self._wake.wait(delay)
                self._wake.clear()
                if self._stop.is_set():
                    break
                outcome, client = self._attempt(client)
                if outcome is None or self._stop.is_set():
                    break  # stopped: nobody waits for this attempt's outcome
                delay = outcome.next_delay
                if self._on_outcome is not None:
                    self._on_outcome(outcome)
        finally:
            if client is not None:
                client.close()

    def _attempt(self, client: SyncClient | None
                 ) -> tuple[RunOutcome | None, SyncClient | None]:
        try:
            if client is None:
                client = self._factory()
                client.stopping = self._stop
            report = client.sync_now()
        except SyncStopped:
            return None, client
        except UserError as exc:
            self.failures += 1
            retry = exc.retry if isinstance(exc, SyncError) else True
            delay = self._delay() if retry else self.max_backoff
            return RunOutcome(None, exc.code, exc.message, self.failures, delay), client
        except Exception as exc:  # noqa: BLE001 - the thread must survive anything
            self.failures += 1
            return RunOutcome(None, "sync.unexpected", repr(exc), self.failures,
                              self._delay()), client
        self.failures = 0
        return RunOutcome(report, failures=0, next_delay=self._delay()), client

    def _delay(self) -> float:
        return backoff_delay(self.failures, interval=self.interval, base=self.base_backoff,
                             cap=self.max_backoff, rng=self._rng)
