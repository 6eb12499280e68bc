"""Soak the sync fault drill: many more randomized runs than the test suite does.

    .venv/bin/python benchmarks/bench_sync_soak.py [--runs 2000] [--first-seed 100000] [--pg URL]

Prints each failing seed with its problems (rerun one with ``--runs 1 --first-seed N``) and
a summary of the faults injected.
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from pathlib import Path

import bench_sync_common  # noqa: F401 - sets sys.path
from sync_harness import FaultEnv, pg_database, run_scenario


def soak(db_url: str, work: Path, runs: int, first: int) -> int:
    env = FaultEnv(db_url, work)
    failures = 0
    t0 = time.perf_counter()
    try:
        for seed in range(first, first + runs):
            run_dir = work / f"run{seed}"
            run_dir.mkdir()
            problems = run_scenario(env, seed, run_dir)
            if problems:
                failures += 1
                print(f"seed {seed}: {problems}", flush=True)
            if (seed - first + 1) % 100 == 0:
                print(f"{seed - first + 1} runs, {failures} failing, "
                      f"{time.perf_counter() - t0:.0f} s", flush=True)
    finally:
        env.close()
    print(f"done: {runs} runs, {failures} failing; faults {env.fault_counts}; "
          f"server restarts {env.server.restarts}; proxy faults {env.proxy.fired}")
    return failures


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=2000)
    parser.add_argument("--first-seed", type=int, default=100_000)
    parser.add_argument("--pg", help="PostgreSQL URL to create a scratch database on")
    args = parser.parse_args()
    os.environ.setdefault("THUVIEN_NO_KEYRING", "1")
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        if args.pg:
            with pg_database(args.pg) as url:
                return 1 if soak(url, work, args.runs, args.first_seed) else 0
        return 1 if soak(f"sqlite:///{work / 'district.sqlite3'}", work, args.runs,
                         args.first_seed) else 0


if __name__ == "__main__":
    raise SystemExit(main())
