"""The label roll of a thermal printer (size, gap, resolution, TSPL or ZPL), remembered on this
PC: the fields the label dialog shows, in its own form, when printing on a thermal printer."""

from __future__ import annotations

import json

from PySide6.QtCore import QObject, QSettings
from PySide6.QtWidgets import QComboBox, QDoubleSpinBox, QWidget

from app.labels.thermal import ThermalMedia

SETTINGS_KEY = "labels/thermal"


class ThermalOptions(QObject):
    """Language, label width × height, gap and dots per inch of a thermal roll."""

    def __init__(self, settings: QSettings, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._settings = settings
        self.language = QComboBox()
        self.language.addItem(self.tr("TSPL (TSC, Xprinter and most others)"), "tspl")
        self.language.addItem(self.tr("ZPL (Zebra)"), "zpl")
        self.width = self._spin(20, 120, 50)
        self.height = self._spin(10, 200, 30)
        self.gap = self._spin(0, 10, 2)
        self.dpi = QComboBox()
        for dpi in (203, 300):
            self.dpi.addItem(f"{dpi} dpi", dpi)
        self._restore()

    def rows(self) -> list[tuple[str, QWidget]]:
        """(label, field) pairs for the dialog's form."""
        return [(self.tr("Printer language"), self.language), (self.tr("Label width"), self.width),
                (self.tr("Label height"), self.height),
                (self.tr("Gap between labels"), self.gap), (self.tr("Resolution"), self.dpi)]

    @staticmethod
    def _spin(low: float, high: float, value: float) -> QDoubleSpinBox:
        spin = QDoubleSpinBox()
        spin.setRange(low, high)
        spin.setDecimals(1)
        spin.setSuffix(" mm")
        spin.setValue(value)
        return spin

    def media(self, offset_x: float = 0.0, offset_y: float = 0.0) -> ThermalMedia:
        """The roll as :class:`ThermalMedia`, with the printer's offsets."""
        return ThermalMedia(self.width.value(), self.height.value(), self.gap.value(),
                            int(self.dpi.currentData()), offset_x, offset_y)

    def job_language(self) -> str:
        """``"tspl"`` or ``"zpl"``."""
        return str(self.language.currentData())

    def remember(self) -> None:
        """Keep the roll for next time."""
        self._settings.setValue(SETTINGS_KEY, json.dumps({
            "language": self.job_language(), "width": self.width.value(),
            "height": self.height.value(), "gap": self.gap.value(),
            "dpi": int(self.dpi.currentData())}))

    def _restore(self) -> None:
        try:
            saved = json.loads(str(self._settings.value(SETTINGS_KEY, "{}") or "{}"))
        except ValueError:
            return
        if not isinstance(saved, dict):
            return
        self.language.setCurrentIndex(max(0, self.language.findData(saved.get("language"))))
        for spin, key in ((self.width, "width"), (self.height, "height"), (self.gap, "gap")):
            if isinstance(saved.get(key), int | float):
                spin.setValue(float(saved[key]))
        self.dpi.setCurrentIndex(max(0, self.dpi.findData(saved.get("dpi"))))
