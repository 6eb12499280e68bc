"""A keyboard-only desk: every button of the Patrons view and every item of the Tools menu has
an underlined letter (Alt+letter), and no two share one where they are shown together."""

from __future__ import annotations

import re

from PySide6.QtWidgets import QAbstractButton, QDialogButtonBox, QMenu


def letter(text: str) -> str | None:
    """The mnemonic letter of a Qt text ("Gia &hạn" → "H"), None without one."""
    found = re.search(r"&([^&])", text.replace("&&", ""))
    return found[1].upper() if found else None


def test_every_patrons_button_has_its_own_alt_letter(window, lib, stocked, qtbot) -> None:  # type: ignore[no-untyped-def]
    from ui.firstrun import install

    install(window, lib)
    view = window.show_view("patrons")
    qtbot.waitUntil(lambda: view.table.rowCount() > 0, timeout=5000)
    view.table.selectRow(0)
    # Shown or not (Gia hạn and the fines' buttons appear with a loan or a fine).
    buttons = [b for b in view.findChildren(QAbstractButton) if b.text()]
    texts = {b.text() for b in buttons}
    assert {"Thêm &bạn đọc…", "&Sửa…", "Gia &hạn", "&In thẻ…"} <= texts
    assert [b.text() for b in buttons if letter(b.text()) is None] == []
    menus = [letter(a.text()) for a in window.menuBar().actions()]
    letters = [letter(b.text()) for b in buttons] + menus
    assert len(letters) == len(set(letters)), letters  # Alt+letter picks one thing

    tools = [a.text() for a in window.tools_menu.actions() if not a.isSeparator()]
    assert [t for t in tools if letter(t) is None] == []  # backups too: Alt+C, then S
    assert len({letter(t) for t in tools}) == len(tools), tools
    assert isinstance(window.tools_menu, QMenu)


def test_the_class_textbooks_dialog_has_an_alt_letter_for_each_button(lib, qtbot) -> None:  # type: ignore[no-untyped-def]
    from ui.patrons.class_loan_dialog import ClassLoanDialog

    lib.patrons.add("Nguyễn An", class_name="6A")
    dialog = ClassLoanDialog(lib, "6A")
    qtbot.addWidget(dialog)
    texts = [b.text() for b in dialog.findChildren(QAbstractButton) if b.text()]
    assert "Cho mượn bằng cách &quét ở quầy…" in texts
    assert [t for t in texts if letter(t) is None] == []
    letters = [letter(t) for t in texts]
    assert len(letters) == len(set(letters)), texts
    assert dialog.search.placeholderText() == "Nhan đề hoặc ISBN, rồi nhấn Enter"


def test_every_catalog_button_has_its_own_alt_letter(window, lib, stocked, qtbot) -> None:  # type: ignore[no-untyped-def]
    view = window.show_view("catalog")
    buttons = [b for b in view.findChildren(QAbstractButton) if b.text()]
    texts = [b.text() for b in buttons]
    assert {"Sử&a…", "T&hêm bản sách…", "&In nhãn…", "Đặt t&rước…", "Bá&o mất…"} <= set(texts)
    assert [t for t in texts if letter(t) is None] == []
    letters = [letter(t) for t in texts] + [letter(a.text()) for a in window.menuBar().actions()]
    assert len(letters) == len(set(letters)), texts


def test_each_settings_tab_gives_its_buttons_their_own_alt_letters(window) -> None:  # type: ignore[no-untyped-def]
    """Only the tab shown answers Alt+letter, so letters are unique per tab (and apart from
    the menus'); every tab saves with Alt+L."""
    settings = window.show_view("settings")
    menus = [letter(a.text()) for a in window.menuBar().actions()]
    for index in range(settings.count()):
        page = settings.widget(index)
        texts = [b.text() for b in page.findChildren(QAbstractButton)
                 if b.text() and "Ctrl+" not in b.text()
                 and b.metaObject().className() == "QPushButton"]
        assert [t for t in texts if letter(t) is None] == [], (settings.tabText(index), texts)
        letters = [letter(t) for t in texts] + menus
        assert len(letters) == len(set(letters)), (settings.tabText(index), texts)
        if index < 6 and index != 4:  # the desk-and-language tab saves as it changes
            assert "&Lưu" in texts, settings.tabText(index)


def test_the_label_dialog_and_the_setup_import_page_have_alt_letters(window, lib, qtbot) -> None:  # type: ignore[no-untyped-def]
    from ui.firstrun.wizard import FirstRunWizard
    from ui.labels.dialog import LabelsDialog

    dialog = LabelsDialog(lib, window.operations, (), window)
    qtbot.addWidget(dialog)
    texts = [b.text() for b in dialog.findChildren(QAbstractButton)
             if b.text() and b.metaObject().className() == "QPushButton"]
    assert "&Xem trước…" in texts
    assert [t for t in texts if letter(t) is None and t != "Huỷ"] == []  # Esc cancels
    letters = [letter(t) for t in texts if letter(t)]
    assert len(letters) == len(set(letters)), texts
    wizard = FirstRunWizard(lib)
    qtbot.addWidget(wizard)
    assert (wizard.imports.marc_button.text(), wizard.imports.class_button.text()) == (
        "Chọn tệp &MARC…", "Chọn danh sách &lớp…")


def test_every_button_of_the_new_record_form_has_its_own_alt_letter(window, lib, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Quick entry by ISBN: the district catalog's button (shown when a district is set up)
    and 'open it to add copies' (shown for an ISBN already here) are reached with Alt."""
    from ui.catalog.record_form import RecordForm

    form = RecordForm(lib, parent=window)
    qtbot.addWidget(form)
    # Save and Cancel are the dialog's Enter and Esc.
    texts = [b.text() for b in form.findChildren(QAbstractButton)
             if b.text() and not isinstance(b.parent(), QDialogButtonBox)]
    assert {"Mục lục &huyện…", "&Mở để thêm bản sách"} <= set(texts)
    assert [t for t in texts if letter(t) is None] == []
    letters = [letter(t) for t in texts]
    assert len(letters) == len(set(letters)), texts


def test_the_class_list_wizard_reaches_each_field_by_alt_letter(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Bạn đọc → Nhập danh sách lớp, keyboard only: the file, class and school-year fields
    and "Chọn tệp…" each have their letter, none taken by the wizard's Tiếp / Quay lại, and
    the last page's button is "&Nhập" (they had none: Tab through, or the mouse)."""
    from PySide6.QtWidgets import QLabel, QWizard

    view = window.show_view("patrons")
    wizard = view.import_class_list()
    qtbot.waitExposed(wizard)
    page = wizard.file_page
    labels = {w.text(): w.buddy() for w in page.findChildren(QLabel) if "&" in w.text()}
    assert labels == {"Tệ&p": page.file, "&Lớp": page.default_class,
                      "&Năm học": page.school_year}
    buttons = [b.text() for b in page.findChildren(QAbstractButton) if b.text()]
    assert buttons == ["&Chọn tệp…"]
    wizard_buttons = [wizard.buttonText(b) for b in (QWizard.WizardButton.NextButton,
                                                      QWizard.WizardButton.BackButton)]
    letters = [letter(t) for t in list(labels) + buttons + wizard_buttons]
    assert None not in letters and len(letters) == len(set(letters)), letters
    assert wizard.confirm_page.buttonText(QWizard.WizardButton.FinishButton) == "&Nhập"
    wizard.reject()
