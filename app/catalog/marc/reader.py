"""Read MARC21 files: ISO 2709, MARCXML or MARC-in-JSON, streamed, one bad record at a time.

:func:`read_marc` yields :class:`~app.catalog.marc.model.MarcRecord` for every readable record
and :class:`RecordProblem` for every unreadable one, in file order, so one broken record never
costs the rest of the file. A file that is not MARC21 at all (empty, an image, UNIMARC, XML
without records) raises :class:`~app.errors.ImportFormatError` once, before anything is yielded.
"""

from __future__ import annotations

import gzip
import io
import re
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, TypeVar

from app.catalog.marc import messages as msg
from app.catalog.marc.iso2709 import BadRecord, declared_length, parse_record
from app.catalog.marc.model import MarcRecord
from app.errors import ImportFormatError

Progress = Callable[[int, int], None]
T = TypeVar("T")
#: A faster way through one ISO 2709 record (its bytes without the 0x1D, and the byte offset
#: where it begins in the file): its result, or None to have the record parsed as usual (see
#: :func:`read_marc`).
Direct = Callable[[bytes, int], T | None]

_CHUNK = 1 << 20
_SNIFF = 1 << 16
_BOM = b"\xef\xbb\xbf"
_LEADING = b"\r\n\t \x00\x1a"
_UNIMARC_SAMPLE = 20
_LEADER_AFTER_TERMINATOR = re.compile(rb"\x1d[\r\n\t \x00]*\d{5}[a-z ]{4}")
# A record's leader: its length, status, type, level, control, coding, 2 and 2, base address.
_LEADER = re.compile(rb"\d{5}[a-z ]{4}[a-z ]22\d{5}")
_UNIMARC_100 = re.compile(r"^\d{8}[a-z ][\d ]{8}")


@dataclass(frozen=True, slots=True)
class RecordProblem:
    """A record that could not be read.

    ``number`` is its 1-based position in the file, ``offset`` its byte offset (for XML that
    of its ``<record>`` start tag; for JSON that of its object, or of its line in NDJSON),
    ``reason`` a message in the current language, ``code`` a machine code such as
    ``"marc.bad_directory"``.
    """

    number: int
    offset: int
    reason: str
    code: str


def read_marc(source: Path | bytes, progress: Progress | None = None,
              direct: Direct[T] | None = None) -> Iterator[MarcRecord | RecordProblem | T]:
    """Stream the records of a MARC file (path or bytes), detecting its format.

    ISO 2709 (UTF-8 or MARC-8, also gzip-compressed), MARCXML and MARC-in-JSON (a record, a
    list, or one record per line) are read. ``progress(bytes_done, bytes_total)`` is called
    as the file is consumed. Stop iterating to cancel.

    *direct* (the import's reader) is offered each ISO 2709 record after the first
    ``_UNIMARC_SAMPLE`` ones (which decide whether the file is UNIMARC) before it is parsed;
    what it returns, when not None, is yielded instead of the parsed record. Records the
    tolerant parser reads in any other way (a 0x1D inside a field) never reach it.

    Raises :class:`~app.errors.ImportFormatError` (before yielding anything) for an empty
    file, a file that is not MARC, UNIMARC, or XML/JSON in which no record can be read.

    >>> data = b"00060nam a2200037 a 4500001000300000\\x1eX1\\x1e\\x1d"
    >>> [r.control("001") for r in read_marc(data)]
    ['X1']
    """
    stream: BinaryIO
    if isinstance(source, bytes | bytearray | memoryview):
        stream = io.BytesIO(bytes(source))
        total = len(source)
    else:
        stream = open(source, "rb")  # noqa: SIM115 - closed by the generator's finally
        total = Path(source).stat().st_size
    return _read_stream(stream, total, progress, direct)


def _read_stream(stream: BinaryIO, total: int, progress: Progress | None,
                 direct: Direct[T] | None = None) -> Iterator[MarcRecord | RecordProblem | T]:
    try:
        head = stream.read(_SNIFF)
        if head[:2] == b"\x1f\x8b":
            stream.seek(0)
            yield from _read_gzip(stream, total, progress, direct)
            return
        kind = _sniff(head)
        if kind == "iso":
            yield from _unimarc_guard(_iso_records(stream, head, total, progress, direct))
        elif kind == "mrk":
            from app.catalog.marc.mrkread import mrk_records

            yield from _unimarc_guard(mrk_records(head + stream.read(), progress, total))
        elif kind == "xml":
            from app.catalog.marc.xmlread import xml_records

            stream.seek(0)
            yield from _unimarc_guard(xml_records(stream, total, progress))
        else:
            from app.catalog.marc.jsonread import json_records

            yield from _unimarc_guard(json_records(head + stream.read(), progress, total))
    finally:
        stream.close()


