"""Adding, finding, editing patrons; card numbers; outbox rows."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from app.db.connection import Database
from app.errors import NotFoundError, ValidationError
from app.patrons.cards import check_prefix
from app.patrons.service import PatronService


def test_add_student_gets_next_card_and_outbox_row(patrons: PatronService, db: Database,
        outbox: Callable[[], list[Any]]) -> None:
    first = patrons.add("Nguyễn Văn An", class_name="lớp 6a", student_code="0123456789",
                        birth_date="05/09/2013", gender="Nam")
    second = patrons.add("Trần Thị Bình", class_name="6A")
    assert (first.card, second.card) == ("HS000001", "HS000002")
    assert first.class_name == "6A" and first.grade == 6
    assert first.birth_date == "2013-09-05" and first.gender == "male"
    assert first.school_year == "2025-2026" and first.status == "active"
    rows = outbox()
    assert [(u, op) for u, op, _ in rows] == [(first.uuid, "insert"), (second.uuid, "insert")]
    assert rows[0][2]["full_name"] == "Nguyễn Văn An" and rows[0][2]["deleted"] is False
    assert "photo" not in rows[0][2]


def test_teacher_and_configured_scheme(patrons: PatronService) -> None:
    assert patrons.add("Lê Văn Cường", category="teacher").card == "GV000001"
    patrons.settings.set("patron_card_scheme", {"student": {"prefix": "TH", "digits": 4}})
    assert patrons.add("Phạm Minh").card == "TH0001"


def test_generated_card_skips_codes_typed_by_hand(patrons: PatronService) -> None:
    patrons.add("Hand Typed", card="hs000001")
    assert patrons.add("Next One").card == "HS000002"


def test_name_stored_nfc_and_found_by_folded_words(patrons: PatronService) -> None:
    decomposed = "Nguye\u0302\u0303n Thi\u0323 Thu\u0309y"
    p = patrons.add(decomposed, class_name="7B")
    assert p.full_name == "Nguyễn Thị Thủy"
    assert [x.id for x in patrons.search("thuy nguyen")] == [p.id]
    assert [x.id for x in patrons.search("NGUYỄN thuỷ")] == [p.id]
    assert patrons.search("thu") == [p]
    assert patrons.search("guyen") == []


def test_by_card_ignores_case_and_spaces(patrons: PatronService) -> None:
    p = patrons.add("An", card="HS000777")
    found = patrons.by_card(" hs000777 ")
    assert found is not None and found.id == p.id
    assert patrons.by_card("HS000778") is None
    assert [x.id for x in patrons.search("hs000777")] == [p.id]


def test_duplicate_card_or_code_refused(patrons: PatronService) -> None:
    patrons.add("An", card="HS000009", student_code="S1")
    with pytest.raises(ValidationError) as card:
        patrons.add("Bình", card="hs000009")
    assert card.value.code == "patron.card_taken"
    with pytest.raises(ValidationError) as code:
        patrons.add("Bình", student_code="s1")
    assert code.value.code == "patron.code_taken"


@pytest.mark.parametrize("kwargs, code", [
    ({"full_name": "  "}, "patron.no_name"),
    ({"full_name": "A", "birth_date": "31/02/2013"}, "patron.bad_date"),
    ({"full_name": "A", "category": "alien"}, "patron.bad_category"),
    ({"full_name": "A", "status": "sleepy"}, "patron.bad_status"),
    ({"full_name": "A", "gender": "??"}, "patron.bad_gender"),
])
def test_bad_input_refused_with_reason(patrons: PatronService, db: Database,
                                       kwargs: dict[str, str], code: str,
        outbox: Callable[[], list[Any]]) -> None:
    with pytest.raises(ValidationError) as err:
        patrons.add(**kwargs)
    assert err.value.code == code and err.value.message
    assert db.conn.execute("SELECT count(*) FROM patrons").fetchone()[0] == 0
    assert outbox() == []


def test_set_status_records_leaving_day_and_outbox(patrons: PatronService, db: Database,
        outbox: Callable[[], list[Any]]) -> None:
    p = patrons.add("An")
    left = patrons.set_status(p.id, "left")
    assert left.status == "left" and left.left_on is not None
    back = patrons.set_status(p.id, "active")
    assert back.left_on is None
    assert [op for _, op, _ in outbox()] == ["insert", "update", "update"]
    patrons.set_status(p.id, "active")  # no change -> no outbox row
    assert len(outbox()) == 3


def test_edit_fields_and_photo(patrons: PatronService) -> None:
    p = patrons.add("An", class_name="6A")
    edited = patrons.update(p.id, full_name="Nguyễn An", class_name="Lớp 7C", phone="0912 345 678")
    assert (edited.full_name, edited.class_name, edited.grade) == ("Nguyễn An", "7C", 7)
    assert patrons.search("nguyen an")[0].id == p.id
    assert patrons.set_photo(p.id, b"\x89PNG...").photo == b"\x89PNG..."
    with pytest.raises(ValidationError):
        patrons.update(p.id, uuid="x")


def test_get_missing_patron(patrons: PatronService) -> None:
    with pytest.raises(NotFoundError):
        patrons.get(42)


def test_list_by_class_in_register_order(patrons: PatronService) -> None:
    patrons.add("Trần Văn Bình", class_name="6A")
    patrons.add("Nguyễn Thị An", class_name="6A")
    patrons.add("Lê Chi", class_name="10A1")
    patrons.add("Đỗ Ân", class_name="7A")
    assert [p.full_name for p in patrons.list_patrons(class_name="lớp 6a")] == \
        ["Nguyễn Thị An", "Trần Văn Bình"]
    assert [p.class_name for p in patrons.list_patrons()] == ["6A", "6A", "7A", "10A1"]
    assert patrons.classes() == [("6A", 2), ("7A", 1), ("10A1", 1)]


@pytest.mark.parametrize("prefix", ["DD", "AA", "OW", "W", "HA", "TĐ", "E1"])
def test_card_prefix_that_an_input_method_would_rewrite_is_refused(prefix: str) -> None:
    with pytest.raises(ValidationError):
        check_prefix(prefix)


def test_unsafe_configured_prefix_refused_on_add(patrons: PatronService) -> None:
    patrons.settings.set("patron_card_scheme", {"student": {"prefix": "DD", "digits": 6}})
    with pytest.raises(ValidationError) as err:
        patrons.add("An")
    assert err.value.code == "card.unsafe_prefix"


def test_library_exposes_the_patron_service(tmp_path: Path) -> None:
    from app.library import Library

    with Library.open(tmp_path / "lib.sqlite3") as lib:
        card = lib.patrons.add("Nguyễn Văn An", class_name="6A").card
    with Library.open(tmp_path / "lib.sqlite3") as lib:
        found = lib.patrons.by_card(card)
        assert found is not None and found.full_name == "Nguyễn Văn An"


def test_the_day_a_patron_leaves_is_the_library_s_day_not_this_pc_s(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """At 03:00 in Hà Nội on 22/11 a PC kept on UTC still says 21/11."""
    from datetime import UTC, datetime

    from app.circulation import clock
    from app.library import Library

    monkeypatch.setattr(clock, "system_clock",
                        lambda: datetime(2026, 11, 21, 20, 0, tzinfo=UTC))
    with Library.open(tmp_path / "lib.sqlite3") as lib:
        patron = lib.patrons.add("Nguyễn Văn An", class_name="9A")
        assert lib.patrons.set_status(patron.id, "left").left_on == "2026-11-22"
