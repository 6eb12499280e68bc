"""MARC import into a real library and export back out, on real files and generated ones."""

from __future__ import annotations

import dataclasses
import io
import json
from pathlib import Path

import pytest

from app.catalog.marc import Field, ItemData, MarcRecord, read_marc, write_iso2709
from app.errors import ImportFormatError
from app.library import Library
from app.sync import batch

MARC_SUFFIXES = {".mrc", ".dat", ".xml", ".marc", ".iso", ".gz", ".json", ".ndj", ".mrk",
                 ".line", ".aleph", ".lif"}


def marc_files(root: Path) -> list[Path]:
    return sorted(p for p in (root / "marc").rglob("*")
                  if p.is_file() and p.suffix.lower() in MARC_SUFFIXES)


def test_every_real_file_imports_or_is_refused_clearly(shared_data: Path, tmp_path: Path) -> None:
    files = marc_files(shared_data)
    assert len(files) > 50
    landed = refused = 0
    for index, path in enumerate(files):
        with Library.open(tmp_path / f"lib{index}.sqlite3") as lib:
            try:
                report = lib.catalog.import_marc(path)
            except ImportFormatError as exc:
                assert exc.message, path
                refused += 1
                continue
            stored = lib.catalog.record_count()
            assert stored == report.imported, path
            for skipped in report.skipped:  # where it is: its byte offset (XML: its index)
                assert skipped.number >= 1 and skipped.offset >= 0 and skipped.reason, \
                    (path, skipped)
            integrity = lib.db.conn.execute("PRAGMA integrity_check").fetchone()[0]
            assert integrity == "ok", path
            landed += report.imported
    assert landed > 3000 and refused >= 3


def test_broken_alma_export_keeps_its_good_records(shared_data: Path, lib: Library) -> None:
    report = lib.catalog.import_marc(shared_data / "marc" / "catmandu-marc" / "bu_bibs.mrc")
    assert report.imported + report.merged >= 90
    assert report.items >= 90  # its 952 copies became items


def test_bad_records_are_listed_with_number_and_offset(shared_data: Path, lib: Library) -> None:
    report = lib.catalog.import_marc(shared_data / "marc" / "pymarc" / "bad_records.mrc")
    assert report.imported >= 1
    assert report.skipped, "the broken records must be reported"
    for skipped in report.skipped:
        assert skipped.number >= 1 and skipped.offset >= 0 and skipped.reason


@pytest.mark.parametrize("parallel", [False, True])
def test_records_skipped_for_what_they_lack_are_reported_where_they_are(
        tmp_path: Path, lib: Library, parallel: bool) -> None:
    def book(title: str | None) -> MarcRecord:
        fields = [Field("001", f"N{title}")]
        if title:
            fields.append(Field("245", None, "0", "0", [("a", title)]))
        return MarcRecord("00000nam a2200000 a 4500", fields)

    records = [book(f"Sách số {n}") for n in range(30)]  # past the first 20 (UNIMARC check)
    records[3] = book(None)                                # no title, read the object way
    records[25] = book(None)                               # no title, read straight from bytes
    records[27] = MarcRecord("00000nz  a2200000n  4500", [Field("001", "AUTH1")])  # authority
    pieces = []
    for record in records:
        out = io.BytesIO()
        write_iso2709([(record, [])], out)
        pieces.append(out.getvalue())
    path = tmp_path / "gaps.mrc"
    path.write_bytes(b"".join(pieces))
    starts = [sum(len(p) for p in pieces[:n]) for n in range(len(pieces))]
    report = lib.catalog.import_marc(path, parallel=parallel)
    assert report.imported == 27
    assert [(s.number, s.offset) for s in report.skipped] == [
        (4, starts[3]), (26, starts[25]), (28, starts[27])]


@pytest.mark.parametrize("name", ["testunimarc.dat"])
def test_unimarc_is_refused_with_one_message(shared_data: Path, lib: Library, name: str) -> None:
    with pytest.raises(ImportFormatError) as err:
        lib.catalog.import_marc(shared_data / "marc" / "pymarc" / name)
    assert "UNIMARC" in err.value.message
    assert lib.catalog.record_count() == 0


