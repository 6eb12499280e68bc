"""TCVN3 / VNI conversion and per-column detection."""

from __future__ import annotations

import unicodedata

import pytest

from app import legacy_text as L

SENTENCE = "Trường Trung học cơ sở Nguyễn Huệ: Đặng Thị Thuỷ, lớp 6A, quê ở Hưng Yên."
NAMES = ["Nguyễn Văn An", "Trần Thị Bình", "Lê Hoàng Quỳnh", "Phạm Đức Thắng", "Vũ Ngọc Ánh",
         "Đỗ Thị Hường", "Bùi Xuân Trường", "Hồ Ngọc Dũng", "Ngô Kiều Oanh", "Lý Thị Mỹ Duyên"]


def _all_letters() -> list[str]:
    letters = ["đ"]
    for base in "aăâeêioôơuưy":
        letters.append(base)
        letters += [unicodedata.normalize("NFC", base + m) for m in L._TONE_MARKS]
    return letters


def test_every_vietnamese_letter_round_trips_through_vni() -> None:
    text = " ".join(_all_letters() + [c.upper() for c in _all_letters()])
    assert L.decode_vni(L.encode_vni(text)) == text


def test_every_lower_case_letter_round_trips_through_tcvn3() -> None:
    text = " ".join(_all_letters())
    encoded = L.encode_tcvn3(text)
    assert all(ord(c) <= 0xFF for c in encoded)
    assert L.decode_tcvn3(encoded) == text


def test_known_tcvn3_and_vni_spellings() -> None:
    assert L.encode_tcvn3("Trường học") == "Tr\u00adêng häc"
    assert L.encode_vni("Trường học") == "Tröôøng hoïc"
    assert L.decode_tcvn3("§Æng ThÞ Thuû") == "Đặng Thị Thuỷ"


def test_sentence_round_trips_via_bytes() -> None:
    for encode, decode in ((L.encode_tcvn3, L.decode_tcvn3), (L.encode_vni, L.decode_vni)):
        raw = encode(SENTENCE).encode("latin-1")
        assert decode(raw.decode("cp1252", errors="strict")) == SENTENCE


def test_all_capitals_font_text_comes_back_in_capitals() -> None:
    assert L.decode_tcvn3(L.encode_tcvn3("ĐẶNG THỊ THUỶ")) == "ĐẶNG THỊ THUỶ"


@pytest.mark.parametrize("encoding, encode", [("tcvn3", L.encode_tcvn3), ("vni", L.encode_vni)])
def test_detect_legacy_columns(encoding: str, encode: object) -> None:
    assert callable(encode)
    assert L.detect([encode(n) for n in NAMES]) == encoding
    assert [L.decode(encode(n), encoding) for n in NAMES] == NAMES


def test_detect_keeps_real_unicode_and_plain_ascii() -> None:
    assert L.detect(NAMES) == "unicode"
    assert L.detect(["Hà Thị Mai", "Trí", "Lò Văn Pó"]) == "unicode"
    assert L.detect(["John Smith", "", "6A"]) == "unicode"
    decomposed = [unicodedata.normalize("NFD", n) for n in NAMES]
    assert L.detect(decomposed) == "unicode"


def test_syllable_rule_one_tone_mark() -> None:
    assert L.is_vietnamese_syllable("Nguyễn")
    assert not L.is_vietnamese_syllable("Nguyễ\u0301n")
    assert not L.is_vietnamese_syllable("NguyÔn")


def test_a_vni_column_is_not_read_as_tcvn3() -> None:
    """Seen importing a VNI class list (CSV saved from Excel): read as TCVN3, 'Bùi Thị Lan
    Anh', 'Ngô Quang Huy', 'Trịnh Thu Hà' came out 'Buứi Thũ Lan Anh', 'Ngoõ Quang Huy',
    'Trũnh Thu Haứ'; those passed as syllables (any three vowels, 'nh' after any vowel), so
    TCVN3 tied with VNI and won."""
    names = ["Bùi Thị Lan Anh", "Ngô Quang Huy", "Trịnh Thu Hà"]
    assert L.detect([L.encode_vni(n) for n in names]) == "vni"
    for word in ("Buứi", "Haứ", "Trũnh", "Ngoõ"):
        assert not L.is_vietnamese_syllable(word)
    for word in ("Quỳnh", "Huỳnh", "Oanh", "Khuya", "Nguyệt", "Người", "Hươu", "ngoèo",
                 "xoong", "Khuỷu", "Ếch", "Thạch", "Giếng", "Quýt", "Toản", "Hoằng"):
        assert L.is_vietnamese_syllable(word), word
