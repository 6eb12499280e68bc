"""Recovery on generated broken files, encodings, progress, extract and build_record."""

from __future__ import annotations

import io
import unicodedata
from pathlib import Path

from app.catalog.marc.build import build_record
from app.catalog.marc.extract import BibData, extract, holdings
from app.catalog.marc.holdings import parse_price
from app.catalog.marc.model import Field, MarcRecord
from app.catalog.marc.reader import read_marc
from app.catalog.marc.writer import write_iso2709
from tests.app.marc.marc_support import read_all, vietnamese_record


def _iso(*records: MarcRecord) -> list[bytes]:
    pieces = []
    for record in records:
        out = io.BytesIO()
        write_iso2709([(record, holdings(record))], out)
        pieces.append(out.getvalue())
    return pieces


def test_bom_and_crlf_between_records_lose_nothing(tmp_path: Path) -> None:
    a, b, c = _iso(vietnamese_record(1), vietnamese_record(2), vietnamese_record(3))
    path = tmp_path / "export.mrc"
    path.write_bytes(b"\xef\xbb\xbf" + a + b"\r\n" + b + b"\n\n" + c + b"\r\n")
    records, problems = read_all(path)
    assert [r.control("001") for r in records] == ["VN000001", "VN000002", "VN000003"] and not problems


def test_wrong_length_and_a_broken_record_do_not_lose_the_rest() -> None:
    a, b, c, d = _iso(*(vietnamese_record(n) for n in range(1, 5)))
    wrong_length = b"00999" + b[5:]
    broken = c[:30] + b"XX" + c[40:60]  # directory destroyed, fields gone
    data = a + wrong_length + broken + b"\x1d" + d
    records, problems = read_all(data)
    assert [r.control("001") for r in records] == ["VN000001", "VN000002", "VN000004"]
    assert len(problems) == 1
    assert problems[0].number == 3 and problems[0].offset == len(a) + len(wrong_length)


def test_directory_with_wrong_offsets_is_rebuilt_from_field_terminators() -> None:
    (raw,) = _iso(vietnamese_record(7))
    damaged = raw[:24 + 12 * 4 + 7] + b"99999" + raw[24 + 12 * 4 + 12:]  # 5th entry's start garbled
    (record,), problems = read_all(damaged)
    assert not problems
    assert extract(record) == extract(vietnamese_record(7))


def test_nfd_vietnamese_comes_back_nfc() -> None:
    record = vietnamese_record()
    raw = bytearray()
    for piece in _iso(record):
        raw += piece
    nfd = unicodedata.normalize("NFD", raw.decode("utf-8")).encode("utf-8")
    # Lengths are now wrong everywhere; the reader must still recover every field.
    (back,), problems = read_all(nfd)
    assert not problems
    assert extract(back).title == "Dế Mèn phiêu lưu ký 1 : truyện dài"
    assert back.fields[1:12] == record.fields[1:12]


def test_progress_reaches_the_file_size(tmp_path: Path) -> None:
    path = tmp_path / "many.mrc"
    path.write_bytes(b"".join(_iso(*(vietnamese_record(n) for n in range(50)))))
    calls: list[tuple[int, int]] = []
    records, _ = read_all_with_progress(path, calls)
    assert len(records) == 50
    assert calls and calls[-1] == (path.stat().st_size, path.stat().st_size)
    assert [done for done, _ in calls] == sorted(done for done, _ in calls)


def read_all_with_progress(path: Path, calls: list[tuple[int, int]]) -> tuple[list[MarcRecord], list[object]]:
    results = list(read_marc(path, progress=lambda done, total: calls.append((done, total))))
    return [r for r in results if isinstance(r, MarcRecord)], [r for r in results if not isinstance(r, MarcRecord)]


