"""A lean, tolerant parser for one ISO 2709 record (bytes between two 0x1D terminators).

Why our own: pymarc's reader stops at the first record with a wrong length, and building its
objects costs more than an import can afford. Here a record is parsed from its directory; when
the directory lies, the fields are recovered from their 0x1E terminators if the counts agree.

Character sets: leader/09 ``a`` means UTF-8. Otherwise plain ASCII is ASCII, bytes that are
valid multibyte UTF-8 (with no MARC-8 escape) are UTF-8 despite the flag, and the rest is MARC-8,
converted with pymarc's ``MARC8ToUnicode`` — unless :mod:`app.catalog.marc.charset` finds the
record written in a legacy Vietnamese encoding (TCVN3, VNI, Windows-1258) or in Windows-1252.
Every text is returned NFC.
"""

from __future__ import annotations

import contextlib
import io
import re
import unicodedata
from collections.abc import Callable

from app.catalog.marc import messages as msg
from app.catalog.marc.model import Field, MarcRecord
from app.i18n import Text

_FT = 0x1E
_SF_B = b"\x1f"
_SF = "\x1f"


class BadRecord(Exception):
    """A record that cannot be read: a machine code plus a translatable reason."""

    def __init__(self, code: str, text: Text, **params: object) -> None:
        self.code = code
        self.text = text
        self.params = params
        super().__init__(code)

    @property
    def reason(self) -> str:
        """The reason in the current language."""
        return self.text(**self.params)


def _nfc(text: str) -> str:
    if text.isascii() or unicodedata.is_normalized("NFC", text):
        return text
    return unicodedata.normalize("NFC", text)


def _decode_utf8(raw: bytes) -> str:
    return _nfc(raw.decode("utf-8", "replace"))


def _decode_marc8(raw: bytes) -> str:
    if raw.isascii() and b"\x1b" not in raw:
        return raw.decode("ascii")
    # Imported here, not with the module: pymarc (and the URL and XML modules it imports)
    # cost the import's reading process a few hundredths of a second to start, and most
    # files have no MARC-8 text.
    from pymarc.marc8 import MARC8ToUnicode

    try:
        # pymarc writes to stderr about a cut multi-byte character even when quiet: the
        # librarian's terminal (and the CLI's JSON output readers) must not see that noise.
        with contextlib.redirect_stderr(io.StringIO()):
            text = MARC8ToUnicode(quiet=True).translate(raw)  # type: ignore[no-untyped-call]
    except (IndexError, TypeError, KeyError, ValueError, UnicodeDecodeError):
        text = raw.decode("latin-1")
    return _nfc(str(text))


def _is_utf8(raw: bytes) -> bool:
    if b"\x1b" in raw:
        return False
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _decode_latin(raw: bytes) -> str:
    try:
        text = raw.decode("cp1252")
    except UnicodeDecodeError:
        text = raw.decode("latin-1")
    return _nfc(text)


def _looks_marc8(raw: bytes) -> bool:
    """Whether bytes that are not UTF-8 read as MARC-8: an escape, or every non-spacing mark
    (0xE0-0xFE) followed by another mark or a letter, as MARC-8 puts marks before their
    letter, and no byte that MARC-8 leaves undefined. An ISO-8859-1 / Windows-1252 letter
    there (``café``, ``à la``) is followed by a space, a digit or the end as often as not."""
    if b"\x1b" in raw:
        return True
    return _NOT_MARC8.search(raw) is None and _LATIN_LETTER_ALONE.search(raw) is None


_LATIN_LETTER_ALONE = re.compile(rb"[\xe0-\xfe](?![\xe0-\xfeA-Za-z])")
# Bytes MARC-8's extended Latin set (ANSEL) leaves undefined, that ISO-8859-1 uses for
# letters (Ö, Ä, ÿ...): MARC-8 would make them spaces.
_NOT_MARC8 = re.compile(rb"[\x80-\x87\x8a-\x8c\x8f-\xa0\xaf\xbb\xbe\xbf\xc9-\xdf\xff]")
_UTF8_SEQUENCE = re.compile(rb"[\xc2-\xf4][\x80-\xbf]")


