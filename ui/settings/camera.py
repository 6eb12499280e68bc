"""Settings → Camera: which webcam this PC uses, its resolution, start with the desk; try it.

Stored per PC (QSettings, :mod:`ui.camera.choice`), not in the library database. The try-out
panel uses the choice on screen before it is saved, so the librarian can find the right
camera number by looking.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ui.camera.choice import DEVICES, RESOLUTIONS, CameraChoice, load_choice, save_choice
from ui.camera.panel import CameraPanel


class CameraPage(QWidget):
    """The camera tab of the settings view."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cameraSettings")
        saved = load_choice()
        self.device = QSpinBox()
        self.device.setRange(DEVICES.start, DEVICES.stop - 1)
        self.device.setValue(saved.device)
        self.device.setMaximumWidth(120)
        self.resolution = QComboBox()
        notes = {(640, 480): self.tr("fastest, enough for most labels"),
                 (1280, 720): self.tr("sharper, uses more of the computer")}
        for width, height in RESOLUTIONS:
            note = notes.get((width, height))
            self.resolution.addItem(f"{width}×{height}" + (f" — {note}" if note else ""),
                                    f"{width}x{height}")
        self.resolution.setCurrentIndex(max(0, self.resolution.findData(_key(saved.resolution))))
        self.autostart = QCheckBox(self.tr("Switch the camera on when the desk opens"))
        self.autostart.setChecked(saved.autostart)
        self.save_button = save = QPushButton(self.tr("&Save"))
        save.setFixedWidth(140)
        save.clicked.connect(self.save)
        self.message = QLabel()
        self.message.setWordWrap(True)
        hint = QLabel(self.tr("0 is the first camera of this computer, 1 the second… A USB "
                              "scanner needs no setting here."))
        hint.setWordWrap(True)
        hint.setObjectName("keysHint")
        self.trial = CameraPanel(choice=self.choice, key="", desk=False)

        form = QFormLayout()
        form.addRow(self.tr("Camera number"), self.device)
        form.addRow("", hint)
        form.addRow(self.tr("Resolution"), self.resolution)
        form.addRow("", self.autostart)
        buttons = QHBoxLayout()
        buttons.addWidget(save)
        buttons.addWidget(self.message, 1)
        # The choice and its Save button, apart from the try-out panel: what the settings'
        # unsaved-edits check compares.
        self.form_box = box = QWidget()
        box.setMaximumWidth(720)
        box_layout = QVBoxLayout(box)
        box_layout.setContentsMargins(0, 0, 0, 0)
        box_layout.addLayout(form)
        box_layout.addLayout(buttons)
        trial_box = QWidget()
        trial_box.setMaximumWidth(720)
        trial_layout = QVBoxLayout(trial_box)
        trial_layout.setContentsMargins(0, 12, 0, 0)
        trial_hint = QLabel(self.tr("Try the camera chosen above (hold a barcode in front of it; "
                                    "nothing is lent here):"))
        trial_hint.setWordWrap(True)
        trial_layout.addWidget(trial_hint)
        trial_layout.addWidget(self.trial)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 16)
        layout.addWidget(box)
        layout.addWidget(trial_box)
        layout.addStretch(1)

    def choice(self) -> CameraChoice:
        """The choice on screen (saved or not)."""
        width, height = str(self.resolution.currentData()).split("x")
        return CameraChoice(self.device.value(), int(width), int(height),
                            self.autostart.isChecked())

    def show_resolution(self, size: tuple[int, int]) -> None:
        """Select *size* in the resolution list."""
        self.resolution.setCurrentIndex(max(0, self.resolution.findData(_key(size))))

    def save(self) -> bool:
        """Remember the choice on this PC; the desk uses it the next time its camera starts."""
        save_choice(self.choice())
        self.message.setStyleSheet("color: #14532d;")
        self.message.setText(self.tr("Saved. The desk uses this camera the next time it is "
                                     "switched on."))
        return True

    def shutdown(self) -> None:
        """Let the trial camera go."""
        self.trial.shutdown()


def _key(size: tuple[int, int]) -> str:
    return f"{size[0]}x{size[1]}"
