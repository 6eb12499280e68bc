"""The new-record form on a 1024 × 768 screen: every field usable. Squeezed to the height a
768 px screen leaves under a title bar and a task bar, the notes box was drawn partly under
the copies field; now the fields scroll and none covers another."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit, QSpinBox, QWidget


def _fields(form) -> list[QWidget]:  # type: ignore[no-untyped-def]
    kinds = (QLineEdit, QPlainTextEdit, QSpinBox, QComboBox)
    return [w for w in form.findChildren(QWidget) if isinstance(w, kinds) and w.isVisible()
            and not isinstance(w.parent(), (QComboBox, QSpinBox))]


def _rect(widget: QWidget, form) -> QRect:  # type: ignore[no-untyped-def]
    return QRect(widget.mapTo(form, widget.rect().topLeft()), widget.size())


def test_every_field_of_the_new_record_form_is_usable_at_1024x768(  # type: ignore[no-untyped-def]
        window, lib, qtbot, app_look) -> None:
    from ui.catalog.record_form import RecordForm

    window.resize(1024, 768)
    form = RecordForm(lib, parent=window)
    qtbot.addWidget(form)
    form.show()
    qtbot.waitExposed(form)
    # the notes box as tall as its frame and padding need, two lines of text at least (it
    # was 60 px for 78 needed: its text was cut by the frame, the copies field just below)
    assert form.notes.height() >= form.notes.minimumSizeHint().height()
    assert form.notes.viewport().height() >= 2 * form.notes.fontMetrics().lineSpacing()
    form.resize(form.width(), 480)  # a shorter screen, a task bar, the window manager's say
    qtbot.wait(50)
    assert form.height() <= 480  # the form could not be made shorter than all its fields
    fields = _fields(form)
    assert form.notes in fields and form.copies in fields
    for field in fields:  # each keeps the height it needs
        assert field.height() >= field.minimumSizeHint().height(), field
    rects = sorted(((_rect(f, form), f) for f in fields), key=lambda pair: pair[0].top())
    for (upper, a), (lower, b) in zip(rects, rects[1:], strict=False):
        if upper.top() != lower.top():  # (the ISBN field and its button share a row)
            assert upper.bottom() < lower.top(), (a, b)  # the notes ran under the copies
    # Tab to the notes and on to the copies: each scrolled whole into sight, Save visible
    viewport = form.fields_scroll.viewport()
    form.activateWindow()
    qtbot.waitUntil(form.isActiveWindow)
    for field in (form.notes, form.copies, form.copy_details.source):
        field.setFocus(Qt.FocusReason.TabFocusReason)
        qtbot.waitUntil(lambda f=field: QRect(QRect(0, 0, viewport.width(), viewport.height()))
                        .contains(QRect(f.mapTo(viewport, f.rect().topLeft()), f.size())),
                        timeout=2000)
    assert form.fields_scroll.geometry().bottom() <= form.error.geometry().top()  # Save below it
    form.notes.setPlainText("Sách tặng của hội phụ huynh")
    form.title.setText("Tiếng Việt 1")
    form.save()
    assert form.record_id is not None
    assert lib.catalog.record(form.record_id).notes == "Sách tặng của hội phụ huynh"
