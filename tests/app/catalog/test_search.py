"""Searching the catalog as a librarian types."""

from __future__ import annotations

import unicodedata

import pytest

from app.library import Library


@pytest.fixture
def catalog(lib: Library) -> Library:
    add = lib.catalog.add_record
    lib.catalog.add_item(add("Kỹ thuật điện", authors=["Đặng Văn Đào"], year=2015,
                             classification="621.3", subjects=["Điện học"],
                             isbns=["0-306-40615-2"]), barcode="TK.00001",
                         call_number="621.3 Đ108")
    add("Hoà bình và chiến tranh", authors=["Lev Tolstoy"], year=2018, subjects=["Tiểu thuyết"])
    add("Thuỷ hử", authors=["Thi Nại Am"], year=2010, subjects=["Văn học Trung Quốc"])
    add("Lý luận văn học", authors=["Phương Lựu"], year=2012, subjects=["Lí luận"])
    add("Điện", authors=["Nguyễn Văn A"], year=2001)
    add("Sổ tay điện dân dụng", authors=["Trần Điện"], year=2005)
    add("Cây cam ngọt của tôi", authors=["José Mauro de Vasconcelos"], year=2020,
        subjects=["Kỹ năng sống"], notes="Sách về điện ảnh")
    return lib


def titles(lib: Library, query: str) -> list[str]:
    return [h.title for h in lib.catalog.search(query).hits]


def test_diacritics_case_and_d_bar_do_not_matter(catalog: Library) -> None:
    assert titles(catalog, "ky thuat dien") == ["Kỹ thuật điện"]
    assert titles(catalog, "KỸ THUẬT ĐIỆN") == ["Kỹ thuật điện"]
    assert "Kỹ thuật điện" in titles(catalog, "dang van dao")


def test_nfd_input_works(catalog: Library) -> None:
    assert titles(catalog, unicodedata.normalize("NFD", "kỹ thuật")) == ["Kỹ thuật điện"]


def test_tone_placement_and_i_y_variants(catalog: Library) -> None:
    assert titles(catalog, "hòa bình") == ["Hoà bình và chiến tranh"]
    assert titles(catalog, "thủy hử") == ["Thuỷ hử"]
    assert titles(catalog, "kĩ thuật") == ["Kỹ thuật điện"]
    assert titles(catalog, "lí luận văn học") == ["Lý luận văn học"]


def test_last_word_is_a_prefix_while_typing(catalog: Library) -> None:
    assert titles(catalog, "kỹ thu") == ["Kỹ thuật điện"]
    assert titles(catalog, "thuỷ hư") == ["Thuỷ hử"]
    assert titles(catalog, "kỹ thu ") == []  # a finished word is not a prefix
    assert titles(catalog, "thuỷ hx") == []


def test_a_single_letter_is_already_a_prefix(catalog: Library) -> None:
    assert titles(catalog, "thuỷ h") == ["Thuỷ hử"]
    assert titles(catalog, "Đ")[:2] == ["Điện", "Kỹ thuật điện"]  # exact word, then title order
    assert set(titles(catalog, "l")) == {"Lý luận văn học", "Hoà bình và chiến tranh"}  # Lev
    assert titles(catalog, "title:s") == ["Sổ tay điện dân dụng"]
    assert titles(catalog, "kỹ thuật đ") == ["Kỹ thuật điện"]
    assert titles(catalog, "t ") == []  # a finished one-letter word is a whole word
    assert titles(catalog, "6") == ["Kỹ thuật điện"]  # 621.3 and its ISBNs


def test_a_single_letter_outside_latin_is_a_whole_word(lib: Library) -> None:
    lib.catalog.add_record("Война и мир", authors=["Лев Толстой"])
    lib.catalog.add_record("Пьесы", notes="и")
    assert titles(lib, "в") == []
    assert titles(lib, "и") == ["Война и мир", "Пьесы"]  # in the title, then in notes
    assert titles(lib, "во") == ["Война и мир"]


def test_exact_title_first_then_title_and_author_above_notes(catalog: Library) -> None:
    found = titles(catalog, "điện")
    assert found[0] == "Điện"  # the exact title
    assert set(found[1:3]) == {"Kỹ thuật điện", "Sổ tay điện dân dụng"}  # title matches
    assert found[3:] == ["Cây cam ngọt của tôi"]  # only its notes mention "điện ảnh"


def test_field_qualifiers(catalog: Library) -> None:
    assert titles(catalog, "author:điện") == ["Sổ tay điện dân dụng"]
    assert titles(catalog, "title:điện author:nguyễn") == ["Điện"]
    assert titles(catalog, "subject:lí luận") == ["Lý luận văn học"]
    assert sorted(titles(catalog, "year:2010-2015")) == sorted(
        ["Kỹ thuật điện", "Thuỷ hử", "Lý luận văn học"])
    assert titles(catalog, "callno:621.3") == ["Kỹ thuật điện"]


def test_isbn_in_any_form_finds_its_record(catalog: Library) -> None:
    for form in ["0306406152", "0-306-40615-2", "978-0-306-40615-7", "9780306406157",
                 "978 0 306 40615 7", "isbn:0306406152"]:
        assert titles(catalog, form) == ["Kỹ thuật điện"], form


def test_accession_number_finds_its_record(catalog: Library) -> None:
    assert titles(catalog, "TK.00001") == ["Kỹ thuật điện"]
    hit = catalog.catalog.search("TK.00001").hits[0]
    assert [(i.barcode, i.status) for i in hit.items] == [("TK.00001", "available")]
    assert hit.call_number == "621.3 Đ108"


def test_nothing_found_and_empty_query(catalog: Library) -> None:
    assert catalog.catalog.search("xyzzy").total == 0
    assert catalog.catalog.search("   ").hits == []


def test_fts_syntax_in_user_input_is_harmless(catalog: Library) -> None:
    for text in ['"', "AND", "điện OR", "NEAR(", "*", "title:", '"kỹ thuật', "-điện", "a:b:c"]:
        catalog.catalog.search(text)  # must not raise
