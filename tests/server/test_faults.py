"""Randomized fault drills against a REAL server process on loopback.

Each run: a new library's outbox grows in rounds; each round syncs through one fault —
none, the connection dropped before the answer, the batch delivered twice at once, an old
batch delivered again later, the server killed mid-batch (before commit) or after commit
before answering (then restarted), or the client process killed mid-sync. Afterwards the
server's copy must equal the client's outbox: nothing lost, nothing applied twice.
The last test shows the same harness catches duplicates when idempotency is switched off.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from sync_harness import PG_ENV, FaultEnv, pg_database, run_scenario

RUNS = int(os.environ.get("THUVIEN_FAULT_RUNS", "200"))
PG_RUNS = int(os.environ.get("THUVIEN_FAULT_RUNS_PG", "40"))


@pytest.fixture(scope="module")
def sqlite_env(tmp_path_factory: pytest.TempPathFactory) -> Iterator[FaultEnv]:
    work = tmp_path_factory.mktemp("faults")
    env = FaultEnv(f"sqlite:///{work / 'district.sqlite3'}", work)
    yield env
    env.close()


@pytest.fixture(scope="module")
def pg_env(tmp_path_factory: pytest.TempPathFactory) -> Iterator[FaultEnv]:
    work = tmp_path_factory.mktemp("faults_pg")
    with pg_database(os.environ[PG_ENV]) as url:
        env = FaultEnv(url, work)
        yield env
        env.close()


@pytest.mark.slow
@pytest.mark.parametrize("seed", range(RUNS))
def test_sync_survives_faults(sqlite_env: FaultEnv, seed: int, tmp_path: Path) -> None:
    assert run_scenario(sqlite_env, seed, tmp_path) == []


@pytest.mark.slow
@pytest.mark.skipif(not os.environ.get(PG_ENV), reason=f"{PG_ENV} not set")
@pytest.mark.parametrize("seed", range(10_000, 10_000 + (PG_RUNS if os.environ.get(PG_ENV) else 0)))
def test_sync_survives_faults_postgresql(pg_env: FaultEnv, seed: int, tmp_path: Path) -> None:
    assert run_scenario(pg_env, seed, tmp_path) == []


def test_faults_were_really_injected(sqlite_env: FaultEnv) -> None:
    """Runs after the drills in this module: every kind of fault happened."""
    if RUNS < 200:
        pytest.skip("only meaningful after the full drill")
    kinds = {k for k, n in sqlite_env.fault_counts.items() if n}
    assert kinds >= {"none", "drop_response", "duplicate", "replay", "kill_before_commit",
                     "kill_after_commit", "client_killed"}
    assert sqlite_env.server.restarts >= 10
    assert sqlite_env.proxy.fired > 50


def test_harness_catches_duplicates_without_idempotency(tmp_path: Path) -> None:
    env = FaultEnv(f"sqlite:///{tmp_path / 'district.sqlite3'}", tmp_path, idempotency=False)
    try:
        problems = run_scenario(env, 7, tmp_path, faults=("duplicate", "replay"))
    finally:
        env.close()
    assert any(p.startswith("applied twice") for p in problems), problems


APPLY_RUNS = int(os.environ.get("THUVIEN_FAULT_RUNS_APPLY", "20"))


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def crashing_applier_env(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
                         ) -> Iterator[FaultEnv]:
    """A server whose applier process dies before half of its commits (a power cut in
    the middle of applying); the server starts it again each time."""
    from server.applier import CRASH_ENV

    work = tmp_path_factory.mktemp(f"apply_crash_{request.param}")
    env_vars = {CRASH_ENV: "0.5"}
    if request.param == "sqlite":
        env = FaultEnv(f"sqlite:///{work / 'district.sqlite3'}", work, env=env_vars)
        yield env
        env.close()
    elif not os.environ.get(PG_ENV):
        pytest.skip(f"{PG_ENV} not set")
    else:
        with pg_database(os.environ[PG_ENV]) as url:
            env = FaultEnv(url, work, env=env_vars)
            yield env
            env.close()


@pytest.mark.slow
@pytest.mark.parametrize("seed", range(20_000, 20_000 + APPLY_RUNS))
def test_sync_survives_an_applier_killed_mid_apply(crashing_applier_env: FaultEnv, seed: int,
                                                   tmp_path: Path) -> None:
    assert run_scenario(crashing_applier_env, seed, tmp_path) == []


def test_applier_was_really_killed(crashing_applier_env: FaultEnv) -> None:
    """Runs after the drills above: the applier died and was started again many times."""
    if APPLY_RUNS < 20:
        pytest.skip("only meaningful after the full drill")
    log = (crashing_applier_env.server.workdir or Path()) / "server.log"
    assert log.read_text(errors="replace").count("the applier exited with 71") >= 5


def test_a_backlog_left_by_a_killed_server_is_applied_after_restart(db_url: str,
                                                                    tmp_path: Path) -> None:
    """Libraries push while no applier runs (their batches are stored and acknowledged
    only); the server is killed and started again with its applier: everything is
    applied, once."""
    import random

    from sync_harness import ClientLibrary, compare

    from app.sync.client import SyncClient
    from server import applier

    env = FaultEnv(db_url, tmp_path, env={"THUVIEN_DISTRICT_APPLIER": "off"})
    libs: list[tuple[str, ClientLibrary]] = []
    try:
        for n in range(3):
            code = f"B{n}"
            lib = ClientLibrary(tmp_path / f"{code}.sqlite3", random.Random(n))
            client = SyncClient(lib.path, token_dir=tmp_path / "tokens", batch_size=25)
            client.enroll(env.server.url, env.add_library(code))
            lib.add_changes(120)
            client.push()
            client.close()
            libs.append((code, lib))
        assert not applier.wait_applied(env.engine, timeout=0.5)  # a backlog, unapplied
        env.server.kill()
        env.server.env["THUVIEN_DISTRICT_APPLIER"] = "process"
        env.server.ensure_running()
        for code, lib in libs:
            assert compare(env.engine, code, lib.db) == [], code
    finally:
        for _, lib in libs:
            lib.close()
        env.close()
