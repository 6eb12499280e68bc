"""The reading half of a MARC import: records parsed and made ready to store, in file order.

Everything that does not depend on the database is done here: parsing, the key fields,
the copies, the storage form, the record's column values and its search text. The
importer (:mod:`app.catalog.importer`) then decides duplicates and numbers, folds the
search text and writes.

On a large file this half runs in a separate process (:func:`prepared_records`), so that
reading the next records and writing the previous ones use two processor cores. Records,
problems and progress arrive in file order either way, and a worker that fails hands its
error to the importer; one bad record is still one :class:`Skipped` entry.
"""

from __future__ import annotations

import marshal
import multiprocessing
import os
import queue
from collections.abc import Callable, Generator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.catalog import store
from app.catalog.marc import RecordProblem, extract, holdings, read_marc
from app.catalog.marc.direct import Direct, read_direct
from app.catalog.marc.holdings import CopyValues, copy_values
from app.catalog.store import NO_VALUE
from app.errors import UserError
from app.i18n import Text, language, set_language

Progress = Callable[[int, int], None]

HOLDINGS_TAGS = ("852", "952")
NOT_BIBLIOGRAPHIC = Text("biểu ghi {kind}, không phải biểu ghi thư mục — bỏ qua",
                         "{kind} record, not a bibliographic record — skipped")
NO_TITLE = Text("không có nhan đề (trường 245)", "no title (field 245)")
READER_STOPPED = Text(
    "Tiến trình đọc tệp MARC dừng đột ngột (mã {code}); các lô đã ghi được giữ nguyên.",
    "The MARC reading process stopped unexpectedly (code {code}); the batches already "
    "written are kept.")

#: Files at least this large are read in a worker process (about 3,000 records): below it,
#: starting the process costs more than it saves.
PARALLEL_MIN_BYTES = 2_000_000
#: Records per message from the worker, and messages it may run ahead of the importer. A
#: message's entries are one :mod:`marshal` text (prepared records are tuples, lists,
#: strings and numbers; a skipped record goes as ``(None, number, offset, reason, code)``):
#: quicker to write and read than pickling them, in both processes.
CHUNK = 250
AHEAD = 24
#: Seconds a worker waits on a full channel before it checks that the importing process
#: still lives.
PARENT_CHECK = 1.0


@dataclass(frozen=True)
class Skipped:
    """A record (or one of its copies) that was not imported, and why."""

    number: int
    offset: int
    reason: str
    code: str


# Prepared records cross a process boundary by the thousand: they are plain tuples (a
# NamedTuple is rebuilt through a Python-level call when unpickled, several times slower).

#: A copy read from a holdings field, with the values the importer stores:
#: ``(collection, barcode, item_type, call_number, location, price, acquired_on, source,
#: note)``; the barcode stripped and NFC (None when the field has none); from the call
#: number on, ``store.NO_VALUE`` stands for NULL (``store.IMPORT_ITEM``). Made by
#: :func:`~app.catalog.marc.holdings.copy_values` (or ``copy_952`` on the direct way).
Copy = CopyValues
assert NO_VALUE == ""  # what CopyValues has for NULL

#: A readable bibliographic record, ready to store: ``(number, offset, isbns,
#: control_number, control_org, title_fold, row_tail, search, copies, class_fold, legacy)``.
#: ``row_tail`` is the ``records`` values from ``control_number`` to ``marc``
#: (``store.import_record_tail``: ``store.NO_VALUE`` for NULL, the MARC storage text as its
#: UTF-8 bytes); ``search`` its search
#: text (``store.import_search_texts``): the folded title, then the author, subject and
#: other texts (words, codes) that the writer folds; ``class_fold`` the folded class number that the search row's callno
#: begins with; ``legacy`` the legacy Vietnamese encoding the record's text was converted
#: from (``MarcRecord.legacy_encoding``: ``"tcvn3"``, ``"vni"``, ``"cp1258"``), else ``""``.
Prepared = tuple[int, int, list[str], str | None, str | None, str, tuple[Any, ...],
                 tuple[str, str, str, str, str], list[Copy], str, str]

Entry = Prepared | Skipped


def _direct_at(raw: bytes, offset: int) -> tuple[Direct, int] | None:
    """:func:`~app.catalog.marc.direct.read_direct` with the record's byte offset kept for
    the import report."""
    read = read_direct(raw)
    return None if read is None else (read, offset)


def prepare_all(source: Path, progress: Progress | None = None,
                direct: bool = True) -> Generator[Entry, None, None]:
    """Read *source* and yield every record ready to store, or why it was skipped.

    Well-formed ISO 2709 records are read straight from their bytes
    (:func:`~app.catalog.marc.direct.read_direct`), the others (and all of them when
    *direct* is False) through the record objects; both give the same entries.

    Raises :class:`~app.errors.ImportFormatError` (before yielding anything) when the file
    is not MARC21 at all.
    """
    number = 0
    for entry in read_marc(source, progress, _direct_at if direct else None):
        if isinstance(entry, tuple):  # read straight from the bytes: a bibliographic record
            number += 1
            (bib, marc_text, copies), offset = entry
            legacy = ""  # the direct way takes UTF-8 records only
        elif isinstance(entry, RecordProblem):
            number = entry.number
            yield Skipped(entry.number, entry.offset, entry.reason, entry.code)
            continue
        else:
            number += 1
            offset = entry.offset
            if entry.record_type != "bibliographic":
                yield Skipped(number, offset, NOT_BIBLIOGRAPHIC(kind=entry.record_type),
                              "marc.not_bibliographic")
                continue
            bib = extract(entry)
            marc_text = entry.to_storage(skip=HOLDINGS_TAGS)
            copies = [copy_values(item) for item in holdings(entry)]
            legacy = entry.legacy_encoding
        if not bib.title:
            yield Skipped(number, offset, NO_TITLE(), "marc.no_title")
            continue
        tail = store.import_record_tail(bib, marc_text.encode())  # see store.IMPORT_RECORD
        title, author, subject, words, codes, classification = \
            store.import_search_texts(bib, tail[3])
        yield (number, offset, bib.isbns, bib.control_number, bib.control_org, tail[3], tail,
               (title, author, subject, words, codes), copies, classification, legacy)


