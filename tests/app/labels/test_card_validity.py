"""A reader's card printed with its validity (thẻ có hạn): the line under the school year,
the barcode still scanning under a name on two lines; no line for a card without expiry."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from app.labels import CardData, load_template, render_cards
from app.labels.selection import cards_of_patrons
from app.library import Library

from .raster import decode, pdf_text, render

LONG = "Phạm Ngọc Ánh Dương Tôn Nữ Hoàng Thị Diệu Linh"


def test_the_validity_is_printed_and_every_barcode_still_scans(tmp_path: Path) -> None:
    cards = [CardData(f"HS{n:06d}", LONG if n % 2 else "Trần Văn Đức", "Trường THCS Nguyễn Du",
                      "6A", "2025-2026", expires_on="2027-05-31" if n < 8 else "")
             for n in range(10)]
    pdf = render_cards(cards, load_template("cr80-10up"))
    reads = Counter(r.text for page in render(pdf, tmp_path / "img", dpi=300)
                    for r in decode(page))
    assert reads == Counter(c.card for c in cards)
    text = pdf_text(pdf, tmp_path)
    assert text.count("Có giá trị đến: 31/05/2027") == 8


def test_a_patron_s_expiry_reaches_the_card(lib: Library) -> None:
    patron = lib.patrons.add("Lê Thu Hà", class_name="7B")
    lib.patrons.renew_card(patron.id, until="2027-05-31")
    plain = lib.patrons.add("Ngô Bảo Châu", class_name="7B")
    cards = cards_of_patrons(lib, [patron.id, plain.id])
    assert [c.expires_on for c in cards] == ["2027-05-31", ""]
