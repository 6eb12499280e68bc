"""Streamed MARCXML reading (``<record>`` elements, with or without the MARC21 slim namespace)."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, BinaryIO
from xml.parsers import expat

from app.catalog.marc import messages as msg
from app.catalog.marc.model import Field, MarcRecord
from app.errors import ImportFormatError
from app.text import nfc

if TYPE_CHECKING:
    from pyexpat import XMLParserType

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
            fields.append(
                Field(tag, None, _indicator(child.get("ind1")), _indicator(child.get("ind2")), subs)
            )
    if not fields:
        raise _BadXmlRecord("no fields")
    if leader[9] != "a":
        leader = leader[:9] + "a" + leader[10:]
    return MarcRecord(leader, fields)


_CHUNK = 1 << 16


class _Collector:
    """Expat handlers that build one ``<record>`` element at a time and note where it begins.

    Finished records wait in :attr:`done` as ``(number, byte offset, element)``; ``number`` is
    the record's 1-based position in the file and the offset that of its start tag.
    """

    def __init__(self, parser: XMLParserType) -> None:
        self.parser = parser
        self.builder = ET.TreeBuilder()
        self.depth = 0
        self.started = 0  # records whose start tag was seen
        self.offset = 0  # byte offset of the open record's start tag
        self.skipped = 0  # bytes before the XML declaration not given to the parser
        self.skipped_lines = 0  # and the line breaks among them
        self.done: list[tuple[int, int, ET.Element]] = []
        parser.buffer_text = True
        parser.StartElementHandler = self.start
        parser.EndElementHandler = self.end
        parser.CharacterDataHandler = self.data

    def start(self, name: str, attrs: dict[str, str]) -> None:
        if self.depth:
            self.builder.start(_et_tag(name), attrs)
            self.depth += 1
            return
        ns, _, local = name.rpartition("}")
        if local == "record" and _is_marc_namespace(ns):
            self.started += 1
            self.offset = self.parser.CurrentByteIndex + self.skipped
            self.builder = ET.TreeBuilder()
            self.builder.start(_et_tag(name), attrs)
            self.depth = 1

    def end(self, name: str) -> None:
        if self.depth:
            self.builder.end(_et_tag(name))
            self.depth -= 1
            if not self.depth:
                self.done.append((self.started, self.offset, self.builder.close()))

    def data(self, text: str) -> None:
        if self.depth:
            self.builder.data(text)


def _et_tag(name: str) -> str:
    """Expat's ``ns}local`` (namespace separator ``}``) as ElementTree's ``{ns}local``."""
    return "{" + name if "}" in name else name


def xml_records(
    stream: BinaryIO, total: int, progress: Callable[[int, int], None] | None
) -> Iterator[MarcRecord | RecordProblem]:
    """Yield records and problems from a MARCXML stream.

    A record's ``offset`` (and a problem's) is the byte offset of its ``<record>`` start tag in
    the file, its ``number`` its 1-based position among the records. XML that stops being
    well-formed after some records yields those records, then one problem giving the line,
    column and byte where it breaks; a file broken before its first record is refused.
    """
    from app.catalog.marc.reader import RecordProblem

    parser = expat.ParserCreate(namespace_separator="}")
    collector = _Collector(parser)
    yielded = 0
    first = True
    while True:
        chunk = stream.read(_CHUNK)
        if first:
            # Blank lines (or a BOM and blank lines) before "<?xml": a script's stray output,
            # which expat refuses ("XML declaration not at start"); the offsets stay the file's.
            first = False
            body = chunk[3:] if chunk.startswith(b"\xef\xbb\xbf") else chunk
            stripped = body.lstrip(b"\r\n\t ")
            if stripped is not body and stripped.startswith(b"<?xml"):
                collector.skipped = len(chunk) - len(stripped)
                collector.skipped_lines = chunk[: collector.skipped].count(b"\n")
                chunk = stripped
        try:
            parser.Parse(chunk, not chunk)
        except expat.ExpatError as exc:
            yield from _finished(collector, RecordProblem)
            yielded += len(collector.done)
            collector.done.clear()
            where = {
                "line": exc.lineno + collector.skipped_lines,
                "column": exc.offset + 1,
                "byte": parser.ErrorByteIndex + collector.skipped,
                "detail": expat.ErrorString(exc.code),
            }
            if yielded == 0:
                raise ImportFormatError("marc.xml_unreadable", msg.XML_UNREADABLE, **where) from exc
            inside = collector.depth > 0
            number = collector.started if inside else collector.started + 1
            offset = collector.offset if inside else parser.ErrorByteIndex + collector.skipped
            yield RecordProblem(number, offset, msg.XML_BROKEN_REST(**where), "marc.xml_broken")
            return
        yield from _finished(collector, RecordProblem)
        yielded += len(collector.done)
        collector.done.clear()
        if progress is not None and chunk:
            progress(min(stream.tell(), total), total)
        if not chunk:
            break
    if collector.started == 0:
        raise ImportFormatError("marc.xml_no_records", msg.XML_NO_RECORDS)
    if progress is not None:
        progress(total, total)


def _finished(
    collector: _Collector, problem: type[RecordProblem]
) -> Iterator[MarcRecord | RecordProblem]:
    """The records the collector finished, each as a record or a problem."""
    for number, offset, elem in collector.done:
        try:
            record = record_from_element(elem)
        except _BadXmlRecord as bad:
            yield problem(
                number, offset, msg.XML_BAD_RECORD(detail=str(bad)), "marc.xml_bad_record"
            )
        else:
            record.offset = offset
            yield record
