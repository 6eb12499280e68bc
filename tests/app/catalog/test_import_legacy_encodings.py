"""MARC records from old Vietnamese catalogs (CDS/ISIS, early local programs): text in
TCVN3 (ABC), VNI or Windows-1258 under a blank leader/09 ("MARC-8"), and European records in
ISO-8859-1 under the same flag. Each record is read in its own character set (a file can mix
them), the import report says how many were converted, and real MARC-8 stays MARC-8."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.catalog.marc.iso2709 import _is_utf8, parse_record
from app.cli import main
from app.library import Library
from tests.support.legacy_marc import VIETNAMESE_BOOKS, book, iso_record

DATA = Path(__file__).resolve().parents[3].parent / "shared" / "data" / "marc"


def _file(path: Path, records: list[bytes]) -> Path:
    path.write_bytes(b"".join(records))
    return path


def _stored(lib: Library) -> list[tuple[str, str, str, str]]:
    return [tuple(row) for row in lib.db.conn.execute(  # type: ignore[misc]
        "SELECT control_number, title, authors, publisher FROM records ORDER BY id")]


def _books(encoding: str, first: int = 1) -> list[bytes]:
    return [book(encoding, f"{encoding.upper()}{n}", *fields, barcode=f"TK.{first + n:05d}")
            for n, fields in enumerate(VIETNAMESE_BOOKS)]


@pytest.mark.parametrize("encoding", ["tcvn3", "vni", "cp1258"])
def test_a_legacy_vietnamese_catalog_imports_as_vietnamese(
        lib: Library, tmp_path: Path, encoding: str) -> None:
    report = lib.catalog.import_marc(_file(tmp_path / f"{encoding}.mrc", _books(encoding)))
    assert (report.imported, report.items, report.skipped) == (6, 6, [])
    stored = _stored(lib)
    assert [(title, json.loads(authors), publisher) for _, title, authors, publisher in stored] \
        == [(title, [author], publisher) for title, author, _, publisher, _ in VIETNAMESE_BOOKS]
    assert report.legacy_vietnamese == {encoding: 6}
    # Found the way a librarian types it, with or without marks.
    for query in ("truyện kiều", "truyen kieu", "đất rừng phương nam", "tiếng việt tập một",
                  "nguyen du", "đoàn giỏi"):
        assert lib.catalog.search(query).total >= 1, query


def test_one_file_mixing_character_sets_is_read_record_by_record(
        lib: Library, tmp_path: Path) -> None:
    tcvn3, vni, cp1258 = (_books(encoding)[n] for n, encoding in
                          enumerate(("tcvn3", "vni", "cp1258")))
    marc8 = iso_record([("001", b"M8"), ("245", b"10\x1faTi\xe3\xe2eng Vi\xf2\xe3et")])
    utf8 = book("utf-8", "U8", *VIETNAMESE_BOOKS[3], barcode="TK.09999", leader9=b"a")
    latin = iso_record([("001", b"L1"), ("100", b"1 \x1faM\xfcller, J\xfcrgen"),
                        ("245", b"10\x1faLe caf\xe9 des artistes /\x1fcJ\xfcrgen M\xfcller."),
                        ("260", b"  \x1faZ\xfcrich :\x1fbDiogenes,\x1fc1998")])
    path = _file(tmp_path / "winisis.mrc", [tcvn3, marc8, vni, latin, cp1258, utf8])
    report = lib.catalog.import_marc(path)
    assert report.imported == 6
    assert [(number, title) for number, title, _, _ in _stored(lib)] == [
        ("TCVN30", "Truyện Kiều"), ("M8", "Tiếng Việt"), ("VNI1", "Đất rừng phương Nam"),
        ("L1", "Le café des artistes"), ("CP12582", "Tiếng Việt 1 - Tập một"),
        ("U8", "Dế Mèn phiêu lưu ký")]
    assert _stored(lib)[3][2:] == ('["Müller, Jürgen"]', "Diogenes")
    assert report.legacy_vietnamese == {"tcvn3": 1, "vni": 1, "cp1258": 1}


def test_european_records_in_iso_8859_1_under_a_blank_flag_keep_their_letters(
        lib: Library, tmp_path: Path) -> None:
    records = [
        iso_record([("001", b"E1"), ("100", b"1 \x1faM\xfcller, J\xfcrgen"),
                    ("245", b"10\x1faDie Stra\xdfe nach Z\xfcrich"),
                    ("260", b"  \x1faM\xfcnchen :\x1fbHanser,\x1fc2004")]),
        iso_record([("001", b"E2"), ("245", b"13\x1faLe caf\xe9 de la for\xeat"),
                    ("260", b"  \x1faParis :\x1fb\xc9ditions Gallimard,\x1fc1987")]),
        iso_record([("001", b"E3"), ("100", b"1 \x1faGarc\xeda M\xe1rquez, Gabriel"),
                    ("245", b"10\x1faCien a\xf1os de soledad")]),
    ]
    report = lib.catalog.import_marc(_file(tmp_path / "europe.mrc", records))
    assert _stored(lib) == [
        ("E1", "Die Straße nach Zürich", '["Müller, Jürgen"]', "Hanser"),
        ("E2", "Le café de la forêt", "[]", "Éditions Gallimard"),
        ("E3", "Cien años de soledad", '["García Márquez, Gabriel"]', None)]
    assert report.imported == 3 and report.legacy_vietnamese == {}


def test_a_legacy_record_flagged_utf8_is_read_in_its_legacy_encoding(tmp_path: Path) -> None:
    record = book("tcvn3", "A1", *VIETNAMESE_BOOKS[0], barcode="TK.00001", leader9=b"a")
    parsed = parse_record(record[:-1])
    assert (parsed.value("245", "a"), parsed.value("100", "a")) == ("Truyện Kiều /", "Nguyễn Du")
    assert parsed.legacy_encoding == "tcvn3"


def test_tcvn3_capitals_come_back_in_names_and_all_capital_words() -> None:
    record = iso_record([("001", b"C1"), ("100", b"1 \x1faV\xf2 Ng\xe4c \xb8nh"),
                         ("245", b"10\x1faT\xbet \xae\xccn /\x1fcV\xf2 Ng\xe4c \xb8nh"),
                         ("490", b"0 \x1faTRUY\xd6N NG\xbeN CH\xe4N L\xe4C")])
    parsed = parse_record(record[:-1])
    assert parsed.value("100", "a") == "Vũ Ngọc Ánh"
    assert parsed.value("245", "a") == "Tắt đèn /"  # a title keeps its small letters
    assert parsed.value("490", "a") == "TRUYỆN NGẮN CHỌN LỌC"


def test_the_report_says_how_many_records_were_converted(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    db = str(tmp_path / "lib.sqlite3")
    path = _file(tmp_path / "cds-isis.mrc", _books("tcvn3")[:4] + _books("vni", 10)[4:])
    assert main(["--db", db, "import-marc", str(path)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].endswith("nhập 6 biểu ghi, gộp 0, 6 bản sách, bỏ qua 0.")
    assert lines[1] == ("  6 biểu ghi được đọc từ bảng mã tiếng Việt cũ (TCVN3 (ABC): 4, VNI: 2) "
                        "và đã được chuyển sang Unicode.")
    other = _file(tmp_path / "unicode.mrc", [book("utf-8", "U1", *VIETNAMESE_BOOKS[0],
                                                  barcode="TK.00100", leader9=b"a")])
    assert main(["--db", db, "import-marc", str(other), "--json"]) == 0
    [entry] = json.loads(capsys.readouterr().out)["files"]
    assert entry["legacy_vietnamese"] == {} and entry["imported"] == 1
    assert main(["--db", db, "--lang", "en", "import-marc", str(path)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[2] == ("  6 record(s) were read from a legacy Vietnamese encoding "
                        "(TCVN3 (ABC): 4, VNI: 2) and converted to Unicode.")


# Real MARC-8 files, among them records with MARC-8 slips (a grave accent for an apostrophe in
# jazz_1k, marks on romanized Cyrillic in openlibrary's, Vietnamese letters in brkrtest).
MARC8_FILES = ("evergreen/jazz_1k.mrc", "evergreen/lul_fre_500.mrc", "evergreen/oss.marc",
               "marc4j/brkrtest.mrc", "marc4j/greekmissingcharsetchange.mrc",
               "marc4j/selectedRecs.mrc", "pymarc/marc8.dat", "pymarc/1251.dat",
               "openlibrary/bin_input/880_table_of_contents.mrc",
               "openlibrary/bin_input/uoft_4351105_1626.mrc",
               "openlibrary/bin_input/collingswood_bad_008.mrc", "qa-catalogue/marc/22561.mrc")


@pytest.mark.parametrize("name", MARC8_FILES)
def test_real_marc8_records_stay_marc8(name: str) -> None:
    from app.catalog.marc import charset

    weighed = 0
    for piece in (DATA / name).read_bytes().split(b"\x1d"):
        piece = piece.lstrip(b"\r\n")
        if len(piece) < 25 or _is_utf8(piece) or b"\x1b" in piece:
            continue
        base = int(piece[12:17])
        assert charset.guess(piece[base:]) == charset.MARC8
        assert parse_record(piece).legacy_encoding == ""
        weighed += 1
    assert weighed
