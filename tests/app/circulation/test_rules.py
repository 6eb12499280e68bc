"""The loan rule matrix: defaults, precedence, due dates, edits."""

from __future__ import annotations

from datetime import date

import pytest

from app.circulation.rules import LoanRule
from app.errors import ValidationError

from .conftest import World


def test_defaults_fit_a_vietnamese_school(world: World) -> None:
    rules = world.circ.rules
    student_book = rules.rule_for("student", "book")
    assert (student_book.loan_days, student_book.max_items, student_book.fine_per_day) == (14, 3, 0)
    assert rules.rule_for("teacher", "book").loan_days == 30
    textbook = rules.rule_for("student", "textbook")
    assert textbook.fixed_due == "--05-31" and textbook.renewals == 0
    assert textbook.due_date(date(2025, 9, 8)) == date(2026, 5, 31)
    assert textbook.due_date(date(2026, 6, 15)) == date(2027, 5, 31)
    assert not rules.rule_for("teacher", "reference").loanable
    assert all(r.fine_per_day == 0 for r in rules.all())


def test_item_type_wins_over_category_wildcard(world: World) -> None:
    rules = world.circ.rules
    rules.set(LoanRule("community", "*", loan_days=21, max_items=1))
    # reference stays reference-only for a community reader
    assert not rules.rule_for("community", "reference").loanable
    # an item type with no row of its own falls to the category row
    assert rules.rule_for("community", "audiovisual").loan_days == 21
    # and for other categories to the */* fallback
    assert rules.rule_for("student", "audiovisual").loan_days == 14


def test_edit_changes_the_due_date_of_the_next_loan(world: World) -> None:
    world.circ.rules.set(LoanRule("student", "book", loan_days=7, max_items=2))
    [copy] = world.book()
    patron = world.student()
    result = world.circ.checkout(patron.card, copy.barcode)
    assert result.ok and result.loan is not None
    assert result.loan.due == "2025-09-15"


def test_fixed_date_rule(world: World) -> None:
    world.circ.rules.set(LoanRule("*", "periodical", loan_days=None, fixed_due="2025-12-20"))
    [copy] = world.book("Báo Nhi Đồng", item_type="periodical")
    result = world.circ.checkout(world.student().card, copy.barcode)
    assert result.loan is not None and result.loan.due == "2025-12-20"


@pytest.mark.parametrize("rule", [
    LoanRule("*", "book", loan_days=None, fixed_due="31/05"),
    LoanRule("*", "book", loan_days=None, fixed_due="--02-30"),
    LoanRule("*", "book", loan_days=0),
    LoanRule("*", "book", max_items=-1),
])
def test_invalid_rules_are_refused(world: World, rule: LoanRule) -> None:
    with pytest.raises(ValidationError):
        world.circ.rules.set(rule)


def test_delete_and_reset(world: World) -> None:
    rules = world.circ.rules
    rules.delete("teacher", "book")
    assert rules.rule_for("teacher", "book").loan_days == 14
    with pytest.raises(ValidationError):
        rules.delete("*", "*")
    rules.reset_defaults()
    assert rules.rule_for("teacher", "book").loan_days == 30


def test_copies_of_the_textbook_collection_follow_the_textbook_rule(world: World) -> None:
    """A GK copy added without an item type is a textbook: due at the end of the school year."""
    [plain] = world.book("Toán 6", collection="GK")
    [typed] = world.book("Ngữ văn 6", collection="GK", item_type="textbook")
    [story] = world.book("Dế Mèn phiêu lưu ký", collection="TK")
    assert plain.item_type == "textbook" and story.item_type == "book"
    reader = world.student()
    due = {copy.barcode: world.circ.checkout(reader.card, copy.barcode).loan.due
           for copy in (plain, typed, story)}
    assert due[plain.barcode] == due[typed.barcode] != due[story.barcode]
    assert due[plain.barcode].startswith("2026-0")  # end of May (or the next open day)
