"""The frozen app (PyInstaller onedir, build.spec) builds and passes its smoke run.

``scripts/build_frozen.sh`` builds the bundle into ``build/frozen`` (reused while app/, ui/,
resources/, the spec and the installed packages are unchanged, so only the first run pays the
1-3 minute build) and runs ``thuvien selftest`` from it offscreen with every system font hidden.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO_ROOT

DIST = REPO_ROOT / "build" / "frozen" / "dist"
BUNDLE = DIST / "thuvien"
PLUGINS_ALLOWED = {
    "platforms": {"libqxcb.so", "libqoffscreen.so"},
    "platforminputcontexts": {"libibusplatforminputcontextplugin.so",
                              "libcomposeplatforminputcontextplugin.so"},
    "xcbglintegrations": {"libqxcb-glx-integration.so"},
    "imageformats": {"libqjpeg.so", "libqico.so", "libqgif.so"},
    "printsupport": {"libcupsprintersupport.so"},
}

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not sys.platform.startswith("linux"),
                       reason="the CI build of the frozen app runs on Linux"),
]


@pytest.fixture(scope="module")
def smoke_report(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        pytest.fail("PyInstaller is a dev dependency: .venv/bin/pip install pyinstaller")
    marc = REPO_ROOT.parent / "shared" / "data" / "marc" / "marc4j" / "brkrtest_UTF8.mrc"
    env = {**os.environ, "PYTHON": sys.executable, "DIST": str(DIST),
           "WORK": str(REPO_ROOT / "build" / "frozen" / "work")}
    done = subprocess.run(["bash", str(REPO_ROOT / "scripts" / "build_frozen.sh"),
                           "--marc", str(marc)], cwd=REPO_ROOT, env=env,
                          capture_output=True, text=True, timeout=1800)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    line = next(x for x in done.stdout.splitlines() if x.startswith("{"))
    print("\n" + next(x for x in done.stdout.splitlines() if x.startswith("[size]")))
    return dict(json.loads(line))


def test_frozen_app_imports_lends_prints_and_backs_up_without_system_fonts(
        smoke_report: dict[str, object]) -> None:
    assert smoke_report["ok"] is True
    assert smoke_report["frozen"] is True
    assert smoke_report["imported"] == 8           # brkrtest_UTF8.mrc: 2 new + 6 merged
    assert smoke_report["imported_by_worker"] == 8  # the bundle can start its reader process
    assert smoke_report["checkout"]
    assert int(str(smoke_report["labels_pdf_bytes"])) > 10_000
    assert str(smoke_report["backup"]).startswith("thuvien-TH-LELOI-")
    assert "zxing" in smoke_report["scanners"]     # type: ignore[operator]
    assert smoke_report["qt_platform"] == "offscreen"
    assert "DejaVu Sans Condensed" in smoke_report["fonts"]  # type: ignore[operator]
    assert smoke_report["main_window"] is True      # the whole ui/ package is in the bundle
    assert int(str(smoke_report["translations_loaded"])) >= 1  # Vietnamese .qm bundled


def test_bundle_carries_resources_and_only_the_qt_plugins_in_use(
        smoke_report: dict[str, object]) -> None:
    internal = BUNDLE / "_internal"
    assert (internal / "resources" / "fonts" / "DejaVuSansCondensed.ttf").is_file()
    assert len(list((internal / "resources" / "labels").glob("*.json"))) >= 5
    plugins = internal / "PySide6" / "Qt" / "plugins"
    found = {folder.name: {p.name for p in folder.iterdir()} for folder in plugins.iterdir()}
    for category, names in found.items():
        assert names <= PLUGINS_ALLOWED.get(category, set()), (category, names)
    assert "libqxcb.so" in found["platforms"] and "libqoffscreen.so" in found["platforms"]
    leaked = [p.name for p in internal.iterdir()
              if p.name.startswith(("libgtk", "libQt6Wayland", "libQt6Quick", "libQt6Qml",
                                    "libQt6Network", "libwayland"))]
    assert leaked == []
    assert not (internal / "PySide6" / "Qt" / "translations").exists()


def test_frozen_cli_reports_a_bad_backup_in_one_line(smoke_report: dict[str, object],
                                                     tmp_path: Path) -> None:
    bad = tmp_path / "thuvien-X-20250101-000000.sqlite3"
    bad.write_bytes(b"not a database")
    done = subprocess.run([str(BUNDLE / "thuvien"), "--lang", "en", "--db",
                           str(tmp_path / "lib.sqlite3"), "backup", "restore", str(bad)],
                          capture_output=True, text=True, timeout=120,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert done.returncode == 2
    assert done.stderr.strip() == f"The file {bad} is not a ThuVien backup (not an SQLite database)."
