"""Every command that writes a file makes the folder it names, as a librarian expects of
``--pdf "Phiếu mượn/6A.pdf"`` (``labels --out`` did, ``loan-slip --pdf`` refused), and says
in one line when it cannot: a file standing where a folder should be, a folder named as the
file. Run through the real ``thuvien`` command; the files are read back."""

from __future__ import annotations

import subprocess
import zipfile
from pathlib import Path

import pytest

from app.cli import main
from app.i18n import set_language
from app.library import Library


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "thuvien.sqlite3"
    with Library.open(path) as lib:
        patron = lib.patrons.add("Nguyễn Văn An", class_name="6A")
        record = lib.catalog.add_record("Dế Mèn phiêu lưu ký", authors=["Tô Hoài"], year=2019)
        items = lib.catalog.add_copies(record, 3, collection="TK")
        lib.circulation.checkout(patron.id, items[0].barcode)
    return path


@pytest.fixture(autouse=True)
def vietnamese() -> object:
    yield None
    set_language("vi")


def thuvien(db: Path, *args: str) -> int:
    return main(["--db", str(db), "--lang", "vi", *args])


def pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                          text=True, check=True).stdout


COMMANDS = [
    (("loan-slip", "HS000001", "--pdf"), "phiếu mượn.pdf", "Nguyễn Văn An"),
    (("overdue", "--pdf"), "quá hạn.pdf", None),
    (("labels", "items", "--barcodes", "TK.00001", "--out"), "nhãn.pdf", "TK.00001"),
    (("labels", "cards", "--class", "6A", "--out"), "thẻ.pdf", "Nguyễn Văn An"),
    (("register", "individual", "--pdf"), "sổ.pdf", "TK.00002"),
    (("stats", "--xlsx"), "thống kê.xlsx", None),
    (("export-marc",), "biên mục.mrc", None),
    (("patrons", "export", "HS000001", "--out"), "bạn đọc.json", "Nguyễn Văn An"),
]


@pytest.mark.parametrize(("command", "name", "shown"), COMMANDS,
                         ids=[" ".join(c[0]) for c in COMMANDS])
def test_a_missing_folder_is_made(db: Path, tmp_path: Path, command: tuple[str, ...],
                                  name: str, shown: str | None,
                                  capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "Tài liệu in" / "năm học 2025-2026" / name
    assert thuvien(db, *command, str(target)) == 0, capsys.readouterr().err
    assert target.is_file()
    if target.suffix == ".pdf":
        assert target.read_bytes().startswith(b"%PDF")
        if shown:
            assert shown in pdf_text(target)
    elif target.suffix == ".xlsx":
        assert zipfile.is_zipfile(target)
    elif shown:
        assert shown in target.read_text(encoding="utf-8")


def test_the_writeoff_list_makes_its_folder(db: Path, tmp_path: Path) -> None:
    assert thuvien(db, "writeoff", "TK.00003", "--number", "01/2026", "--reason", "worn") == 0
    target = tmp_path / "Thanh lý" / "2026" / "danh sách.pdf"
    assert thuvien(db, "writeoffs", "--out", str(target)) == 0
    assert "TK.00003" in pdf_text(target)


@pytest.mark.parametrize(("command", "name", "shown"), COMMANDS,
                         ids=[" ".join(c[0]) for c in COMMANDS])
def test_a_file_where_a_folder_should_be_is_said_in_one_line(
        db: Path, tmp_path: Path, command: tuple[str, ...], name: str, shown: str | None,
        capsys: pytest.CaptureFixture[str]) -> None:
    del shown
    notes = tmp_path / "ghi chú.txt"
    notes.write_text("không phải thư mục", encoding="utf-8")
    target = notes / "con" / name
    assert thuvien(db, *command, str(target)) == 2
    err = capsys.readouterr().err.strip()
    assert err == (f"Không dùng được tệp {target}: một phần của đường dẫn là tệp chứ không "
                   "phải thư mục."), err
    assert notes.read_text(encoding="utf-8") == "không phải thư mục"


@pytest.mark.parametrize(("command", "name", "shown"), COMMANDS,
                         ids=[" ".join(c[0]) for c in COMMANDS])
def test_a_folder_named_as_the_file_is_said_in_one_line(
        db: Path, tmp_path: Path, command: tuple[str, ...], name: str, shown: str | None,
        capsys: pytest.CaptureFixture[str]) -> None:
    del shown
    folder = tmp_path / "Tài liệu in"
    folder.mkdir()
    assert thuvien(db, *command, str(folder)) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith(f"{folder} là một thư mục: hãy cho tên tệp, ví dụ {folder}/"), err
    assert "\n" not in err and list(folder.iterdir()) == []
