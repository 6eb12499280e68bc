#!/usr/bin/env python3
"""Set up ThuVien on a fresh machine, then start it or run its checks.

    python3 scripts/dev.py run     # install what is needed, then start the app
    python3 scripts/dev.py test    # install what is needed, then run ruff, mypy and the tests

(On Windows type ``py`` instead of ``python3``.) It creates ``.venv`` beside this folder,
installs the project into it, installs the Debian/Ubuntu system packages Qt, zbar and the
PDF checks need (with apt-get, as root or through sudo) or says exactly which are missing,
and compiles the Qt translations. Only the Python standard library is used here.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"
MIN_PYTHON = (3, 11)

# Debian/Ubuntu packages: Qt's xcb platform plugin, zbar for pyzbar, fonts.
APT_RUN = ["libxcb-cursor0", "libxkbcommon-x11-0", "libxcb-icccm4", "libxcb-keysyms1",
           "libxcb-shape0", "libxcb-xinerama0", "libxcb-randr0", "libxcb-render-util0",
           "libxcb-image0", "libegl1", "libgl1", "libfontconfig1", "libdbus-1-3", "libzbar0"]
# The tests also render PDFs (poppler-utils), drive a real window (xvfb, xdotool) and compile
# the Windows installer script (nsis).
APT_TEST = APT_RUN + ["poppler-utils", "xvfb", "xauth", "xdotool", "nsis"]


def say(message: str) -> None:
    print(f"[thuvien] {message}", flush=True)


def fail(message: str) -> None:
    print(f"[thuvien] ERROR: {message}", file=sys.stderr, flush=True)
    sys.exit(1)


def venv_python() -> Path:
    return VENV / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def apt_missing(packages: list[str]) -> list[str]:
    missing = []
    for name in packages:
        probe = subprocess.run(["dpkg-query", "-W", "-f=${Status}", name],
                               capture_output=True, text=True)
        if "install ok installed" not in probe.stdout:
            missing.append(name)
    return missing


def ensure_system_packages(packages: list[str]) -> None:
    """Install missing Debian/Ubuntu packages, or stop with the exact command to run."""
    if not sys.platform.startswith("linux") or shutil.which("dpkg-query") is None:
        return  # Windows wheels carry what they need; other systems: see the README.
    missing = apt_missing(packages)
    if not missing:
        return
    prefix: list[str] = []
    if os.geteuid() != 0:
        if shutil.which("sudo") is None:
            fail("these system packages are missing and I cannot install them without root: "
                 f"{' '.join(missing)}\n  Run as root: apt-get install -y {' '.join(missing)}")
        prefix = ["sudo"]
    say(f"installing system packages: {' '.join(missing)}")
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    subprocess.run(prefix + ["apt-get", "update", "-qq"], check=False, env=env)
    done = subprocess.run(prefix + ["apt-get", "install", "-y", "-qq", *missing], env=env)
    if done.returncode != 0 or apt_missing(missing):
        fail(f"could not install {' '.join(apt_missing(missing))}; "
             f"install them with: apt-get install -y {' '.join(missing)}")


def ensure_venv() -> None:
    if venv_python().exists():
        return
    say(f"creating the virtual environment {VENV}")
    made = subprocess.run([sys.executable, "-m", "venv", str(VENV)])
    if made.returncode != 0:
        if sys.platform.startswith("linux") and shutil.which("apt-get"):
            # Debian splits venv/ensurepip out of python3 itself.
            shutil.rmtree(VENV, ignore_errors=True)
            versioned = f"python{sys.version_info[0]}.{sys.version_info[1]}-venv"
            known = subprocess.run(["apt-cache", "show", versioned], capture_output=True)
            ensure_system_packages(["python3-venv"] + ([versioned] if known.returncode == 0
                                                       else []))
            made = subprocess.run([sys.executable, "-m", "venv", str(VENV)])
        if made.returncode != 0:
            fail("could not create a virtual environment (on Debian/Ubuntu: "
                 "apt-get install python3-venv)")


def ensure_project(extras: str) -> None:
    """pip-install the project (editable) when pyproject.toml changed since the last time."""
    stamp = VENV / f".thuvien-{extras}.sha256"
    digest = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if stamp.exists() and stamp.read_text() == digest:
        return
    say("installing ThuVien and its Python packages (first time takes a few minutes)")
    py = str(venv_python())
    subprocess.run([py, "-m", "pip", "install", "-q", "--upgrade", "pip"], check=False)
    target = f".[{extras}]" if extras else "."
    done = subprocess.run([py, "-m", "pip", "install", "-q", "-e", target], cwd=ROOT)
    if done.returncode != 0:
        fail("pip could not install the project's packages (see the messages above)")
    stamp.write_text(digest)


def compile_translations() -> None:
    """Compile resources/translations/*.ts into .qm files with PySide6's lrelease."""
    sources = sorted((ROOT / "resources" / "translations").glob("*.ts"))
    if not sources:
        return
    bindir = venv_python().parent
    tool = next((p for p in (bindir / "pyside6-lrelease", bindir / "pyside6-lrelease.exe")
                 if p.exists()), None)
    if tool is None:
        fail("pyside6-lrelease was not found in the virtual environment")
    for ts in sources:
        qm = ts.with_suffix(".qm")
        if qm.exists() and qm.stat().st_mtime >= ts.stat().st_mtime:
            continue
        done = subprocess.run([str(tool), "-silent", str(ts), "-qm", str(qm)])
        if done.returncode != 0:
            fail(f"could not compile the translation {ts.name}")


def run_app(extra: list[str]) -> int:
    ensure_system_packages(APT_RUN)
    ensure_venv()
    ensure_project("")
    compile_translations()
    return subprocess.run([str(venv_python()), "-m", "app.cli", *extra], cwd=ROOT).returncode


def run_tests(extra: list[str]) -> int:
    ensure_system_packages(APT_TEST)
    ensure_venv()
    ensure_project("server,dev")
    compile_translations()
    py = str(venv_python())
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONDONTWRITEBYTECODE="1")
    steps = [
        ("ruff", [py, "-m", "ruff", "check", "."]),
        ("mypy", [py, "-m", "mypy"]),
        ("pytest", [py, "-m", "pytest", *extra]),
    ]
    for name, command in steps:
        say(f"running {name}")
        code = subprocess.run(command, cwd=ROOT, env=env).returncode
        if code != 0:
            say(f"{name} failed (exit {code})")
            return code
    return 0


def main(argv: list[str]) -> int:
    if sys.version_info < MIN_PYTHON:
        fail(f"ThuVien needs Python {MIN_PYTHON[0]}.{MIN_PYTHON[1]} or newer; "
             f"this is {sys.version.split()[0]}")
    if not argv or argv[0] not in ("run", "test"):
        print(__doc__)
        return 2
    return run_app(argv[1:]) if argv[0] == "run" else run_tests(argv[1:])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
