"""Export then import gives back every field and item; what ISO 2709 cannot hold is refused."""

from __future__ import annotations

import io

from app.catalog.marc.extract import extract, holdings
from app.catalog.marc.holdings import ItemData
from app.catalog.marc.model import Field, MarcRecord
from app.catalog.marc.reader import read_marc
from app.catalog.marc.writer import write_iso2709, write_marcxml
from tests.app.marc.marc_support import MARC_DATA, read_all, vietnamese_record


def _items() -> list[ItemData]:
    return [
        ItemData(barcode="TK.00003", call_number="895.922 T450H", collection="TK", location="Kho mở",
                 price=50000.0, item_type="BK", acquired_on="2023-09-05", source="Mua", note="Bìa cứng"),
        ItemData(barcode="TK.00004", call_number="895.922 T450H", collection="TK", price=12.5),
        ItemData(barcode=None, call_number="895.922 T450H"),
    ]


def _without_holdings(record: MarcRecord) -> list[Field]:
    return [f for f in record.fields if f.tag not in ("952", "852")]


def test_iso2709_round_trip_keeps_every_field_and_item() -> None:
    originals = [vietnamese_record(n) for n in range(1, 6)]
    out = io.BytesIO()
    assert write_iso2709([(r, _items()) for r in originals], out) == []
    back, problems = read_all(out.getvalue())
    assert not problems and len(back) == 5
    for original, copy in zip(originals, back, strict=True):
        assert _without_holdings(copy) == _without_holdings(original)
        assert holdings(copy) == _items()
        assert copy.leader[9] == "a"
        assert extract(copy) == extract(original)


def test_marcxml_round_trip_keeps_every_field_and_item() -> None:
    originals = [vietnamese_record(n) for n in range(1, 4)]
    originals[0].fields.append(Field("500", None, " ", " ", [("a", 'Ký hiệu <đặc biệt> & "trích dẫn"')]))
    out = io.BytesIO()
    assert write_marcxml([(r, _items()) for r in originals], out) == []
    back, problems = read_all(out.getvalue())
    assert not problems and len(back) == 3
    for original, copy in zip(originals, back, strict=True):
        assert _without_holdings(copy) == _without_holdings(original)
        assert holdings(copy) == _items()


def test_852_export_keeps_barcode_call_number_location_collection_price_note() -> None:
    out = io.BytesIO()
    write_iso2709([(vietnamese_record(), _items()[:1])], out, holdings_tag="852")
    (copy,), _ = read_all(out.getvalue())
    assert [f.tag for f in copy.fields].count("852") == 1 and not copy.get_fields("952")
    (item,) = holdings(copy)
    expected = _items()[0]
    assert (item.barcode, item.call_number, item.location, item.collection, item.price, item.note) == (
        expected.barcode, expected.call_number, expected.location, expected.collection, expected.price,
        expected.note)


def test_real_files_survive_a_round_trip() -> None:
    for name in ("marc4j/brkrtest.mrc", "evergreen/jazz_1k.mrc", "catmandu-marc/bu_bibs.mrc"):
        records, _ = read_all(MARC_DATA / name)
        pairs = [(r, holdings(r)) for r in records]
        out = io.BytesIO()
        assert write_iso2709(pairs, out) == []
        back, problems = read_all(out.getvalue())
        assert not problems and len(back) == len(records)
        for a, b in zip(records, back, strict=True):
            assert _without_holdings(a) == _without_holdings(b)
            assert holdings(a) == holdings(b)


def test_over_long_field_and_record_are_refused_not_written_corrupt() -> None:
    long_field = vietnamese_record(1)
    long_field.fields.append(Field("505", None, "0", " ", [("a", "Chương. " * 1300)]))
    long_record = vietnamese_record(2)
    long_record.fields.extend(Field("505", None, "0", " ", [("a", "Mục lục " * 800)]) for _ in range(15))
    good = vietnamese_record(3)
    out = io.BytesIO()
    problems = write_iso2709([(long_field, []), (good, []), (long_record, [])], out)
    assert [(p.number, p.code) for p in problems] == [(1, "marc.field_too_long"), (3, "marc.record_too_long")]
    assert "505" in problems[0].reason and "9999" in problems[0].reason
    assert "99999" in problems[1].reason
    (only,), bad = read_all(out.getvalue())
    assert not bad and only.control("001") == good.control("001")


def test_delimiters_inside_text_cannot_corrupt_the_file() -> None:
    record = vietnamese_record()
    record.fields.append(Field("500", None, " ", " ", [("a", "nửa\x1d trước\x1e sau\x1f cuối")]))
    out = io.BytesIO()
    write_iso2709([(record, []), (vietnamese_record(2), [])], out)
    back, problems = read_all(out.getvalue())
    assert len(back) == 2 and not problems
    assert back[0].get_fields("500")[-1].subfields == [("a", "nửa trước sau cuối")]


def test_storage_json_round_trip() -> None:
    record = vietnamese_record()
    record.fields.append(Field("999", None, " ", " ", []))
    text = record.to_storage()
    assert "Dế Mèn" in text  # readable, not \\u-escaped
    assert MarcRecord.from_storage(text) == record


def test_written_iso2709_is_readable_by_pymarc() -> None:
    import pymarc

    out = io.BytesIO()
    write_iso2709([(vietnamese_record(n), _items()) for n in range(3)], out)
    titles = [r["245"]["a"] for r in pymarc.MARCReader(io.BytesIO(out.getvalue()), to_unicode=True)]
    assert titles == [f"Dế Mèn phiêu lưu ký {n} :" for n in range(3)]
    assert list(read_marc(out.getvalue()))
