"""MARC21 export of the whole catalog, copies written as 952 (Koha style) or 852 fields."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from typing import BinaryIO

from app.catalog.marc import ItemData, MarcRecord, RecordProblem, write_iso2709, write_marcxml
from app.errors import ValidationError
from app.i18n import Text

FORMATS = ("iso2709", "marcxml")
BAD_FORMAT = Text("Định dạng xuất «{fmt}» không hỗ trợ; chọn iso2709 hoặc marcxml.",
                  "Export format “{fmt}” is not supported; choose iso2709 or marcxml.")


def _records(conn: sqlite3.Connection) -> Iterator[tuple[MarcRecord, list[ItemData]]]:
    # A second cursor streams items alongside the records, both ordered by record id.
    items = conn.execute(
        "SELECT record_id, barcode, call_number, collection, location, price, item_type, "
        "acquired_on, source, note FROM items WHERE deleted = 0 ORDER BY record_id, barcode")
    pending = items.fetchone()
    for record_id, marc in conn.execute(
            "SELECT id, marc FROM records WHERE deleted = 0 ORDER BY id"):
        copies: list[ItemData] = []
        while pending is not None and pending[0] <= record_id:
            if pending[0] == record_id:
                copies.append(ItemData(barcode=pending[1], call_number=pending[2],
                                       collection=pending[3], location=pending[4],
                                       price=pending[5], item_type=pending[6],
                                       acquired_on=pending[7], source=pending[8],
                                       note=pending[9]))
            pending = items.fetchone()
        yield MarcRecord.from_storage(marc), copies


def export(conn: sqlite3.Connection, out: BinaryIO, fmt: str = "iso2709",
           holdings_tag: str = "952") -> list[RecordProblem]:
    """Write every record with its copies to *out*; return the records refused (too long)."""
    if fmt not in FORMATS:
        raise ValidationError("catalog.bad_format", BAD_FORMAT, fmt=fmt)
    writer = write_iso2709 if fmt == "iso2709" else write_marcxml
    return list(writer(_records(conn), out, holdings_tag=holdings_tag))
