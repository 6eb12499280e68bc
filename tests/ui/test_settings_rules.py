"""The loan-rule table in Settings: a mistyped figure is refused in words and nothing of the
table is saved."""

from __future__ import annotations

from PySide6.QtWidgets import QTableWidgetItem

from ui.settings.rules import DAYS, FINE, FIXED_DUE, RulesPage


def _row(page: RulesPage, category: str, item_type: str) -> int:
    row = page.row_of(category, item_type)
    assert row >= 0
    return row


def test_a_huge_number_of_days_is_refused_and_nothing_is_saved(lib, qtbot) -> None:  # type: ignore[no-untyped-def]
    page = RulesPage(lib)
    qtbot.addWidget(page)
    before = lib.circulation.rules.all()
    page.table.setItem(_row(page, "*", "children"), DAYS, QTableWidgetItem("10"))  # valid
    row = _row(page, "teacher", "book")
    page.table.setItem(row, DAYS, QTableWidgetItem("99999999999999999999"))  # a run of 9s
    page.save()
    assert page.message.text().startswith(
        f"Dòng {row + 1}: Quy tắc mượn không hợp lệ: Số ngày mượn phải từ 1 đến 3.650")
    assert page.table.currentRow() == row  # the row to correct is selected
    assert lib.circulation.rules.all() == before


def test_a_fine_too_large_and_a_bad_fixed_date_are_named(lib, qtbot) -> None:  # type: ignore[no-untyped-def]
    page = RulesPage(lib)
    qtbot.addWidget(page)
    row = _row(page, "*", "book")
    page.table.setItem(row, FINE, QTableWidgetItem("50.000.000"))
    page.save()
    assert "Tiền phạt mỗi ngày phải từ 0 đến 10.000.000" in page.message.text()
    page.table.setItem(row, FINE, QTableWidgetItem("2.000"))
    page.table.setItem(row, FIXED_DUE, QTableWidgetItem("30/06"))
    page.save()
    assert lib.circulation.rules.rule_for("student", "book").fixed_due == "--06-30"
    assert lib.circulation.rules.rule_for("student", "book").fine_per_day == 2000


def test_a_fine_typed_with_its_currency_is_read(lib, qtbot) -> None:  # type: ignore[no-untyped-def]
    page = RulesPage(lib)
    qtbot.addWidget(page)
    row = _row(page, "*", "book")
    page.table.setItem(row, FINE, QTableWidgetItem("1.500 đ"))
    assert page.save(), page.message.text()
    assert lib.circulation.rules.rule_for("student", "book").fine_per_day == 1500
    page.table.setItem(_row(page, "*", "book"), FINE, QTableWidgetItem("99.999.999.999 đ"))
    assert not page.save()
    assert "Tiền phạt mỗi ngày phải từ 0 đến 10.000.000, không phải 99999999999" in \
        page.message.text()
    assert lib.circulation.rules.rule_for("student", "book").fine_per_day == 1500
