"""MARCMaker text (``.mrk``, what MarcEdit's MarcBreaker writes): one line per field.

    =LDR  00755cam  22002414a 4500
    =001  fol05731351\\
    =245  10$aActivePerl with ASP and ADO /$cTobias Martinsson.

A line is ``=`` + tag + two spaces + the field; ``\\`` stands for a blank (in the leader,
the control fields and the indicators), ``$`` starts a subfield, and characters outside
ASCII may be written as mnemonics in braces: ``{dollar}``, ``{bsol}``, ``{lcub}``,
``{rcub}``, the MARC-8 (ANSEL) names such as ``{acute}`` or ``{Dstrok}``, or ``{U+1EA1}``.
A record ends at a blank line or at the next ``=LDR``.

Each record is turned back into ISO 2709 and read by the ISO 2709 parser, so that a record
read from text is the record read from its ``.mrc`` twin: a MARC-8 record (leader/09 blank)
gets its mnemonics as MARC-8 bytes (a combining mark before its letter, as MARC-8 writes
it); a UTF-8 one gets them as characters (a combining mark after its letter).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from app.catalog.marc import messages as msg
from app.catalog.marc.iso2709 import BadRecord, parse_record
from app.catalog.marc.model import MarcRecord

if TYPE_CHECKING:
    from app.catalog.marc.reader import RecordProblem

# The MARC-8 byte each MARCMaker mnemonic stands for (ASCII specials, then the ANSEL set).
MNEMONICS: dict[str, int] = {
    "dollar": 0x24, "bsol": 0x5C, "lcub": 0x7B, "rcub": 0x7D, "esc": 0x1B,
    "joiner": 0x8D, "nonjoin": 0x8E,
    "Lstrok": 0xA1, "Ostrok": 0xA2, "Dstrok": 0xA3, "THORN": 0xA4, "AElig": 0xA5,
    "OElig": 0xA6, "softsign": 0xA7, "middot": 0xA8, "flat": 0xA9, "reg": 0xAA,
    "plusmn": 0xAB, "Ohorn": 0xAC, "Uhorn": 0xAD, "mlrhring": 0xAE, "mllhring": 0xB0,
    "lstrok": 0xB1, "ostrok": 0xB2, "dstrok": 0xB3, "thorn": 0xB4, "aelig": 0xB5,
    "oelig": 0xB6, "hardsign": 0xB7, "inodot": 0xB8, "pound": 0xB9, "eth": 0xBA,
    "ohorn": 0xBC, "uhorn": 0xBD, "deg": 0xC0, "scriptl": 0xC1, "phono": 0xC2, "copy": 0xC3,
    "sharp": 0xC4, "iquest": 0xC5, "iexcl": 0xC6, "eszett": 0xC7, "euro": 0xC8,
    # combining marks (MARC-8 writes them before the letter they go on)
    "hooka": 0xE0, "grave": 0xE1, "acute": 0xE2, "circ": 0xE3, "tilde": 0xE4, "macr": 0xE5,
    "breve": 0xE6, "dot": 0xE7, "uml": 0xE8, "caron": 0xE9, "ring": 0xEA, "llig": 0xEB,
    "rlig": 0xEC, "rcommaa": 0xED, "dblac": 0xEE, "candra": 0xEF, "cedil": 0xF0,
    "ogon": 0xF1, "dotb": 0xF2, "dbldotb": 0xF3, "ringb": 0xF4, "dblunder": 0xF5,
    "under": 0xF6, "commab": 0xF7, "rcedil": 0xF8, "breveb": 0xF9, "ldbltil": 0xFA,
    "rdbltil": 0xFB, "commaa": 0xFE,
}
_MNEMONIC = re.compile(r"\{([A-Za-z]+|U\+[0-9A-Fa-f]{4,6})\}")
_FIELD = re.compile(r"=([0-9A-Za-z]{3})  ?(.*)")


def _unicode(name: str) -> str:
    """The character a mnemonic stands for in a UTF-8 record."""
    if name.startswith("U+"):
        return chr(int(name[2:], 16))
    code = MNEMONICS[name]
    if code < 0x80:
        return chr(code)
    from app.catalog.marc.iso2709 import _decode_marc8

    if code < 0xE0:
        return _decode_marc8(bytes([code]))
    marks = unicodedata.normalize("NFD", _decode_marc8(bytes([code, 0x20])))
    return "".join(c for c in marks if unicodedata.combining(c))


def _to_marc8(text: str) -> bytes:
    """A field's text with its mnemonics as MARC-8 bytes (plain text is ASCII there)."""
    out = bytearray()
    pos = 0
    for match in _MNEMONIC.finditer(text):
        out += text[pos:match.start()].encode("utf-8", "surrogateescape")
        name = match.group(1)
        if name in MNEMONICS:
            out.append(MNEMONICS[name])
        elif name.startswith("U+"):
            out += chr(int(name[2:], 16)).encode("utf-8")
        else:
            out += match.group(0).encode("utf-8")  # not a mnemonic: the text as written
        pos = match.end()
    out += text[pos:].encode("utf-8", "surrogateescape")
    return bytes(out)


