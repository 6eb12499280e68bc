"""The import's direct reader (ISO 2709 bytes straight to the stored values) against the
object parser: the same entries for every record, or it steps aside.

``read_direct`` may decline a record (None) and leave it to the object parser; whenever it
does answer, its key fields, storage form and copies must be exactly the object path's.
"""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import pytest

from app.catalog import reading
from app.catalog.marc import Field, ItemData, MarcRecord, extract, holdings, write_iso2709
from app.catalog.marc.direct import read_direct
from app.catalog.marc.holdings import copy_values
from app.catalog.marc.iso2709 import BadRecord, parse_record
from app.catalog.marc.writer import encode_iso2709
from app.errors import ImportFormatError
from app.i18n import set_language

# Files whose records go both ways (MARC-8, bad directories, authority records, repairs):
# the direct reader served 12,131 of the 14,213 records the real files hold.
REAL_FILES = ("pymarc/bad_records.mrc", "file_marc/wronglen.mrc", "file_marc/compressed.mrc.gz",
              "catmandu-marc/bu_bibs.mrc", "evergreen/lul_fre_500.mrc", "evergreen/nepali.marc",
              "evergreen/jazz_1k.mrc", "evergreen/auth-1066.mrc",
              "marc4j/pride-and-prejudice-with-many-errors.mrc",
              "mrrc-testbed/fixtures/bibliographic/sample.mrc",
              "mrrc/fixtures/fidelity_test_100.mrc")


def _objects(raw: bytes) -> Any:
    """What the object path makes of *raw*: (key fields, storage form, copies)."""
    try:
        record = parse_record(raw)
    except BadRecord as bad:
        return ("bad", bad.code)
    if record.record_type != "bibliographic":
        return ("not bibliographic",)
    return (extract(record), record.to_storage(skip=reading.HOLDINGS_TAGS),
            [copy_values(item) for item in holdings(record)])


def _record(n: int, extra: list[Field] | None = None) -> MarcRecord:
    fields = [Field("001", f"VN{n:06d}"), Field("003", "VN-T"),
              Field("008", "230905s2023    vm            000 0 vie d"),
              Field("020", None, " ", " ", [("a", "9786042088763 (bìa mềm) :"), ("c", "50.000đ")]),
              Field("040", None, " ", " ", [("a", "VN-T")]),
              Field("082", None, "0", "4", [("a", "895.9223/34")]),
              Field("100", None, "0", " ", [("a", "Tô Hoài,"), ("d", "1920-2014.")]),
              Field("245", None, "1", "0", [("a", f"Dế Mèn phiêu lưu ký {n} :"), ("b", "truyện /"),
                                            ("c", "Tô Hoài.")]),
              Field("264", None, " ", "1", [("a", "[Hà Nội] :"), ("b", "Kim Đồng,"), ("c", "2023.")]),
              Field("300", None, " ", " ", [("a", "143 tr. ;"), ("c", "21 cm.")]),
              Field("490", None, "0", " ", [("a", "Tủ sách vàng ;"), ("v", "T.3")]),
              Field("500", None, " ", " ", [("a", "Sách \"hay\" cho thiếu nhi.")]),
              Field("650", None, " ", "7", [("a", "Văn học thiếu nhi"), ("z", "Việt Nam")]),
              Field("852", None, " ", " ", [("b", "TK"), ("c", "Kho"), ("h", "895.922"),
                                            ("p", f"TK.{n:05d}"), ("9", "45.000")]),
              Field("952", None, " ", " ", [("8", "TN"), ("d", "5/9/2023"), ("g", "50.000"),
                                            ("o", "895.922 T450H"), ("p", f"TN.{n:05d}")])]
    return MarcRecord("00000nam a2200000 a 4500", fields + (extra or []))


def _bytes(record: MarcRecord) -> bytes:
    """*record* in UTF-8 ISO 2709, its holdings fields as they are."""
    return encode_iso2709(record, record.fields)


def _replace_field(raw: bytes, old: bytes, new: bytes, same_length: bool = True) -> bytes:
    """*raw* with the bytes *old* of a field replaced by *new*, the directory left as it was
    (it still fits when both are as long)."""
    assert old in raw
    assert (len(old) == len(new)) == same_length
    return raw.replace(old, new, 1)


