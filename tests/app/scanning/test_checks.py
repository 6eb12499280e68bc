"""Only whole, check-digit-valid codes reach the desk, in one consistent form."""

from __future__ import annotations

import re

import pytest

from app.scanning import Decoded, accession_check, desk_filter, normalize

CORNERS = ((0.0, 0.0), (10.0, 0.0), (10.0, 5.0), (0.0, 5.0))


@pytest.mark.parametrize(
    ("raw", "kind", "expected"),
    [
        ("0036602301467", "ean13", ("036602301467", "upca")),  # zxing/zbar: UPC-A as EAN-13
        ("036602301467", "upca", ("036602301467", "upca")),
        ("0036602301467", "upca", ("036602301467", "upca")),
        ("8413000065504", "ean13", ("8413000065504", "ean13")),
        ("9786040000002", "ean13", ("9786040000002", "isbn13")),
        ("9791034700080", "ean13", ("9791034700080", "isbn13")),  # 979- ISBN
        ("9786040000002", "isbn13", ("9786040000002", "isbn13")),
        ("12345670", "ean8", ("12345670", "ean8")),
        ("0306406152", "isbn10", ("9780306406157", "isbn13")),
        ("GK.00012", "code128", ("GK.00012", "code128")),
        (" WWW.CITRONSOFT.COM ", "code39", (" WWW.CITRONSOFT.COM ", "code39")),
        ("https://thuvien.example/r/1", "qr", ("https://thuvien.example/r/1", "qr")),
    ],
)
def test_valid_reads_are_normalised(raw: str, kind: str, expected: tuple[str, str]) -> None:
    assert normalize(raw, kind) == expected


@pytest.mark.parametrize(
    ("raw", "kind"),
    [
        ("8413000065505", "ean13"),  # wrong check digit
        ("841300006550", "ean13"),  # partial: 12 digits
        ("9786040000003", "ean13"),  # ISBN with a wrong check digit
        ("036602301468", "upca"),
        ("12345671", "ean8"),
        ("1234567", "ean8"),
        ("0306406153", "isbn10"),
        ("T", "code39"),  # zbar's one-letter read on a false-positive photo
        ("A", "code128"),
        ("   ", "code39"),
        ("12", "itf"),  # a symbology we do not read
    ],
)
def test_invalid_or_partial_reads_are_rejected(raw: str, kind: str) -> None:
    assert normalize(raw, kind) is None


def test_isbn13_offers_its_isbn10_form() -> None:
    code = Decoded("9780306406157", "isbn13", CORNERS, "zxing")
    assert code.isbn10 == "0306406152"
    assert Decoded("9791034700080", "isbn13", CORNERS, "zxing").isbn10 is None


def test_accession_check_takes_a_regex_or_a_callable() -> None:
    by_regex = accession_check(r"(GK|TK|NV|TN)\.\d{5}")
    assert by_regex("TK.00003") and not by_regex("TK.3") and not by_regex("XTK.00003")
    compiled = accession_check(re.compile(r"\d{6}"))
    assert compiled("000123") and not compiled("0001234")
    by_callable = accession_check(lambda text: text.startswith("VV"))
    assert by_callable("VV123") and not by_callable("VN123")


def test_desk_filter_keeps_books_and_the_library_own_codes_only() -> None:
    keep = desk_filter(r"GK\.\d{5}")
    assert keep(Decoded("GK.00012", "code128", CORNERS, "zxing"))
    assert keep(Decoded("9786040000002", "isbn13", CORNERS, "zxing"))
    assert not keep(Decoded("GK.12", "code128", CORNERS, "zxing"))
    assert not keep(Decoded("SHIPPING-LABEL-1", "code39", CORNERS, "zbar"))
    assert desk_filter(None)(Decoded("anything", "qr", CORNERS, "zbar"))
