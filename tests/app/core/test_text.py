"""Vietnamese folding and collation, as a librarian typing a search would notice them."""

from __future__ import annotations

import unicodedata

from app.text import fold, nfc, sort_key


def test_diacritics_case_and_d_bar_fold_away() -> None:
    assert fold("ĐẶNG Thùy Trâm") == fold("dang thuy tram") == "dang thuy tram"


def test_nfd_input_folds_like_nfc() -> None:
    word = "Nguyễn Nhật Ánh"
    assert fold(unicodedata.normalize("NFD", word)) == fold(word) == "nguyen nhat anh"


def test_both_tone_placement_habits_match() -> None:
    assert fold("hoà bình") == fold("hòa bình")
    assert fold("thuỷ") == fold("thủy")
    assert fold("khoẻ") == fold("khỏe")


def test_i_and_y_spelling_variants_match() -> None:
    for a, b in [("kĩ thuật", "kỹ thuật"), ("lí luận", "lý luận"), ("quí", "quý"),
                 ("mĩ thuật", "mỹ thuật"), ("hi vọng", "hy vọng")]:
        assert fold(a) == fold(b), (a, b)


def test_y_inside_a_syllable_is_not_touched() -> None:
    assert fold("yêu") == "yeu"
    assert fold("nguyễn") == "nguyen"
    assert fold("thuyền") == "thuyen"


def test_text_is_stored_nfc() -> None:
    decomposed = unicodedata.normalize("NFD", "Tiếng Việt")
    assert nfc(decomposed) == "Tiếng Việt"
    assert unicodedata.is_normalized("NFC", nfc(decomposed))


def test_vietnamese_alphabetical_order() -> None:
    words = ["ông", "ơn", "o", "đào", "dao", "ăn", "ân", "an", "ba", "cá", "cà", "ca", "ưa", "ua"]
    assert sorted(words, key=sort_key) == [
        "an", "ăn", "ân", "ba", "ca", "cà", "cá", "dao", "đào", "o", "ông", "ơn", "ua", "ưa"]