def test_empty_and_non_marc_files_are_refused(tmp_path: Path, lib: Library) -> None:
    empty = tmp_path / "empty.mrc"
    empty.write_bytes(b"")
    text = tmp_path / "list.mrc"
    text.write_text("Họ và tên,Lớp\nNguyễn Văn An,6A\n", encoding="utf-8")
    for path in (empty, text):
        with pytest.raises(ImportFormatError):
            lib.catalog.import_marc(path)
    assert lib.catalog.record_count() == 0


def test_vietnamese_letters_survive_marc8_conversion(shared_data: Path,
                                                                 lib: Library) -> None:
    report = lib.catalog.import_marc(shared_data / "marc" / "marc4j" / "brkrtest.mrc")
    assert report.imported >= 1
    marc = "".join(r[0] for r in lib.db.conn.execute("SELECT marc FROM records"))
    lower = marc.lower()
    assert "ơ" in lower and "ư" in lower and "đ" in lower
    assert lib.catalog.search("record number 2").total >= 1


def _records(n: int) -> list[tuple[MarcRecord, list[ItemData]]]:
    out = []
    for i in range(1, n + 1):
        fields = [Field("001", f"T{i:04d}"), Field("003", "VN-TEST"),
                  Field("020", None, " ", " ", [("a", "9786042098182" if i == 1 else f"{i}")]),
                  Field("100", None, "1", " ", [("a", "Nguyễn Nhật Ánh,")]),
                  Field("245", None, "1", "0", [("a", f"Mắt biếc tập {i} /"),
                                                ("c", "Nguyễn Nhật Ánh.")]),
                  Field("650", None, " ", "7", [("a", "Văn học Việt Nam"), ("x", "Tiểu thuyết")]),
                  Field("856", None, "4", "0", [("u", f"http://example.org/{i}")])]
        items = [ItemData(barcode=f"TK.{i:05d}", call_number="895.9223 A107", collection="TK",
                          location="Kho mở", price=85000.0, item_type="book",
                          acquired_on="2024-09-05", source="Mua", note=None)]
        out.append((MarcRecord("00000nam a2200000 a 4500", fields), items))
    return out


def _write(path: Path, records: list[tuple[MarcRecord, list[ItemData]]]) -> None:
    with path.open("wb") as out:
        assert write_iso2709(records, out) == []


def test_reimporting_merges_instead_of_duplicating(tmp_path: Path, lib: Library) -> None:
    path = tmp_path / "batch.mrc"
    _write(path, _records(30))
    first = lib.catalog.import_marc(path)
    second = lib.catalog.import_marc(path)
    assert (first.imported, first.items) == (30, 30)
    assert (second.imported, second.merged, second.items) == (0, 30, 0)
    assert lib.catalog.record_count() == 30
    assert lib.db.conn.execute("SELECT count(*) FROM items").fetchone()[0] == 30


def test_a_copy_of_the_same_isbn_from_another_library_attaches(tmp_path: Path,
                                                               lib: Library) -> None:
    _write(tmp_path / "a.mrc", _records(1))
    record, items = _records(1)[0]
    record.fields = [f for f in record.fields if f.tag not in ("001", "003")]
    items = [dataclasses.replace(items[0], barcode="TK.09999")]
    _write(tmp_path / "b.mrc", [(record, items)])
    lib.catalog.import_marc(tmp_path / "a.mrc")
    report = lib.catalog.import_marc(tmp_path / "b.mrc")
    assert report.merged == 1 and report.items == 1
    rid = lib.catalog.records_by_isbn("978-604-2-09818-2")[0]
    assert sorted(i.barcode for i in lib.catalog.items_of(rid)) == ["TK.00001", "TK.09999"]


@pytest.mark.parametrize("fmt", ["iso2709", "marcxml"])
def test_round_trip_gives_back_every_field_and_copy(tmp_path: Path, fmt: str) -> None:
    source = tmp_path / "source.mrc"
    originals = _records(12)
    _write(source, originals)
    with Library.open(tmp_path / "one.sqlite3") as one:
        one.catalog.import_marc(source)
        exported = tmp_path / f"out.{fmt}"
        with exported.open("wb") as out:
            assert one.catalog.export_marc(out, fmt=fmt) == []
    with Library.open(tmp_path / "two.sqlite3") as two:
        report = two.catalog.import_marc(exported)
        assert report.imported == 12 and report.items == 12
        back = [r for r in read_marc(exported) if isinstance(r, MarcRecord)]
    for (original, items), again in zip(originals, back, strict=True):
        def shape(rec: MarcRecord) -> list[object]:
            return [(f.tag, f.data, f.ind1, f.ind2, f.subfields) for f in rec.fields
                    if f.tag not in ("952", "005")]
        assert shape(again) == shape(original)
        copy = next(f for f in again.fields if f.tag == "952")
        assert copy.value("p") == items[0].barcode
        assert copy.value("o") == items[0].call_number


