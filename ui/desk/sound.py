"""Two short sounds for the desk: a high chirp for ok, a low double buzz for refused.

QtMultimedia is not part of pyside6-essentials, so the WAVs are made here with the standard
library and played without Qt: ``winsound`` on Windows, ``paplay``/``aplay`` on Linux
(started in the background, never waited for). Where none exists, ``QApplication.beep()``
is the fallback — the same beep for both, so the coloured banner remains the real signal.
"""

from __future__ import annotations

import io
import math
import shutil
import struct
import subprocess
import sys
import tempfile
import wave
from pathlib import Path

RATE = 16000


def tone_wav(parts: list[tuple[float, float]], volume: float = 0.35) -> bytes:
    """A mono 16-bit WAV of (frequency Hz, seconds) parts; frequency 0 is silence."""
    frames = bytearray()
    for freq, seconds in parts:
        count = int(RATE * seconds)
        for n in range(count):
            fade = min(1.0, n / 160, (count - n) / 160)
            value = math.sin(2 * math.pi * freq * n / RATE) * volume * fade if freq else 0.0
            frames += struct.pack("<h", int(value * 32767))
    out = io.BytesIO()
    with wave.open(out, "wb") as wav:
        wav.setnchannels(1)
        wav.setsampwidth(2)
        wav.setframerate(RATE)
        wav.writeframes(bytes(frames))
    return out.getvalue()


SOUNDS = {
    "ok": [(1320.0, 0.07), (1760.0, 0.09)],
    "bad": [(220.0, 0.16), (0.0, 0.06), (220.0, 0.22)],
}


class DeskSounds:
    """Plays the ok / refused sounds; ``enabled`` False keeps the desk silent (tests)."""

    def __init__(self, enabled: bool = True) -> None:
        self.enabled = enabled
        self._files: dict[str, Path] = {}
        self._data = {name: tone_wav(parts) for name, parts in SOUNDS.items()}
        self._player = shutil.which("paplay") or shutil.which("aplay")
        self.last_played: str | None = None

    def play(self, name: str) -> None:
        """Play ``ok`` or ``bad`` without waiting for it to end."""
        self.last_played = name
        if not self.enabled:
            return
        try:
            if sys.platform == "win32":
                import winsound

                winsound.PlaySound(self._data[name], winsound.SND_MEMORY | winsound.SND_ASYNC)
                return
            if self._player:
                subprocess.Popen([self._player, str(self._file(name))],
                                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                return
        except OSError:
            pass
        from PySide6.QtWidgets import QApplication

        QApplication.beep()

    def _file(self, name: str) -> Path:
        if name not in self._files:
            with tempfile.NamedTemporaryFile(prefix=f"thuvien-{name}-", suffix=".wav",
                                             delete=False) as handle:
                handle.write(self._data[name])
            self._files[name] = Path(handle.name)
        return self._files[name]
