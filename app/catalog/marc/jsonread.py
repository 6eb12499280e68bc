"""MARC-in-JSON reading: one record object, a list of them, or one object per line (NDJSON).

JSON exports are small in practice, so the text is parsed whole (NDJSON line by line).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

from app.catalog.marc import messages as msg
from app.catalog.marc.model import Field, MarcRecord
from app.catalog.marc.xmlread import DEFAULT_LEADER
from app.errors import ImportFormatError
from app.text import nfc

if TYPE_CHECKING:
    from app.catalog.marc.reader import RecordProblem


class _BadJsonRecord(Exception):
    pass


def record_from_json(obj: Any) -> MarcRecord:
    """Build a record from a MARC-in-JSON object ``{"leader": ..., "fields": [...]}``."""
    if not isinstance(obj, dict) or not isinstance(obj.get("fields"), list):
        raise _BadJsonRecord("no 'fields' list")
    leader = obj.get("leader")
    leader = leader.ljust(24)[:24] if isinstance(leader, str) and leader.strip() else DEFAULT_LEADER
    fields: list[Field] = []
    for entry in obj["fields"]:
        if not isinstance(entry, dict) or len(entry) != 1:
            raise _BadJsonRecord("a field is not a one-key object")
        ((tag, body),) = entry.items()
        if not isinstance(tag, str) or len(tag) != 3:
            raise _BadJsonRecord(f"invalid tag {tag!r}")
        if isinstance(body, str):
            fields.append(Field(tag, nfc(body)))
            continue
        if not isinstance(body, dict) or not isinstance(body.get("subfields"), list):
            raise _BadJsonRecord(f"field {tag} has no 'subfields' list")
        subs: list[tuple[str, str]] = []
        for sub in body["subfields"]:
            if not isinstance(sub, dict) or len(sub) != 1:
                raise _BadJsonRecord(f"a subfield of {tag} is not a one-key object")
            ((code, value),) = sub.items()
            if not isinstance(code, str) or not code or not isinstance(value, str):
                raise _BadJsonRecord(f"bad subfield in field {tag}")
            subs.append((code[:1], nfc(value)))
        ind1 = body.get("ind1")
        ind2 = body.get("ind2")
        fields.append(Field(tag, None, (ind1 if isinstance(ind1, str) and ind1 else " ")[:1],
                            (ind2 if isinstance(ind2, str) and ind2 else " ")[:1], subs))
    if not fields:
        raise _BadJsonRecord("no fields")
    if leader[9] != "a":
        leader = leader[:9] + "a" + leader[10:]
    return MarcRecord(leader, fields)


def json_records(data: bytes, progress: Callable[[int, int], None] | None,
                 total: int) -> Iterator[MarcRecord | RecordProblem]:
    """Yield records and problems from MARC-in-JSON bytes.

    A record's ``offset`` (and a problem's) is the byte offset in the file where its object
    begins: its ``{`` in a record list or a single-record file, the start of its line in
    line-delimited JSON (NDJSON), where a problem's message also names the line. A list that
    breaks part-way yields the records before the break, then one problem saying where.
    """
    from app.catalog.marc.reader import RecordProblem

    text, bad_bytes = _decoded(data)
    where = _ByteOffsets(text, len(data) - len(data.removeprefix(_BOM)))
    start = _skip_space(text, 0)
    results: list[MarcRecord | RecordProblem] = []
    good = 0
    if text.startswith("[", start):
        entries, broken, broken_at = _list_items(text, start)
        if broken is not None and not entries:
            raise ImportFormatError("marc.json_unreadable", msg.JSON_UNREADABLE,
                                    detail=_where(broken, where)) from broken
        for number, (obj, at) in enumerate(entries, start=1):
            good += _add(results, obj, number, where(at), None, bad_bytes)
        if broken is not None:
            results.append(RecordProblem(len(entries) + 1, where(broken_at),
                                         msg.JSON_BROKEN_REST(detail=_where(broken, where)),
                                         "marc.json_broken"))
    else:
        try:
            obj, end = json.JSONDecoder().raw_decode(text, start)
            if _skip_space(text, end) != len(text):
                raise json.JSONDecodeError("Extra data", text, _skip_space(text, end))
        except json.JSONDecodeError as exc:
            lines = [line for line in _lines(data) if line[2] is not None or line[3] is not None]
            if len(lines) < 2 or all(line[2] is None for line in lines):
                raise ImportFormatError("marc.json_unreadable", msg.JSON_UNREADABLE,
                                        detail=_where(exc, where)) from exc
            for number, (line_no, offset, parsed, error) in enumerate(lines, start=1):
                if error is not None:
                    results.append(RecordProblem(number, offset, msg.JSON_BAD_LINE(
                        line=line_no, detail=error), "marc.json_bad_record"))
                    continue
                good += _add(results, parsed, number, offset, line_no, False)
        else:
            good += _add(results, obj, 1, where(start), None, bad_bytes)
    if good == 0:
        raise ImportFormatError("marc.json_no_records", msg.JSON_NO_RECORDS)
    yield from results
    if progress is not None:
        progress(total, total)


_BOM = b"\xef\xbb\xbf"
_SPACE = " \t\n\r"


def _decoded(data: bytes) -> tuple[str, bool]:
    """The text of *data* and whether it held bytes that are not UTF-8 (kept as surrogates,
    so character positions still map to byte offsets; cleaned from the values read)."""
    body = data.removeprefix(_BOM)
    try:
        return body.decode("utf-8"), False
    except UnicodeDecodeError:
        return body.decode("utf-8", "surrogateescape"), True


class _ByteOffsets:
    """Character positions in the decoded text as byte offsets in the file (positions are
    asked for in increasing order, so each call encodes only the text since the last)."""

    def __init__(self, text: str, bom: int) -> None:
        self.text = text
        self.bom = bom
        self.char = 0
        self.byte = bom

    def __call__(self, position: int) -> int:
        if position < self.char:
            self.char, self.byte = 0, self.bom
        self.byte += len(self._bytes(self.char, position))
        self.char = position
        return self.byte

    def _bytes(self, start: int, end: int) -> bytes:
        return self.text[start:end].encode("utf-8", "surrogateescape")


def _skip_space(text: str, position: int) -> int:
    while position < len(text) and text[position] in _SPACE:
        position += 1
    return position


_Items = tuple[list[tuple[Any, int]], json.JSONDecodeError | None, int]


def _list_items(text: str, start: int) -> _Items:
    """The values of the JSON list opening at *start*, each with its character position; the
    error where the list stops being valid JSON (None when it is whole) and the position of
    the value it breaks in (or of the break itself, between values)."""
    decoder = json.JSONDecoder()
    items: list[tuple[Any, int]] = []
    position = _skip_space(text, start + 1)
    if text.startswith("]", position):
        return items, _trailing(text, position + 1), position
    while True:
        try:
            value, end = decoder.raw_decode(text, position)
        except json.JSONDecodeError as exc:
            return items, exc, position
        items.append((value, position))
        position = _skip_space(text, end)
        if text.startswith(",", position):
            position = _skip_space(text, position + 1)
        elif text.startswith("]", position):
            return items, _trailing(text, position + 1), position
        else:
            error = json.JSONDecodeError("Expecting ',' delimiter", text, position)
            return items, error, position


def _trailing(text: str, position: int) -> json.JSONDecodeError | None:
    """An error when anything but white space follows the list's end."""
    position = _skip_space(text, position)
    return None if position == len(text) else json.JSONDecodeError("Extra data", text, position)


def _where(exc: json.JSONDecodeError, where: _ByteOffsets) -> str:
    return msg.JSON_POSITION(line=exc.lineno, column=exc.colno, byte=where(exc.pos),
                             detail=exc.msg)


def _lines(data: bytes) -> list[tuple[int, int, Any, str | None]]:
    """Each line of line-delimited JSON as (line number, byte offset of the line, the value
    read or None, why it is not JSON or None); a blank line has neither."""
    found: list[tuple[int, int, Any, str | None]] = []
    offset = 0
    for line_no, raw in enumerate(data.split(b"\n"), start=1):
        body = raw.removeprefix(_BOM) if line_no == 1 else raw
        text = body.decode("utf-8", "replace")
        if text.strip():
            try:
                found.append((line_no, offset, json.loads(text), None))
            except json.JSONDecodeError as exc:
                found.append((line_no, offset, None,
                              msg.JSON_COLUMN(column=exc.colno, detail=exc.msg)))
        else:
            found.append((line_no, offset, None, None))
        offset += len(raw) + 1
    return found


def _add(results: list[MarcRecord | RecordProblem], obj: Any, number: int, offset: int,
         line: int | None, clean: bool) -> int:
    """Append the record read from *obj* (or why it cannot be read) and return 1 for a record."""
    from app.catalog.marc.reader import RecordProblem

    try:
        record = record_from_json(_cleaned(obj) if clean else obj)
    except _BadJsonRecord as bad:
        reason = (msg.JSON_BAD_RECORD(detail=str(bad)) if line is None
                  else msg.JSON_BAD_LINE(line=line, detail=str(bad)))
        results.append(RecordProblem(number, offset, reason, "marc.json_bad_record"))
        return 0
    record.offset = offset
    results.append(record)
    return 1


def _cleaned(value: Any) -> Any:
    """*value* with the bytes that were not UTF-8 as U+FFFD, as a 'replace' decoding gives."""
    if isinstance(value, str):
        return value.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    if isinstance(value, list):
        return [_cleaned(v) for v in value]
    if isinstance(value, dict):
        return {_cleaned(k): _cleaned(v) for k, v in value.items()}
    return value