def test_too_long_record_is_refused_not_written_corrupt(lib: Library) -> None:
    rid = lib.catalog.add_record("Sách rất dài")
    huge = MarcRecord.from_storage(lib.catalog.record(rid).marc)
    huge.fields.append(Field("520", None, " ", " ", [("a", "chữ " * 4000)]))
    lib.db.conn.execute("UPDATE records SET marc = ? WHERE id = ?", (huge.to_storage(), rid))
    lib.catalog.add_record("Sách bình thường")
    out = io.BytesIO()
    problems = lib.catalog.export_marc(out)
    assert len(problems) == 1 and problems[0].reason
    good = [r for r in read_marc(out.getvalue()) if isinstance(r, MarcRecord)]
    assert [r.value("245", "a") for r in good] == ["Sách bình thường."]


def test_progress_is_reported_and_cancel_keeps_the_catalog_consistent(
        tmp_path: Path, lib: Library, monkeypatch: pytest.MonkeyPatch) -> None:
    from app.catalog import importer

    monkeypatch.setattr(importer, "BATCH", 500)  # several batches from a small file
    path = tmp_path / "many.mrc"
    _write(path, _records(2500))
    seen: list[tuple[int, int]] = []
    calls = {"n": 0}

    def cancelled() -> bool:
        calls["n"] += 1
        return calls["n"] > 2 * importer.BATCH + 150

    report = lib.catalog.import_marc(path, progress=lambda d, t: seen.append((d, t)),
                                     cancelled=cancelled)
    assert report.cancelled
    assert seen and seen[-1][1] == path.stat().st_size
    stored = lib.catalog.record_count()
    assert stored == report.imported and 2 * importer.BATCH <= stored < 2500
    items = lib.db.conn.execute("SELECT count(*) FROM items").fetchone()[0]
    changes = lib.db.conn.execute("SELECT count(*) FROM changes").fetchone()[0]
    assert items == stored and changes == 2 * stored
    assert lib.catalog.search("mắt biếc").total == stored


def test_import_writes_outbox_rows_for_records_and_copies(tmp_path: Path, lib: Library) -> None:
    path = tmp_path / "b.mrc"
    _write(path, _records(3))
    lib.catalog.import_marc(path)
    rows = lib.db.conn.execute("SELECT seq, entity, uuid, op, payload, at FROM changes "
                               "ORDER BY seq").fetchall()
    assert sorted(r[1] for r in rows) == ["item"] * 3 + ["record"] * 3
    sent = [json.loads(c) for c in batch.build(0, rows, "none", "s", lib.db.conn).changes]
    record_uuids = {c["uuid"] for c in sent if c["entity"] == "record"}
    assert {c["payload"]["record_uuid"] for c in sent if c["entity"] == "item"} == record_uuids


def test_item_types_come_from_the_source_code_or_the_collection(tmp_path: Path,
                                                                lib: Library) -> None:
    records = _records(5)
    copies = [("GK", None), ("GK", "BK"), ("TN", None), ("TK", "SGK"), ("NV", "tk-doc")]
    for (_record, items), (collection, code) in zip(records, copies, strict=True):
        items[0] = dataclasses.replace(items[0], collection=collection, item_type=code,
                                       barcode=None)
    _write(tmp_path / "types.mrc", records)
    assert lib.catalog.import_marc(tmp_path / "types.mrc").items == 5
    got = dict(lib.db.conn.execute("SELECT barcode, item_type FROM items").fetchall())
    assert got == {"GK.00001": "textbook",      # no code: the textbook collection's type
                   "GK.00002": "textbook",      # an unknown code (Koha's BK) likewise
                   "TN.00001": "children",
                   "TK.00001": "textbook",      # the source said SGK
                   "NV.00001": "reference"}     # the source said tk-doc
    assert lib.catalog.add_item(lib.catalog.add_record("Tiếng Việt 1"),
                                collection="GK").item_type == "textbook"
