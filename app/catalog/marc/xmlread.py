"""Streamed MARCXML reading (``<record>`` elements, with or without the MARC21 slim namespace)."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, BinaryIO

from app.catalog.marc import messages as msg
from app.catalog.marc.model import Field, MarcRecord
from app.errors import ImportFormatError
from app.text import nfc

if TYPE_CHECKING:
    from app.catalog.marc.reader import RecordProblem

DEFAULT_LEADER = "00000nam a2200000 a 4500"


class _BadXmlRecord(Exception):
    pass


def _local(tag: object) -> tuple[str, str]:
    """(namespace, local name) of an element tag such as ``{ns}record``."""
    if not isinstance(tag, str):  # comments and processing instructions
        return "", ""
    if tag.startswith("{"):
        ns, _, local = tag[1:].partition("}")
        return ns, local
    return "", tag


def _is_marc_namespace(ns: str) -> bool:
    return ns == "" or "marc" in ns.lower()


def _fix_tag(tag: str | None, what: str) -> str:
    if tag is None or not tag.strip():
        raise _BadXmlRecord(f"{what} without tag")
    tag = tag.strip()
    if tag.isdigit() and len(tag) < 3:
        tag = tag.zfill(3)
    if len(tag) != 3 or not tag.isascii() or not tag.isalnum():
        raise _BadXmlRecord(f"{what} with invalid tag {tag!r}")
    return tag


def _indicator(value: str | None) -> str:
    return (value or " ")[:1]


def record_from_element(elem: ET.Element) -> MarcRecord:
    """Build a record from a MARCXML ``<record>`` element; raise on missing tags or codes."""
    leader = DEFAULT_LEADER
    fields: list[Field] = []
    for child in elem:
        _, local = _local(child.tag)
        if local == "leader":
            text = (child.text or "").replace("\n", " ")
            leader = text.ljust(24)[:24] if text.strip() else DEFAULT_LEADER
        elif local == "controlfield":
            tag = _fix_tag(child.get("tag"), "controlfield")
            fields.append(Field(tag, nfc(child.text or "")))
        elif local == "datafield":
            tag = _fix_tag(child.get("tag"), "datafield")
            subs: list[tuple[str, str]] = []
            for sub in child:
                if _local(sub.tag)[1] != "subfield":
                    continue
                code = sub.get("code")
                if not code:
                    raise _BadXmlRecord(f"subfield without code in field {tag}")
                subs.append((code[:1], nfc(sub.text or "")))
            fields.append(Field(tag, None, _indicator(child.get("ind1")),
                                _indicator(child.get("ind2")), subs))
    if not fields:
        raise _BadXmlRecord("no fields")
    if leader[9] != "a":
        leader = leader[:9] + "a" + leader[10:]
    return MarcRecord(leader, fields)


def xml_records(stream: BinaryIO, total: int,
                progress: Callable[[int, int], None] | None) -> Iterator[MarcRecord | RecordProblem]:
    """Yield records and problems from a MARCXML stream; ``offset`` is the record's index."""
    from app.catalog.marc.reader import RecordProblem

    count = 0
    root: ET.Element | None = None
    try:
        for event, elem in ET.iterparse(stream, events=("start", "end")):
            if event == "start":
                if root is None:
                    root = elem
                continue
            ns, local = _local(elem.tag)
            if local != "record" or not _is_marc_namespace(ns):
                continue
            count += 1
            try:
                record = record_from_element(elem)
                record.offset = count - 1
                yield record
            except _BadXmlRecord as bad:
                yield RecordProblem(count, count - 1, msg.XML_BAD_RECORD(detail=str(bad)),
                                    "marc.xml_bad_record")
            if root is not None:
                root.clear()
            if progress is not None and not count % 256:
                progress(min(stream.tell(), total), total)
    except ET.ParseError as exc:
        if count == 0:
            raise ImportFormatError("marc.xml_unreadable", msg.XML_UNREADABLE, detail=str(exc)) from exc
        yield RecordProblem(count + 1, count, msg.XML_BROKEN_REST(detail=str(exc)), "marc.xml_broken")
        return
    if count == 0:
        raise ImportFormatError("marc.xml_no_records", msg.XML_NO_RECORDS)
    if progress is not None:
        progress(total, total)
