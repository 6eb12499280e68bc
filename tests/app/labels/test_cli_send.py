"""``thuvien labels ... --format tspl|zpl --send PRINTER``: the job goes raw to the printer (a
stand-in CUPS ``lp`` on PATH records what it was given; no printer here), a refusal is one clear
line on stderr, and the options that cannot go together are refused before anything is made."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.cli import main
from app.library import Library

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="the CUPS path; Windows uses winspool")

# A stand-in for CUPS's lp: keeps its arguments and standard input beside itself, then accepts
# the job or refuses it the way lp does (reason on stderr, exit 1).
STAND_IN_LP = """#!{python}
import json, sys
from pathlib import Path
folder = Path(__file__).parent
(folder / "argv.json").write_text(json.dumps(sys.argv[1:]))
(folder / "stdin.bin").write_bytes(sys.stdin.buffer.read())
if {refuse!r}:
    sys.stderr.write("lp: Error - The printer or class does not exist.\\n"
                     "lp: check the queue name with lpstat -p\\n")
    sys.exit(1)
print("request id is Xprinter-7 (1 file(s))")
"""


def stand_in_lp(folder: Path, monkeypatch: pytest.MonkeyPatch, refuse: bool = False) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    lp = folder / "lp"
    lp.write_text(STAND_IN_LP.format(python=sys.executable, refuse=refuse))
    lp.chmod(0o755)
    monkeypatch.setenv("PATH", str(folder))
    return folder


@pytest.fixture
def db(tmp_path: Path) -> Iterator[str]:
    with Library.open(tmp_path / "lib.sqlite3") as lib:
        lib.settings.set("library_name", "Thư viện Trường THCS Nguyễn Du")
        record = lib.catalog.add_record("Mắt biếc", authors=["Nguyễn Nhật Ánh"],
                                        classification="895.9223")
        lib.catalog.add_copies(record, 2, collection="TK")   # TK.00001, TK.00002
    yield str(tmp_path / "lib.sqlite3")


def test_tspl_job_is_written_and_sent_byte_for_byte(db: str, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    lp = stand_in_lp(tmp_path / "bin", monkeypatch)
    job = tmp_path / "job.tspl"
    code = main(["--db", db, "labels", "items", "--items", "TK.00001-TK.00002", "--format", "tspl",
                 "--out", str(job), "--send", "Xprinter"])
    out = capsys.readouterr().out.splitlines()
    assert code == 0
    assert out == [f"Đã ghi 2 nhãn mã vạch vào {job}",
                   "Đã gửi 2 nhãn mã vạch tới máy in Xprinter (lệnh in Xprinter-7)"]
    assert json.loads((lp / "argv.json").read_text()) == [
        "-d", "Xprinter", "-o", "raw", "-t", "ThuVien — nhãn mã vạch", "-"]
    sent = (lp / "stdin.bin").read_bytes()
    assert sent == job.read_bytes()  # the printer gets exactly the job file
    assert sent.count(b"PRINT 1") == 2 and b'"TK.00001"' in sent and b'"TK.00002"' in sent


def test_zpl_job_sent_without_a_file(db: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    lp = stand_in_lp(tmp_path / "bin", monkeypatch)
    code = main(["--db", db, "labels", "combined", "--barcodes", "TK.00002", "--format", "zpl",
                 "--send", "Zebra GK420d"])
    assert code == 0
    assert capsys.readouterr().out.strip() == (
        "Đã gửi 1 nhãn kết hợp tới máy in Zebra GK420d (lệnh in Xprinter-7)")
    sent = (lp / "stdin.bin").read_bytes()
    assert sent.count(b"^XA") == 1 and b"^FD>:TK.00002^FS" in sent
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bin", "lib.sqlite3"]  # no file


def test_a_refusing_printer_is_one_clear_line(db: str, tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    stand_in_lp(tmp_path / "bin", monkeypatch, refuse=True)
    code = main(["--db", db, "labels", "spine", "--items", "TK.00001-TK.00002", "--format", "tspl",
                 "--send", "Gone"])
    captured = capsys.readouterr()
    assert code == 2 and captured.out == ""
    assert captured.err == ("Máy in “Gone” không nhận lệnh in: lp: Error - The printer or class "
                            "does not exist. lp: check the queue name with lpstat -p\n")


def test_send_needs_a_job_format_and_something_needs_a_target(
        db: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    lp = stand_in_lp(tmp_path / "bin", monkeypatch)
    code = main(["--db", db, "labels", "items", "--items", "TK.00001-TK.00002",
                 "--send", "Xprinter"])  # a PDF cannot go raw to a label printer
    assert code == 2 and "--format tspl" in capsys.readouterr().err
    code = main(["--db", db, "labels", "items", "--items", "TK.00001-TK.00002", "--format", "zpl"])
    err = capsys.readouterr().err
    assert code == 2 and "--out" in err and "--send" in err and err.count("\n") == 1
    assert not (lp / "stdin.bin").exists()  # nothing reached the printer
