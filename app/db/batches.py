"""Bulk writes in consecutive transactions whose commits overlap the caller's next batch.

A commit of a large batch is mostly work SQLite does without Python's lock: writing the
pages to the WAL, flushing the full-text index's buffered terms, waiting for the disk
(``synchronous=FULL``). :class:`CommitBehind` runs that in a helper thread while the caller
goes on preparing the next batch (e.g. parsing MARC records) and waits for it only before
writing again. Each batch is still one transaction with its outbox rows, committed in order;
a failed commit is raised to the caller at its next call.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable

from app.db.connection import Database


class CommitBehind:
    """Write batches, each in its own transaction, committing the last one in the background.

    >>> with CommitBehind(db) as batches:                         # doctest: +SKIP
    ...     for rows in chunks:
    ...         batches.write(lambda conn: conn.executemany(SQL, rows))
    """

    def __init__(self, db: Database) -> None:
        self._db = db
        self._thread: threading.Thread | None = None
        self._error: BaseException | None = None

    def write(self, work: Callable[[sqlite3.Connection], None]) -> None:
        """Run *work* in a new transaction once the previous commit is done, then start its
        commit in the background."""
        self.wait()
        self._db.begin()
        try:
            work(self._db.conn)
        except BaseException:
            self._db.rollback()
            raise
        self._thread = threading.Thread(target=self._commit, name="thuvien-commit", daemon=True)
        self._thread.start()

    def _commit(self) -> None:
        try:
            self._db.commit()
        except BaseException as exc:  # handed to the caller by wait()
            self._error = exc

    def wait(self) -> None:
        """Wait until the last commit is done; raise its error if it failed."""
        if self._thread is not None:
            self._thread.join()
            self._thread = None
        if self._error is not None:
            error, self._error = self._error, None
            raise error

    def __enter__(self) -> CommitBehind:
        return self

    def __exit__(self, *exc: object) -> None:
        self.wait()
