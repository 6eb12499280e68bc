"""Numbered schema migrations, applied in one transaction when a library opens.

Each module ``app/db/migrations/mNNNN_name.py`` defines ``SQL`` (statements separated by
semicolons) and may define ``after(conn)``. ``PRAGMA user_version`` holds the number of the
last one applied. Before an existing database is migrated a backup is taken with SQLite's
backup API; a database from a newer ThuVien is refused and left untouched.

A migration must do the same thing forever: a library file left at any older version may be
opened years later. So a migration uses only its own SQL and code frozen in its module (or a
frozen helper module beside it, named with a leading underscore), never the application's
current code, which will change. ``tests/support/old_libraries.py`` builds library files at
earlier versions to check that.
"""

from __future__ import annotations

import importlib
import pkgutil
import sqlite3
from pathlib import Path
from types import ModuleType

from app.db import migrations as _pkg
from app.errors import StorageError
from app.i18n import Text

TOO_NEW = Text(
    "CSDL {path} được tạo bởi phiên bản ThuVien mới hơn (lược đồ {found}, bản này hỗ trợ đến "
    "{supported}). Hãy cập nhật ThuVien; tệp không bị thay đổi.",
    "The database {path} was made by a newer ThuVien (schema {found}; this version knows up to "
    "{supported}). Update ThuVien; the file was not changed.",
)


def _migrations() -> list[tuple[int, ModuleType]]:
    found = []
    for info in pkgutil.iter_modules(_pkg.__path__):
        if info.name.startswith("m") and info.name[1:5].isdigit():
            module = importlib.import_module(f"{_pkg.__name__}.{info.name}")
            found.append((int(info.name[1:5]), module))
    found.sort(key=lambda pair: pair[0])
    numbers = [n for n, _ in found]
    if len(set(numbers)) != len(numbers):
        raise RuntimeError(f"two migrations share a number: {numbers}")
    return found


def latest_version() -> int:
    """The schema version this ThuVien writes."""
    steps = _migrations()
    return steps[-1][0] if steps else 0


def split_sql(script: str) -> list[str]:
    """Split a script into complete statements (trigger bodies stay whole).

    >>> split_sql("CREATE TABLE a(x); CREATE TABLE b(y);")
    ['CREATE TABLE a(x);', 'CREATE TABLE b(y);']
    """
    statements, buf = [], ""
    for piece in script.split(";"):
        buf += piece + ";"
        if sqlite3.complete_statement(buf):
            if buf.strip(" \n\t;"):
                statements.append(buf.strip())
            buf = ""
    return statements


def backup_to(conn: sqlite3.Connection, target: Path) -> None:
    """Copy the live database into *target* with SQLite's online backup API (one
    self-contained file: see :func:`app.backup.snapshot.copy_database`)."""
    from app.backup.snapshot import copy_database

    copy_database(conn, target)


def migrate(db: Database, upto: int | None = None) -> int:  # noqa: F821 - imported lazily
    """Apply pending migrations (up to number *upto*, default all); return the number applied.

    *upto* is for tests that build a library file as an older ThuVien left it."""
    conn = db.conn
    current = conn.execute("PRAGMA user_version").fetchone()[0]
    steps = _migrations()
    newest = steps[-1][0] if steps else 0
    if upto is not None:
        steps = [(n, m) for n, m in steps if n <= upto]
    if current > newest:
        raise StorageError("db.too_new", TOO_NEW, path=str(db.path), found=current,
                           supported=newest)
    pending = [(n, m) for n, m in steps if n > current]
    if not pending:
        return 0
    if current > 0:
        target = pending[-1][0]
        backup_to(conn, db.path.with_name(f"{db.path.name}.before-v{target}.bak"))
    with db.transaction():
        for number, module in pending:
            for statement in split_sql(module.SQL):
                conn.execute(statement)
            after = getattr(module, "after", None)
            if after is not None:
                after(conn)
            conn.execute(f"PRAGMA user_version={number}")
    return len(pending)


from app.db.connection import Database  # noqa: E402
