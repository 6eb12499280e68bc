"""The Windows size estimate (scripts/estimate_windows_size.py) follows build.spec and real PE files.

The estimate itself downloads ~200 MB of Windows wheels and compresses them for minutes, so it is
run by hand; what is checked here is that it reads the spec's own rules (a spec change cannot
leave it estimating another bundle), that it reads DLL imports from a real Windows executable,
and that the Windows program names of the spec and of the installer agree.
"""

from __future__ import annotations

import importlib.util
import re
import shutil
import subprocess
from pathlib import Path
from types import ModuleType

import pytest

from tests.conftest import REPO_ROOT

SPEC = REPO_ROOT / "build.spec"


def _estimator() -> ModuleType:
    path = REPO_ROOT / "scripts" / "estimate_windows_size.py"
    spec = importlib.util.spec_from_file_location("estimate_windows_size", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_estimate_uses_the_filters_written_in_build_spec() -> None:
    rules = _estimator().spec_rules(SPEC)
    wanted = rules["_wanted"]
    assert not wanted("PySide6/opengl32sw.dll")
    assert not wanted("cv2/opencv_videoio_ffmpeg500_64.dll")
    assert not wanted("PySide6/translations/qtbase_vi.qm")
    assert wanted("PySide6/Qt6Core.dll") and wanted("cv2/cv2.pyd")
    assert rules["KEEP_PLUGINS"]["platforms"] >= {"qwindows", "qoffscreen"}
    stem = rules["_plugin_stem"]
    assert stem("PySide6/plugins/platforms/qwindows.dll") == "qwindows"
    assert stem("PySide6/Qt/plugins/platforms/libqxcb.so") == "qxcb"
    assert {"numpy.random", "unittest", "PIL._avif"} <= set(rules["excludes"])


def test_windows_programs_have_distinct_names_and_the_installer_knows_them() -> None:
    # Windows file names ignore case: thuvien.exe and ThuVien.exe would be one file.
    exes = _estimator().spec_windows_exes(SPEC)
    assert set(exes) == {"console", "windowed"}
    assert exes["console"].lower() != exes["windowed"].lower()
    nsi = (REPO_ROOT / "installer" / "thuvien.nsi").read_text(encoding="utf-8")
    uninstall = nsi[nsi.index('Section "Uninstall"'):]
    for exe in exes.values():
        assert f'Delete "$INSTDIR\\{exe}"' in uninstall
    started = set(re.findall(r'"\$INSTDIR\\([^"\\]+\.exe)"', nsi)) - {"Uninstall.exe"}
    assert started <= set(exes.values())
    assert f"$INSTDIR\\{exes['windowed']}" in nsi   # the Start-menu entry opens the window


@pytest.mark.skipif(shutil.which("makensis") is None,
                    reason="NSIS is not installed (apt-get install nsis)")
def test_reads_the_dll_imports_of_a_real_windows_executable(tmp_path: Path) -> None:
    script = tmp_path / "tiny.nsi"
    script.write_text('OutFile "tiny.exe"\nRequestExecutionLevel user\nSection\nSectionEnd\n',
                      encoding="utf-8")
    done = subprocess.run(["makensis", "-V1", str(script)], cwd=tmp_path,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
    imports = {name.lower() for name in _estimator().pe_imports((tmp_path / "tiny.exe").read_bytes())}
    assert {"kernel32.dll", "user32.dll"} <= imports
    assert all(name.endswith((".dll", ".drv")) for name in imports)
