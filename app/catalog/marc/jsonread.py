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
    """Yield records and problems from MARC-in-JSON bytes; ``offset`` is the record's index."""
    from app.catalog.marc.reader import RecordProblem

    text = data.decode("utf-8-sig", "replace")
    objects: list[Any]
    try:
        parsed = json.loads(text)
        objects = parsed if isinstance(parsed, list) else [parsed]
    except json.JSONDecodeError as exc:
        lines = [line for line in text.splitlines() if line.strip()]
        objects = []
        for line in lines:
            try:
                objects.append(json.loads(line))
            except json.JSONDecodeError:
                objects.append(None)
        if len(lines) < 2 or all(o is None for o in objects):
            raise ImportFormatError("marc.json_unreadable", msg.JSON_UNREADABLE, detail=str(exc)) from exc
    good = 0
    results: list[MarcRecord | RecordProblem] = []
    for index, obj in enumerate(objects):
        try:
            record = record_from_json(obj)
            record.offset = index
            results.append(record)
            good += 1
        except _BadJsonRecord as bad:
            results.append(RecordProblem(index + 1, index, msg.JSON_BAD_RECORD(detail=str(bad)),
                                         "marc.json_bad_record"))
    if good == 0:
        raise ImportFormatError("marc.json_no_records", msg.JSON_NO_RECORDS)
    yield from results
    if progress is not None:
        progress(total, total)