def _to_utf8(text: str) -> bytes:
    """A field's text with its mnemonics as characters; a combining mark written before its
    letter (MARC-8's order) is put after it."""
    out: list[str] = []
    pending: list[str] = []  # combining marks waiting for their letter
    pos = 0
    for match in _MNEMONIC.finditer(text):
        _add_plain(out, pending, text[pos:match.start()])
        name = match.group(1)
        if name in MNEMONICS or name.startswith("U+"):
            char = _unicode(name)
            if char and unicodedata.combining(char[0]):
                pending.append(char)
            else:
                _add_plain(out, pending, char)
        else:
            _add_plain(out, pending, match.group(0))
        pos = match.end()
    _add_plain(out, pending, text[pos:])
    out += pending
    return "".join(out).encode("utf-8", "surrogateescape")


def _add_plain(out: list[str], pending: list[str], text: str) -> None:
    if not text:
        return
    out.append(text[0])
    out += pending
    pending.clear()
    out.append(text[1:])


def _iso2709(leader: str, fields: list[tuple[str, str]], encode: Callable[[str], bytes]
             ) -> bytes:
    """The ISO 2709 bytes (without the record terminator) of a record given as text."""
    bodies: list[tuple[str, bytes]] = []
    for tag, value in fields:
        if tag < "010" and tag.isdigit():
            body = encode(value.replace("\\", " "))
        else:
            indicators = (value[:2].replace("\\", " ") + "  ")[:2]
            parts = value[2:].split("$")
            subfields = b"".join(b"\x1f" + encode(part) for part in parts[1:] if part)
            body = indicators.encode("ascii", "replace") + encode(parts[0]) + subfields
        bodies.append((tag, body + b"\x1e"))
    directory = bytearray()
    start = 0
    for tag, body in bodies:
        directory += f"{tag}{len(body):04d}{start:05d}".encode("ascii")
        start += len(body)
    base = 24 + len(directory) + 1
    head = leader.replace("\\", " ").ljust(24)[:24]
    head = f"{base + start + 1:05d}"[-5:] + head[5:12] + f"{base:05d}"[-5:] + head[17:]
    return head.encode("ascii", "replace") + bytes(directory) + b"\x1e" + \
        b"".join(body for _, body in bodies)


def _split(data: bytes) -> Iterator[tuple[int, list[tuple[int, str]]]]:
    """The records of the file: (byte offset of the first line, its lines with their
    numbers)."""
    lines: list[tuple[int, str]] = []
    first = offset = 0
    if data.startswith(b"\xef\xbb\xbf"):
        offset = 3
    for number, raw in enumerate(data[offset:].splitlines(keepends=True), start=1):
        # bytes that are no UTF-8 (a file typed in TCVN3, VNI or Windows-1258) are carried
        # through as they are, for the record's charset to be read like an .mrc's
        line = raw.decode("utf-8", errors="surrogateescape").rstrip("\r\n")
        start, offset = offset, offset + len(raw)
        if not line.strip():
            if lines:
                yield first, lines
                lines = []
            continue
        if line.startswith("=LDR") and lines:
            yield first, lines
            lines = []
        if not lines:
            first = start
        lines.append((number, line))
    if lines:
        yield first, lines


def mrk_records(data: bytes, progress: Callable[[int, int], None] | None = None,
                total: int = 0) -> Iterator[MarcRecord | RecordProblem]:
    """The records of a MARCMaker file, or a problem (its number, the byte offset of its
    first line, the reason naming the line at fault) for each that cannot be read; the
    others still come."""
    from app.catalog.marc.reader import RecordProblem

    number = 0
    for first_byte, lines in _split(data):
        number += 1
        leader = ""
        fields: list[tuple[str, str]] = []
        bad_line = None
        for line_number, line in lines:
            match = _FIELD.fullmatch(line)
            if match is None:
                bad_line = line_number
                break
            tag, value = match.groups()
            if tag.upper() in ("LDR", "000"):
                leader = value
            else:
                fields.append((tag, value))
        if bad_line is not None or not leader or not fields:
            reason = (msg.MRK_BAD_LINE(line=bad_line) if bad_line is not None
                      else msg.MRK_NO_LEADER() if not leader else msg.NO_FIELDS())
            yield RecordProblem(number, first_byte, reason, "marc.mrk_bad_record")
            continue
        utf8 = leader.replace("\\", " ").ljust(10)[9] == "a"
        try:
            yield parse_record(_iso2709(leader, fields, _to_utf8 if utf8 else _to_marc8))
        except BadRecord as bad:
            yield RecordProblem(number, first_byte, bad.reason, bad.code)
        if progress is not None:
            progress(min(total, first_byte), total)
