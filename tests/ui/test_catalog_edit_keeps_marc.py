"""Editing an imported record in the catalog window keeps what the form does not show.

Seen on a real record (Evergreen's jazz_1k.mrc, 'Killer Joe', a score): Save without a
change turned it into a Vietnamese book (leader 'ncm' -> 'nam', 008 'eng' -> 'vie', a 041
'vie' added), dropped the composer's dates (100 $d) and the statement of responsibility
(245 $c), wrote a 264 beside its 260, and made its 596 a second note."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt


def _fields(lib, record_id: int) -> list:  # type: ignore[no-untyped-def]
    return json.loads(lib.catalog.record(record_id).marc)


def _open_form(window, qtbot, query: str):  # type: ignore[no-untyped-def]
    view = window.show_view("catalog")
    view.search_field.setText(query)
    view.run_search()
    qtbot.waitUntil(lambda: view.results.rowCount() > 0, timeout=10000)
    view.results.setFocus()
    view.results.setCurrentCell(0, 0)
    forms: list[object] = []
    original = view.edit_record
    view.edit_record = lambda: forms.append(original()) or forms[-1]  # type: ignore[method-assign]
    qtbot.keyClick(view.results, Qt.Key.Key_Return)  # Enter on a result opens its form
    qtbot.waitUntil(lambda: bool(forms))
    return view, forms[0]


def test_saving_an_imported_record_unchanged_changes_nothing_but_its_time(  # type: ignore[no-untyped-def]
        window, lib, qtbot, shared_data) -> None:
    lib.catalog.import_marc(shared_data / "marc" / "evergreen" / "jazz_1k.mrc")
    view, form = _open_form(window, qtbot, "Killer Joe Golson")
    record_id = view.current_id
    before = _fields(lib, record_id)
    qtbot.keyClick(form.title, Qt.Key.Key_Return)  # Save
    assert form.result() == form.DialogCode.Accepted
    after = _fields(lib, record_id)
    assert [f for f in after if not str(f).startswith("005")] == [
        f for f in before if not str(f).startswith("005")]
    assert lib.catalog.record(record_id).language == "eng"


def test_changing_the_year_rewrites_the_publication_and_keeps_the_rest(  # type: ignore[no-untyped-def]
        window, lib, qtbot, shared_data) -> None:
    lib.catalog.import_marc(shared_data / "marc" / "evergreen" / "jazz_1k.mrc")
    view, form = _open_form(window, qtbot, "Killer Joe Golson")
    record_id = view.current_id
    before = _fields(lib, record_id)
    form.year.selectAll()
    qtbot.keyClicks(form.year, "1980")
    qtbot.keyClick(form.year, Qt.Key.Key_Return)
    after = _fields(lib, record_id)
    assert after[0] == before[0]  # the leader: still notated music ('c'), not a book
    fixed = next(f for f in after if isinstance(f, str) and f.startswith("008"))
    assert fixed[3 + 7:3 + 11] == "1980" and fixed[3 + 35:3 + 38] == "eng"
    tags = [f[0] for f in after if isinstance(f, list)]
    assert "260" in tags and "264" not in tags and "041" not in tags
    publication = next(f for f in after if isinstance(f, list) and f[0] == "260")
    assert publication[-1] == "1980."
    name = next(f for f in after if isinstance(f, list) and f[0] == "100")
    assert name[-2:] == ["d", "1929-"]  # the composer's dates
    title = next(f for f in after if isinstance(f, list) and f[0] == "245")
    assert "c" in title[2::2]  # its statement of responsibility
    assert lib.catalog.record(record_id).year == 1980
    assert lib.catalog.search("killer joe year:1980").total == 1