def test_extract_cleans_isbd_punctuation_and_reads_every_key_field() -> None:
    bib = extract(vietnamese_record(1))
    assert bib.title == "Dế Mèn phiêu lưu ký 1 : truyện dài"
    assert bib.responsibility == "Tô Hoài ; minh hoạ: Tạ Thúc Bình"
    assert bib.authors == ["Tô Hoài", "Tạ Thúc Bình"]
    assert bib.isbns == ["9786042088763"]
    assert (bib.publisher, bib.place, bib.year) == ("Kim Đồng", "Hà Nội", 2023)
    assert bib.edition == "Tái bản lần thứ 12"
    assert bib.classification == "895.922334"
    assert bib.subjects == ["Văn học thiếu nhi -- Việt Nam -- Truyện dài"]
    assert (bib.language, bib.series, bib.volume) == ("vie", "Tủ sách vàng", "T.3")
    assert bib.notes == "Sách dành cho thiếu nhi"
    assert (bib.control_number, bib.control_org) == ("VN000001", "TVTHCS-NT")


def test_invalid_isbn_and_020z_are_not_taken() -> None:
    record = MarcRecord("00000nam a2200000 a 4500", [
        Field("020", None, " ", " ", [("a", "978-604-2088-76-0"), ("z", "0306406152")]),
        Field("245", None, "0", "0", [("a", "Sách")]),
    ])
    assert extract(record).isbns == []


def test_koha_items_are_read_with_vietnamese_price_and_date() -> None:
    first, second = holdings(vietnamese_record())
    assert (first.barcode, first.collection, first.location, first.price, first.acquired_on) == (
        "TN.00456", "TN", "Kho mở", 50000.0, "2023-09-05")
    assert (first.call_number, first.item_type, first.source, first.branch) == ("895.922 T450H", "BK", "Mua", "TV")
    assert (second.barcode, second.note, second.price) == ("TN.00457", "Bìa rách nhẹ", None)
    assert parse_price("1.250.000 VNĐ") == 1250000.0 and parse_price("không rõ") is None


def test_build_record_writes_correct_marc21_that_extracts_back() -> None:
    bib = BibData(title="The old man and the sea : a novel", responsibility="Ernest Hemingway",
                  authors=["Hemingway, Ernest", "Lê Huy Bắc"], isbns=["9786042088763"],
                  publisher="Văn học", place="Hà Nội", year=2021, edition="Tái bản lần 2",
                  classification="813.52", subjects=["Văn học Mỹ -- Tiểu thuyết"], language="eng",
                  series="Văn học kinh điển", volume="T.5", notes="Dịch từ tiếng Anh",
                  control_number="TV0001", control_org="THCS-NT")
    record = build_record(bib)
    assert record.leader[6:8] == "am" and record.leader[9] == "a"
    fixed = record.control("008")
    assert fixed is not None and len(fixed) == 40 and fixed[7:11] == "2021" and fixed[35:38] == "eng"
    (title,) = record.get_fields("245")
    assert (title.ind1, title.ind2) == ("1", "4")
    assert title.subfields == [("a", "The old man and the sea :"), ("b", "a novel /"), ("c", "Ernest Hemingway.")]
    (main,) = record.get_fields("100")
    assert main.ind1 == "1" and record.get_fields("700")[0].ind1 == "0"
    (pub,) = record.get_fields("264")
    assert pub.ind2 == "1" and pub.subfields == [("a", "Hà Nội :"), ("b", "Văn học,"), ("c", "2021.")]
    back = extract(record)
    assert back.title == "The old man and the sea : a novel"
    assert back.authors == ["Hemingway, Ernest", "Lê Huy Bắc"]
    assert (back.year, back.publisher, back.place, back.edition) == (2021, "Văn học", "Hà Nội", "Tái bản lần 2")
    assert (back.series, back.volume, back.classification, back.language) == ("Văn học kinh điển", "T.5", "813.52", "eng")
    assert back.subjects == ["Văn học Mỹ -- Tiểu thuyết"] and back.isbns == ["9786042088763"]
    assert (back.control_number, back.control_org, back.notes) == ("TV0001", "THCS-NT", "Dịch từ tiếng Anh")
    assert build_record(BibData(title="Tắt đèn", language="vie")).get_fields("245")[0].ind2 == "0"
    assert build_record(bib, publication_tag="260").get_fields("260")
