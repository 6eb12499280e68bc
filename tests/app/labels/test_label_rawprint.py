"""Sending a TSPL/ZPL job raw to a printer. The CUPS path runs against a stand-in ``lp`` on
PATH that records its arguments and standard input (no printer here); the Windows winspool
path cannot run on this machine and is not tested."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from app.errors import UserError
from app.labels import LabelItem
from app.labels.rawprint import lp_command, send_raw
from app.labels.thermal import ThermalMedia, tspl_job, zpl_job

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="the CUPS path; Windows uses winspool")

FAKE_LP = """#!{python}
import json, sys
from pathlib import Path
here = Path(__file__).parent
(here / "argv.json").write_text(json.dumps(sys.argv[1:]))
(here / "stdin.bin").write_bytes(sys.stdin.buffer.read())
if {fail!r}:
    print("lp: The printer or class does not exist.", file=sys.stderr)
    sys.exit(1)
print("request id is Xprinter_XP365B-42 (1 file(s))")
"""


def fake_lp(folder: Path, monkeypatch: pytest.MonkeyPatch, fail: bool = False) -> Path:
    """Put a stand-in ``lp`` alone on PATH; returns its folder (argv.json, stdin.bin)."""
    folder.mkdir(parents=True, exist_ok=True)
    lp = folder / "lp"
    lp.write_text(FAKE_LP.format(python=sys.executable, fail=fail))
    lp.chmod(0o755)
    monkeypatch.setenv("PATH", str(folder))
    return folder


ITEMS = [LabelItem("TK.00001", "Mắt biếc", "Thư viện Trường THCS Nguyễn Du", ("895.9223", "ÁNH")),
         LabelItem("TK.00002", "Dế Mèn phiêu lưu ký", "Thư viện Trường THCS Nguyễn Du")]


@pytest.mark.parametrize("make", [tspl_job, zpl_job], ids=["tspl", "zpl"])
def test_the_job_reaches_lp_raw_and_byte_for_byte(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                  make) -> None:  # type: ignore[no-untyped-def]
    folder = fake_lp(tmp_path / "bin", monkeypatch)
    job = make("combined", ITEMS, ThermalMedia(50, 30, dpi=203))
    job_id = send_raw("Xprinter_XP365B", job, "ThuVien — nhãn kết hợp")
    assert json.loads((folder / "argv.json").read_text()) == [
        "-d", "Xprinter_XP365B", "-o", "raw", "-t", "ThuVien — nhãn kết hợp", "-"]
    assert (folder / "stdin.bin").read_bytes() == job  # the printer gets the job untouched
    assert job_id == "Xprinter_XP365B-42"
    assert lp_command("P", "t") == ["lp", "-d", "P", "-o", "raw", "-t", "t", "-"]


def test_a_refusal_is_reported_with_cups_reason(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fake_lp(tmp_path / "bin", monkeypatch, fail=True)
    with pytest.raises(UserError, match="không nhận lệnh in: lp: The printer or class does not exist"):
        send_raw("Gone", tspl_job("items", ITEMS))


def test_no_cups_no_printer_no_labels_are_clear_errors(tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(UserError, match="cups-client"):
        send_raw("Xprinter", b"SIZE 50 mm,30 mm\r\n")
    with pytest.raises(UserError, match="Chưa chọn máy in"):
        send_raw("  ", b"x")
    with pytest.raises(UserError, match="trống"):
        send_raw("Xprinter", b"")
