"""Personal data: export one student, erase one student, purge old leavers."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from typing import Any

import pytest

from app.db.connection import Database
from app.errors import NotFoundError, ValidationError
from app.patrons.service import PatronService


def lend(db: Database, patron_id: int, *, returned: bool = True, n: int = 1) -> None:
    with db.transaction() as conn:
        conn.execute("INSERT OR IGNORE INTO records(id, uuid, library_id, created_at, updated_at, "
                     "marc, title) VALUES (1, 'r1', 'L', 'x', 'x', '', 'Dế Mèn phiêu lưu ký')")
        conn.execute("INSERT INTO items(uuid, library_id, created_at, updated_at, record_id, "
                     "barcode) VALUES (?, 'L', 'x', 'x', 1, ?)", (f"i{patron_id}-{n}",
                                                                f"TK.{patron_id:03d}{n}"))
        item = conn.execute("SELECT max(id) FROM items").fetchone()[0]
        conn.execute("INSERT INTO loans(uuid, library_id, created_at, updated_at, item_id, "
                     "patron_id, loaned_at, due_on, returned_at) VALUES (?, 'L', 'x', 'x', ?, ?, "
                     "'2025-10-01', '2025-10-15', ?)",
                     (f"l{patron_id}-{n}", item, patron_id, "2025-10-10" if returned else None))


def test_export_one_student_as_json(patrons: PatronService, db: Database) -> None:
    p = patrons.add("Nguyễn Văn An", class_name="6A", student_code="S1", phone="0912345678",
                    photo=b"\x89PNG")
    lend(db, p.id)
    data = json.loads(patrons.privacy.export_json(p.id))
    assert data["patron"]["full_name"] == "Nguyễn Văn An"
    assert data["patron"]["phone"] == "0912345678" and data["patron"]["photo"] == "iVBORw=="
    assert data["loans"] == [{"barcode": f"TK.{p.id:03d}1", "title": "Dế Mèn phiêu lưu ký",
                              "loaned_at": "2025-10-01", "due_on": "2025-10-15",
                              "returned_at": "2025-10-10", "renewals": 0}]


def test_erase_keeps_loans_but_removes_identity(patrons: PatronService, db: Database,
                                                outbox: Callable[[], list[Any]]) -> None:
    p = patrons.add("Nguyễn Văn An", class_name="6A", student_code="S1", birth_date="2013-09-05",
                    phone="0912345678", photo=b"img")
    lend(db, p.id)
    patrons.privacy.erase(p.id)
    with pytest.raises(NotFoundError):
        patrons.get(p.id)
    assert patrons.search("an") == [] and patrons.by_student_code("S1") is None
    row = db.conn.execute("SELECT full_name, student_code, birth_date, phone, photo, class_name, "
                          "grade FROM patrons WHERE id = ?", (p.id,)).fetchone()
    assert row[1:5] == (None, None, None, None) and "An" not in row[0]
    assert row[5:] == ("6A", 6)  # kept for statistics
    assert db.conn.execute("SELECT patron_id FROM loans").fetchall() == [(p.id,)]
    text = json.dumps([payload for _, _, payload in outbox()], ensure_ascii=False)
    assert "Nguyễn" not in text and "0912345678" not in text and "S1" not in text
    assert outbox()[-1][1] == "delete"
    # the student code is free again: re-importing the child later makes a new patron
    assert patrons.add("Nguyễn Văn An", student_code="S1").id != p.id


def test_erase_refused_while_books_are_out(patrons: PatronService, db: Database) -> None:
    p = patrons.add("An", class_name="6A")
    lend(db, p.id, returned=False)
    with pytest.raises(ValidationError) as err:
        patrons.privacy.erase(p.id)
    assert err.value.code == "patron.open_loans"
    assert patrons.get(p.id).full_name == "An"
    patrons.privacy.erase(p.id, force=True)
    with pytest.raises(NotFoundError):
        patrons.get(p.id)


def test_purge_old_leavers_after_configured_years(patrons: PatronService, db: Database) -> None:
    old = patrons.add("Old Leaver", class_name="9A", status="graduated")
    patrons.update(old.id, left_on="2019-06-01")
    recent = patrons.add("Recent", class_name="9A", status="left")
    patrons.update(recent.id, left_on="2024-06-01")
    owing = patrons.add("Owes A Book", class_name="9A", status="left")
    patrons.update(owing.id, left_on="2018-06-01")
    lend(db, owing.id, returned=False)
    active = patrons.add("Still Here", class_name="6A")
    today = date(2026, 1, 15)
    assert patrons.privacy.purge_candidates(today=today) == [old.id]
    patrons.settings.set("patron_purge_after_years", 1)
    assert patrons.privacy.purge(today=today) == [old.id, recent.id]
    assert [p.id for p in patrons.list_patrons()] == [active.id, owing.id]
