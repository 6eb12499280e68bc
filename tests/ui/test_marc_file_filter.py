"""The MARC file dialogs show every kind of file ThuVien reads.

The librarian picks a file in the dialog's first filter ("Tệp MARC (…)"); a file whose
extension is missing from it is invisible there, although the import would read it. The
real files in ../shared/data/marc come with a dozen extensions: one of each that imports
records must match the filter.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QDir

from app.i18n import set_language
from app.library import Library
from ui.firstrun import texts

# Extensions no filter should claim: any program writes them, the "All files" choice shows them.
GENERIC = {".bin", ".txt", ".gz", ".md", ".line", ".aleph", ""}


def _first_filter(lang: str) -> str:
    set_language(lang)
    try:
        return texts.MARC_FILTER().split(";;")[0]
    finally:
        set_language("vi")


def _patterns(first_filter: str) -> list[str]:
    # As a list: PySide6's QDir.match(str, str) takes the string's characters for patterns,
    # and a lone "*" matches every name.
    return first_filter[first_filter.index("(") + 1:first_filter.rindex(")")].split()


def test_every_extension_of_the_readable_real_files_is_in_the_filter(
        shared_data: Path, tmp_path: Path) -> None:
    one_of_each: dict[str, Path] = {}
    for path in sorted((shared_data / "marc").rglob("*")):
        if path.is_file() and path.suffix.lower() not in GENERIC:
            one_of_each.setdefault(path.suffix.lower(), path)
    assert {".mrc", ".xml", ".json", ".ndj", ".mrk"} <= one_of_each.keys()

    readable = []
    with Library.open(tmp_path / "lib.sqlite") as lib:
        for suffix, path in one_of_each.items():
            try:
                report = lib.catalog.import_marc(path)
            except Exception:  # refused as a whole: not a file the filter needs to show
                continue
            if report.imported + report.merged:
                readable.append((suffix, path.name))
    assert len(readable) >= 8, readable

    for lang in ("vi", "en"):
        patterns = _patterns(_first_filter(lang))
        hidden = [name for _, name in readable
                  if not QDir.match(patterns, name)]
        assert hidden == [], f"{lang}: the MARC filter hides {hidden}"


def test_the_catalog_windows_import_dialog_offers_that_filter(  # type: ignore[no-untyped-def]
        window, qtbot, monkeypatch) -> None:
    offered: list[str] = []

    def pick(parent, caption, folder, filters):  # type: ignore[no-untyped-def]
        offered.append(filters)
        return "", ""  # the librarian cancels

    monkeypatch.setattr("ui.file_dialogs.QFileDialog.getOpenFileName", pick)
    window.show_view("catalog").choose_import()
    assert offered and offered[0].split(";;")[0] == _first_filter("vi")
    assert "*.ndj" in offered[0] and "*.usmarc" in offered[0]