def _crafted() -> dict[str, bytes]:
    """Records a real file may hold, each without its final 0x1D."""
    good = _bytes(_record(1))[:-1]
    leader, rest = good[:24], good[24:]
    cases = {
        "well formed": good,
        "wrong record length": b"99999" + good[5:],
        "base address not digits": leader[:12] + b"00x00" + leader[17:] + rest,
        "base address off by one": leader[:12] + b"%05d" % (int(leader[12:17]) + 1) + leader[17:]
        + rest,
        "field longer than the directory says": _replace_field(good, b"Kho",
                                                               "Kho mở".encode(), False),
        "field shorter than the directory says": _replace_field(good, b"143 tr.", b"143tr.",
                                                                False),
        "data after the last field": good + b"junk",
        "directory with a stray byte": good[:24] + good[24:36] + b"x" + good[36:],
        "directory out of order": good[:24] + good[36:48] + good[24:36] + good[48:],
        "MARC-8 flag, UTF-8 bytes": leader[:9] + b" " + leader[10:] + rest,
        "MARC-8 flag, MARC-8 bytes": _bytes(MarcRecord("00000nam  2200000   4500", [
            Field("245", None, "1", "0", [("a", "Caf\u00e9")])]))[:-1].replace(
                "é".encode(), b"\xe2e").replace(b"nam a", b"nam  "),
        "invalid UTF-8 under the UTF-8 flag": _replace_field(good, "Kim Đồng".encode(),
                                                             b"Kim \xc4\x90\xe1\xbb\xffng"),
        "decomposed text": _replace_field(good, "học thiếu".encode(),
                                          "ho\u0323c thiếu".encode()),
        "empty subfields": _replace_field(good, b"\x1fc21 cm.", b"\x1f\x1fc21 cm"),
        "subfield marker ending a field": _replace_field(good, b"\x1fc21 cm.", b"\x1fc21 cm\x1f"),
        "one indicator": _replace_field(good, b" 7\x1fa", b"7\x1fa "),
        "three indicators": _replace_field(good, b"04\x1fa895", b"047\x1fa89"),
        "no indicators": _replace_field(good, b"04\x1fa895", b"\x1fa89504"),
        "subfield code is a quote": _replace_field(good, b"\x1fc21 cm.", b"\x1f\"21 cm."),
        "control field with a subfield marker": _replace_field(good, b"VN-T\x1e", b"VN\x1fT\x1e"),
        "authority record": leader[:6] + b"z" + leader[7:] + rest,
        "holdings record": leader[:6] + b"y" + leader[7:] + rest,
        "no title": _bytes(MarcRecord("00000nam a2200000 a 4500", [Field("001", "X")]))[:-1],
        "letters in a tag": _bytes(MarcRecord("00000nam a2200000 a 4500", [
            Field("245", None, "1", "0", [("a", "Sách")]),
            Field("CAT", None, " ", " ", [("a", "x")]), Field("00A", "y")]))[:-1],
        "too short": good[:20],
        "no fields": good[:24] + b"\x1e",
    }
    return cases


@pytest.mark.parametrize("name", list(_crafted()))
def test_direct_reader_answers_exactly_as_the_object_path_or_not_at_all(name: str) -> None:
    raw = _crafted()[name]
    direct = read_direct(raw)
    if direct is not None:
        assert direct == _objects(raw)
    if name == "well formed":
        assert direct is not None  # the fast way is really taken


def test_direct_reader_takes_the_common_records() -> None:
    """The records a school library's file is made of do go the fast way."""
    for name in ("well formed", "wrong record length", "MARC-8 flag, UTF-8 bytes",
                 "subfield code is a quote", "control field with a subfield marker",
                 "empty subfields", "one indicator", "no title"):
        raw = _crafted()[name]
        assert read_direct(raw) is not None, name
        assert read_direct(raw) == _objects(raw)


