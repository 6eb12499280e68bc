"""The Windows installer script compiles (NSIS runs on Linux) and installs per user.

The payload here is a stand-in bundle (the real one is built on Windows); what is checked is
the script itself: it compiles with both languages, asks for no administrator rights and keeps
the library data unless asked.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import REPO_ROOT

SCRIPT = REPO_ROOT / "installer" / "thuvien.nsi"


@pytest.mark.skipif(shutil.which("makensis") is None,
                    reason="NSIS is not installed (apt-get install nsis)")
def test_installer_script_compiles(tmp_path: Path) -> None:
    bundle = tmp_path / "thuvien"
    (bundle / "_internal").mkdir(parents=True)
    (bundle / "ThuVien.exe").write_bytes(b"MZ stand-in")
    (bundle / "thuvien-cli.exe").write_bytes(b"MZ stand-in")
    (bundle / "_internal" / "python311.dll").write_bytes(b"stand-in")
    out = tmp_path / "ThuVien-setup.exe"
    done = subprocess.run(["makensis", "-V2", f"-DBUNDLE={bundle}",
                           f"-DOUTFILE={out}", "-DVERSION=9.9.9", str(SCRIPT)],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    assert out.stat().st_size > 50_000
    assert out.read_bytes()[:2] == b"MZ"


def test_installer_is_per_user_bilingual_and_keeps_data_by_default() -> None:
    text = SCRIPT.read_text(encoding="utf-8")
    assert "RequestExecutionLevel user" in text
    assert '!insertmacro MUI_LANGUAGE "Vietnamese"' in text
    assert '!insertmacro MUI_LANGUAGE "English"' in text
    assert "$LOCALAPPDATA\\Programs\\${APP}" in text
    # the data folder is removed only inside the "delete data" branch
    uninstall = text[text.index('Section "Uninstall"'):]
    guarded = uninstall[uninstall.index("${If} $DeleteData == 1"):]
    assert 'RMDir /r "${DATA_DIR}"' in guarded
    assert 'RMDir /r "${DATA_DIR}"' not in uninstall[:uninstall.index("${If} $DeleteData == 1")]
    for key in ("ShortcutUninstall", "KeepDataText", "DeleteDataBox", "VcrtMissing"):
        assert f"LangString {key} ${{LANG_VIETNAMESE}}" in text
        assert f"LangString {key} ${{LANG_ENGLISH}}" in text