def prepared_records(source: Path, progress: Progress | None = None,
                     parallel: bool | None = None) -> Generator[Entry, None, None]:
    """:func:`prepare_all` of *source*, in a worker process when the file is large.

    *parallel* None decides by the file's size. Stopping the iteration stops the worker.
    """
    if parallel is None:
        parallel = can_run_parallel(source)
    if not parallel:
        return prepare_all(source, progress)
    return _from_worker(source, progress)


def can_run_parallel(source: Path) -> bool:
    """Whether *source* is worth a worker process, and one can be started here.

    A frozen build starts workers by running its own program again: its entry point
    (``installer/launcher.py``) calls ``multiprocessing.freeze_support()`` first.
    """
    if (os.cpu_count() or 1) < 2:
        return False
    try:
        return Path(source).stat().st_size >= PARALLEL_MIN_BYTES
    except OSError:
        return False


# -- the worker process -----------------------------------------------------------------------
_END, _ITEMS, _FAILED = "end", "items", "failed"


def _send(out: Any, message: tuple[Any, ...]) -> None:
    """Put *message* on the channel; when it stays full because the importing process is
    gone (killed: it never reaped this worker), end this process instead of waiting for ever."""
    while True:
        try:
            out.put(message, timeout=PARENT_CHECK)
            return
        except queue.Full:
            parent = multiprocessing.parent_process()
            if parent is not None and not parent.is_alive():
                os._exit(0)  # nothing to clean up; a normal exit would wait on the channel


def _work(path: str, lang: str, out: Any) -> None:
    """Worker process: send the prepared entries of *path* in chunks, then the end."""
    set_language(lang)
    done: list[tuple[int, int] | None] = [None]

    def note(position: int, total: int) -> None:
        done[0] = (position, total)

    try:
        chunk: list[Any] = []
        for entry in prepare_all(Path(path), note):
            if isinstance(entry, Skipped):
                chunk.append((None, entry.number, entry.offset, entry.reason, entry.code))
            else:
                chunk.append(entry)
            if len(chunk) >= CHUNK:
                _send(out, (_ITEMS, marshal.dumps(chunk), done[0]))
                chunk = []
        _send(out, (_ITEMS, marshal.dumps(chunk), done[0]))
        _send(out, (_END, None, done[0]))
    except UserError as exc:
        _send(out, (_FAILED, (type(exc), exc.code, exc.text, exc.params), None))
    except BaseException as exc:  # a bug: hand it over rather than die silently
        _send(out, (_FAILED, (RuntimeError, f"{type(exc).__name__}: {exc}"), None))


def _from_worker(source: Path, progress: Progress | None) -> Generator[Entry, None, None]:
    """The worker's entries of *source*; the worker starts now, not at the first entry
    asked for (its start overlaps what the importer does first), and the generator stops
    it when closed, also before its first entry."""
    context = multiprocessing.get_context("spawn")  # the same on every platform
    channel = context.Queue(AHEAD)
    worker = context.Process(target=_work, args=(str(source), language(), channel),
                             name="thuvien-marc-reader", daemon=True)
    worker.start()
    entries = _received(worker, channel, progress)
    try:
        next(entries)  # runs to its first yield: from here on closing it stops the worker
    except BaseException:
        _stop(worker, channel)
        raise
    return entries


def _received(worker: Any, channel: Any, progress: Progress | None
              ) -> Generator[Entry, None, None]:
    """The entries *worker* sends on *channel*, after a first ``None`` (see
    :func:`_from_worker`)."""
    try:
        yield None  # type: ignore[misc]
        while True:
            try:
                kind, payload, done = channel.get(timeout=0.5)
            except queue.Empty:
                if worker.is_alive():
                    continue
                try:  # it may have sent its last words just before ending
                    kind, payload, done = channel.get(timeout=0.5)
                except queue.Empty:
                    raise UserError("marc.reader_stopped", READER_STOPPED,
                                    code=worker.exitcode) from None
            if progress is not None and done is not None:
                progress(*done)
            if kind == _ITEMS:
                for entry in marshal.loads(payload):
                    yield entry if entry[0] is not None else Skipped(*entry[1:])
            elif kind == _END:
                return
            else:
                _raise(payload)
    finally:
        _stop(worker, channel)


def _stop(worker: Any, channel: Any) -> None:
    """Stop *worker* (if it still runs) and let go of *channel*."""
    if worker.is_alive():
        worker.terminate()
    worker.join()
    channel.close()
    channel.cancel_join_thread()


def _raise(failure: tuple[Any, ...]) -> None:
    if failure[0] is RuntimeError:
        raise RuntimeError(f"MARC reader process failed: {failure[1]}")
    kind, code, text, params = failure
    raise kind(code, text, **params)
