"""The import's fast way through a well-formed ISO 2709 record: from its bytes straight to
the key fields, the copies and the storage form, without building the record's objects.

:func:`read_direct` gives, for one record, exactly what ``extract(rec),
rec.to_storage(skip=HOLDINGS_TAGS)`` and the copies of ``holdings(rec)`` (as
:func:`~app.catalog.marc.holdings.copy_values` gives them) are for
``rec = parse_record(raw)``, or None when the record is in any way unusual: then the caller
takes that object path, so a record can only be read this way where both ways are the same.
It takes a record only when

* the leader says bibliographic, its base address is digits and ends the directory;
* the directory is whole 12-byte entries of a tag and digits, and describes exactly the data:
  every field in order, one after the other from the base address, each ending at its 0x1E,
  nothing after the last (so the object parser would take the same fields);
* the data is valid UTF-8 (leader/09 ``a``, or text that the object parser would read as
  UTF-8 anyway) and already NFC: MARC-8 text, bytes that need replacing and decomposed text
  go the object way.

Splitting the NFC text of the whole data at 0x1E gives each field's NFC text (0x1E and 0x1F
are starters that compose with nothing, so normalization never crosses them); a data field's
subfields are cut at 0x1F exactly as the object parser cuts them (empty pieces dropped, the
indicators from the first piece).
"""

from __future__ import annotations

import json
import re
import unicodedata
from itertools import accumulate

from app.catalog.marc.extract import READ_TAGS, BibData, FieldTuple, extract_fields
from app.catalog.marc.holdings import CopyValues, copy_952, copy_values, item_852
from app.catalog.marc.iso2709 import _is_utf8

_ENTRIES = re.compile(r"(...)([0-9]{4})([0-9]{5})", re.DOTALL)
_SUBFIELDS = re.compile("\x1f(.)", re.DOTALL).split
_NOT_BIBLIOGRAPHIC = frozenset("zuvxy")
_NO_SUBFIELDS: list[tuple[str, str]] = []
# MarcRecord.to_storage's encoder; lists of strings hold no cycles to look for.
_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), check_circular=False)

Direct = tuple[BibData, str, list[CopyValues]]


def read_direct(raw: bytes) -> Direct | None:
    """The key fields, the storage form (holdings fields left out) and the copies (as the
    import stores them) of the ISO 2709 record *raw* (its bytes without the final 0x1D), or None when it must be read
    through :func:`~app.catalog.marc.iso2709.parse_record` (see the module's text)."""
    size = len(raw)
    if size < 25:
        return None
    leader = raw[:24].decode("latin-1")
    base_text = leader[12:17]
    if leader[6] in _NOT_BIBLIOGRAPHIC or not (base_text.isascii() and base_text.isdigit()):
        return None
    base = int(base_text)
    if not (25 <= base <= size and raw[base - 1] == 0x1E):
        return None
    directory = raw[24 : base - 1].decode("latin-1")
    entries = _ENTRIES.findall(directory)
    count = len(entries)
    if not count or count * 12 != len(directory):
        return None
    data = raw[base:]
    bodies = data.split(b"\x1e")
    if len(bodies) != count + 1 or bodies[-1]:
        return None
    tags, lengths_text, starts_text = zip(*entries, strict=True)
    bodies.pop()
    lengths = [n + 1 for n in map(len, bodies)]
    if list(map(int, lengths_text)) != lengths \
            or list(map(int, starts_text)) != list(accumulate(lengths, initial=0))[:-1]:
        return None
    if leader[9] != "a" and not raw.isascii() and not _is_utf8(raw):
        return None  # MARC-8
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return None
    if not text.isascii() and not unicodedata.is_normalized("NFC", text):
        return None
    if leader[9] != "a":
        leader = leader[:9] + "a" + leader[10:]
    # An empty subfield (0x1F then 0x1F or the field's end) is dropped, as the object
    # parser drops it; without one, a field's pieces come from one split.
    plain = "\x1f\x1f" not in text and "\x1f\x1e" not in text
    out: list[object] = [leader]
    fields: list[FieldTuple] = []
    items: list[CopyValues] = []
    for tag, body in zip(tags, text.split("\x1e"), strict=False):
        if tag < "010" and tag.isdigit():
            out.append(tag + body)
            fields.append((tag, body, " ", _NO_SUBFIELDS))
            continue
        if plain:
            flat = _SUBFIELDS(body)
        else:
            parts = body.split("\x1f")
            flat = [parts[0]]
            for part in parts[1:]:
                if part:
                    flat += (part[0], part[1:])
        head = flat[0]
        if len(head) != 2:
            head = (head[0] if head else " ") + (head[1] if len(head) > 1 else " ")
        if tag == "952" or tag == "852":
            pieces = iter(flat)
            next(pieces)
            subfields = list(zip(pieces, pieces, strict=True))
            items.append(copy_952(subfields) if tag == "952"
                         else copy_values(item_852(subfields)))
            continue
        flat[0] = head
        out.append([tag, *flat])
        if tag in READ_TAGS or (tag[0] in "56" and tag[1:].isdigit()):
            pieces = iter(flat)
            next(pieces)
            fields.append((tag, None, head[1], list(zip(pieces, pieces, strict=True))))
    return extract_fields(fields), _ENCODER.encode(out), items
