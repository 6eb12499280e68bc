"""The server's settings object, built in one place (:func:`load_settings`).

Everything comes from arguments or ``THUVIEN_DISTRICT_*`` environment variables:

- ``THUVIEN_DISTRICT_DB``: a database URL (``postgresql+psycopg://...``) or a path to an
  SQLite file (the default for a small district).
- ``THUVIEN_DISTRICT_ENROLL_HOURS``: how long an enrollment code stays valid (default 168).
- ``THUVIEN_DISTRICT_PUSH_CONCURRENCY``: how many pushes run at once in one server process
  (default 1 on SQLite, which writes one transaction at a time, and 4 on PostgreSQL).
- ``THUVIEN_DISTRICT_APPLIER``: where the server applies the batches pushes stored
  (:mod:`server.applier`): ``process`` (default, a child process at a lower priority),
  ``thread`` (a thread of the server process) or ``off`` (none: run another server or
  ``thuvien-district apply``).
- ``THUVIEN_DISTRICT_APPLIERS``: how many applier processes (default 1; on PostgreSQL
  more can share the work on a machine with idle cores, SQLite writes one transaction at
  a time).
- ``THUVIEN_DISTRICT_PULL_WAIT``: seconds a library's pull of the union catalog waits for
  its own pushed changes to be applied first (default 3; 0 does not wait).
- ``THUVIEN_DISTRICT_OPAC``: ``0`` turns off the public search page of the union catalog
  (``GET /``, :mod:`server.opac`; on by default, no login: it shows only what the union
  catalog holds).
- ``THUVIEN_DISTRICT_FAULT_HOOK=1``: TEST ONLY, lets the fault tests make the process die
  at chosen points of a push.
- ``THUVIEN_DISTRICT_TEST_NO_IDEMPOTENCY=1``: TEST ONLY, applies re-sent changes again (used
  by the one test that shows the fault harness catches duplicates). Never set in production.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

DEFAULT_DB = "thuvien-district.sqlite3"


@dataclass(frozen=True)
class ServerSettings:
    """What the district server needs to run."""

    database_url: str
    enrollment_hours: int = 168
    push_concurrency: int = 0
    fault_hook: bool = False
    idempotency: bool = True
    applier: str = "process"
    appliers: int = 0
    pull_wait: float = 3.0
    opac: bool = True

    @property
    def applier_count(self) -> int:
        """How many applier processes to run."""
        return self.appliers or 1

    @property
    def is_sqlite(self) -> bool:
        """True when the database is an SQLite file."""
        return self.database_url.startswith("sqlite")


def database_url(value: str) -> str:
    """A SQLAlchemy URL from a URL or a file path.

    >>> database_url("district.sqlite3").startswith("sqlite:///")
    True
    >>> database_url("postgresql+psycopg://u@h/db")
    'postgresql+psycopg://u@h/db'
    """
    if "://" in value:
        return value
    return "sqlite:///" + str(Path(value).expanduser().resolve())


def _flag(environ: Mapping[str, str], name: str) -> bool:
    return environ.get(name, "").strip().lower() in ("1", "true", "yes", "on")


def load_settings(db: str | None = None, environ: Mapping[str, str] | None = None) -> ServerSettings:
    """Build the settings from an explicit ``db`` (URL or path) and the environment."""
    env = os.environ if environ is None else environ
    return ServerSettings(
        database_url=database_url(db or env.get("THUVIEN_DISTRICT_DB") or DEFAULT_DB),
        enrollment_hours=int(env.get("THUVIEN_DISTRICT_ENROLL_HOURS", "168")),
        push_concurrency=int(env.get("THUVIEN_DISTRICT_PUSH_CONCURRENCY", "0")),
        fault_hook=_flag(env, "THUVIEN_DISTRICT_FAULT_HOOK"),
        idempotency=not _flag(env, "THUVIEN_DISTRICT_TEST_NO_IDEMPOTENCY"),
        applier=_applier(env.get("THUVIEN_DISTRICT_APPLIER", "process")),
        appliers=int(env.get("THUVIEN_DISTRICT_APPLIERS", "0")),
        pull_wait=float(env.get("THUVIEN_DISTRICT_PULL_WAIT", "3")),
        opac=env.get("THUVIEN_DISTRICT_OPAC", "1").strip().lower() not in ("0", "false", "no",
                                                                          "off"),
    )


def _applier(value: str) -> str:
    mode = value.strip().lower() or "process"
    if mode not in ("process", "thread", "off"):
        raise ValueError(f"THUVIEN_DISTRICT_APPLIER must be process, thread or off, not {value!r}")
    return mode
