"""Where the library database lives, and refusing places where SQLite is unsafe."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

from app.errors import StorageError
from app.i18n import Text

NETWORK_PATH = Text(
    "Không thể dùng CSDL trên ổ mạng ({path}): SQLite có thể hỏng dữ liệu ở đó. "
    "Hãy chọn một thư mục trên ổ đĩa của máy này.",
    "The database cannot live on a network drive ({path}): SQLite may corrupt it there. "
    "Choose a folder on this computer's own disk.",
)
_NETWORK_FS = {"nfs", "nfs4", "cifs", "smbfs", "smb3", "fuse.sshfs", "sshfs", "9p", "afs",
               "ncpfs", "fuse.rclone", "davfs", "fuse.davfs2", "glusterfs", "ceph", "lustre"}


def default_db_path() -> Path:
    """The database file used when neither ``--db`` nor ``THUVIEN_DB`` names one."""
    env = os.environ.get("THUVIEN_DB")
    if env:
        return Path(env)
    return Path(platformdirs.user_data_dir("ThuVien", appauthor=False)) / "thuvien.sqlite3"


def _linux_fs_type(path: Path) -> str | None:
    try:
        mounts = Path("/proc/mounts").read_text().splitlines()
    except OSError:
        return None
    best, fs_type = "", None
    target = str(path.resolve())
    for line in mounts:
        parts = line.split()
        if len(parts) < 3:
            continue
        mount_point = parts[1].replace("\\040", " ")
        inside = target == mount_point or target.startswith(mount_point.rstrip("/") + "/")
        if inside and len(mount_point) >= len(best):
            best, fs_type = mount_point, parts[2]
    return fs_type


def _windows_is_remote(path: Path) -> bool:
    import ctypes

    text = str(path.resolve())
    if text.startswith("\\\\"):
        return True
    drive = os.path.splitdrive(text)[0]
    if not drive:
        return False
    drive_remote = 4
    return bool(ctypes.windll.kernel32.GetDriveTypeW(drive + "\\") == drive_remote)  # type: ignore[attr-defined]


def is_network_path(path: Path) -> bool:
    """True when *path* (or the folder it would be created in) is on a network share."""
    probe = path if path.exists() else path.parent
    while not probe.exists() and probe != probe.parent:
        probe = probe.parent
    if sys.platform == "win32":
        return _windows_is_remote(probe)
    if str(path).startswith("//"):
        return True
    return _linux_fs_type(probe) in _NETWORK_FS


def check_local(path: Path) -> None:
    """Raise :class:`StorageError` when *path* is on a network share."""
    if is_network_path(path):
        raise StorageError("db.network_path", NETWORK_PATH, path=str(path))
