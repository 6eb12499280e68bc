"""read_marc on the real files in ../shared/data/marc: recover what is readable, refuse clearly."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pymarc
import pytest

from app.catalog.marc.extract import extract, holdings
from app.catalog.marc.model import MarcRecord
from app.catalog.marc.reader import read_marc
from app.errors import ImportFormatError
from tests.app.marc.marc_support import MARC_DATA, SHARED_DATA, data, read_all

_NOT_DATA = ("license", "readme", "manifest.json")


def _marc_files() -> list[Path]:
    files = [p for p in sorted(MARC_DATA.rglob("*")) if p.is_file()
             and not any(word in p.name.lower() for word in _NOT_DATA)
             and not (p.suffix == ".txt" and "marc" not in p.parent.name)]
    return files


def test_the_shared_marc_folder_has_its_files() -> None:
    assert len(_marc_files()) > 300


@pytest.mark.parametrize("path", _marc_files(), ids=lambda p: str(p.relative_to(MARC_DATA)))
def test_every_file_is_read_or_refused_with_a_clear_reason(path: Path) -> None:
    try:
        results = list(read_marc(path))
    except ImportFormatError as refused:
        assert refused.code.startswith("marc.")
        assert len(refused.message) > 20
        return
    records = [r for r in results if isinstance(r, MarcRecord)]
    problems = [r for r in results if not isinstance(r, MarcRecord)]
    assert results, "a file that is not refused yields records or problems"
    numbers = [p.number for p in problems]
    assert numbers == sorted(set(numbers))
    for problem in problems:
        assert problem.number >= 1 and problem.offset >= 0 and problem.reason and problem.code
    for record in records:
        assert len(record.leader) == 24
        for field in record.fields:
            for text in ([field.data] if field.data is not None else [v for _, v in field.subfields]):
                assert unicodedata.is_normalized("NFC", text)
        extract(record)
        holdings(record)


def test_pymarc_bad_records_keeps_the_recoverable_ones_and_lists_the_empty_one() -> None:
    records, problems = read_all(data("pymarc/bad_records.mrc"))
    assert len(records) == 7
    assert [p.number for p in problems] == [7]
    assert problems[0].code == "marc.no_fields"
    assert problems[0].offset == 6 * 127 + 2  # two records of 128 bytes before it
    for record in records:
        assert extract(record).title == "The pragmatic programmer : from journeyman to master"


def test_alma_export_with_wrong_lengths_recovers_nearly_everything() -> None:
    records, problems = read_all(data("catmandu-marc/bu_bibs.mrc"))
    assert len(records) >= 90
    assert len(records) + len(problems) == 100
    assert all(r.control("001") for r in records)
    assert all(extract(r).title for r in records)
    assert sum(1 for r in records if holdings(r)) >= 90


def test_pymarc_itself_loses_most_of_the_alma_export() -> None:
    # Why the reader is ours: pymarc's stream reader stops at the first bad record.
    with data("catmandu-marc/bu_bibs.mrc").open("rb") as fh:
        read = 0
        for rec in pymarc.MARCReader(fh):
            if rec is None:
                break
            read += 1
    assert read < 10


def test_newline_separated_file_gives_all_records() -> None:
    records, problems = read_all(data("qa-catalogue/general/000-line-seperated.mrc"))
    assert len(records) == 20 and not problems


def test_utf8_bytes_under_a_marc8_flag_are_read_as_utf8() -> None:
    (record,), _ = read_all(data("pymarc/utf8_without_leader_flag.dat"))
    texts = [f.text() for f in record.fields]
    assert any("De la solitude à la communauté" in t for t in texts)
    assert not any("Ã" in t for t in texts)


def test_marc8_and_utf8_twins_give_the_same_text_with_vietnamese_letters() -> None:
    marc8, p1 = read_all(data("marc4j/brkrtest.mrc"))
    utf8, p2 = read_all(data("marc4j/brkrtest_UTF8.mrc"))
    assert len(marc8) == len(utf8) == 8 and not p1 and not p2
    compared = 0
    for a, b in zip(marc8, utf8, strict=True):
        for fa, fb in zip(a.fields, b.fields, strict=True):
            text = fa.text()
            # MARC-8 double diacritics map to Unicode half marks (U+FE20..FE23) by LC's table.
            if any("\ufe20" <= c <= "\ufe23" for c in text):
                continue
            assert (fa.tag, fa.ind1, fa.ind2, fa.subfields, fa.data) == (fb.tag, fb.ind1, fb.ind2, fb.subfields, fb.data)
            compared += 1
    assert compared > 100
    text = " ".join(f.text() for r in marc8 for f in r.fields)
    for word in ("BƠ", "XƯA", "Sở", "Tư Dưc", "đavola"):
        assert word in text
    assert unicodedata.is_normalized("NFC", text)


def test_pride_and_prejudice_errors_do_not_lose_records() -> None:
    fixed, p1 = read_all(data("marc4j/pride-and-prejudice-fixed.mrc"))
    broken, p2 = read_all(data("marc4j/pride-and-prejudice-with-many-errors.mrc"))
    assert len(fixed) == 383 and not p1
    assert len(broken) + len(p2) == 383
    assert len(broken) >= 370
    fixed_ids = {r.control("001") for r in fixed}
    assert {r.control("001") for r in broken} <= fixed_ids


@pytest.mark.parametrize("name", ["pymarc/testunimarc.dat", "qa-catalogue/unimarc/serial.bnr.1993.mrc",
                                  "qa-catalogue/unimarc/short.bnr.1993.mrc", "catmandu-marc/dollar_subfields.mrc"])
def test_unimarc_files_are_refused(name: str) -> None:
    with pytest.raises(ImportFormatError) as refused:
        list(read_marc(data(name)))
    assert refused.value.code == "marc.unimarc"
    assert "UNIMARC" in refused.value.message


def test_empty_file_is_refused(tmp_path: Path) -> None:
    empty = tmp_path / "empty.mrc"
    empty.write_bytes(b"")
    with pytest.raises(ImportFormatError) as refused:
        list(read_marc(empty))
    assert refused.value.code == "marc.empty"
    with pytest.raises(ImportFormatError):
        list(read_marc(b"\r\n\r\n"))


def test_a_photo_and_a_text_file_are_refused() -> None:
    photo = next((SHARED_DATA / "barcodes").rglob("*.png"))
    for path in (photo, data("pymarc/LICENSE.upstream.txt")):
        with pytest.raises(ImportFormatError) as refused:
            list(read_marc(path))
        assert refused.value.code == "marc.not_marc"


def test_marcmaker_text_is_read_like_its_iso2709_twin() -> None:
    from_text = [r for r in read_marc(data("marc4j/brkrtest.mrk"))]
    from_binary = [r for r in read_marc(data("marc4j/brkrtest.mrc"))]
    assert len(from_text) == len(from_binary) == 8
    assert [r.fields for r in from_text] == [r.fields for r in from_binary]  # type: ignore[union-attr]


def _dump(record: MarcRecord) -> list[str]:
    """The marc21-rs text dump format of minna-*.txt."""
    lines = ["LDR " + record.leader]
    for f in record.fields:
        if f.data is not None:
            lines.append(f"{f.tag} {f.data}")
            continue
        inds = "" if f.ind1 == f.ind2 == " " else "/" + (f.ind1 + f.ind2).replace(" ", "#")
        lines.append(f"{f.tag}{inds} " + " ".join(f"${c} {v}" for c, v in f.subfields))
    return lines


def test_minna_nfd_record_reads_as_nfc_equal_to_every_normalisation_dump() -> None:
    (record,), problems = read_all(data("marc21-rs/minna.mrc"))
    assert not problems
    raw = data("marc21-rs/minna.mrc").read_bytes().decode("utf-8")
    assert not unicodedata.is_normalized("NFC", raw)  # the file really is decomposed
    ours = _dump(record)[1:]  # our leader says UTF-8 explicitly
    for variant in ("minna-nfc.txt", "minna-nfd.txt", "minna.txt"):
        theirs = unicodedata.normalize("NFC", data(f"marc21-rs/{variant}").read_text("utf-8")).splitlines()[1:]
        assert ours == [line.rstrip() for line in theirs if line.strip()][: len(ours)]


def test_broken_marcxml_reports_the_record_and_goes_on() -> None:
    for name in ("marc4j/chabon-missing-subfield-code.xml", "marc4j/chabon-missing-datafield-tag.xml",
                 "marc4j/chabon-missing-controlfield-tag.xml"):
        records, problems = read_all(data(name))
        assert len(problems) == 1 and problems[0].code == "marc.xml_bad_record"
        assert problems[0].number == 1
    records, problems = read_all(data("ruby-marc/three-records-second-bad.xml"))
    assert len(records) == 1 and len(problems) == 1 and problems[0].number == 2


def test_xml_without_records_is_refused() -> None:
    with pytest.raises(ImportFormatError) as refused:
        list(read_marc(data("mrrc/error_fixtures/e401_no_record_element.xml")))
    assert refused.value.code == "marc.xml_no_records"


def test_852_items_of_the_alma_export_have_location_and_call_number() -> None:
    records, _ = read_all(data("catmandu-marc/bu_bibs.mrc"))
    items = [i for r in records for i in holdings(r)]
    assert len(items) >= 90
    assert sum(1 for i in items if i.location) >= 90
    assert sum(1 for i in items if i.call_number) >= 80


def test_gzip_compressed_iso2709_is_read() -> None:
    records, problems = read_all(data("file_marc/compressed.mrc.gz"))
    assert records and not problems


def test_marc_in_json_and_ndjson() -> None:
    records, _ = read_all(data("pymarc/batch.json"))
    xml_records, _ = read_all(data("pymarc/batch.xml"))
    assert [extract(r).title for r in records] == [extract(r).title for r in xml_records]
    lines, problems = read_all(data("catmandu-marc/test.ndj"))
    iso, _ = read_all(data("marc-perl/marc-mij/test.mrc"))
    assert len(lines) == len(iso) == 9 and not problems
    assert [extract(r).title for r in lines] == [extract(r).title for r in iso]
