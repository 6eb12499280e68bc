"""Server test fixtures: a fresh district database per test, SQLite always and PostgreSQL
when ``THUVIEN_TEST_PG`` names one (then an unreachable server FAILS the tests)."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine

sys.path.insert(0, str(Path(__file__).resolve().parent))

from sync_harness import PG_ENV, pg_database  # noqa: E402

os.environ["THUVIEN_NO_KEYRING"] = "1"

BACKENDS = ["sqlite"] + (["postgresql"] if os.environ.get(PG_ENV) else [])


@pytest.fixture(params=BACKENDS)
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh, empty district database URL."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'district.sqlite3'}"
    else:
        with pg_database(os.environ[PG_ENV]) as url:
            yield url


@pytest.fixture
def district(db_url: str) -> Iterator[Any]:
    """The server app in-process (migrated), its engine and an admin token."""
    from fastapi.testclient import TestClient

    from server import applier, registry
    from server.api import create_app
    from server.db import make_engine, upgrade, write
    from server.settings import load_settings

    settings = load_settings(db_url)
    upgrade(settings)
    engine: Engine = make_engine(settings)
    with write(engine) as conn:
        admin = registry.create_admin_token(conn, "tests")

    class District:
        pass

    class Applying(TestClient):
        """The test client; after each push it runs the applier until every stored batch
        is applied (what the server's applier does shortly after), so a test reads the
        union catalog and statistics as they will be."""

        def post(self, url: Any, *args: Any, **kwargs: Any) -> Any:
            response = super().post(url, *args, **kwargs)
            if str(url).endswith("/push"):
                applier.drain(engine, timeout=30)
            return response

    d = District()
    d.engine, d.admin, d.settings = engine, admin, settings  # type: ignore[attr-defined]
    d.http = Applying(create_app(settings, engine))  # type: ignore[attr-defined]
    yield d
    d.http.close()  # type: ignore[attr-defined]
    engine.dispose()
