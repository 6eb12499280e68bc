"""MARCMaker text (.mrk, as MarcEdit's MarcBreaker writes it) reads to the same records as
its ISO 2709 twin; a broken record is reported and the rest still read."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.catalog.marc.model import MarcRecord
from app.catalog.marc.mrkread import mrk_records
from app.catalog.marc.reader import RecordProblem, read_marc

DATA = Path(__file__).resolve().parents[3].parent / "shared" / "data" / "marc"


def _shape(record: MarcRecord | RecordProblem) -> object:
    assert isinstance(record, MarcRecord), record
    return (record.leader[5:12], record.leader[17:],
            [(f.tag, f.data, f.ind1, f.ind2, f.subfields) for f in record.fields])


@pytest.mark.parametrize(("text", "binary"), [
    ("marc4j/brkrtest.mrk", "marc4j/brkrtest.mrc"),  # MARC-8: every mnemonic, Vietnamese
    ("catmandu-marc/camel.mrk", "catmandu-marc/camel.mrc"),
    ("marc-perl/marc-marcmaker/camel.mrk", "marc-perl/marc-marcmaker/camel.usmarc"),
])
def test_a_text_file_reads_as_its_iso2709_twin(text: str, binary: str) -> None:
    from_text = [_shape(r) for r in mrk_records((DATA / text).read_bytes())]
    from_binary = [_shape(r) for r in read_marc(DATA / binary)]
    assert len(from_text) >= 8 and from_text == from_binary


def test_vietnamese_utf8_text_with_mnemonics_and_a_broken_record_between() -> None:
    text = ("\ufeff=LDR  00000nam\\a2200000\\a\\4500\n"
            "=001  VN001\n"
            "=245  10$aDế Mèn phiêu lưu ký /$cTô Hoài ; giá 20{dollar}\n"
            "=650  \\7$aVăn học thiếu nhi{U+0021}\n"
            "=700  1\\$aNguy{circ}{tilde}en, Văn A\n"
            "\n"
            "=LDR  00000nam\\a2200000\\a\\4500\n"
            "this line is no field\n"
            "\n"
            "=LDR  00000nam\\a2200000\\a\\4500\n"
            "=245  00$aSố đỏ {bsol} {lcub}tái bản{rcub}\n")
    first, broken, last = list(mrk_records(text.encode("utf-8")))
    assert isinstance(first, MarcRecord) and isinstance(last, MarcRecord)
    control, title, subject, person = first.fields
    assert (control.tag, control.data) == ("001", "VN001")
    assert title.subfields == [("a", "Dế Mèn phiêu lưu ký /"), ("c", "Tô Hoài ; giá 20$")]
    assert (subject.ind1, subject.ind2, subject.subfields) == (" ", "7",
                                                              [("a", "Văn học thiếu nhi!")])
    assert person.subfields == [("a", "Nguyễn, Văn A")]  # MARC-8's order: marks first
    assert isinstance(broken, RecordProblem) and broken.number == 2
    assert text.encode("utf-8")[broken.offset:].startswith(b"=LDR")  # where record 2 begins
    assert broken.offset > 100
    assert broken.reason.startswith("Dòng 8 ")  # the line at fault
    assert last.fields[0].subfields == [("a", "Số đỏ \\ {tái bản}")]


def test_a_marcedit_file_imports_with_its_copies(tmp_path: Path) -> None:
    from app.library import Library

    path = tmp_path / "marcedit.mrk"
    path.write_text("=LDR  00000nam\\a2200000\\a\\4500\n"
                    "=020  \\\\$a978-604-0-00001-9\n"
                    "=245  10$aNhật ký trong tù /$cHồ Chí Minh\n"
                    "=952  \\\\$pTK.00077$g45.000\n", encoding="utf-8")
    with Library.open(tmp_path / "lib.sqlite3") as lib:
        report = lib.catalog.import_marc(path)
        assert (report.imported, report.items, report.skipped) == (1, 1, [])
        [hit] = lib.catalog.search("nhat ky trong tu").hits
        assert hit.isbns == ["9786040000019"] and [i.barcode for i in hit.items] == ["TK.00077"]
        assert lib.catalog.item_by_barcode("TK.00077").price == 45000.0  # type: ignore[union-attr]