def test_mangled_records_are_read_the_same_both_ways() -> None:
    """Bytes flipped, cut, doubled and separators inserted at random, 4,000 times."""
    rng = random.Random(2709)
    sources = [_bytes(_record(n, [Field("700", None, "1", " ", [("a", "Nguyễn Văn A.")])]))[:-1]
               for n in range(5)]
    answered = 0
    for _ in range(4000):
        raw = bytearray(rng.choice(sources))
        for _ in range(rng.randint(1, 3)):
            at = rng.randrange(len(raw))
            kind = rng.random()
            if kind < 0.3:
                raw[at] = rng.choice(b"\x1e\x1f\x1d0123456789 a\xc3\xa9\x1b")
            elif kind < 0.5:
                raw[at:at] = bytes([rng.choice(b"\x1e\x1f\xcc\x81a")])
            elif kind < 0.7:
                del raw[at]
            elif kind < 0.8:
                raw[at] = rng.randrange(256)
            else:
                raw[at:at + 2] = raw[at:at + 2] * 2
        data = bytes(raw)
        direct = read_direct(data)
        if direct is not None:
            answered += 1
            assert direct == _objects(data), data
    assert answered > 300  # a byte replaced inside a field keeps the record well formed


def _file(path: Path, raws: list[bytes], separator: bytes = b"\x1d") -> None:
    fillers = [_bytes(_record(100 + n))[:-1] for n in range(25)]  # past the UNIMARC sample
    path.write_bytes(b"\xef\xbb\xbf" + separator.join(fillers + raws) + b"\x1d\r\n")


def _entries(path: Path, direct: bool) -> Any:
    set_language("en")
    try:
        return list(reading.prepare_all(path, direct=direct))
    except ImportFormatError as refused:
        return ("refused", refused.code)


def test_a_file_of_awkward_records_gives_the_same_entries_both_ways(tmp_path: Path) -> None:
    """Every crafted record after a BOM and 25 good ones, separated by 0x1D and newlines:
    the same prepared records, and the same problems with their numbers, offsets and
    reasons."""
    path = tmp_path / "awkward.mrc"
    _file(path, list(_crafted().values()), separator=b"\x1d\r\n")
    fast, slow = _entries(path, True), _entries(path, False)
    assert fast == slow
    skipped = [e for e in slow if isinstance(e, reading.Skipped)]
    assert {s.code for s in skipped} >= {"marc.no_title", "marc.not_bibliographic",
                                         "marc.no_fields", "marc.truncated"}
    assert all(s.offset > 0 for s in skipped if s.code in ("marc.no_fields", "marc.truncated"))


def test_a_field_holding_0x1d_gives_the_same_entries_both_ways(tmp_path: Path) -> None:
    """A record whose declared length runs past a 0x1D inside a field is resynchronised by
    the object parser, and the records after it are read both ways alike."""
    inner = _bytes(_record(7, [Field("500", None, " ", " ", [("a", "x\x1dy")])]))
    good = [_bytes(_record(n)) for n in range(30)]
    path = tmp_path / "gs.mrc"
    path.write_bytes(b"".join(good[:26]) + inner + b"".join(good[26:]))
    assert _entries(path, True) == _entries(path, False)


@pytest.mark.parametrize("name", REAL_FILES)
def test_real_files_give_the_same_entries_both_ways(shared_data: Path, name: str) -> None:
    path = shared_data / "marc" / name
    assert _entries(path, True) == _entries(path, False)


def test_generated_vietnamese_records_go_the_fast_way(tmp_path: Path) -> None:
    path = tmp_path / "vn.mrc"
    entries = [(_record(n), [ItemData(barcode=f"GK.{n:05d}", collection="GK", price=12000.0)])
               for n in range(60)]
    with path.open("wb") as out:
        write_iso2709(entries, out)
    raws = [r for r in path.read_bytes().split(b"\x1d") if r]
    assert all(read_direct(r) == _objects(r) for r in raws)
    assert all(read_direct(r) is not None for r in raws)
    assert _entries(path, True) == _entries(path, False)


def test_a_952_copy_is_read_the_same_both_ways() -> None:
    """copy_952 (the direct way) against copy_values(item_952(...)) (the object way), on
    random 952 fields: blank, repeated and missing subfields, prices, dates, NFD barcodes."""
    from app.catalog.marc.holdings import copy_952, item_952

    rng = random.Random(952)
    values = ["", "  ", "TK.00001", " GK.00002 ", "Ke\u0302\u0301 1", "45.000đ", "12,50",
              "2023-09-05", "5/9/2023", "20230905", "9/2023", "BK", "Kho A", "895.922 NG-D",
              "Tặng", "x", "-5", "1.250.000 VND"]
    codes = "8abcdegopvxyz9"
    for _ in range(3000):
        subfields = [(rng.choice(codes), rng.choice(values)) for _ in range(rng.randint(0, 9))]
        assert copy_952(subfields) == copy_values(item_952(subfields)), subfields
