"""The background runner: on-demand sync, backoff with jitter after failures."""

from __future__ import annotations

import queue
import random
from typing import Any

from app.library import Library
from app.sync import state
from app.sync.runner import RunOutcome, backoff_delay


def test_backoff_grows_exponentially_with_jitter_and_a_cap() -> None:
    rng = random.Random(5)
    for failures in range(1, 15):
        raw = min(600.0, 5 * 2 ** (failures - 1))
        delays = [backoff_delay(failures, interval=300, base=5, cap=600, rng=rng)
                  for _ in range(50)]
        assert all(0.5 * raw <= d < 1.5 * raw for d in delays)
        assert len({round(d, 6) for d in delays}) > 40  # jitter: retries spread out
    assert backoff_delay(0, interval=300, base=5, cap=600, rng=rng) == 300


def test_runner_syncs_on_demand_and_backs_off_when_offline(enrolled: Library,
                                                           district: Any) -> None:
    outcomes: queue.Queue[RunOutcome] = queue.Queue()
    runner = enrolled.sync.runner(interval=3600, on_outcome=outcomes.put)
    runner.start()
    first = outcomes.get(timeout=30)
    assert first.report is not None and first.next_delay == 3600
    enrolled.catalog.add_record("Toán 1", authors=["Hà Huy Khoái"], year=2020)
    state.put(enrolled.db, server_url="http://127.0.0.1:9")
    runner.trigger()
    failed = outcomes.get(timeout=30)
    assert failed.report is None and failed.error_code == "sync.offline"
    assert failed.failures == 1 and 2.5 <= failed.next_delay < 7.5
    assert failed.error and "Không kết nối được" in failed.error
    state.put(enrolled.db, server_url=district.url)
    runner.trigger()  # on demand: no waiting for the backoff
    ok = outcomes.get(timeout=30)
    runner.stop()
    assert ok.report is not None and ok.report.pushed == 1 and runner.failures == 0
    assert enrolled.sync.status().pending == 0 and enrolled.sync.status().last_error is None
