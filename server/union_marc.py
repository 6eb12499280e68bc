"""The union catalog as MARC21 (``thuvien-district export-marc``), through the desktop's
MARC writer (:mod:`app.catalog.marc`).

Each live union record is written once: the MARC record its source library sent (when it
sent one that reads back), else one built from the union record's fields
(:func:`app.catalog.marc.build_record`); ``001`` becomes the union record's id (``003``,
the source library's organisation code, is dropped). Holdings are one ``852`` per
library holding the title: ``$a`` the library's code, ``$b`` its name, ``$z`` its copies
and how many were available at the export (``Số bản: 3; sẵn có: 2``). The union catalog
has no copy-level data (no barcodes, call numbers or borrowers), so there is no ``$p`` and
no ``$t`` (a copy number in MARC 852, not a count); withdrawn and lost copies are not
counted.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any, BinaryIO

from sqlalchemy import Connection, select

from app.catalog.marc import (
    BibData,
    Field,
    ItemData,
    MarcRecord,
    RecordProblem,
    build_record,
    write_iso2709,
    write_marcxml,
)
from app.catalog.marc.clean import clean
from app.sync.protocol import as_str_list, as_year
from server import union
from server.models import union_records

FORMATS = ("iso2709", "marcxml")
CHUNK = 500


def _text(fields: dict[str, Any], name: str) -> str | None:
    value = fields.get(name)
    return clean(str(value)) or None if value not in (None, "") else None


def marc_of(union_id: int, fields: dict[str, Any]) -> MarcRecord:
    """The MARC record of a union record: its source's, else one built from *fields*.

    >>> r = marc_of(7, {"title": "Tắt đèn", "authors": ["Ngô Tất Tố"], "year": 2019})
    >>> r.control("001"), r.value("245", "a")
    ('7', 'Tắt đèn.')
    """
    record: MarcRecord | None = None
    stored = fields.get("marc")
    if isinstance(stored, str) and stored.startswith("["):
        try:
            record = MarcRecord.from_storage(stored)
        except (ValueError, TypeError, IndexError, KeyError):
            record = None
        if record is not None and not record.get_fields("245"):
            record = None  # not a bibliographic record this can stand for
    if record is None:
        record = build_record(BibData(
            title=clean(str(fields.get("title") or "")),
            responsibility=_text(fields, "responsibility"),
            authors=[clean(a) for a in as_str_list(fields.get("authors")) if clean(a)],
            isbns=as_str_list(fields.get("isbns")), publisher=_text(fields, "publisher"),
            place=_text(fields, "place"), year=as_year(fields.get("year")),
            edition=_text(fields, "edition"), classification=_text(fields, "classification"),
            subjects=[s for s in as_str_list(fields.get("subjects")) if s.strip()],
            language=_text(fields, "language"), series=_text(fields, "series"),
            volume=_text(fields, "volume"), notes=_text(fields, "notes")))
    kept = [f for f in record.fields if f.tag not in ("001", "003")]
    return MarcRecord(record.leader, [Field("001", str(union_id)), *kept])


def holding_items(held: list[dict[str, Any]]) -> list[ItemData]:
    """One 852 per holding library (see the module's text).

    >>> holding_items([{"library_code": "TH-A", "library_name": "Trường A", "total": 3,
    ...                 "available": 2}])[0].note
    'Số bản: 3; sẵn có: 2'
    """
    return [ItemData(branch=h["library_code"], collection=h["library_name"],
                     note=f"Số bản: {h['total']}; sẵn có: {h['available']}") for h in held]


def union_marc(conn: Connection) -> Iterator[tuple[MarcRecord, list[ItemData]]]:
    """Every live union record with its holdings, by id, read a chunk at a time."""
    last = 0
    while True:
        rows = conn.execute(select(union_records.c.id, union_records.c.fields)
                            .where(union_records.c.id > last,
                                   union_records.c.deleted.is_(False))
                            .order_by(union_records.c.id).limit(CHUNK)).all()
        if not rows:
            return
        held = union.holdings(conn, [int(r.id) for r in rows])
        for r in rows:
            try:
                fields = json.loads(r.fields)
            except ValueError:
                fields = {}
            if not isinstance(fields, dict):
                fields = {}
            yield marc_of(int(r.id), fields), holding_items(held.get(int(r.id), []))
        last = int(rows[-1].id)


def export(conn: Connection, out: BinaryIO, fmt: str = "iso2709") -> tuple[int, list[RecordProblem]]:
    """Write the union catalog to *out*; ``(records written, records refused)``."""
    if fmt not in FORMATS:
        raise ValueError(f"format must be one of {FORMATS}")
    counted = [0]

    def counting() -> Iterator[tuple[MarcRecord, list[ItemData]]]:
        for pair in union_marc(conn):
            counted[0] += 1
            yield pair

    writer = write_iso2709 if fmt == "iso2709" else write_marcxml
    problems = writer(counting(), out, holdings_tag="852")
    return counted[0] - len(problems), problems
