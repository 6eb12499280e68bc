"""Engine creation and schema migrations (Alembic) for the district database.

SQLite connections run with WAL, ``synchronous=FULL`` and foreign keys on; write
transactions start with ``BEGIN IMMEDIATE`` so a push never deadlocks half-way.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import Connection, Engine, create_engine, event, insert, select

from server.models import union_clock
from server.settings import ServerSettings

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def make_engine(settings: ServerSettings) -> Engine:
    """An engine for ``settings.database_url`` with the pragmas and transaction mode set."""
    if not settings.is_sqlite:
        return create_engine(settings.database_url, pool_size=20, max_overflow=20,
                             pool_pre_ping=True)
    engine = create_engine(settings.database_url,
                           connect_args={"check_same_thread": False, "timeout": 30})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=FULL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA busy_timeout=30000")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        mode = "IMMEDIATE" if conn.get_execution_options().get("write", True) else "DEFERRED"
        conn.exec_driver_sql(f"BEGIN {mode}")

    return engine


@contextmanager
def write(engine: Engine) -> Iterator[Connection]:
    """A write transaction (commits at the end of the block, rolls back on error)."""
    with engine.connect() as conn, conn.begin():
        yield conn


@contextmanager
def read(engine: Engine) -> Iterator[Connection]:
    """A read-only transaction (on SQLite it does not take the write lock)."""
    with engine.connect().execution_options(write=False) as conn, conn.begin():
        yield conn


@contextmanager
def lookup(engine: Engine) -> Iterator[Connection]:
    """A connection for a single-statement read. On PostgreSQL it runs without a transaction
    of its own (one round trip instead of BEGIN, the query, COMMIT)."""
    if engine.dialect.name == "postgresql":
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            yield conn
    else:
        with read(engine) as conn:
            yield conn


def alembic_config(url: str) -> Config:
    """The Alembic configuration for the database at *url* (built in code, no .ini)."""
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return cfg


def upgrade(settings: ServerSettings) -> None:
    """Bring the database schema up to date and make sure the union clock exists."""
    command.upgrade(alembic_config(settings.database_url), "head")
    engine = make_engine(settings)
    try:
        with write(engine) as conn:
            if conn.execute(select(union_clock.c.id)).first() is None:
                conn.execute(insert(union_clock).values(id=1, value=0))
    finally:
        engine.dispose()
