"""One SQLite connection with the durability settings ThuVien relies on.

Every connection runs in WAL mode with ``synchronous=FULL`` and foreign keys on, and
those settings are read back and checked. Transactions are explicit
(``isolation_level=None`` + ``BEGIN IMMEDIATE``) so that a change and its outbox row
always commit together.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import TypeVar

from app.db.paths import check_local
from app.errors import StorageError
from app.i18n import Text

PRAGMA_FAILED = Text(
    "CSDL {path} không bật được chế độ an toàn ({what}). Dữ liệu có thể mất nếu mất điện.",
    "The database {path} could not be put in safe mode ({what}); data could be lost on power failure.",
)
LOCKED = Text(
    "CSDL {path} đang bị khoá (có thể do phần mềm diệt virus hoặc một cửa sổ ThuVien khác). "
    "Hãy thử lại sau ít giây.",
    "The database {path} is locked (perhaps by antivirus software or another ThuVien window). "
    "Try again in a few seconds.",
)
NOT_A_DB = Text(
    "Tệp {path} không phải là CSDL ThuVien hợp lệ: {reason}",
    "The file {path} is not a valid ThuVien database: {reason}",
)
DAMAGED = Text(
    "Tệp thư viện {path} bị hỏng ({reason}). Các bản sao lưu vẫn còn: hãy khôi phục bản gần "
    "nhất (mở ThuVien và chọn khôi phục, hoặc lệnh “thuvien backup restore TỆP”).",
    "The library file {path} is damaged ({reason}). The backups are still there: restore the "
    "latest one (open ThuVien and choose restore, or run “thuvien backup restore FILE”).",
)
#: What SQLite says of a file that is damaged, as opposed to one that is not a database.
_DAMAGE_WORDS = ("malformed", "corrupt")

CANNOT_OPEN = Text(
    "Không mở được CSDL {path}: {reason}. Hãy kiểm tra đường dẫn là một tệp (không phải thư "
    "mục) và có quyền ghi.",
    "Cannot open the database {path}: {reason}. Check that the path is a file (not a folder) "
    "and can be written.",
)

READ_ONLY = Text(
    "Không ghi được vào CSDL {path}: tệp hoặc thư mục chứa nó chỉ cho đọc. Hãy kiểm tra quyền "
    "ghi (hoặc khoá chống ghi của thẻ nhớ, ổ USB) rồi thử lại.",
    "Cannot write to the database {path}: the file or its folder is read-only. Check the "
    "write permission (or the write-protect switch of a memory card or USB drive) and try again.",
)
DISK_FULL = Text(
    "Ổ đĩa chứa CSDL {path} đã đầy: việc vừa làm không được lưu. Hãy giải phóng chỗ trống rồi "
    "thử lại; dữ liệu đã lưu trước đó không mất.",
    "The drive holding the database {path} is full: what was just done was not saved. Free "
    "some space and try again; the data saved before is not lost.",
)
DISK_ERROR = Text(
    "Lỗi đọc/ghi đĩa với CSDL {path} ({reason}): việc vừa làm không được lưu. Ổ đĩa có thể đã "
    "đầy, bị hỏng hoặc bị rút ra: hãy kiểm tra rồi thử lại.",
    "A disk read/write error on the database {path} ({reason}): what was just done was not "
    "saved. The drive may be full, failing or unplugged: check it and try again.",
)
DATABASE_ERROR = Text(
    "CSDL {path} báo lỗi: {reason}. Việc vừa làm không được lưu.",
    "The database {path} reported an error: {reason}. What was just done was not saved.",
)

BUSY_TIMEOUT_MS = 5000
#: The page size a new library's file is made with (SQLite's default is 4,096 bytes). Larger
#: pages mean fewer B-tree pages to split, write to the WAL and checksum for the same rows: a
#: bulk MARC import's SQLite work costs 13-18 % less CPU with 8 KiB (and the file is 3 %
#: smaller), search costs the same (docs/performance.md, "seventh round"). Only a new, empty
#: file takes it; an existing library keeps the size it was made with (in WAL mode SQLite
#: cannot change it), and a backup or a restore copies the file's own size.
PAGE_SIZE = 8192


T = TypeVar("T")

#: Values bound in one ``IN (...)`` list: well under SQLite's limit on bound variables.
IN_LIST_SIZE = 500


def in_chunks(values: Sequence[T], size: int = IN_LIST_SIZE) -> Iterator[Sequence[T]]:
    """*values* in slices of at most *size*, for ``WHERE x IN (?, ?, ...)`` queries.

    >>> [list(c) for c in in_chunks([1, 2, 3], 2)]
    [[1, 2], [3]]
    """
    for start in range(0, len(values), size):
        yield values[start:start + size]


def utc_now() -> str:
    """The current UTC time as ISO 8601 with a ``Z`` suffix (how times are stored)."""
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


class Database:
    """A checked SQLite connection with explicit transactions.

    >>> db = open_database(Path(tmp) / "x.sqlite3")  # doctest: +SKIP
    >>> with db.transaction() as conn:               # doctest: +SKIP
    ...     conn.execute("INSERT ...")
    """

    def __init__(self, conn: sqlite3.Connection, path: Path) -> None:
        self.conn = conn
        self.path = path
        self._depth = 0

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """Run the block in one ``BEGIN IMMEDIATE`` transaction (nested calls join it).

        Commits when the block ends normally, rolls back on any exception.
        """
        if self._depth:
            self._depth += 1
            try:
                yield self.conn
            finally:
                self._depth -= 1
            return
        self.begin()
        try:
            yield self.conn
        except BaseException:
            self.rollback()
            raise
        self.commit()

    @property
    def in_transaction(self) -> bool:
        """True inside :meth:`transaction`."""
        return self._depth > 0

    def begin(self) -> None:
        """Start a transaction by hand (``BEGIN IMMEDIATE``, retried while the file is busy).

        :meth:`transaction` is the usual way; this, :meth:`commit` and :meth:`rollback` are
        for a caller that must commit elsewhere (see :class:`app.db.batches.CommitBehind`).
        """
        deadline = time.monotonic() + 3.0
        while True:
            try:
                self.conn.execute("BEGIN IMMEDIATE")
                break
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc) and "busy" not in str(exc):
                    raise
                if time.monotonic() > deadline:
                    raise StorageError("db.locked", LOCKED, path=str(self.path)) from exc
                time.sleep(0.1)
        self._depth = 1

    def commit(self) -> None:
        """Commit the transaction :meth:`begin` started (rolled back if the commit fails)."""
        self._depth = 0
        try:
            self.conn.execute("COMMIT")
        except sqlite3.Error:  # busy, disk full, a deferred constraint...: nothing half-kept
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise

    def rollback(self) -> None:
        """Undo the transaction :meth:`begin` started."""
        self._depth = 0
        self.conn.execute("ROLLBACK")

    def close(self) -> None:
        """Close the connection (a WAL checkpoint happens when the last one closes)."""
        self.conn.close()


def connect(path: Path) -> sqlite3.Connection:
    """Open *path* with WAL, ``synchronous=FULL`` and foreign keys, and check them."""
    check_local(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False,
                               timeout=BUSY_TIMEOUT_MS / 1000)
    except sqlite3.OperationalError as exc:  # a folder, no permission...
        raise StorageError("db.cannot_open", CANNOT_OPEN, path=str(path), reason=str(exc)) from exc
    try:
        conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        conn.execute(f"PRAGMA page_size={PAGE_SIZE}")  # before WAL: a new file only
        mode = conn.execute("PRAGMA journal_mode=WAL").fetchone()[0]
        conn.execute("PRAGMA synchronous=FULL")
        conn.execute("PRAGMA foreign_keys=ON")
        conn.execute("PRAGMA temp_store=MEMORY")
        conn.execute("PRAGMA cache_size=-32000")
    except (sqlite3.DatabaseError, UnicodeDecodeError) as exc:
        conn.close()
        problem = storage_problem(exc, path)
        if problem is None or problem.code == "db.error":
            problem = StorageError("db.invalid", NOT_A_DB, path=str(path), reason=str(exc))
        raise problem from exc
    checks = {
        "journal_mode=WAL": str(mode).lower() == "wal",
        "synchronous=FULL": conn.execute("PRAGMA synchronous").fetchone()[0] == 2,
        "foreign_keys=ON": conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1,
    }
    failed = [name for name, ok in checks.items() if not ok]
    if failed:
        conn.close()
        raise StorageError("db.pragmas", PRAGMA_FAILED, path=str(path), what=", ".join(failed))
    return conn


def damage_error(exc: BaseException, path: Path) -> StorageError | None:
    """The librarian's words for *exc* when it says the file at *path* is damaged, else None.

    SQLite says "database disk image is malformed"; when its message quotes bytes off a
    scribbled page that are not UTF-8, Python fails to decode the message itself and raises
    :class:`UnicodeDecodeError` instead.
    """
    if isinstance(exc, UnicodeDecodeError):
        # Only what can be read: the scribbled bytes would print as "�" or control characters.
        quoted = exc.object[:120].decode("utf-8", "replace")
        reason = "".join(c for c in quoted if c.isprintable() and c != "\ufffd").strip()
    elif isinstance(exc, sqlite3.DatabaseError) and any(
            word in str(exc).lower() for word in _DAMAGE_WORDS):
        reason = str(exc)
    else:
        return None
    return StorageError("db.damaged", DAMAGED, path=str(path), reason=reason)


def storage_problem(exc: BaseException, path: Path) -> StorageError | None:
    """The librarian's words for an SQLite error met on the library file at *path*: damaged,
    locked by another program, read-only, disk full, a disk error, not a database, cannot be
    opened, or another operational error; None for anything else (a programming error).

    >>> storage_problem(sqlite3.OperationalError("database is locked"), Path("x")).code
    'db.locked'
    """
    damaged = damage_error(exc, path)
    if damaged is not None or not isinstance(exc, sqlite3.DatabaseError):
        return damaged
    name = getattr(exc, "sqlite_errorname", None) or ""
    words = str(exc).lower()
    where = str(path)
    if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")) or "database is locked" in words:
        return StorageError("db.locked", LOCKED, path=where)
    if name.startswith("SQLITE_READONLY") or "readonly database" in words:
        return StorageError("db.read_only", READ_ONLY, path=where)
    if name == "SQLITE_FULL" or "disk is full" in words:
        return StorageError("db.disk_full", DISK_FULL, path=where)
    if name.startswith("SQLITE_IOERR") or "disk i/o error" in words:
        return StorageError("db.disk_error", DISK_ERROR, path=where, reason=str(exc))
    if name == "SQLITE_NOTADB" or "not a database" in words:
        return StorageError("db.invalid", NOT_A_DB, path=where, reason=str(exc))
    if name.startswith("SQLITE_CANTOPEN") or "unable to open" in words:
        return StorageError("db.cannot_open", CANNOT_OPEN, path=where, reason=str(exc))
    if isinstance(exc, sqlite3.OperationalError):
        return StorageError("db.error", DATABASE_ERROR, path=where, reason=str(exc))
    return None


def open_database(path: Path) -> Database:
    """Open (creating if needed) the database at *path* and bring it up to date.

    Raises :class:`StorageError` for a network path, a file that is not a database,
    or a database written by a newer ThuVien.
    """
    from app.db.index_merge import resume_if_paused
    from app.db.migrate import migrate

    conn = connect(path)
    db = Database(conn, path)
    try:
        migrate(db)
        resume_if_paused(db)  # after an import that died with the index's merging paused
    except BaseException:
        conn.close()
        raise
    return db
