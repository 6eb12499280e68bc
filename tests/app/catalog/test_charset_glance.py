"""The character-set choice for a MARC record that is not UTF-8 (app.catalog.marc.charset)
decides most MARC-8 records at a glance and must decide exactly as the long way does: on
every record of the real files and on the tricky records of the legacy-encoding tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.catalog.marc import charset
from app.catalog.marc.iso2709 import _is_utf8
from tests.support.legacy_marc import VIETNAMESE_BOOKS, book, iso_record

DATA = Path(__file__).resolve().parents[3].parent / "shared" / "data" / "marc"


def _fields(record: bytes) -> bytes:
    record = record.rstrip(b"\x1d")
    return record[int(record[12:17]):]


def _weighed_records() -> list[bytes]:
    """The fields of every record of the real files that the choice weighs."""
    found = []
    for path in sorted(DATA.rglob("*")):
        if not path.is_file():
            continue
        for piece in path.read_bytes().split(b"\x1d"):
            piece = piece.lstrip(b"\r\n")
            if len(piece) < 25 or _is_utf8(piece) or b"\x1b" in piece:
                continue
            try:
                found.append(piece[int(piece[12:17]):])
            except ValueError:
                found.append(piece[24:])
    return found


#: Records whose choice is close: (fields, what the choice must be).
TRICKY = [
    *((_fields(book(encoding, "B", *VIETNAMESE_BOOKS[n], barcode="TK.1")), encoding)
      for n in range(len(VIETNAMESE_BOOKS)) for encoding in ("tcvn3", "vni", "cp1258")),
    # Vietnamese in real MARC-8 (marks before their letters) stays MARC-8.
    (_fields(iso_record([("245", b"10\x1faTi\xe3\xe2eng Vi\xf2\xe3et")])), charset.MARC8),
    # ISO-8859-1: letters ANSEL lacks, a mark before a space.
    (_fields(iso_record([("100", b"1 \x1faM\xfcller, J\xfcrgen")])), charset.CP1252),
    (_fields(iso_record([("245", b"10\x1faLe caf\xe9 de la for\xeat")])), charset.CP1252),
    (_fields(iso_record([("100", b"1 \x1faGarc\xeda M\xe1rquez, Gabriel"),
                         ("245", b"10\x1faCien a\xf1os de soledad")])), charset.CP1252),
    # MARC-8 slips: a grave or acute for an English apostrophe (jazz_1k), 'à' and 'né'.
    (_fields(iso_record([("245", b"10\x1faDon\xe1t explain /\x1fcIt\xe1s o\xe1 the Bird.")])),
     charset.MARC8),
    (_fields(iso_record([("245", b"10\x1fa\xe1a la n\xe2e L\xe2eon.")])), charset.MARC8),
    # Latin-1 letters that also read as MARC-8 marks on their next letter stay MARC-8.
    (_fields(iso_record([("260", b"  \x1faS\xe3o Paulo")])), charset.MARC8),
    (_fields(iso_record([("245", b"10\x1faNo\xebl")])), charset.MARC8),
]


@pytest.mark.parametrize(("fields", "expected"), TRICKY)
def test_tricky_records_are_decided_as_before(fields: bytes, expected: str) -> None:
    assert charset.guess(fields) == charset.weigh(fields) == expected


def test_the_glance_decides_as_the_long_way_on_every_real_record() -> None:
    records = _weighed_records()
    glanced = [fields for fields in records if charset._plainly_marc8(fields)]
    assert [charset.weigh(fields) for fields in glanced] == [charset.MARC8] * len(glanced)
    assert [charset.guess(fields) for fields in records] == \
        [charset.weigh(fields) for fields in records]
    assert len(glanced) > len(records) // 2


def test_most_records_of_a_french_marc8_file_are_decided_at_a_glance() -> None:
    pieces = [piece.lstrip(b"\r\n") for piece in
              (DATA / "evergreen" / "lul_fre_500.mrc").read_bytes().split(b"\x1d")]
    records = [_fields(piece) for piece in pieces if len(piece) > 24 and not _is_utf8(piece)]
    glanced = sum(map(charset._plainly_marc8, records))
    assert glanced >= 0.9 * len(records)