def _read_gzip(stream: BinaryIO, total: int, progress: Progress | None,
               direct: Direct[T] | None = None) -> Iterator[MarcRecord | RecordProblem | T]:
    try:
        data = gzip.GzipFile(fileobj=stream).read()
    except (OSError, EOFError, zlib.error) as exc:
        raise ImportFormatError("marc.gzip", msg.GZIP_BROKEN, detail=str(exc)) from exc

    def scaled(done: int, _whole: int) -> None:
        if progress is not None:
            progress(min(total, done * total // max(1, len(data))), total)

    yield from _read_stream(io.BytesIO(data), len(data), scaled if progress else None, direct)


def _sniff(head: bytes) -> str:
    """``"iso"``, ``"xml"``, ``"json"`` or ``"mrk"``; raise ImportFormatError for anything
    else."""
    if head.startswith((b"\xff\xfe<\x00", b"\xfe\xff\x00<")):
        return "xml"  # UTF-16 with its BOM (Windows "Unicode" XML): expat reads it as is
    body = head[3:] if head.startswith(_BOM) else head
    body = body.lstrip(_LEADING)
    if not body:
        raise ImportFormatError("marc.empty", msg.EMPTY_FILE)
    first = body[:1]
    if first == b"<":
        return "xml"
    if first in (b"{", b"["):
        return "json"
    if body.startswith((b"=LDR", b"=000")):
        return "mrk"
    if b"\x1d" not in head and b"\x1e" not in head:
        raise ImportFormatError("marc.not_marc", msg.NOT_MARC)
    if body[:5].isdigit() or body[20:22] == b"45" or _LEADER_AFTER_TERMINATOR.search(head):
        return "iso"
    raise ImportFormatError("marc.not_marc", msg.NOT_MARC)


def _iso_records(stream: BinaryIO, head: bytes, total: int, progress: Progress | None,
                 direct: Direct[T] | None = None) -> Iterator[MarcRecord | RecordProblem | T]:
    """Split the byte stream at record terminators and parse each piece on its own."""
    buf = head[3:] if head.startswith(_BOM) else head
    base = len(head) - len(buf)  # file offset of buf[0]
    number = 0
    eof = False
    while True:
        if not eof:
            chunk = stream.read(_CHUNK)
            if chunk:
                buf = buf + chunk if buf else chunk
            else:
                eof = True
        pos = 0
        size = len(buf)
        find = buf.find
        while True:
            start = pos
            while start < size and buf[start] in _LEADING:
                start += 1
            if start >= size:
                pos = size
                break
            end = find(b"\x1d", start)
            if end < 0 and not eof:
                break
            length = declared_length(buf[start : start + 5])
            piece_end = end if end >= 0 else size
            resume = -1
            if length > 24 and start + length - 1 < piece_end:
                # The declared length ends before the terminator: a wrong or missing end
                # marker, when the next record's leader starts there (cut at the length).
                cut = start + length - 1
                if _LEADER.match(buf, cut + 1):
                    piece_end, resume = cut, cut + 1
                elif buf[cut - 1] == 0x1E and _LEADER.match(buf, cut):
                    piece_end, resume = cut, cut
            elif length and start + length - 1 > piece_end:
                # The declared length points past the first terminator: a 0x1D inside a field?
                if start + length > size and not eof:
                    break
                if start + length <= size and buf[start + length - 1] == 0x1D:
                    try:
                        record = parse_record(buf[start : start + length - 1], strict=True)
                    except BadRecord:
                        pass
                    else:
                        number += 1
                        record.offset = base + start
                        yield record
                        pos = start + length
                        continue
            number += 1
            if progress is not None and not number & 1023:
                progress(min(base + start, total), total)
            if direct is not None and number > _UNIMARC_SAMPLE:
                quick = direct(buf[start:piece_end], base + start)
                if quick is not None:
                    yield quick
                    pos = piece_end + 1 if resume < 0 else resume
                    if end < 0 and resume < 0:
                        break
                    continue
            try:
                record = parse_record(buf[start:piece_end])
            except BadRecord as bad:
                yield RecordProblem(number, base + start, bad.reason, bad.code)
            else:
                record.offset = base + start
                yield record
            pos = piece_end + 1 if resume < 0 else resume
            if end < 0 and resume < 0:
                break
        if eof:
            break
        buf = buf[pos:]
        base += pos
        if progress is not None:
            progress(min(base, total), total)
    if progress is not None:
        progress(total, total)


def is_unimarc(record: MarcRecord) -> bool:
    """Heuristic: a UNIMARC record has a 200 title field and no 245, or UNIMARC coded 100 $a."""
    tags = {f.tag for f in record.fields}
    if "245" in tags:
        return False
    if "200" in tags:
        return True
    coded = record.value("100", "a")
    return coded is not None and len(coded) >= 22 and bool(_UNIMARC_100.match(coded))


def _unimarc_guard(items: Iterator[MarcRecord | RecordProblem | T]
                   ) -> Iterator[MarcRecord | RecordProblem | T]:
    """Look at the first records; refuse the file when most of them are UNIMARC."""
    sample: list[MarcRecord | RecordProblem | T] = []
    for item in items:
        sample.append(item)
        if len(sample) >= _UNIMARC_SAMPLE:
            break
    records = [r for r in sample if isinstance(r, MarcRecord) and r.record_type == "bibliographic"]
    if records and sum(is_unimarc(r) for r in records) * 2 > len(records):
        raise ImportFormatError("marc.unimarc", msg.UNIMARC)
    yield from sample
    yield from items
