"""schemathesis against the server's OpenAPI schema: no input makes it answer 5xx.
Also: the Alembic migrations build exactly the schema the models describe."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

import schemathesis
from hypothesis import HealthCheck, settings
from sqlalchemy import create_engine

from server import registry
from server.api import create_app
from server.db import make_engine, upgrade, write
from server.settings import load_settings

_WORK = Path(tempfile.mkdtemp(prefix="thuvien-schemathesis-"))
_SETTINGS = load_settings(str(_WORK / "district.sqlite3"))
upgrade(_SETTINGS)
_ENGINE = make_engine(_SETTINGS)
with write(_ENGINE) as _conn:
    _ADMIN = registry.create_admin_token(_conn, "schemathesis")
    _, _CODE, _ = registry.add_library(_conn, code="A", name="Trường A", type="school")
    _TOKEN, _ = registry.enroll(_conn, _CODE, "db-of-a")
APP = create_app(_SETTINGS, _ENGINE)
schema = schemathesis.openapi.from_asgi("/openapi.json", APP)


@schema.parametrize()
@settings(max_examples=50, deadline=None,
          suppress_health_check=list(HealthCheck))
def test_no_input_makes_the_server_fail(case: Any) -> None:
    use_library = len(repr(case.path_parameters) + repr(case.query)) % 2 == 0
    if isinstance(case.path_parameters, dict) and "code" in case.path_parameters and use_library:
        case.path_parameters["code"] = "A"
    if isinstance(case.body, dict) and "library_uuid" in case.body and use_library:
        case.body["library_uuid"] = "db-of-a"
    token = _TOKEN if use_library else _ADMIN
    response = case.call(headers={"Authorization": f"Bearer {token}"})
    assert response.status_code < 500, (case.method, case.path, case.body, response.text)


def test_migrations_match_the_models(tmp_path: Path) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from server.models import metadata

    url = f"sqlite:///{tmp_path / 'm.sqlite3'}"
    upgrade(load_settings(url))
    engine = create_engine(url)
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), metadata)
    engine.dispose()
    assert diff == []


def test_upgrade_from_0005_leads_the_copies_record_index_with_the_record(db_url: str) -> None:
    """0005 -> 0006 (both backends): the copies' record index becomes (record_uuid,
    library_id), the copies stay, and a downgrade gives the old index back."""
    from alembic import command
    from sqlalchemy import inspect, text

    from server.db import alembic_config

    command.upgrade(alembic_config(db_url), "0005")
    engine = create_engine(db_url)
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO libraries (id, code, name, type, created_at) "
                          "VALUES (1, 'A', 'A', 'school', '2025-10-01T00:00:00.000000Z')"))
        conn.execute(text("INSERT INTO lib_items (library_id, uuid, record_uuid, fields, deleted) "
                          "VALUES (1, 'i1', 'r1', '{}', :no)"), {"no": False})

    def state() -> tuple[list[Any], list[Any]]:
        found = {ix["name"]: ix["column_names"] for ix in inspect(engine).get_indexes("lib_items")}
        with engine.connect() as conn:
            rows = [tuple(r) for r in conn.execute(text(
                "SELECT library_id, uuid, record_uuid FROM lib_items"))]
        return found["lib_items_record"], rows

    assert state() == (["library_id", "record_uuid"], [(1, "i1", "r1")])
    upgrade(load_settings(db_url))
    assert state() == (["record_uuid", "library_id"], [(1, "i1", "r1")])
    command.downgrade(alembic_config(db_url), "0005")
    assert state() == (["library_id", "record_uuid"], [(1, "i1", "r1")])
    engine.dispose()
