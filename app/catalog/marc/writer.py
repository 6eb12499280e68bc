"""Export: ISO 2709 (UTF-8) and MARCXML, with the items written as 952 (Koha) or 852 fields.

A record that ISO 2709 cannot hold (a field over 9,999 bytes, a record over 99,999 bytes, a
malformed tag) is refused and reported, never written corrupt. Characters that would break the
format (the 0x1D/0x1E/0x1F delimiters in ISO 2709, XML-illegal control characters) are removed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import BinaryIO
from xml.sax.saxutils import escape, quoteattr

from app.catalog.marc import messages as msg
from app.catalog.marc.holdings import HOLDINGS_TAGS, ItemData, item_field
from app.catalog.marc.model import Field, MarcRecord
from app.catalog.marc.reader import RecordProblem
from app.text import nfc

MAX_RECORD = 99999
MAX_FIELD = 9999
_DELIMITERS = re.compile("[\x1d\x1e\x1f]")
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_TAG = re.compile(r"^[0-9A-Za-z]{3}$")
MARC_NS = "http://www.loc.gov/MARC21/slim"


class _Refused(Exception):
    def __init__(self, code: str, reason: str) -> None:
        self.code = code
        self.reason = reason
        super().__init__(code)


def with_items(record: MarcRecord, items: list[ItemData], holdings_tag: str = "952") -> list[Field]:
    """The record's fields with every 952/852 replaced by one *holdings_tag* field per item."""
    if holdings_tag not in HOLDINGS_TAGS:
        raise ValueError(f"holdings_tag must be one of {HOLDINGS_TAGS}")
    fields = [f for f in record.fields if f.tag not in HOLDINGS_TAGS]
    fields.extend(item_field(item, holdings_tag) for item in items)
    return fields


def _leader(leader: str) -> str:
    text = (leader + " " * 24)[:24]
    return text[:9] + "a" + text[10:]


def _check_tag(tag: str) -> None:
    if not _TAG.match(tag):
        raise _Refused("marc.bad_tag", msg.BAD_TAG(tag=tag))


def encode_iso2709(record: MarcRecord, fields: list[Field]) -> bytes:
    """One record as ISO 2709 UTF-8 bytes; raises ``_Refused`` when it cannot be written."""
    directory: list[bytes] = []
    data: list[bytes] = []
    offset = 0
    for f in fields:
        _check_tag(f.tag)
        if f.data is not None:
            body = _DELIMITERS.sub("", nfc(f.data)).encode("utf-8")
        else:
            parts = [(_DELIMITERS.sub(" ", f.ind1) or " ")[:1], (_DELIMITERS.sub(" ", f.ind2) or " ")[:1]]
            for code, value in f.subfields:
                code = _DELIMITERS.sub("", code)[:1] or "?"
                parts.append("\x1f" + code + _DELIMITERS.sub("", nfc(value)))
            body = "".join(parts).encode("utf-8")
        length = len(body) + 1
        if length > MAX_FIELD:
            raise _Refused("marc.field_too_long", msg.FIELD_TOO_LONG(tag=f.tag, size=length))
        directory.append(f"{f.tag}{length:04d}{offset:05d}".encode("ascii"))
        data.append(body + b"\x1e")
        offset += length
    base = 24 + 12 * len(directory) + 1
    total = base + offset + 1
    if total > MAX_RECORD or offset > 99999:
        raise _Refused("marc.record_too_long", msg.RECORD_TOO_LONG(size=total))
    leader = _leader(record.leader)
    leader = f"{total:05d}{leader[5:12]}{base:05d}{leader[17:]}"
    return leader.encode("ascii", "replace") + b"".join(directory) + b"\x1e" + b"".join(data) + b"\x1d"


def write_iso2709(records: Iterable[tuple[MarcRecord, list[ItemData]]], out: BinaryIO,
                  holdings_tag: str = "952") -> list[RecordProblem]:
    """Write each (record, items) as UTF-8 ISO 2709 to *out*; return the records refused.

    Existing 952/852 fields are replaced by the given items. ``RecordProblem.number`` is the
    record's 1-based position in *records*, ``offset`` the output position it would have had.

    >>> import io
    >>> from app.catalog.marc.model import Field, MarcRecord
    >>> buf = io.BytesIO()
    >>> write_iso2709([(MarcRecord("00000nam a2200000 a 4500", [Field("001", "X1")]), [])], buf)
    []
    >>> buf.getvalue()[:5]
    b'00041'
    """
    problems: list[RecordProblem] = []
    position = 0
    for number, (record, items) in enumerate(records, start=1):
        try:
            raw = encode_iso2709(record, with_items(record, items, holdings_tag))
        except _Refused as refused:
            problems.append(RecordProblem(number, position, refused.reason, refused.code))
            continue
        out.write(raw)
        position += len(raw)
    return problems


def _xml_text(text: str) -> str:
    return escape(_XML_ILLEGAL.sub("", nfc(text)))


def _xml_attr(text: str) -> str:
    return quoteattr(_XML_ILLEGAL.sub("", text))


def encode_marcxml(record: MarcRecord, fields: list[Field]) -> str:
    """One ``<record>`` element as text; raises ``_Refused`` for a malformed tag."""
    lines = ["<record>", f"<leader>{_xml_text(_leader(record.leader))}</leader>"]
    for f in fields:
        _check_tag(f.tag)
        if f.data is not None:
            lines.append(f"<controlfield tag={_xml_attr(f.tag)}>{_xml_text(f.data)}</controlfield>")
            continue
        lines.append(f"<datafield tag={_xml_attr(f.tag)} ind1={_xml_attr((f.ind1 or ' ')[:1])} "
                     f"ind2={_xml_attr((f.ind2 or ' ')[:1])}>")
        for code, value in f.subfields:
            lines.append(f"<subfield code={_xml_attr(code[:1] or '?')}>{_xml_text(value)}</subfield>")
        lines.append("</datafield>")
    lines.append("</record>\n")
    return "\n".join(lines)


def write_marcxml(records: Iterable[tuple[MarcRecord, list[ItemData]]], out: BinaryIO,
                  holdings_tag: str = "952") -> list[RecordProblem]:
    """Write a MARCXML ``<collection>`` (UTF-8) to *out*; return the records refused.

    Existing 952/852 fields are replaced by the given items; ``offset`` in a problem is the
    record's 0-based index.
    """
    problems: list[RecordProblem] = []
    out.write(f'<?xml version="1.0" encoding="UTF-8"?>\n<collection xmlns="{MARC_NS}">\n'.encode())
    for number, (record, items) in enumerate(records, start=1):
        try:
            text = encode_marcxml(record, with_items(record, items, holdings_tag))
        except _Refused as refused:
            problems.append(RecordProblem(number, number - 1, refused.reason, refused.code))
            continue
        out.write(text.encode("utf-8"))
    out.write(b"</collection>\n")
    return problems
