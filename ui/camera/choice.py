"""Which camera this PC uses, at which resolution, and whether the desk starts it: QSettings.

A camera is a per-PC thing (the library's other PC has another one), so it is not stored in
the library database.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QSettings

RESOLUTIONS = ((640, 480), (800, 600), (1280, 720))
DEVICES = range(10)
KEY = "camera"


@dataclass(frozen=True)
class CameraChoice:
    """Device number (0 = the first camera), frame size, and start-with-the-desk."""

    device: int = 0
    width: int = 640
    height: int = 480
    autostart: bool = False

    @property
    def resolution(self) -> tuple[int, int]:
        """``(width, height)``."""
        return self.width, self.height


def _int(value: object, default: int) -> int:
    try:
        return int(str(value))
    except (TypeError, ValueError):
        return default


def load_choice(settings: QSettings | None = None) -> CameraChoice:
    """This PC's camera choice; defaults for anything missing or unusable."""
    s = settings or QSettings()
    default = CameraChoice()
    device = _int(s.value(f"{KEY}/device", default.device), default.device)
    size = (_int(s.value(f"{KEY}/width", default.width), default.width),
            _int(s.value(f"{KEY}/height", default.height), default.height))
    if size not in RESOLUTIONS:
        size = default.resolution
    autostart = str(s.value(f"{KEY}/autostart", "false")).lower() in ("true", "1")
    return CameraChoice(device if device in DEVICES else default.device, *size, autostart)


def save_choice(choice: CameraChoice, settings: QSettings | None = None) -> None:
    """Remember *choice* on this PC."""
    s = settings or QSettings()
    s.setValue(f"{KEY}/device", choice.device)
    s.setValue(f"{KEY}/width", choice.width)
    s.setValue(f"{KEY}/height", choice.height)
    s.setValue(f"{KEY}/autostart", choice.autostart)
    s.sync()
