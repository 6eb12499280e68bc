"""Quick entry by ISBN in the new-record form, as a cataloguer does it with the keyboard at
1366 × 768 in the app's own look: what the lookup says is read whole."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt


def _rect(widget, form) -> QRect:  # type: ignore[no-untyped-def]
    return QRect(widget.mapTo(form, widget.rect().topLeft()), widget.size())


def test_a_known_isbn_s_message_is_not_cut(window, lib, qtbot, app_look) -> None:  # type: ignore[no-untyped-def]
    """Seen under Xvfb: 'Thư viện đã có «Dế Mèn phiêu lưu ký» (1 bản).' wrapped on two lines
    in a row as tall as its button, the tops and bottoms of both lines cut off."""
    known = lib.catalog.add_record("Dế Mèn phiêu lưu ký", authors=["Tô Hoài"],
                                   isbns=["978-604-2-09818-2"])
    lib.catalog.add_copies(known, 1, collection="TN")
    window.resize(1280, 720)
    view = window.show_view("catalog")
    form = view.new_record()
    qtbot.waitExposed(form)
    qtbot.keyClicks(form.isbn, "9786042098182")
    qtbot.keyClick(form.isbn, Qt.Key.Key_Return)
    label = form.lookup_label
    assert "Dế Mèn phiêu lưu ký" in label.text() and form.existing_button.isVisible()
    qtbot.wait(50)
    needed = label.heightForWidth(label.width())
    assert label.height() >= needed, (label.height(), needed)
    assert _rect(label, form).bottom() < _rect(form.title, form).top()
    assert form.existing_button.hasFocus()  # Enter opens it to add copies


def test_more_copies_of_a_known_book_go_to_its_collection(window, lib, qtbot) -> None:  # type: ignore[no-untyped-def]
    """ISBN, Enter, Enter, Enter: the copies of a children's book (TN) were offered the
    library's default collection and became TK.000xx, in the wrong register."""
    known = lib.catalog.add_record("Dế Mèn phiêu lưu ký", isbns=["978-604-2-09818-2"])
    lib.catalog.add_copies(known, 1, collection="TN")
    view = window.show_view("catalog")
    form = view.new_record()
    qtbot.waitExposed(form)
    qtbot.keyClicks(form.isbn, "9786042098182")
    qtbot.keyClick(form.isbn, Qt.Key.Key_Return)
    dialogs: list[object] = []
    original = view.add_copies
    view.add_copies = lambda: dialogs.append(original()) or dialogs[-1]  # type: ignore[method-assign]
    qtbot.keyClick(form.existing_button, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(dialogs))
    dialog = dialogs[0]
    assert dialog.collection.currentData() == "TN"  # type: ignore[attr-defined]
    qtbot.keyClick(dialog.count, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)  # type: ignore[attr-defined]
    qtbot.keyClicks(dialog.count, "2")  # type: ignore[attr-defined]
    qtbot.keyClick(dialog.count, Qt.Key.Key_Return)  # type: ignore[attr-defined]
    assert [i.barcode for i in lib.catalog.items_of(known)] == ["TN.00001", "TN.00002",
                                                                "TN.00003"]