def _decode_mislabelled(raw: bytes) -> str:
    """One subfield of a record flagged UTF-8 whose data is not all UTF-8: UTF-8 when it is
    (or when it holds UTF-8 sequences: a character cut by a writer is one replacement mark,
    not a whole field misread), else MARC-8 or Windows-1252 as :func:`_looks_marc8` says."""
    if b"\x1b" in raw:  # a MARC-8 escape to another script (all ASCII bytes, valid UTF-8)
        return _decode_marc8(raw)
    try:
        return _nfc(raw.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    if _UTF8_SEQUENCE.search(raw):
        return _decode_utf8(raw)
    return _decode_marc8(raw) if _looks_marc8(raw) else _decode_latin(raw)


def _choose_decoder(leader: str, raw: bytes, base: int = 0
                    ) -> tuple[Callable[[bytes], str], bool, str]:
    """The field decoder for this record, whether it decodes subfield by subfield, and the
    legacy Vietnamese encoding it reads (``charset.VIETNAMESE``) or ``""``.

    Leader/09 ``a`` with bytes that are not UTF-8 (a system that sets the flag but writes
    ISO-8859-1, or MARC-8) is read as MARC-8 or Windows-1252, not with replacement marks;
    only the data from *base* on count for that (a damaged directory byte does not). Bytes
    that are not UTF-8 are weighed by :mod:`app.catalog.marc.charset` (TCVN3, VNI,
    Windows-1258; under a blank leader/09 also Windows-1252 against MARC-8): UTF-8 records
    never get there."""
    if raw.isascii():
        return _decode_utf8, False, ""
    if leader[9:10] == "a":
        try:
            raw[base:].decode("utf-8")
        except UnicodeDecodeError:
            return _legacy_or(raw[base:], _decode_mislabelled)
        return _decode_utf8, False, ""
    if _is_utf8(raw):
        return _decode_utf8, False, ""
    if b"\x1b" in raw:  # a MARC-8 escape: MARC-8 for certain
        return _decode_marc8, True, ""
    from app.catalog.marc import charset

    encoding = charset.guess(raw[base:])
    return charset.decoder(encoding), True, encoding if encoding in charset.VIETNAMESE else ""


def _legacy_or(data: bytes, native: Callable[[bytes], str]
               ) -> tuple[Callable[[bytes], str], bool, str]:
    """A legacy Vietnamese decoder for the record's fields *data* when they read clearly
    better that way than with *native*, else *native*."""
    from app.catalog.marc import charset

    encoding = charset.vietnamese(data, native)
    return (native, True, "") if encoding is None else (charset.decoder(encoding), True, encoding)


def _make_field(tag: str, body: bytes, decode: Callable[[bytes], str], marc8: bool) -> Field:
    if tag < "010" and tag.isdigit():
        return Field(tag, decode(body))
    if marc8:
        parts_b = body.split(_SF_B)
        head = parts_b[0].decode("latin-1")
        subs = [(chr(p[0]), decode(p[1:])) for p in parts_b[1:] if p]
    else:
        parts = decode(body).split(_SF)
        head = parts[0]
        subs = [(p[0], p[1:]) for p in parts[1:] if p]
    ind1 = head[0] if head else " "
    ind2 = head[1] if len(head) > 1 else " "
    return Field(tag, None, ind1, ind2, subs)


def _fix_leader(leader: str) -> str:
    # Text is Unicode from now on: leader/09 says so, so a writer and a re-reader agree.
    if leader[9] != "a":
        leader = leader[:9] + "a" + leader[10:]
    return leader


def parse_record(raw: bytes, strict: bool = False) -> MarcRecord:
    """Parse one ISO 2709 record, *raw* being its bytes without the final 0x1D.

    A wrong record length or base address is tolerated (the data decide). A directory that
    does not match the data is repaired from the field terminators when the counts agree.
    With *strict* nothing is repaired: any inconsistency raises :class:`BadRecord`.

    >>> rec = parse_record(b"00060nam a2200037 a 4500" b"001000300000\\x1e" b"X1\\x1e")
    >>> rec.control("001")
    'X1'
    """
    size = len(raw)
    if size < 24:
        raise BadRecord("marc.truncated", msg.TRUNCATED, size=size)
    leader = raw[:24].decode("latin-1")
    base_text = leader[12:17]
    base = int(base_text) if base_text.isdigit() else 0
    if not (25 <= base <= size and raw[base - 1] == _FT):
        if strict:
            raise BadRecord("marc.bad_directory", msg.BAD_DIRECTORY, detail="base address")
        end = raw.find(b"\x1e", 24)
        if end < 0:
            raise BadRecord("marc.no_directory_end", msg.NO_DIRECTORY_END)
        base = end + 1
    directory = raw[24 : base - 1].decode("latin-1")
    decode, marc8, legacy = _choose_decoder(leader, raw, base)
    fast = decode is _decode_utf8
    fields: list[Field] = []
    append = fields.append
    count = len(directory) // 12
    max_end = 0
    ok = len(directory) % 12 == 0 or not strict
    if ok:
        for i in range(0, count * 12, 12):
            length_text = directory[i + 3 : i + 7]
            start_text = directory[i + 7 : i + 12]
            if not (length_text.isdigit() and start_text.isdigit()):
                ok = False
                break
            start = base + int(start_text)
            end = start + int(length_text) - 1
            if end < size and raw[end] == _FT and end >= start:
                if end > max_end:
                    max_end = end
                tag = directory[i : i + 3]
                if fast and tag >= "010":
                    # The common case inlined: a UTF-8 data field.
                    text = raw[start:end].decode("utf-8", "replace")
                    if not text.isascii():
                        text = _nfc(text)
                    parts = text.split(_SF)
                    head = parts[0]
                    append(Field(tag, None, head[0] if head else " ", head[1] if len(head) > 1 else " ",
                                 [(p[0], p[1:]) for p in parts[1:] if p]))
                else:
                    append(_make_field(tag, raw[start:end], decode, marc8))
            elif end == size and i == (count - 1) * 12 and not strict:
                append(_make_field(directory[i : i + 3], raw[start:end], decode, marc8))
            else:
                ok = False
                break
    if strict and ok and fields and max_end != size - 1:
        raise BadRecord("marc.bad_directory", msg.BAD_DIRECTORY, detail="length")
    if not ok:
        if strict:
            raise BadRecord("marc.bad_directory", msg.BAD_DIRECTORY, detail="entries")
        fields = _recover_fields(raw, base, directory, decode, marc8)
    if not fields:
        raise BadRecord("marc.no_fields", msg.NO_FIELDS)
    record = MarcRecord(_fix_leader(leader), fields)
    if legacy:
        record.legacy_encoding = legacy
    return record


def _recover_fields(raw: bytes, base: int, directory: str,
                    decode: Callable[[bytes], str], marc8: bool) -> list[Field]:
    """Pair the directory's tags, in order, with the data split at field terminators."""
    bodies = raw[base:].split(b"\x1e")
    if bodies and not bodies[-1].strip(b" \r\n\x00"):
        bodies.pop()
    entries = [directory[i : i + 12] for i in range(0, len(directory) - 2, 12)]
    if all(e[7:12].isdigit() for e in entries):
        # An unordered directory whose starts are exactly where the fields begin: use data order.
        offsets, position = [], 0
        for body in bodies:
            offsets.append(position)
            position += len(body) + 1
        if sorted(int(e[7:12]) for e in entries) == offsets[: len(entries)]:
            entries.sort(key=lambda e: int(e[7:12]))
    tags = [e[:3] for e in entries]
    if tags and len(bodies) > len(tags):
        # Data after the last field the directory knows of has no tag: it cannot be placed.
        bodies = bodies[: len(tags)]
    if len(tags) != len(bodies):
        raise BadRecord("marc.bad_directory", msg.BAD_DIRECTORY,
                        detail=f"{len(tags)} / {len(bodies)}")
    return [_make_field(tag, body, decode, marc8) for tag, body in zip(tags, bodies, strict=True)]


def declared_length(raw: bytes) -> int:
    """The record length written in the leader (positions 0-4), or 0 when not digits."""
    head = raw[:5]
    return int(head) if len(head) == 5 and head.isdigit() else 0
